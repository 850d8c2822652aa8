package dev.postbox.jms.engine;

import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.StoreConflictException;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.SubscriptionInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Topic subscriptions: creating, reusing, changing and removing them, and tracking their consumers on
 * every node (an unshared durable subscription admits one active consumer; a non-durable one disappears
 * with its last consumer).
 */
final class Subscriptions {

    private final MessageStore store;
    private final Supplier<String> node;

    Subscriptions(MessageStore store, Supplier<String> node) {
        this.store = store;
        this.node = node;
    }

    /**
     * Finds or creates the subscription a consumer asked for and attaches the consumer to it.
     *
     * @throws EngineException.IllegalState when the rules forbid it (active consumer, name clash)
     */
    DestinationRecord attach(SubscriptionRequest request, String consumerId) {
        if (request.name() == null) {
            return store.inTransaction(tx -> {
                DestinationRecord created = tx.createDestination(temporarySubscription(request));
                tx.attachSubscriptionConsumer(created.id(), consumerId, node.get());
                return created;
            });
        }
        try {
            return store.inTransaction(tx -> attachNamed(tx, request, consumerId));
        } catch (StoreConflictException raced) {
            return store.inTransaction(tx -> attachNamed(tx, request, consumerId));
        }
    }

    private DestinationRecord attachNamed(StoreTransaction tx, SubscriptionRequest request, String consumerId) {
        DestinationRecord subscription = findOrReplace(tx, request);
        tx.attachSubscriptionConsumer(subscription.id(), consumerId, node.get());
        if (request.durable() && !request.shared() && tx.liveSubscriptionConsumers(subscription.id()) > 1) {
            // thrown inside the transaction: the attachment is rolled back
            throw new EngineException.IllegalState("Durable subscription " + request.name() + " of client "
                    + request.clientId() + " already has an active consumer");
        }
        return subscription;
    }

    private DestinationRecord findOrReplace(StoreTransaction tx, SubscriptionRequest request) {
        for (String other : request.conflictingNames()) {
            if (tx.findDestination(DestinationKind.SUBSCRIPTION, other).isPresent()) {
                throw new EngineException.IllegalState((request.shared() ? "An unshared" : "A shared")
                        + " durable subscription named " + request.name()
                        + (request.clientId() == null ? "" : " for client " + request.clientId())
                        + " exists already (" + other + "): shared and unshared durable subscriptions share one"
                        + " namespace");
            }
        }
        Optional<DestinationRecord> existing = tx.findDestination(DestinationKind.SUBSCRIPTION, request.storedName());
        if (existing.isPresent()) {
            DestinationRecord found = existing.get();
            if (sameDefinition(found.subscription(), request)) {
                return found;
            }
            if (tx.liveSubscriptionConsumers(found.id()) > 0) {
                throw new EngineException.IllegalState("Subscription " + request.name() + " has an active consumer;"
                        + " its topic, selector or noLocal cannot change until it is closed");
            }
            tx.deleteDestination(found.id());
        }
        return tx.createDestination(namedSubscription(request));
    }

    private static boolean sameDefinition(SubscriptionInfo info, SubscriptionRequest request) {
        return info.topicId() == request.topic().id()
                && Objects.equals(blankToNull(info.selector()), blankToNull(request.selector()))
                && (!request.durable() || request.shared() || info.noLocal() == request.noLocal());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private NewDestination temporarySubscription(SubscriptionRequest request) {
        SubscriptionInfo info = new SubscriptionInfo(request.topic().id(), null, request.clientId(), false, false,
                blankToNull(request.selector()), request.noLocal());
        return new NewDestination(DestinationKind.SUBSCRIPTION, "sub:" + UUID.randomUUID(), true, node.get(),
                request.consumerIdentity(), info, DestinationPolicy.DEFAULTS);
    }

    private static NewDestination namedSubscription(SubscriptionRequest request) {
        SubscriptionInfo info = new SubscriptionInfo(request.topic().id(), request.name(), request.clientId(),
                request.durable(), request.shared(), blankToNull(request.selector()), request.noLocal());
        boolean temporary = !request.durable();
        String identity = request.durable() ? null : request.consumerIdentity();
        return new NewDestination(DestinationKind.SUBSCRIPTION, request.storedName(), temporary, null, identity,
                info, DestinationPolicy.DEFAULTS);
    }

    /** Detaches a consumer; a non-durable subscription without consumers is removed with its messages. */
    void detach(DestinationRecord subscription, String consumerId) {
        store.inTransaction(tx -> {
            int left = tx.detachSubscriptionConsumer(subscription.id(), consumerId);
            if (left == 0 && !subscription.subscription().durable()) {
                tx.deleteDestination(subscription.id());
            }
            return null;
        });
    }

    /**
     * Deletes a durable subscription and its messages.
     *
     * @throws EngineException.InvalidDestination when there is none with that name
     * @throws EngineException.IllegalState when it has an active consumer
     */
    void unsubscribe(String clientId, String name) {
        String client = clientId == null ? "" : clientId;
        store.inTransaction(tx -> {
            Optional<DestinationRecord> found = tx.findDestination(DestinationKind.SUBSCRIPTION,
                    "durable:" + client + ":" + name)
                    .or(() -> tx.findDestination(DestinationKind.SUBSCRIPTION, "shared-durable:" + client + ":" + name));
            DestinationRecord subscription = found.orElseThrow(() -> new EngineException.InvalidDestination(
                    "No durable subscription named " + name + (clientId == null ? "" : " for client " + clientId)));
            if (tx.liveSubscriptionConsumers(subscription.id()) > 0) {
                throw new EngineException.IllegalState("Durable subscription " + name + " has an active consumer");
            }
            tx.deleteDestination(subscription.id());
            return null;
        });
    }
}
