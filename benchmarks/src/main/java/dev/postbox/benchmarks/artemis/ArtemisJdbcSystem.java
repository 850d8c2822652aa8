package dev.postbox.benchmarks.artemis;

import dev.postbox.benchmarks.system.Directories;
import dev.postbox.benchmarks.system.JmsBenchmarkSystem;
import dev.postbox.benchmarks.system.SystemContext;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.storage.DatabaseStorageConfiguration;

import java.util.Optional;

/**
 * Embedded Artemis with its JDBC store on the local PostgreSQL (database {@code bench_artemis}), store
 * settings at their defaults: Artemis's own commons-dbcp2 pool, journal flushed every
 * {@code jdbc-journal-sync-period} (5 ms).
 */
public final class ArtemisJdbcSystem implements JmsBenchmarkSystem {

    private static final String DATABASE = "bench_artemis";

    private EmbeddedArtemis broker;
    private long syncPeriodMillis = -1;

    @Override
    public String name() {
        return "artemis-jdbc";
    }

    @Override
    public String description() {
        return "ActiveMQ Artemis " + EmbeddedArtemis.version() + " embedded (in-VM), JDBC store on PostgreSQL "
                + "(database " + DATABASE + ", journal sync period " + syncPeriodMillis + " ms, default pool), "
                + "blockOnDurableSend=true, blockOnAcknowledge=true";
    }

    @Override
    public void start(SystemContext context, boolean keepState) throws Exception {
        if (!keepState) {
            context.pg().recreateDatabase(DATABASE);
            Directories.recreate(context.workDirectory());
        }
        DatabaseStorageConfiguration store = new DatabaseStorageConfiguration();
        store.setJdbcDriverClassName("org.postgresql.Driver");
        store.setJdbcConnectionUrl(context.pg().jdbcUrl(DATABASE));
        store.setMessageTableName("messages");
        store.setBindingsTableName("bindings");
        store.setLargeMessageTableName("large_messages");
        store.setPageStoreTableName("page_store");
        store.setNodeManagerStoreTableName("node_manager_store");
        syncPeriodMillis = store.getJdbcJournalSyncPeriodMillis();
        broker = EmbeddedArtemis.start(context.workDirectory(), config -> config.setStoreConfiguration(store));
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return broker.connectionFactory();
    }

    @Override
    public void prepareQueue(String queue) throws Exception {
        broker.prepareQueue(queue);
    }

    @Override
    public void purge(String queue) throws Exception {
        broker.purge(queue);
    }

    @Override
    public void stop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Override
    public Optional<String> database() {
        return Optional.of(DATABASE);
    }
}
