package dev.postbox.benchmarks.rawpg;

import dev.postbox.benchmarks.client.MessagingClient;
import dev.postbox.benchmarks.system.BenchmarkSystem;
import dev.postbox.benchmarks.system.SystemContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;

/**
 * raw-pg: not JMS, the least a table queue on PostgreSQL must do, and the floor every figure is divided by.
 * One INSERT per message; claim + DELETE in one statement, committed per acknowledgement or per batch;
 * idle consumers wait on an in-JVM signal raised after each commit.
 */
public final class RawPgSystem implements BenchmarkSystem {

    /** Fallback poll of an idle receiver, for messages committed by other JVMs. */
    static final String POLL_MILLIS_PROPERTY = "bench.rawpg.pollMillis";
    static final long DEFAULT_POLL_MILLIS = 1_000;

    private static final String DATABASE = "bench_raw";

    private final CommitSignal signal = new CommitSignal();
    private SystemContext context;
    private String version = "?";

    @Override
    public String name() {
        return "raw-pg";
    }

    @Override
    public String description() {
        return "raw JDBC table queue (not JMS) on " + version + "; INSERT per message; claim = DELETE … WHERE id IN "
                + "(SELECT … ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED) RETURNING, commit per ack or per batch; "
                + "idle consumers wait on an in-JVM signal, polling every " + pollMillis() + " ms";
    }

    @Override
    public void start(SystemContext context, boolean keepState) throws Exception {
        this.context = context;
        if (!keepState) {
            context.pg().recreateDatabase(DATABASE);
            try (Connection c = context.pg().connect(DATABASE); Statement s = c.createStatement()) {
                s.execute(RawPgQueries.CREATE_TABLE);
                s.execute(RawPgQueries.CREATE_INDEX);
            }
        }
        try (Connection c = context.pg().connect(DATABASE)) {
            version = "PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
        }
    }

    @Override
    public MessagingClient client() {
        return new RawPgClient(context.pg().jdbcUrl(DATABASE), signal, pollMillis());
    }

    @Override
    public void purge(String queue) throws Exception {
        try (Connection c = context.pg().connect(DATABASE);
             PreparedStatement purge = c.prepareStatement(RawPgQueries.PURGE)) {
            purge.setString(1, queue);
            purge.executeUpdate();
        }
    }

    @Override
    public void stop() {
        // nothing runs between calls: every sender and receiver closed its own connection
    }

    @Override
    public Optional<String> database() {
        return Optional.of(DATABASE);
    }

    private static long pollMillis() {
        return Long.getLong(POLL_MILLIS_PROPERTY, DEFAULT_POLL_MILLIS);
    }
}
