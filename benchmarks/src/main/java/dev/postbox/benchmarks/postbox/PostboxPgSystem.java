package dev.postbox.benchmarks.postbox;

import dev.postbox.benchmarks.system.SystemContext;
import java.util.Optional;

/** Postbox on the local PostgreSQL (database {@code bench_postbox}). */
public final class PostboxPgSystem extends PostboxSystem {

    private static final String DATABASE = "bench_postbox";

    @Override
    public String name() {
        return "postbox-pg";
    }

    @Override
    public String description() {
        return "Postbox " + version() + " (Java SE connection factory, " + settings() + ") on PostgreSQL (database "
                + DATABASE + ")";
    }

    @Override
    String prepareStore(SystemContext context, boolean keepState) throws Exception {
        if (!keepState) {
            context.pg().recreateDatabase(DATABASE);
        }
        return context.pg().jdbcUrl(DATABASE);
    }

    @Override
    public Optional<String> database() {
        return Optional.of(DATABASE);
    }
}
