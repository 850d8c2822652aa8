package dev.postbox.jms.store;

import java.util.function.Function;

/**
 * The message store SPI: durable destinations, messages and node liveness in a relational database.
 *
 * <p>All work happens in {@link StoreTransaction}s. Implementations are thread-safe; a transaction is
 * used by one thread at a time. Failures are reported as {@link StoreException}s
 * ({@link StoreUnavailableException} when the database cannot be reached).
 */
public interface MessageStore extends AutoCloseable {

    /** Begins a new resource-local transaction. The caller must commit or close it. */
    StoreTransaction begin();

    /**
     * Runs work in a new transaction, commits it and returns the result; rolls back when the work
     * throws.
     */
    default <T> T inTransaction(Function<StoreTransaction, T> work) {
        try (StoreTransaction tx = begin()) {
            T result = work.apply(tx);
            tx.commit();
            return result;
        }
    }

    /** What database this store runs on, for logs and management ("PostgreSQL 15.4", "H2 2.2.224"). */
    String databaseDescription();

    /** True when several JVMs may safely share this store (competing consumers across JVMs). */
    boolean supportsMultipleNodes();

    /** Releases the store's resources (the connection pool when the store owns it). */
    @Override
    void close();
}
