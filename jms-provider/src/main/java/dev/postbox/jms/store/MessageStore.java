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

    /**
     * Begins a new resource-local transaction on the calling thread. The caller must commit or close it.
     * The engine uses {@link #inTransaction} instead, which implementations may run elsewhere.
     */
    StoreTransaction begin();

    /**
     * Work inside the caller's current JTA transaction (application-server deployments whose store was
     * opened with a transactional data source). The returned transaction's {@code commit()} only flushes;
     * the container commits or rolls back. Use one per operation and close it.
     *
     * @throws StoreException when the store has no transactional data source or no transaction is active
     */
    default StoreTransaction joinExternal() {
        throw new StoreException("This message store cannot join external (JTA) transactions");
    }

    /** True when {@link #joinExternal()} is available. */
    default boolean supportsExternalTransactions() {
        return false;
    }

    /**
     * Stores one message committed on its own: a persistent send outside any transaction, the message
     * already addressed to a queue or subscription and without idempotency key. Implementations may do it
     * in fewer round trips than a transaction (the default runs one).
     */
    default void insertCommitted(NewMessage message) {
        inTransaction(tx -> tx.insert(java.util.List.of(message)));
    }

    /**
     * Claims messages (unfiltered) in a transaction of their own that commits without waiting for the disk, in
     * delivery order. Implementations may do it in one round trip (the default runs a transaction).
     */
    default java.util.List<StoredMessage> claimRelaxed(ClaimRequest request) {
        return inTransaction(tx -> {
            tx.relaxDurability();
            return tx.claim(request);
        });
    }

    /**
     * Deletes (acknowledges) messages claimed by the node, committed on its own; returns how many were deleted.
     * Implementations may do it in one round trip (the default runs a transaction).
     */
    default int acknowledgeCommitted(java.util.Collection<Long> messageIds, String node) {
        return inTransaction(tx -> tx.acknowledge(messageIds, node));
    }

    /**
     * When the next message of a destination that is not visible yet becomes visible (empty: none), read
     * outside any transaction where the store can.
     */
    default java.util.Optional<java.time.Instant> nextVisibleAt(long destinationId, java.time.Instant now) {
        return inTransaction(tx -> tx.nextVisibleAt(destinationId, now));
    }

    /**
     * Runs work in a new transaction, commits it and returns the result; rolls back when the work
     * throws. Implementations may run the work on another thread (inside an application server, store
     * work never runs on the application's threads); the work must not depend on the calling thread.
     */
    default <T> T inTransaction(Function<StoreTransaction, T> work) {
        try (StoreTransaction tx = begin()) {
            T result = work.apply(tx);
            tx.commit();
            return result;
        }
    }

    /**
     * A connection for a transacted session whose application work shares the session's transaction
     * (Java SE stores only; in an application server the JTA transaction does this).
     *
     * @throws StoreException when the store cannot lend connections
     */
    default SessionConnection openSessionConnection() {
        throw new StoreException("This message store cannot lend database connections to sessions; in an"
                + " application server, use a JTA transaction");
    }

    /**
     * Whether the broker must vacuum the store's tables itself (PostgreSQL with autovacuum off: every claim
     * and acknowledgement leaves a dead row version, and the claim index slows down as they pile up).
     */
    default boolean needsVacuum() {
        return false;
    }

    /** Removes dead row versions from the message tables (see {@link #needsVacuum()}). */
    default void vacuum() {
    }

    /** The broker's users. */
    default UserStore users() {
        throw new StoreException("This message store keeps no users");
    }

    /** Cross-node notifications, when the database offers them (PostgreSQL). */
    default java.util.Optional<StoreNotifications> notifications() {
        return java.util.Optional.empty();
    }

    /** What database this store runs on, for logs and management ("PostgreSQL 15.4", "H2 2.2.224"). */
    String databaseDescription();

    /** True when several JVMs may safely share this store (competing consumers across JVMs). */
    boolean supportsMultipleNodes();

    /** Releases the store's resources (the connection pool when the store owns it). */
    @Override
    void close();
}
