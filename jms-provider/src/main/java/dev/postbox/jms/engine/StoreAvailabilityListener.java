package dev.postbox.jms.engine;

/**
 * Hears when this node's heartbeats start failing (the database cannot be reached) and when they succeed
 * again. Called on the heartbeat thread: implementations must return quickly.
 */
public interface StoreAvailabilityListener {

    /** The store stopped answering this node's heartbeats. */
    void unavailable(EngineException.StoreUnavailable failure);

    /** The store answers this node's heartbeats again. */
    void available();
}
