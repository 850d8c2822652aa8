package dev.postbox.admin.api.view;

import dev.postbox.jms.management.DeliveryPolicy;

/**
 * A delivery policy (null fields: the broker's default).
 *
 * @param maxDeliveryAttempts deliveries before dead-lettering (0 = unlimited)
 * @param redeliveryDelayMillis delay before the first redelivery
 * @param redeliveryMultiplier growth of the delay per redelivery
 * @param maxRedeliveryDelayMillis upper bound of the delay
 * @param deadLetterQueue dead-letter queue ("" = drop)
 * @param expiryQueue expiry queue ("" = drop)
 */
public record PolicyView(Integer maxDeliveryAttempts, Long redeliveryDelayMillis, Double redeliveryMultiplier,
        Long maxRedeliveryDelayMillis, String deadLetterQueue, String expiryQueue) {

    /** The view of a management policy. */
    public static PolicyView of(DeliveryPolicy p) {
        return new PolicyView(p.maxDeliveryAttempts(), p.redeliveryDelayMillis(), p.redeliveryMultiplier(),
                p.maxRedeliveryDelayMillis(), p.deadLetterQueue(), p.expiryQueue());
    }
}
