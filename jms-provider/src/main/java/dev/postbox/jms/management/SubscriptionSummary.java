package dev.postbox.jms.management;

import java.time.Instant;

/**
 * A topic subscription.
 *
 * @param name subscription name (generated for non-durable unshared ones)
 * @param clientId client identifier it is scoped to, or null
 * @param durable survives its consumers
 * @param shared may have several consumers
 * @param selector message selector, or null
 * @param depth messages ready for delivery
 * @param inFlight messages delivered, not acknowledged
 * @param delayed messages waiting for their delivery time
 * @param activeConsumers consumers attached on live nodes
 * @param createdAt creation time
 */
public record SubscriptionSummary(
        String name,
        String clientId,
        boolean durable,
        boolean shared,
        String selector,
        long depth,
        long inFlight,
        long delayed,
        int activeConsumers,
        Instant createdAt) {
}
