package dev.postbox.jms.store;

/**
 * What is needed to create a destination row.
 *
 * @param kind what it is
 * @param name unique per kind
 * @param temporary true for temporary destinations and non-durable subscriptions
 * @param ownerNode node whose death removes it, or null
 * @param ownerConnection owning connection, or null
 * @param subscription subscription attributes when kind is SUBSCRIPTION, else null
 * @param policy delivery policy overrides
 */
public record NewDestination(
        DestinationKind kind,
        String name,
        boolean temporary,
        String ownerNode,
        String ownerConnection,
        SubscriptionInfo subscription,
        DestinationPolicy policy) {

    /** A durable, non-temporary queue with default policy. */
    public static NewDestination queue(String name) {
        return new NewDestination(DestinationKind.QUEUE, name, false, null, null, null, DestinationPolicy.DEFAULTS);
    }
}
