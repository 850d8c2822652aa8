package dev.postbox.benchmarks.rawpg;

/** The whole of raw-pg's SQL: one table, one index, one insert, one claim, one purge. */
final class RawPgQueries {

    static final String CREATE_TABLE = """
            CREATE TABLE bench_message (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                queue      text   NOT NULL,
                sent_nanos bigint NOT NULL,
                payload    bytea  NOT NULL)""";

    /** Serves {@link #CLAIM}: the oldest rows of one queue. */
    static final String CREATE_INDEX = "CREATE INDEX bench_message_queue_id ON bench_message (queue, id)";

    static final String INSERT = "INSERT INTO bench_message (queue, sent_nanos, payload) VALUES (?, ?, ?)";

    /**
     * Claims and deletes up to n of the oldest rows in one statement; the caller commits when the consumer
     * acknowledges (per message) or commits (per batch). Rows come back in no particular order.
     */
    static final String CLAIM = """
            DELETE FROM bench_message
             WHERE id IN (SELECT id FROM bench_message
                           WHERE queue = ?
                           ORDER BY id
                           LIMIT ?
                           FOR UPDATE SKIP LOCKED)
            RETURNING id, sent_nanos, payload""";

    static final String PURGE = "DELETE FROM bench_message WHERE queue = ?";

    private RawPgQueries() {
    }
}
