package dev.postbox.jms.store;

/**
 * The attributes of a topic subscription.
 *
 * @param topicId the subscribed topic's destination id
 * @param subscriptionName the subscription name (generated for non-durable unshared ones)
 * @param clientId the client identifier it is scoped to, or null
 * @param durable survives its consumers
 * @param shared may have several consumers
 * @param selector message selector applied at publish time, or null
 * @param noLocal skips messages published on the subscribing connection
 */
public record SubscriptionInfo(
        long topicId,
        String subscriptionName,
        String clientId,
        boolean durable,
        boolean shared,
        String selector,
        boolean noLocal) {
}
