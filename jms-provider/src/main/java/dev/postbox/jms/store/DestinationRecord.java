package dev.postbox.jms.store;

import java.time.Instant;

/**
 * A stored queue, topic or subscription.
 *
 * @param id primary key
 * @param kind what it is
 * @param name unique per kind
 * @param temporary true for temporary destinations and non-durable subscriptions
 * @param ownerNode the node whose death removes it (temporary ones), else null
 * @param ownerConnection the connection that owns it (temporary ones), else null
 * @param subscription subscription attributes, null unless kind is SUBSCRIPTION
 * @param policy delivery policy overrides
 * @param createdAt creation time
 */
public record DestinationRecord(
        long id,
        DestinationKind kind,
        String name,
        boolean temporary,
        String ownerNode,
        String ownerConnection,
        SubscriptionInfo subscription,
        DestinationPolicy policy,
        Instant createdAt) {

    /** True when messages are stored against it (queues and subscriptions). */
    public boolean holdsMessages() {
        return kind != DestinationKind.TOPIC;
    }
}
