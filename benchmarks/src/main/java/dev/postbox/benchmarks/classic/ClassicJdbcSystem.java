package dev.postbox.benchmarks.classic;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postbox.benchmarks.system.Directories;
import dev.postbox.benchmarks.system.JmsBenchmarkSystem;
import dev.postbox.benchmarks.system.SystemContext;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQConnectionMetaData;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.broker.region.Queue;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.store.jdbc.JDBCPersistenceAdapter;

import java.util.Optional;

/**
 * Embedded ActiveMQ Classic with the JDBC persistence adapter on the local PostgreSQL (database
 * {@code bench_classic}) through a HikariCP pool. Clients connect over {@code vm://} with synchronous
 * persistent sends (the default) and synchronous acknowledgements ({@code sendAcksAsync=false}, not the
 * default: with it, {@code acknowledge()} returns before the broker has deleted the row).
 */
public final class ClassicJdbcSystem implements JmsBenchmarkSystem {

    /** {@code true} keeps the adapter's default database lock (an open transaction on ACTIVEMQ_LOCK). */
    static final String USE_LOCK_PROPERTY = "bench.classic.useLock";

    private static final String DATABASE = "bench_classic";
    private static final String BROKER = "bench";
    private static final int PURGE_BATCH = 100;

    private HikariDataSource dataSource;
    private BrokerService broker;
    private ActiveMQConnectionFactory factory;

    @Override
    public String name() {
        return "classic-jdbc";
    }

    @Override
    public String description() {
        return "ActiveMQ Classic " + ActiveMQConnectionMetaData.PROVIDER_VERSION + " embedded (vm://), "
                + "JDBCPersistenceAdapter on PostgreSQL (database " + DATABASE + ", HikariCP pool of "
                + dataSource.getMaximumPoolSize() + ", useLock=" + useLock() + "), useAsyncSend=false, "
                + "sendAcksAsync=false, queue prefetch " + factory.getPrefetchPolicy().getQueuePrefetch();
    }

    @Override
    public void start(SystemContext context, boolean keepState) throws Exception {
        if (!keepState) {
            context.pg().recreateDatabase(DATABASE);
            Directories.recreate(context.workDirectory());
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(context.pg().jdbcUrl(DATABASE));
        pool.setPoolName("classic-jdbc");
        dataSource = new HikariDataSource(pool);

        JDBCPersistenceAdapter store = new JDBCPersistenceAdapter();
        store.setDataSource(dataSource);
        store.setUseLock(useLock());

        broker = new BrokerService();
        broker.setBrokerName(BROKER);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(context.workDirectory().toFile());
        broker.setPersistenceAdapter(store);
        broker.start();
        if (!broker.waitUntilStarted(60_000)) {
            throw new IllegalStateException("ActiveMQ Classic did not start within 60 s");
        }

        factory = new ActiveMQConnectionFactory("vm://" + BROKER + "?create=false");
        factory.setUseAsyncSend(false);
        factory.setSendAcksAsync(false);
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    /**
     * Drains the queue through a transacted consumer committing every {@value #PURGE_BATCH} messages.
     * {@link Queue#purge()} (also behind {@code removeDestination}) deletes one row per database transaction,
     * which takes minutes for the queues a send scenario leaves behind.
     */
    @Override
    public void purge(String queue) throws Exception {
        Destination destination = broker.getDestination(new ActiveMQQueue(queue));
        if (!(destination instanceof Queue q)) {
            return;
        }
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            int uncommitted = 0;
            while (q.getDestinationStatistics().getMessages().getCount() > 0 || uncommitted > 0) {
                if (consumer.receive(1_000) != null && ++uncommitted < PURGE_BATCH) {
                    continue;
                }
                session.commit();
                if (uncommitted == 0) {
                    break; // nothing arrived within a second although the count says otherwise
                }
                uncommitted = 0;
            }
        }
        if (q.getDestinationStatistics().getMessages().getCount() > 0) {
            q.purge();
        }
    }

    @Override
    public void stop() throws Exception {
        try {
            if (broker != null) {
                broker.stop();
                broker.waitUntilStopped();
            }
        } finally {
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }

    @Override
    public Optional<String> database() {
        return Optional.of(DATABASE);
    }

    private static boolean useLock() {
        return Boolean.getBoolean(USE_LOCK_PROPERTY);
    }
}
