package dev.postbox.benchmarks.postbox;

import dev.postbox.benchmarks.system.JmsBenchmarkSystem;
import dev.postbox.benchmarks.system.SystemContext;
import dev.postbox.jms.PostboxConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Postbox through its Java SE connection factory, with its default settings. One connection is held open
 * for the whole JVM, so that the broker node (pool, heartbeat) is started once, as in an application.
 */
abstract class PostboxSystem implements JmsBenchmarkSystem {

    /** Overrides the factory's {@code prefetchSize} (for experiments; the reported runs use the default). */
    static final String PREFETCH_PROPERTY = "bench.postbox.prefetchSize";

    private PostboxConnectionFactory factory;
    private Connection keepAlive;
    private String jdbcUrl;

    /** The JDBC URL of the store, after the previous state was removed unless {@code keepState}. */
    abstract String prepareStore(SystemContext context, boolean keepState) throws Exception;

    @Override
    public void start(SystemContext context, boolean keepState) throws Exception {
        jdbcUrl = prepareStore(context, keepState);
        factory = new PostboxConnectionFactory(jdbcUrl);
        Integer prefetch = Integer.getInteger(PREFETCH_PROPERTY);
        if (prefetch != null) {
            factory.setPrefetchSize(prefetch);
        }
        keepAlive = factory.createConnection();
    }

    /** The factory settings for the description: the defaults unless an experiment overrides one. */
    static String settings() {
        Integer prefetch = Integer.getInteger(PREFETCH_PROPERTY);
        return prefetch == null ? "default settings" : "default settings but prefetchSize " + prefetch;
    }

    String version() {
        Package p = PostboxConnectionFactory.class.getPackage();
        return p.getImplementationVersion() == null ? "(development build)" : p.getImplementationVersion();
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    /** Deletes the queue's rows in one statement (a benchmark shortcut, not what applications do). */
    @Override
    public void purge(String queue) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement delete = connection.prepareStatement("DELETE FROM pb_message WHERE destination_id"
                        + " IN (SELECT id FROM pb_destination WHERE kind = 'QUEUE' AND name = ?)")) {
            delete.setString(1, queue);
            delete.executeUpdate();
        }
    }

    @Override
    public void stop() throws Exception {
        if (keepAlive != null) {
            keepAlive.close();
        }
    }
}
