package dev.postbox.jms.spi;

import dev.postbox.jms.engine.ExternalTransaction;

/**
 * Where a connection learns whether its caller runs in a global (JTA) transaction; set by the resource
 * adapter on its pooled connections. In a transaction, sends are stored and received messages consumed as
 * part of it, whatever the session's own mode.
 */
@FunctionalInterface
public interface TransactionSource {

    /** No global transactions (Java SE). */
    TransactionSource NONE = () -> null;

    /** The transaction active on the calling thread, or null. */
    ExternalTransaction current();
}
