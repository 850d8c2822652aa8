package dev.postbox.jms.engine;

import dev.postbox.jms.store.StoredMessage;

/**
 * Decides whether a consumer wants a stored message (a message selector, noLocal). Supplied by the
 * facade; evaluated by the engine before claiming, so unwanted messages stay available to others.
 */
@FunctionalInterface
public interface MessageFilter {

    /** Accepts every message. */
    MessageFilter ALL = message -> true;

    /** True when the consumer wants the message. Must not throw. */
    boolean accept(StoredMessage message);
}
