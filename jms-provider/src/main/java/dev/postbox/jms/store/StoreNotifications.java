package dev.postbox.jms.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Tells other nodes sharing the store that destinations received messages, so their idle consumers wake
 * at once instead of at the next poll (PostgreSQL {@code LISTEN/NOTIFY}). Best effort: a lost notification
 * only delays delivery until the poll.
 */
public interface StoreNotifications extends AutoCloseable {

    /** Sends one notification naming the destinations; may throw {@link StoreException}. */
    void publish(String senderNode, Collection<Long> destinationIds);

    /**
     * Waits up to the timeout for notifications from other nodes and returns the destinations they name.
     * Keeps its own connection between calls.
     *
     * @throws StoreException when the connection failed (it is reopened by the next call)
     */
    List<Long> await(String receiverNode, Duration timeout);

    /** Closes the listening connection. */
    @Override
    void close();
}
