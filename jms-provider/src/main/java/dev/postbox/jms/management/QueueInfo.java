package dev.postbox.jms.management;

import java.time.Instant;

/**
 * A queue (or topic subscription) as management sees it.
 *
 * @param name destination name
 * @param kind QUEUE, TOPIC or SUBSCRIPTION
 * @param temporary true for temporary queues
 * @param available messages ready for delivery (the queue's depth)
 * @param inFlight messages delivered and not yet acknowledged
 * @param delayed messages waiting for their delivery time or redelivery delay
 * @param deadLetterQueue where its failed messages go (empty: dropped)
 * @param createdAt creation time
 */
public record QueueInfo(
        String name,
        String kind,
        boolean temporary,
        long available,
        long inFlight,
        long delayed,
        String deadLetterQueue,
        Instant createdAt) {

    /** Every message stored on the queue. */
    public long total() {
        return available + inFlight + delayed;
    }
}
