package dev.postbox.jms.management;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.client.BrokerRegistry;
import dev.postbox.jms.config.BrokerConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The management API of a Java SE tool ({@link QueueManagement#forJdbcUrl}): it holds the JVM's broker
 * node for the JDBC URL (started when needed, with default settings) until closed.
 */
public final class StandaloneQueueManagement extends ForwardingQueueManagement implements AutoCloseable {

    private final BrokerRegistry.Lease lease;
    private final QueueManagement management;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StandaloneQueueManagement(BrokerRegistry.Lease lease) {
        this.lease = lease;
        this.management = new BrokerQueueManagement(lease.broker());
    }

    static StandaloneQueueManagement open(String jdbcUrl) {
        InputRules.existingName(jdbcUrl, "JDBC URL");
        BrokerRegistry.Key key = new BrokerRegistry.Key(jdbcUrl, null, null, 4,
                Duration.ofMillis(PostboxConnectionFactory.DEFAULT_CONNECT_TIMEOUT_MILLIS), BrokerConfig.defaults());
        return OperationGuard.call("Open the store at " + key,
                () -> new StandaloneQueueManagement(BrokerRegistry.acquire(key, Duration.ZERO)));
    }

    @Override
    protected QueueManagement delegate() {
        if (closed.get()) {
            throw new ManagementException("This management object is closed");
        }
        return management;
    }

    /** Releases the broker node (it stops when no connection factory uses it). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            lease.release().run();
        }
    }
}
