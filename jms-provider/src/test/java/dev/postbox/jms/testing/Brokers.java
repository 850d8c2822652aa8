package dev.postbox.jms.testing;

import dev.postbox.jms.PostboxConnectionFactory;

/** Connection factories for tests: fast heartbeats and no linger, on a {@link TestDatabase}. */
public final class Brokers {

    private Brokers() {
    }

    /** A factory on the database with test-friendly timings. */
    public static PostboxConnectionFactory factory(TestDatabase database) {
        return factory(database.url());
    }

    /** A factory on a JDBC URL with test-friendly timings. */
    public static PostboxConnectionFactory factory(String jdbcUrl) {
        PostboxConnectionFactory factory = new PostboxConnectionFactory(jdbcUrl);
        factory.setShutdownDelayMillis(0);
        factory.setHeartbeatIntervalMillis(200);
        factory.setNodeTimeoutMillis(2_000);
        factory.setPollIntervalMillis(250);
        factory.setExpiryScanIntervalMillis(250);
        factory.setMaxPoolSize(8);
        factory.setDupsOkBatchDelayMillis(50);
        return factory;
    }

    /**
     * The factory with prefetch off: each consumer claims one message at a time. For tests that observe which
     * consumer gets which message, or what is in flight, where the default prefetch would have claimed more
     * (prefetched messages are in flight for the store: invisible to browsers and to other consumers).
     */
    public static PostboxConnectionFactory oneAtATime(PostboxConnectionFactory factory) {
        factory.setPrefetchSize(1);
        return factory;
    }
}
