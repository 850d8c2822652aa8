package dev.postbox.jms.client;

import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.ExecutorTaskScheduler;
import dev.postbox.jms.engine.TaskScheduler;
import dev.postbox.jms.store.jpa.JpaMessageStore;
import dev.postbox.jms.store.jpa.PooledDataSources;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Java SE brokers of this JVM: one per store and configuration, shared by every connection factory
 * that names them, started by the first connection and stopped a while after the last one closes.
 */
public final class BrokerRegistry {

    private static final System.Logger LOG = System.getLogger(BrokerRegistry.class.getName());

    /**
     * What identifies a broker.
     *
     * @param jdbcUrl store URL
     * @param databaseUser database user or null
     * @param databasePassword database password or null
     * @param maxPoolSize connection pool size
     * @param connectTimeout how long to wait for a database connection
     * @param config broker settings
     */
    public record Key(String jdbcUrl, String databaseUser, String databasePassword, int maxPoolSize,
            Duration connectTimeout, BrokerConfig config) {

        @Override
        public String toString() {
            return jdbcUrl.replaceAll("password=[^&;]*", "password=***");
        }
    }

    /** A started broker with the registry's bookkeeping. */
    private static final class Entry {
        final Broker broker;
        final ClientIdRegistry clientIds = new ClientIdRegistry();
        int references; // guarded by BrokerRegistry.class
        TaskScheduler.Cancellable pendingStop; // guarded by BrokerRegistry.class

        Entry(Broker broker) {
            this.broker = broker;
        }
    }

    private static final Map<Key, Entry> BROKERS = new HashMap<>(); // guarded by BrokerRegistry.class

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrokerRegistry::stopAll, "postbox-shutdown"));
    }

    private BrokerRegistry() {
    }

    /** A reference to a running broker; {@link #release()} it once. */
    public record Lease(Broker broker, ClientIdRegistry clientIds, Runnable release) {
    }

    /**
     * Acquires the broker for a key, starting it when needed (connects, migrates the schema, registers
     * the node).
     *
     * @param linger how long the broker stays up after the last lease is released
     */
    public static Lease acquire(Key key, Duration linger) {
        Entry entry;
        synchronized (BrokerRegistry.class) {
            entry = BROKERS.get(key);
            if (entry == null || !entry.broker.isRunning()) {
                entry = new Entry(startBroker(key));
                BROKERS.put(key, entry);
            }
            entry.references++;
            if (entry.pendingStop != null) {
                entry.pendingStop.cancel();
                entry.pendingStop = null;
            }
        }
        Entry acquired = entry;
        return new Lease(entry.broker, entry.clientIds, () -> release(key, acquired, linger));
    }

    private static Broker startBroker(Key key) {
        HikariDataSource pool = PooledDataSources.create(durableUrl(key.jdbcUrl()), key.databaseUser(),
                key.databasePassword(), key.maxPoolSize(), key.connectTimeout());
        TaskScheduler scheduler = new ExecutorTaskScheduler("postbox");
        try {
            JpaMessageStore store = JpaMessageStore.open(pool, Clock.systemUTC(), pool);
            try {
                return Broker.start(key.config(), store, scheduler, Clock.systemUTC());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (RuntimeException e) {
            pool.close();
            scheduler.shutdown();
            throw e;
        }
    }

    /**
     * An H2 file database writes commits to its file only every {@code WRITE_DELAY} (500 ms by default),
     * so a killed JVM would lose sends that had returned: Postbox asks for every commit to be written,
     * unless the URL sets WRITE_DELAY itself.
     */
    static String durableUrl(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.contains("write_delay")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    private static void release(Key key, Entry entry, Duration linger) {
        synchronized (BrokerRegistry.class) {
            entry.references--;
            if (entry.references > 0 || entry.pendingStop != null) {
                return;
            }
            if (linger.isZero() || linger.isNegative()) {
                stop(key, entry);
                return;
            }
            entry.pendingStop = entry.broker.scheduler().schedule(() -> {
                synchronized (BrokerRegistry.class) {
                    if (entry.references == 0 && BROKERS.get(key) == entry) {
                        stop(key, entry);
                    }
                }
            }, linger);
        }
    }

    private static void stop(Key key, Entry entry) {
        BROKERS.remove(key, entry);
        try {
            entry.broker.close();
        } finally {
            entry.broker.store().close();
            entry.broker.scheduler().shutdown();
        }
        LOG.log(Level.DEBUG, "Broker for {0} stopped", key);
    }

    private static void stopAll() {
        synchronized (BrokerRegistry.class) {
            for (Map.Entry<Key, Entry> e : Map.copyOf(BROKERS).entrySet()) {
                try {
                    stop(e.getKey(), e.getValue());
                } catch (RuntimeException ex) {
                    // JVM shutdown: nothing more can be done; other nodes reap this one after its timeout.
                    LOG.log(Level.DEBUG, "Stopping broker at shutdown failed: {0}", ex.toString());
                }
            }
        }
    }

    /** True when a broker for the key is running (for tests). */
    static boolean isRunning(Key key) {
        synchronized (BrokerRegistry.class) {
            Entry entry = BROKERS.get(key);
            return entry != null && Objects.requireNonNull(entry.broker).isRunning();
        }
    }
}
