package dev.postbox.ra.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postbox.jms.client.PostboxConnection;
import dev.postbox.jms.config.ConnectionOptions;
import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.inbound.PostboxActivationSpec;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an application server gives the Postbox adapter, for one test: a fresh in-memory H2 database behind
 * a pool, wrapped as a {@link FakeTransactionalDataSource} and bound in {@link FakeInitialContextFactory
 * JNDI}, and a {@link FakeBootstrapContext}. {@link #start()} deploys a {@link PostboxResourceAdapter} with
 * test timings (heartbeat 200 ms, node timeout 2 s, poll 250 ms); {@link #close()} stops everything and
 * drops the database. Also sends, receives and reads the store's tables for assertions.
 */
public final class ServerEnvironment implements AutoCloseable {

    /** Poll interval of adapters started here. */
    public static final long POLL_INTERVAL_MILLIS = 250;

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    private final String url = "jdbc:h2:mem:ra" + id + ";DB_CLOSE_DELAY=-1";
    private final String jndiName = "jdbc/postbox-" + id;
    private final HikariDataSource pool;
    private final FakeTransactionSynchronizationRegistry registry = new FakeTransactionSynchronizationRegistry();
    private final FakeTransactionalDataSource dataSource;
    private final FakeBootstrapContext context;
    private final List<PostboxResourceAdapter> adapters = new CopyOnWriteArrayList<>();

    private ServerEnvironment(int workThreads) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("ra-test-" + id);
        config.setMaximumPoolSize(24);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        this.pool = new HikariDataSource(config);
        this.dataSource = new FakeTransactionalDataSource(pool, registry);
        this.context = new FakeBootstrapContext(registry, workThreads);
        FakeInitialContextFactory.bind(jndiName, dataSource);
    }

    /** An environment whose WorkManager has 16 threads. */
    public static ServerEnvironment create() {
        return new ServerEnvironment(16);
    }

    /** An environment whose WorkManager has {@code workThreads} threads. */
    public static ServerEnvironment create(int workThreads) {
        return new ServerEnvironment(workThreads);
    }

    /** A configured, not yet started adapter on this environment's JDBC resource. */
    public PostboxResourceAdapter newAdapter() {
        PostboxResourceAdapter adapter = new PostboxResourceAdapter();
        adapter.setDataSourceJndiName(jndiName);
        adapter.setHeartbeatIntervalMillis(200L);
        adapter.setNodeTimeoutMillis(2_000L);
        adapter.setPollIntervalMillis(POLL_INTERVAL_MILLIS);
        adapters.add(adapter);
        return adapter;
    }

    /** Starts {@link #newAdapter()} on the bootstrap context. */
    public PostboxResourceAdapter start() throws ResourceException {
        PostboxResourceAdapter adapter = newAdapter();
        adapter.start(context);
        return adapter;
    }

    /** An activation spec for a queue, associated with the adapter. */
    public static PostboxActivationSpec queueSpec(PostboxResourceAdapter adapter, String queue)
            throws ResourceException {
        PostboxActivationSpec spec = new PostboxActivationSpec();
        spec.setDestination(queue);
        spec.setResourceAdapter(adapter);
        return spec;
    }

    // ----- the server's pieces -----

    /** The JNDI name the data source is bound at. */
    public String jndiName() {
        return jndiName;
    }

    /** The bootstrap context given to adapters. */
    public FakeBootstrapContext context() {
        return context;
    }

    /** The WorkManager of the bootstrap context. */
    public FakeWorkManager workManager() {
        return context.getWorkManager();
    }

    /** The fake JTA registry. */
    public FakeTransactionSynchronizationRegistry registry() {
        return registry;
    }

    /** The JDBC resource (transaction-aware), as the application would inject it. */
    public FakeTransactionalDataSource dataSource() {
        return dataSource;
    }

    /** A new endpoint factory whose transactions run in this environment's registry. */
    public RecordingMessageEndpointFactory endpointFactory() {
        return new RecordingMessageEndpointFactory(registry);
    }

    // ----- messaging through the adapter's broker -----

    /** Sends text messages to a queue through a plain connection on the adapter's broker. */
    public void send(PostboxResourceAdapter adapter, String queue, String... texts) throws Exception {
        try (PostboxConnection connection = open(adapter)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** Publishes text messages to a topic through a plain connection on the adapter's broker. */
    public void publish(PostboxResourceAdapter adapter, String topic, String... texts) throws Exception {
        try (PostboxConnection connection = open(adapter)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(topic));
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** An activation spec for a topic, associated with the adapter. */
    public static PostboxActivationSpec topicSpec(PostboxResourceAdapter adapter, String topic)
            throws ResourceException {
        PostboxActivationSpec spec = queueSpec(adapter, topic);
        spec.setDestinationType("jakarta.jms.Topic");
        return spec;
    }

    /** Rows of pb_destination that are topic subscriptions. */
    public int subscriptions() throws SQLException {
        return count("SELECT COUNT(*) FROM pb_destination WHERE kind = 'SUBSCRIPTION'");
    }

    /** Receives one message from a queue (null after the timeout). */
    public Message receive(PostboxResourceAdapter adapter, String queue, long timeoutMillis) throws Exception {
        try (PostboxConnection connection = open(adapter)) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message = consumer.receive(timeoutMillis);
            if (message instanceof TextMessage text) {
                text.getText();
            }
            return message;
        }
    }

    private static PostboxConnection open(PostboxResourceAdapter adapter) throws JMSException, ResourceException {
        return new PostboxConnection(adapter.broker(), ConnectionOptions.defaults(), adapter.clientIds(), () -> { });
    }

    // ----- the store's tables -----

    /** A plain JDBC connection to the database (auto-commit). */
    public Connection jdbc() throws SQLException {
        return pool.getConnection();
    }

    /** Rows of a queue's messages in pb_message. */
    public int messagesOn(String queue) throws SQLException {
        return count("SELECT COUNT(*) FROM pb_message m JOIN pb_destination d ON d.id = m.destination_id"
                + " WHERE d.kind = 'QUEUE' AND d.name = ?", queue);
    }

    /** Rows of a queue's messages claimed by some node. */
    public int claimedOn(String queue) throws SQLException {
        return count("SELECT COUNT(*) FROM pb_message m JOIN pb_destination d ON d.id = m.destination_id"
                + " WHERE d.kind = 'QUEUE' AND d.name = ? AND m.claimed_by IS NOT NULL", queue);
    }

    /** Rows of pb_node (registered broker nodes). */
    public int registeredNodes() throws SQLException {
        return count("SELECT COUNT(*) FROM pb_node");
    }

    /** JDBC connections of the pool currently handed out (0 when nobody holds one). */
    public int activeConnections() {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
    }

    /** Runs a counting query with string parameters. */
    public int count(String sql, String... parameters) throws SQLException {
        try (Connection c = jdbc(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Runs DDL or an update. */
    public void execute(String sql) throws SQLException {
        try (Connection c = jdbc(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Stops every adapter started here, the bootstrap context, the pool, and drops the database. */
    @Override
    public void close() throws Exception {
        for (PostboxResourceAdapter adapter : adapters) {
            adapter.stop();
        }
        context.close();
        FakeInitialContextFactory.unbind(jndiName);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // The database may already be gone (a test shut it down on purpose).
        }
        pool.close();
    }
}
