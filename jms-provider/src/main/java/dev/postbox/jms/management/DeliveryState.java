package dev.postbox.jms.management;

import java.time.Instant;

/**
 * Where a stored message is in its delivery.
 *
 * @param state what is happening to it
 * @param node the node holding it when in flight, else null
 * @param until when a delayed message becomes deliverable (or an available one became so)
 * @param deliveryCount deliveries so far (0: never delivered)
 * @param enqueuedAt when it was stored on its current queue's history
 * @param lastDeliveredAt latest delivery, or null
 * @param lastFailure why the latest delivery failed, or null
 */
public record DeliveryState(
        State state,
        String node,
        Instant until,
        int deliveryCount,
        Instant enqueuedAt,
        Instant lastDeliveredAt,
        String lastFailure) {

    /** The delivery states of a message. */
    public enum State {
        /** Deliverable now. */
        AVAILABLE,
        /** Delivered to a consumer of {@link #node()}, not yet acknowledged. */
        IN_FLIGHT,
        /** Waiting for its delivery time or redelivery delay ({@link #until()}). */
        DELAYED,
        /** Past its expiration; the broker removes (or moves) it shortly. */
        EXPIRED
    }
}
