package dev.postbox.jms.engine;

import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.store.DestinationPolicy;
import java.time.Duration;

/**
 * The effective redelivery policy of a destination: broker defaults overridden by the destination's and
 * then by the consumer's settings.
 *
 * @param maxDeliveryAttempts deliveries before dead-lettering (0 = unlimited)
 * @param initialDelay delay before the first redelivery
 * @param multiplier growth of the delay per further redelivery
 * @param maxDelay upper bound of the delay
 */
public record RedeliveryPolicy(int maxDeliveryAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** The broker's defaults overridden by a destination's policy. */
    public static RedeliveryPolicy of(BrokerConfig config, DestinationPolicy overrides) {
        return new RedeliveryPolicy(
                overrides.maxDeliveryAttempts() != null ? overrides.maxDeliveryAttempts() : config.maxDeliveryAttempts(),
                overrides.redeliveryDelayMillis() != null ? Duration.ofMillis(overrides.redeliveryDelayMillis())
                        : config.redeliveryDelay(),
                overrides.redeliveryMultiplier() != null ? overrides.redeliveryMultiplier()
                        : config.redeliveryMultiplier(),
                overrides.maxRedeliveryDelayMillis() != null ? Duration.ofMillis(overrides.maxRedeliveryDelayMillis())
                        : config.maxRedeliveryDelay());
    }

    /** True when a message delivered this many times may not be delivered again. */
    public boolean exhausted(int deliveryCount) {
        return maxDeliveryAttempts > 0 && deliveryCount >= maxDeliveryAttempts;
    }

    /**
     * The delay before the next delivery of a message that has failed {@code deliveryCount} times:
     * {@code min(maxDelay, initialDelay * multiplier^(deliveryCount-1))}.
     */
    public Duration delayAfter(int deliveryCount) {
        if (initialDelay.isZero()) {
            return Duration.ZERO;
        }
        double factor = Math.pow(multiplier, Math.max(0, deliveryCount - 1));
        double millis = initialDelay.toMillis() * factor;
        if (millis >= maxDelay.toMillis() || Double.isInfinite(millis)) {
            return maxDelay;
        }
        return Duration.ofMillis((long) millis);
    }
}
