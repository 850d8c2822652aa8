package dev.postbox.jms.engine;

import dev.postbox.jms.store.DestinationRecord;

/**
 * What a topic consumer asks for.
 *
 * @param topic the topic
 * @param name subscription name (null for a non-durable unshared subscription)
 * @param clientId the connection's client identifier, or null
 * @param durable durable subscription
 * @param shared shared subscription (several consumers compete)
 * @param selector message selector, or null
 * @param noLocal skip messages published with this consumer's identity
 * @param consumerIdentity the identity of the consuming connection ({@code client:<id>} or
 *     {@code conn:<id>}), compared with a message's origin for noLocal
 * @param connectionId the consuming connection (owner of non-durable unshared subscriptions)
 */
public record SubscriptionRequest(
        DestinationRecord topic,
        String name,
        String clientId,
        boolean durable,
        boolean shared,
        String selector,
        boolean noLocal,
        String consumerIdentity,
        String connectionId) {

    /** The stored name of the subscription (unique among subscriptions). */
    public String storedName() {
        String client = clientId == null ? "" : clientId;
        if (durable) {
            return (shared ? "shared-durable:" : "durable:") + client + ":" + name;
        }
        return shared ? "shared:" + client + ":" + name : null;
    }

    /**
     * The stored name of the subscription that may not coexist with this one: an unshared and a shared
     * durable subscription may not have the same name and client id. A shared non-durable subscription has
     * its own namespace ("There is no restriction on durable subscriptions and shared non-durable
     * subscriptions having the same name and clientId. Such subscriptions would be completely separate").
     */
    public java.util.List<String> conflictingNames() {
        if (name == null || !durable) {
            return java.util.List.of();
        }
        String client = clientId == null ? "" : clientId;
        return java.util.List.of((shared ? "durable:" : "shared-durable:") + client + ":" + name);
    }
}
