package dev.postbox.jms.engine;

import java.util.function.Consumer;

/**
 * A transaction managed outside Postbox (a JTA transaction of the application server) that the engine's
 * work joins: sends become visible and consumes final only when it commits. Supplied by the resource
 * adapter; the engine never talks to a transaction manager itself.
 */
public interface ExternalTransaction {

    /**
     * Registers a callback run after the transaction completed, with {@code true} when it committed.
     * Called on the thread that completes the transaction; must not block.
     */
    void afterCompletion(Consumer<Boolean> completion);

    /** Marks the transaction so that it can only roll back. */
    void setRollbackOnly();
}
