package dev.postbox.jms.store;

import java.time.Instant;

/**
 * A message as read from the store, with its delivery state.
 *
 * @param id store id (unique, increasing per node)
 * @param content the message as it was sent
 * @param deliveryCount deliveries so far, including the current one when claimed
 * @param claimedBy node holding it in flight, or null
 * @param enqueuedAt when it was stored
 * @param firstDeliveredAt first claim time, or null
 * @param lastDeliveredAt latest claim time, or null
 * @param lastFailure why the latest delivery failed, or null
 * @param deadLetter dead-letter details when it sits in a dead-letter queue, else null
 */
public record StoredMessage(
        long id,
        NewMessage content,
        int deliveryCount,
        String claimedBy,
        Instant enqueuedAt,
        Instant firstDeliveredAt,
        Instant lastDeliveredAt,
        String lastFailure,
        DeadLetterInfo deadLetter) {

    /** The destination it is stored on. */
    public long destinationId() {
        return content.destinationId();
    }
}
