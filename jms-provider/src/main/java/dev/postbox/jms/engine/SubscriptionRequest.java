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
     * The stored names of the other kinds of named subscription with this name and client id: durable,
     * shared durable and shared non-durable subscriptions share one namespace.
     */
    public java.util.List<String> conflictingNames() {
        if (name == null) {
            return java.util.List.of();
        }
        String client = clientId == null ? "" : clientId;
        String own = storedName();
        return java.util.stream.Stream.of("durable:", "shared-durable:", "shared:")
                .map(prefix -> prefix + client + ":" + name)
                .filter(candidate -> !candidate.equals(own))
                .toList();
    }
}
