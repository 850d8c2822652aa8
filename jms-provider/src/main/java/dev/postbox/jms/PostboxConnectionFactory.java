package dev.postbox.jms;

import dev.postbox.jms.client.BrokerRegistry;
import dev.postbox.jms.client.PostboxConnection;
import dev.postbox.jms.client.PostboxJMSContext;
import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.config.ConnectionOptions;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.exception.JmsExceptions;
import dev.postbox.jms.management.BrokerUserManagement;
import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.UserManagement;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.io.Serializable;
import java.time.Duration;

/**
 * The Java SE entry point: a connection factory on a database given by its JDBC URL.
 *
 * <pre>{@code
 * ConnectionFactory cf = new PostboxConnectionFactory("jdbc:postgresql://localhost/app?user=app&password=secret");
 * try (JMSContext context = cf.createContext()) {
 *     context.createProducer().send(context.createQueue("orders"), "hello");
 * }
 * }</pre>
 *
 * <p>All connections of factories with the same URL and settings share one broker node per JVM (its
 * connection pool, heartbeat and wake-ups). The schema is created or migrated on first use. Settings are
 * JavaBean properties, so the factory can also be configured by JNDI or a dependency-injection container.
 */
public class PostboxConnectionFactory implements ConnectionFactory, QueueConnectionFactory,
        TopicConnectionFactory, Serializable {

    private static final long serialVersionUID = 1L;

    /** The store used when no JDBC URL is given: an H2 database in {@code ./postbox-data}. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:./postbox-data/postbox";

    /** Default {@link #setMaxPoolSize maximum pool size}. */
    public static final int DEFAULT_MAX_POOL_SIZE = 16;
    /** Default {@link #setConnectTimeoutMillis connect timeout}. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Default {@link #setShutdownDelayMillis shutdown delay}. */
    public static final long DEFAULT_SHUTDOWN_DELAY_MILLIS = 10_000;

    private String jdbcUrl;
    private String databaseUser;
    private String databasePassword;
    private String user;
    private String password;
    private String clientId;
    private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
    private long connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private long shutdownDelayMillis = DEFAULT_SHUTDOWN_DELAY_MILLIS;
    private long heartbeatIntervalMillis = BrokerConfig.DEFAULT_HEARTBEAT_INTERVAL.toMillis();
    private long nodeTimeoutMillis = BrokerConfig.DEFAULT_NODE_TIMEOUT.toMillis();
    private long pollIntervalMillis = BrokerConfig.DEFAULT_POLL_INTERVAL.toMillis();
    private int maxDeliveryAttempts = BrokerConfig.DEFAULT_MAX_DELIVERY_ATTEMPTS;
    private long redeliveryDelayMillis;
    private double redeliveryMultiplier = BrokerConfig.DEFAULT_REDELIVERY_MULTIPLIER;
    private long maxRedeliveryDelayMillis = BrokerConfig.DEFAULT_MAX_REDELIVERY_DELAY.toMillis();
    private String deadLetterQueueSuffix = BrokerConfig.DEFAULT_DEAD_LETTER_QUEUE_SUFFIX;
    private String expiryQueue = "";
    private long expiryScanIntervalMillis = BrokerConfig.DEFAULT_EXPIRY_SCAN_INTERVAL.toMillis();
    private boolean autoCreateDestinations = true;
    private long idempotencyRetentionMillis = BrokerConfig.DEFAULT_IDEMPOTENCY_RETENTION.toMillis();
    private long inactiveDurableSubscriptionTimeoutMillis;
    private boolean requireAuthentication;
    private int dupsOkBatchSize = ConnectionOptions.DEFAULT_DUPS_OK_BATCH_SIZE;
    private int prefetchSize = ConnectionOptions.DEFAULT_PREFETCH_SIZE;
    private long dupsOkBatchDelayMillis = ConnectionOptions.DEFAULT_DUPS_OK_BATCH_DELAY.toMillis();
    private String deserializationAllowList;
    private String deserializationDenyList;

    /** A factory on the default embedded H2 store ({@value #DEFAULT_JDBC_URL}). */
    public PostboxConnectionFactory() {
        this(DEFAULT_JDBC_URL);
    }

    /** A factory on the database at this JDBC URL (credentials may be in the URL or set separately). */
    public PostboxConnectionFactory(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    // ----- connections -----

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(user, password);
    }

    @Override
    public Connection createConnection(String userName, String pass) throws JMSException {
        BrokerRegistry.Lease lease;
        try {
            lease = BrokerRegistry.acquire(key(), Duration.ofMillis(shutdownDelayMillis));
        } catch (EngineException e) {
            throw e.toJMSException();
        } catch (RuntimeException e) {
            throw JmsExceptions.create(new EngineException("Cannot start the Postbox broker on " + safeUrl() + ": "
                    + e.getMessage(), e));
        }
        try {
            lease.broker().authenticate(userName, pass);
            return new PostboxConnection(lease.broker(), options(userName), lease.clientIds(), lease.release());
        } catch (EngineException e) {
            lease.release().run();
            throw e.toJMSException();
        } catch (JMSException | RuntimeException e) {
            lease.release().run();
            throw e;
        }
    }

    /**
     * The users of this factory's broker (see {@link #setRequireAuthentication}); each call starts the broker
     * if no connection holds it.
     */
    public UserManagement userManagement() {
        return new UserManagement() {
            @Override
            public java.util.List<String> listUsers() {
                return withBroker(m -> m.listUsers());
            }

            @Override
            public void putUser(String name, String password) {
                withBroker(m -> {
                    m.putUser(name, password);
                    return null;
                });
            }

            @Override
            public boolean deleteUser(String name) {
                return withBroker(m -> m.deleteUser(name));
            }
        };
    }

    private <T> T withBroker(java.util.function.Function<UserManagement, T> work) {
        BrokerRegistry.Lease lease;
        try {
            lease = BrokerRegistry.acquire(key(), Duration.ofMillis(shutdownDelayMillis));
        } catch (RuntimeException e) {
            throw new ManagementException("Cannot start the Postbox broker on " + safeUrl() + ": " + e.getMessage(),
                    e);
        }
        try {
            return work.apply(new BrokerUserManagement(lease.broker()));
        } finally {
            lease.release().run();
        }
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createQueueConnection(user, password);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String pass) throws JMSException {
        return ((PostboxConnection) createConnection(userName, pass)).asQueueConnection();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return (TopicConnection) createConnection();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String pass) throws JMSException {
        return (TopicConnection) createConnection(userName, pass);
    }

    @Override
    public JMSContext createContext() {
        return createContext(user, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String pass) {
        return createContext(userName, pass, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(user, password, sessionMode);
    }

    /**
     * A context with its own connection; contexts made from it with {@code createContext(int)} share the
     * connection, which closes with the last of them.
     *
     * @throws jakarta.jms.JMSRuntimeException for an invalid session mode or when the connection fails
     */
    @Override
    public JMSContext createContext(String userName, String pass, int sessionMode) {
        PostboxJMSContext.checkSessionMode(sessionMode);
        PostboxConnection connection;
        try {
            connection = (PostboxConnection) createConnection(userName, pass);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return PostboxJMSContext.create(connection, sessionMode);
    }

    private BrokerRegistry.Key key() {
        BrokerConfig config = BrokerConfig.builder()
                .heartbeatInterval(Duration.ofMillis(heartbeatIntervalMillis))
                .nodeTimeout(Duration.ofMillis(nodeTimeoutMillis))
                .pollInterval(Duration.ofMillis(pollIntervalMillis))
                .maxDeliveryAttempts(maxDeliveryAttempts)
                .redeliveryDelay(Duration.ofMillis(redeliveryDelayMillis))
                .redeliveryMultiplier(redeliveryMultiplier)
                .maxRedeliveryDelay(Duration.ofMillis(maxRedeliveryDelayMillis))
                .deadLetterQueueSuffix(deadLetterQueueSuffix)
                .expiryQueue(expiryQueue)
                .expiryScanInterval(Duration.ofMillis(expiryScanIntervalMillis))
                .autoCreateDestinations(autoCreateDestinations)
                .idempotencyRetention(Duration.ofMillis(idempotencyRetentionMillis))
                .inactiveDurableSubscriptionTimeout(Duration.ofMillis(inactiveDurableSubscriptionTimeoutMillis))
                .requireAuthentication(requireAuthentication)
                .build();
        return new BrokerRegistry.Key(jdbcUrl, databaseUser, databasePassword, maxPoolSize,
                Duration.ofMillis(connectTimeoutMillis), config);
    }

    private ConnectionOptions options(String userName) {
        return new ConnectionOptions(clientId, userName, dupsOkBatchSize, Duration.ofMillis(dupsOkBatchDelayMillis),
                deserializationAllowList, deserializationDenyList, prefetchSize);
    }

    private String safeUrl() {
        return jdbcUrl == null ? "null" : jdbcUrl.replaceAll("password=[^&;]*", "password=***");
    }

    // ----- properties -----

    /** The store's JDBC URL. */
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    /** Sets the store's JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:h2:…}). */
    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The database user, when not in the URL. */
    public String getDatabaseUser() {
        return databaseUser;
    }

    /** Sets the database user (when not in the URL). */
    public void setDatabaseUser(String databaseUser) {
        this.databaseUser = databaseUser;
    }

    /** Sets the database password (when not in the URL). */
    public void setDatabasePassword(String databasePassword) {
        this.databasePassword = databasePassword;
    }

    /** The Postbox user of {@link #createConnection()}. */
    public String getUser() {
        return user;
    }

    /** Sets the Postbox user that {@link #createConnection()} authenticates as. */
    public void setUser(String user) {
        this.user = user;
    }

    /** Sets the password of {@link #setUser the user}. */
    public void setPassword(String password) {
        this.password = password;
    }

    /** The client identifier given to every connection, or null. */
    public String getClientID() {
        return clientId;
    }

    /** Sets the client identifier given to every connection (then it cannot be set per connection). */
    public void setClientID(String clientId) {
        this.clientId = clientId;
    }

    /** Sets the most database connections the broker node uses. */
    public void setMaxPoolSize(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
    }

    /** Sets how long an operation waits for a database connection before failing. */
    public void setConnectTimeoutMillis(long connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** Sets how long the broker node stays up after its last connection closed. */
    public void setShutdownDelayMillis(long shutdownDelayMillis) {
        this.shutdownDelayMillis = shutdownDelayMillis;
    }

    /** Sets how often the node renews its heartbeat and looks for dead nodes. */
    public void setHeartbeatIntervalMillis(long heartbeatIntervalMillis) {
        this.heartbeatIntervalMillis = heartbeatIntervalMillis;
    }

    /** Sets after how long without heartbeat a node is dead and its in-flight messages are redelivered. */
    public void setNodeTimeoutMillis(long nodeTimeoutMillis) {
        this.nodeTimeoutMillis = nodeTimeoutMillis;
    }

    /** Sets how often idle consumers look for messages when no wake-up arrives. */
    public void setPollIntervalMillis(long pollIntervalMillis) {
        this.pollIntervalMillis = pollIntervalMillis;
    }

    /** Sets the deliveries of a message before it is dead-lettered (0 = unlimited). */
    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    /** Sets the delay before the first redelivery. */
    public void setRedeliveryDelayMillis(long redeliveryDelayMillis) {
        this.redeliveryDelayMillis = redeliveryDelayMillis;
    }

    /** Sets the growth factor of the redelivery delay. */
    public void setRedeliveryMultiplier(double redeliveryMultiplier) {
        this.redeliveryMultiplier = redeliveryMultiplier;
    }

    /** Sets the upper bound of the redelivery delay. */
    public void setMaxRedeliveryDelayMillis(long maxRedeliveryDelayMillis) {
        this.maxRedeliveryDelayMillis = maxRedeliveryDelayMillis;
    }

    /** Sets the suffix that names a queue's dead-letter queue. */
    public void setDeadLetterQueueSuffix(String deadLetterQueueSuffix) {
        this.deadLetterQueueSuffix = deadLetterQueueSuffix;
    }

    /** Sets the queue that receives expired messages (empty: they are dropped). */
    public void setExpiryQueue(String expiryQueue) {
        this.expiryQueue = expiryQueue;
    }

    /** Sets how often expired messages are removed. */
    public void setExpiryScanIntervalMillis(long expiryScanIntervalMillis) {
        this.expiryScanIntervalMillis = expiryScanIntervalMillis;
    }

    /** Sets whether {@code createQueue} creates missing queues. */
    public void setAutoCreateDestinations(boolean autoCreateDestinations) {
        this.autoCreateDestinations = autoCreateDestinations;
    }

    /**
     * Sets how long an idempotency key ({@code JMS_Postbox_IdempotencyKey}) is remembered: a second send
     * with the same key to the same destination within this time is dropped.
     */
    public void setIdempotencyRetentionMillis(long idempotencyRetentionMillis) {
        this.idempotencyRetentionMillis = idempotencyRetentionMillis;
    }

    /**
     * Sets after how long without any consumer a durable subscription is removed with the messages it kept
     * (0, the default: durable subscriptions are kept until they are unsubscribed). A subscription nobody
     * reads costs one stored copy of every message published to its topic.
     */
    public void setInactiveDurableSubscriptionTimeoutMillis(long inactiveDurableSubscriptionTimeoutMillis) {
        this.inactiveDurableSubscriptionTimeoutMillis = inactiveDurableSubscriptionTimeoutMillis;
    }

    /** Sets whether every connection must present a stored user's name and password (users: see the README). */
    public void setRequireAuthentication(boolean requireAuthentication) {
        this.requireAuthentication = requireAuthentication;
    }

    /**
     * Sets how many messages a consumer claims at once (default {@value ConnectionOptions#DEFAULT_PREFETCH_SIZE};
     * 1 turns prefetching off). Prefetched messages are held by this consumer until it takes them or closes:
     * more means fewer database round trips per message, less means fairer sharing between competing consumers.
     */
    public void setPrefetchSize(int prefetchSize) {
        if (prefetchSize < 1) {
            throw new IllegalArgumentException("prefetchSize must be at least 1, not " + prefetchSize);
        }
        this.prefetchSize = prefetchSize;
    }

    /** Sets the DUPS_OK_ACKNOWLEDGE batch size. */
    public void setDupsOkBatchSize(int dupsOkBatchSize) {
        this.dupsOkBatchSize = dupsOkBatchSize;
    }

    /** Sets the DUPS_OK_ACKNOWLEDGE batch delay. */
    public void setDupsOkBatchDelayMillis(long dupsOkBatchDelayMillis) {
        this.dupsOkBatchDelayMillis = dupsOkBatchDelayMillis;
    }

    /** Sets the classes {@code ObjectMessage.getObject()} may create (comma-separated prefixes). */
    public void setDeserializationAllowList(String deserializationAllowList) {
        this.deserializationAllowList = deserializationAllowList;
    }

    /** Sets the classes {@code ObjectMessage.getObject()} must never create (comma-separated prefixes). */
    public void setDeserializationDenyList(String deserializationDenyList) {
        this.deserializationDenyList = deserializationDenyList;
    }

    @Override
    public String toString() {
        return "PostboxConnectionFactory[" + safeUrl() + "]";
    }
}
