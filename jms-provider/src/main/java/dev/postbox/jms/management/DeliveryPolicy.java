package dev.postbox.jms.management;

/**
 * The delivery policy of a queue. As input and as a queue's overrides, a null field means "the broker's
 * default"; as a queue's effective policy every field is set.
 *
 * @param maxDeliveryAttempts deliveries before a message is dead-lettered (0 = unlimited)
 * @param redeliveryDelayMillis delay before the first redelivery
 * @param redeliveryMultiplier growth of the delay per further redelivery (at least 1)
 * @param maxRedeliveryDelayMillis upper bound of the redelivery delay
 * @param deadLetterQueue queue receiving messages whose attempts are exhausted ("" = drop them)
 * @param expiryQueue queue receiving expired messages ("" = drop them)
 */
public record DeliveryPolicy(
        Integer maxDeliveryAttempts,
        Long redeliveryDelayMillis,
        Double redeliveryMultiplier,
        Long maxRedeliveryDelayMillis,
        String deadLetterQueue,
        String expiryQueue) {

    /** No overrides: every setting is the broker's default. */
    public static final DeliveryPolicy DEFAULTS = new DeliveryPolicy(null, null, null, null, null, null);
}
