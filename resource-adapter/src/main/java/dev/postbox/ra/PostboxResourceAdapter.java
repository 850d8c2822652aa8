package dev.postbox.ra;

import dev.postbox.jms.client.ClientIdRegistry;
import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.message.DeserializationPolicy;
import dev.postbox.jms.engine.TaskScheduler;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.StoreUnavailableException;
import dev.postbox.jms.store.jpa.JpaMessageStore;
import dev.postbox.ra.inbound.Activation;
import dev.postbox.ra.inbound.PostboxActivationSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import javax.transaction.xa.XAResource;

/**
 * The Postbox resource adapter: starts one broker node on the server's JDBC resource, hands it to the
 * outbound connection factories, and activates message endpoints (MDBs). Configured through the
 * JavaBean properties below (ra.xml config-property entries / {@code create-resource-adapter-config}).
 */
public class PostboxResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(PostboxResourceAdapter.class.getName());

    /** Default {@link #setDataSourceJndiName data source}. */
    public static final String DEFAULT_DATA_SOURCE = "jdbc/__default";

    private String dataSourceJndiName = DEFAULT_DATA_SOURCE;
    private Long heartbeatIntervalMillis = BrokerConfig.DEFAULT_HEARTBEAT_INTERVAL.toMillis();
    private Long nodeTimeoutMillis = BrokerConfig.DEFAULT_NODE_TIMEOUT.toMillis();
    private Long pollIntervalMillis = BrokerConfig.DEFAULT_POLL_INTERVAL.toMillis();
    private Integer maxDeliveryAttempts = BrokerConfig.DEFAULT_MAX_DELIVERY_ATTEMPTS;
    private Long redeliveryDelayMillis = 0L;
    private Double redeliveryMultiplier = BrokerConfig.DEFAULT_REDELIVERY_MULTIPLIER;
    private Long maxRedeliveryDelayMillis = BrokerConfig.DEFAULT_MAX_REDELIVERY_DELAY.toMillis();
    private String deadLetterQueueSuffix = BrokerConfig.DEFAULT_DEAD_LETTER_QUEUE_SUFFIX;
    private String expiryQueue = "";
    private Boolean autoCreateDestinations = Boolean.TRUE;
    private Long idempotencyRetentionMillis = BrokerConfig.DEFAULT_IDEMPOTENCY_RETENTION.toMillis();
    private Long inactiveDurableSubscriptionTimeoutMillis = 0L;
    private Boolean requireAuthentication = Boolean.FALSE;
    private String deserializationAllowList = DeserializationPolicy.DEFAULT_ALLOW_LIST;
    private String deserializationDenyList = "";

    private transient volatile Broker broker;
    private transient volatile TaskScheduler scheduler;
    private transient volatile JtaTransactions transactions;
    private final transient ConcurrentHashMap<EndpointKey, Activation> activations = new ConcurrentHashMap<>();
    private final transient ClientIdRegistry clientIds = new ClientIdRegistry();

    // ----- lifecycle -----

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        BrokerConfig config = brokerConfig();
        DataSource dataSource = lookupDataSource();
        this.transactions = new JtaTransactions(context.getTransactionSynchronizationRegistry());
        try {
            this.scheduler = new WorkManagerTaskScheduler(context);
        } catch (jakarta.resource.spi.UnavailableException e) {
            throw internal("PBX-2005 The server provides no timer for the Postbox adapter: " + e.getMessage(), e);
        }
        MessageStore store;
        try {
            store = new ServerThreadStore(JpaMessageStore.openInServer(dataSource, dataSource, Clock.systemUTC()),
                    ((WorkManagerTaskScheduler) scheduler).workManager());
        } catch (StoreUnavailableException e) {
            scheduler.shutdown();
            throw internal(MessageFormat.format(RaMessages.DATABASE_UNREACHABLE, dataSourceJndiName, e.getMessage()), e);
        } catch (RuntimeException e) {
            scheduler.shutdown();
            throw internal(MessageFormat.format(RaMessages.STORE_FAILED, dataSourceJndiName, e.getMessage()), e);
        }
        try {
            this.broker = Broker.start(config, store, scheduler, Clock.systemUTC());
        } catch (RuntimeException e) {
            store.close();
            scheduler.shutdown();
            throw internal(MessageFormat.format(RaMessages.STORE_FAILED, dataSourceJndiName, e.getMessage()), e);
        }
        LOG.log(Level.INFO, RaMessages.STARTED, dataSourceJndiName, store.databaseDescription());
    }

    private BrokerConfig brokerConfig() throws ResourceAdapterInternalException {
        try {
            return BrokerSettings.of(this);
        } catch (IllegalArgumentException e) {
            throw internal(MessageFormat.format(RaMessages.INVALID_CONFIGURATION, e.getMessage()), e);
        }
    }

    private DataSource lookupDataSource() throws ResourceAdapterInternalException {
        if (dataSourceJndiName == null || dataSourceJndiName.isBlank()) {
            throw internal(MessageFormat.format(RaMessages.INVALID_CONFIGURATION,
                    "dataSourceJndiName must name a JDBC resource"), null);
        }
        Object found;
        try {
            found = new InitialContext().lookup(dataSourceJndiName);
        } catch (NamingException e) {
            throw internal(MessageFormat.format(RaMessages.NO_DATA_SOURCE, dataSourceJndiName) + " (" + e + ")", e);
        }
        if (!(found instanceof DataSource dataSource)) {
            throw internal(MessageFormat.format(RaMessages.NO_DATA_SOURCE, dataSourceJndiName) + " (found "
                    + (found == null ? "null" : found.getClass().getName()) + " instead of a javax.sql.DataSource)",
                    null);
        }
        return dataSource;
    }

    private static ResourceAdapterInternalException internal(String message, Throwable cause) {
        LOG.log(Level.ERROR, message);
        ResourceAdapterInternalException e = new ResourceAdapterInternalException(message);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    @Override
    public void stop() {
        for (Activation activation : activations.values()) {
            activation.stop();
        }
        activations.clear();
        Broker running = broker;
        broker = null;
        if (running != null) {
            try {
                running.close();
            } finally {
                running.store().close();
            }
        }
        if (scheduler != null) {
            scheduler.shutdown();
        }
        LOG.log(Level.INFO, RaMessages.STOPPED);
    }

    /** The running broker node; fails when the adapter is not started. */
    public Broker broker() throws ResourceException {
        Broker running = broker;
        if (running == null) {
            throw new ResourceAdapterInternalException("The Postbox resource adapter is not started");
        }
        return running;
    }

    /** The server's JTA transactions. */
    public JtaTransactions transactions() {
        return transactions;
    }

    /** The client ids in use by this node's connections. */
    public ClientIdRegistry clientIds() {
        return clientIds;
    }

    // ----- inbound -----

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof PostboxActivationSpec postboxSpec)) {
            throw new NotSupportedException("Postbox cannot activate endpoints with " + spec.getClass().getName()
                    + "; use dev.postbox.ra.inbound.PostboxActivationSpec");
        }
        postboxSpec.validate();
        try {
            broker().authenticate(postboxSpec.getUser(), postboxSpec.getPassword());
        } catch (EngineException.Security e) {
            throw new jakarta.resource.spi.SecurityException("PBX-2035 MDB activation on "
                    + postboxSpec.describeDestination() + " refused: " + e.getMessage(), e);
        }
        Activation activation = new Activation(broker(), scheduler, factory, postboxSpec, deserializationPolicy(),
                transactions);
        activation.start();
        activations.put(new EndpointKey(factory, spec), activation);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        Activation activation = activations.remove(new EndpointKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** Identity of an activation: the endpoint factory and spec instances. */
    private record EndpointKey(MessageEndpointFactory factory, ActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof EndpointKey k && k.factory == factory && k.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
    }

    // ----- configuration properties -----

    /** JNDI name of the JDBC resource holding the message store. */
    public String getDataSourceJndiName() {
        return dataSourceJndiName;
    }

    /** Sets the JNDI name of the JDBC resource holding the message store. */
    public void setDataSourceJndiName(String dataSourceJndiName) {
        this.dataSourceJndiName = dataSourceJndiName;
    }

    /** How often the node renews its heartbeat, in milliseconds. */
    public Long getHeartbeatIntervalMillis() {
        return heartbeatIntervalMillis;
    }

    /** Sets how often the node renews its heartbeat, in milliseconds. */
    public void setHeartbeatIntervalMillis(Long value) {
        this.heartbeatIntervalMillis = value;
    }

    /** After how long without heartbeat a node is dead, in milliseconds. */
    public Long getNodeTimeoutMillis() {
        return nodeTimeoutMillis;
    }

    /** Sets after how long without heartbeat a node is dead, in milliseconds. */
    public void setNodeTimeoutMillis(Long value) {
        this.nodeTimeoutMillis = value;
    }

    /** Fallback poll interval of idle consumers, in milliseconds. */
    public Long getPollIntervalMillis() {
        return pollIntervalMillis;
    }

    /** Sets the fallback poll interval of idle consumers, in milliseconds. */
    public void setPollIntervalMillis(Long value) {
        this.pollIntervalMillis = value;
    }

    /** Default deliveries before dead-lettering (0 = unlimited). */
    public Integer getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    /** Sets the default deliveries before dead-lettering (0 = unlimited). */
    public void setMaxDeliveryAttempts(Integer value) {
        this.maxDeliveryAttempts = value;
    }

    /** Default delay before the first redelivery, in milliseconds. */
    public Long getRedeliveryDelayMillis() {
        return redeliveryDelayMillis;
    }

    /** Sets the default delay before the first redelivery, in milliseconds. */
    public void setRedeliveryDelayMillis(Long value) {
        this.redeliveryDelayMillis = value;
    }

    /** Default growth factor of the redelivery delay. */
    public Double getRedeliveryMultiplier() {
        return redeliveryMultiplier;
    }

    /** Sets the default growth factor of the redelivery delay. */
    public void setRedeliveryMultiplier(Double value) {
        this.redeliveryMultiplier = value;
    }

    /** Default upper bound of the redelivery delay, in milliseconds. */
    public Long getMaxRedeliveryDelayMillis() {
        return maxRedeliveryDelayMillis;
    }

    /** Sets the default upper bound of the redelivery delay, in milliseconds. */
    public void setMaxRedeliveryDelayMillis(Long value) {
        this.maxRedeliveryDelayMillis = value;
    }

    /** Suffix naming a queue's dead-letter queue. */
    public String getDeadLetterQueueSuffix() {
        return deadLetterQueueSuffix;
    }

    /** Sets the suffix naming a queue's dead-letter queue. */
    public void setDeadLetterQueueSuffix(String value) {
        this.deadLetterQueueSuffix = value;
    }

    /** Queue receiving expired messages (empty: dropped). */
    public String getExpiryQueue() {
        return expiryQueue;
    }

    /** Sets the queue receiving expired messages (empty: dropped). */
    public void setExpiryQueue(String value) {
        this.expiryQueue = value;
    }

    /** Whether missing queues are created on first use. */
    public Boolean getAutoCreateDestinations() {
        return autoCreateDestinations;
    }

    /** Sets whether missing queues are created on first use. */
    public void setAutoCreateDestinations(Boolean value) {
        this.autoCreateDestinations = value;
    }

    /** How long idempotency keys are remembered (ms). */
    public Long getIdempotencyRetentionMillis() {
        return idempotencyRetentionMillis;
    }

    /** Sets how long idempotency keys are remembered (ms). */
    public void setIdempotencyRetentionMillis(Long value) {
        this.idempotencyRetentionMillis = value;
    }

    /** After how long without a consumer a durable subscription is removed (ms; 0 = never). */
    public Long getInactiveDurableSubscriptionTimeoutMillis() {
        return inactiveDurableSubscriptionTimeoutMillis;
    }

    /** Sets after how long without a consumer a durable subscription is removed (ms; 0 = never). */
    public void setInactiveDurableSubscriptionTimeoutMillis(Long value) {
        this.inactiveDurableSubscriptionTimeoutMillis = value;
    }

    /** Whether connections and MDB activations must present a stored user's name and password. */
    public Boolean getRequireAuthentication() {
        return requireAuthentication;
    }

    /** Sets whether connections and MDB activations must present a stored user's name and password. */
    public void setRequireAuthentication(Boolean value) {
        this.requireAuthentication = value;
    }

    /** ObjectMessage classes MDBs may deserialize (comma-separated; see the README). */
    public String getDeserializationAllowList() {
        return deserializationAllowList;
    }

    /** Sets the ObjectMessage classes MDBs may deserialize. */
    public void setDeserializationAllowList(String value) {
        this.deserializationAllowList = value;
    }

    /** ObjectMessage classes MDBs must never deserialize. */
    public String getDeserializationDenyList() {
        return deserializationDenyList;
    }

    /** Sets the ObjectMessage classes MDBs must never deserialize. */
    public void setDeserializationDenyList(String value) {
        this.deserializationDenyList = value;
    }

    /** The deserialization policy of inbound ObjectMessages. */
    public DeserializationPolicy deserializationPolicy() throws ResourceException {
        try {
            return DeserializationPolicy.of(deserializationAllowList, deserializationDenyList);
        } catch (IllegalArgumentException e) {
            throw new jakarta.resource.spi.InvalidPropertyException(MessageFormat.format(
                    RaMessages.INVALID_CONFIGURATION, "deserializationAllowList/deserializationDenyList: "
                    + e.getMessage()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostboxResourceAdapter other
                && Objects.equals(dataSourceJndiName, other.dataSourceJndiName);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(dataSourceJndiName);
    }
}
