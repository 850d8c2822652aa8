package dev.postbox.jms.store;

/**
 * Per-destination overrides of the broker's delivery policy. Every field may be null, meaning "use the
 * broker default".
 *
 * @param maxDeliveryAttempts deliveries before a message is dead-lettered
 * @param redeliveryDelayMillis delay before the first redelivery
 * @param redeliveryMultiplier factor applied to the delay on each further redelivery
 * @param maxRedeliveryDelayMillis upper bound of the redelivery delay
 * @param deadLetterQueue name of the queue that receives dead-lettered messages ("" = drop them)
 * @param expiryQueue name of the queue that receives expired messages ("" = drop them)
 */
public record DestinationPolicy(
        Integer maxDeliveryAttempts,
        Long redeliveryDelayMillis,
        Double redeliveryMultiplier,
        Long maxRedeliveryDelayMillis,
        String deadLetterQueue,
        String expiryQueue) {

    /** No overrides. */
    public static final DestinationPolicy DEFAULTS = new DestinationPolicy(null, null, null, null, null, null);

    /** This policy with every field that {@code overrides} sets replaced by the override. */
    public DestinationPolicy overriddenBy(DestinationPolicy overrides) {
        if (overrides == null || overrides.equals(DEFAULTS)) {
            return this;
        }
        return new DestinationPolicy(
                overrides.maxDeliveryAttempts != null ? overrides.maxDeliveryAttempts : maxDeliveryAttempts,
                overrides.redeliveryDelayMillis != null ? overrides.redeliveryDelayMillis : redeliveryDelayMillis,
                overrides.redeliveryMultiplier != null ? overrides.redeliveryMultiplier : redeliveryMultiplier,
                overrides.maxRedeliveryDelayMillis != null ? overrides.maxRedeliveryDelayMillis
                        : maxRedeliveryDelayMillis,
                overrides.deadLetterQueue != null ? overrides.deadLetterQueue : deadLetterQueue,
                overrides.expiryQueue != null ? overrides.expiryQueue : expiryQueue);
    }
}
