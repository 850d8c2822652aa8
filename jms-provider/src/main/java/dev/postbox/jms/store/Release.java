package dev.postbox.jms.store;

import java.time.Instant;

/**
 * Return a claimed message to its destination.
 *
 * @param messageId the store id
 * @param delivered false when the message was claimed but never handed to the application (its delivery
 *     count is given back); true for a real failed delivery
 * @param visibleAt when it may be delivered again (redelivery delay)
 * @param failure why the delivery failed, or null
 */
public record Release(long messageId, boolean delivered, Instant visibleAt, String failure) {
}
