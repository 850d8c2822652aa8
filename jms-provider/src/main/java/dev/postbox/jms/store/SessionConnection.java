package dev.postbox.jms.store;

import java.sql.Connection;

/**
 * A database connection held by a transacted session, on which the session's sends and acknowledgements
 * and the application's own SQL commit or roll back together (exactly-once processing in Java SE). Used by
 * one thread at a time.
 */
public interface SessionConnection extends AutoCloseable {

    /**
     * The application's view of the connection: any SQL, but {@code commit}, {@code rollback},
     * {@code setAutoCommit} and {@code close} are refused (the session does them).
     */
    Connection application();

    /** Store statements (insert, acknowledge) inside the connection's current transaction. */
    StoreTransaction work();

    /**
     * Commits everything done on the connection since the last commit or rollback.
     *
     * @throws StoreException when the commit fails (the database then rolled back, or the outcome is
     *     unknown if the connection broke during the commit)
     */
    void commit();

    /** Rolls back everything done on the connection since the last commit or rollback. */
    void rollback();

    /** Rolls back what is pending and gives the connection back to the pool. */
    @Override
    void close();
}
