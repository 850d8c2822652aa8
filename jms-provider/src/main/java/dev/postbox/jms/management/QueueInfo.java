package dev.postbox.jms.management;

import java.time.Instant;
import java.util.List;

/**
 * A queue as management sees it.
 *
 * @param name queue name
 * @param kind always QUEUE (topic subscriptions are listed with their topics)
 * @param temporary true for temporary queues
 * @param available messages ready for delivery (the queue's depth)
 * @param inFlight messages delivered and not yet acknowledged
 * @param delayed messages waiting for their delivery time or redelivery delay
 * @param deadLetterQueue where its failed messages go (empty: dropped)
 * @param createdAt creation time
 * @param policy the queue's own policy settings (null fields: broker default)
 * @param effectivePolicy the policy in force (overrides applied to the broker's defaults)
 * @param deadLetterQueueOf the queues whose dead-letter queue this one is (empty for ordinary queues)
 */
public record QueueInfo(
        String name,
        String kind,
        boolean temporary,
        long available,
        long inFlight,
        long delayed,
        String deadLetterQueue,
        Instant createdAt,
        DeliveryPolicy policy,
        DeliveryPolicy effectivePolicy,
        List<String> deadLetterQueueOf) {

    /** Every message stored on the queue. */
    public long total() {
        return available + inFlight + delayed;
    }

    /** True when messages of other queues are dead-lettered here (or its name says it is a DLQ). */
    public boolean isDeadLetterQueue() {
        return !deadLetterQueueOf.isEmpty();
    }
}
