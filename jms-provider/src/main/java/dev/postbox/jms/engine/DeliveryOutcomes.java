package dev.postbox.jms.engine;

import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.store.DeadLetterInfo;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.Release;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoredMessage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to a delivery after it was claimed: acknowledged, redelivered after a delay, dead-lettered
 * with its reason, expired, or given back untouched.
 */
final class DeliveryOutcomes {

    private static final System.Logger LOG = System.getLogger(DeliveryOutcomes.class.getName());

    /** A message made available again, and when. */
    record Released(long destinationId, Instant visibleAt) {
    }

    private static final int EXPIRY_BATCH = 500;

    private final BrokerConfig config;
    private final MessageStore store;
    private final DestinationRegistry destinations;
    private final Clock clock;

    DeliveryOutcomes(BrokerConfig config, MessageStore store, DestinationRegistry destinations, Clock clock) {
        this.config = config;
        this.store = store;
        this.destinations = destinations;
        this.clock = clock;
    }

    /** Acknowledges deliveries in a transaction; returns how many were still held and are now deleted. */
    static int acknowledge(StoreTransaction tx, List<Delivery> deliveries) {
        Map<String, List<Long>> byNode = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            byNode.computeIfAbsent(delivery.node(), n -> new ArrayList<>()).add(delivery.id());
        }
        int acknowledged = 0;
        for (Map.Entry<String, List<Long>> e : byNode.entrySet()) {
            acknowledged += tx.acknowledge(e.getValue(), e.getKey());
        }
        return acknowledged;
    }

    /**
     * Acknowledges deliveries in a transaction and returns how many could not be acknowledged although
     * their destination still exists: they were redelivered meanwhile (this node was declared dead).
     * Deliveries from a destination deleted meanwhile count as settled, not lost: a non-durable subscription
     * is deleted with its messages when its last consumer closes, and "closing a consumer has no effect on
     * the acknowledgement of messages delivered to the application, or on any transaction in progress".
     */
    static int acknowledgeCountingLost(StoreTransaction tx, List<Delivery> deliveries) {
        return acknowledgeCountingLost(tx, deliveries, id -> tx.findDestination(id).isPresent());
    }

    /**
     * As {@link #acknowledgeCountingLost(StoreTransaction, List)} in a transaction of its own: deliveries
     * claimed by one node (the usual case) are deleted by one committed statement where the store can.
     */
    static int acknowledgeCountingLost(MessageStore store, List<Delivery> deliveries) {
        String node = deliveries.get(0).node();
        List<Long> ids = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            if (!delivery.node().equals(node)) {
                return store.inTransaction(tx -> acknowledgeCountingLost(tx, deliveries));
            }
            ids.add(delivery.id());
        }
        int acknowledged = store.acknowledgeCommitted(ids, node);
        if (acknowledged == deliveries.size()) {
            return 0;
        }
        return store.inTransaction(tx -> deliveries.size() - acknowledged
                - fromDeletedDestinations(deliveries, id -> tx.findDestination(id).isPresent()));
    }

    /** As {@link #acknowledgeCountingLost(StoreTransaction, List)}, asking {@code exists} about destinations. */
    static int acknowledgeCountingLost(StoreTransaction tx, List<Delivery> deliveries,
            java.util.function.LongPredicate destinationExists) {
        int acknowledged = acknowledge(tx, deliveries);
        if (acknowledged == deliveries.size()) {
            return 0;
        }
        return deliveries.size() - acknowledged - fromDeletedDestinations(deliveries, destinationExists);
    }

    private static int fromDeletedDestinations(List<Delivery> deliveries,
            java.util.function.LongPredicate destinationExists) {
        Map<Long, Boolean> exists = new java.util.HashMap<>();
        int fromDeleted = 0;
        for (Delivery delivery : deliveries) {
            if (!exists.computeIfAbsent(delivery.destination().id(), destinationExists::test)) {
                fromDeleted++;
            }
        }
        return fromDeleted;
    }

    /**
     * Checks freshly claimed messages: expired ones are expired, ones past their delivery attempts (their
     * previous consumers died) are dead-lettered; the rest are returned as deliveries.
     */
    List<Delivery> screen(List<StoredMessage> claimed, ConsumerSpec consumer, String node, Instant now) {
        DestinationRecord destination = consumer.destination();
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<Delivery> deliveries = new ArrayList<>(claimed.size());
        RedeliveryPolicy policy = null;
        for (StoredMessage message : claimed) {
            if (message.content().expiresAt() != null && !message.content().expiresAt().isAfter(now)) {
                expire(message, destination);
                continue;
            }
            if (policy == null) {
                policy = RedeliveryPolicy.of(config, destination.policy().overriddenBy(consumer.overrides()));
            }
            if (policy.maxDeliveryAttempts() > 0 && message.deliveryCount() > policy.maxDeliveryAttempts()
                    && !isDeadLetterQueue(destination)) {
                String reason = message.lastFailure() != null ? message.lastFailure() : "delivery attempts exhausted";
                deadLetter(message, destination, consumer.overrides(), reason, message.deliveryCount() - 1);
                continue;
            }
            deliveries.add(new Delivery(message, destination, node, consumer.overrides()));
        }
        return deliveries;
    }

    List<Released> redeliver(List<Delivery> deliveries, String failure) {
        Instant now = clock.instant();
        List<Released> released = new ArrayList<>(deliveries.size());
        Map<String, List<Release>> byNode = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            DestinationRecord destination = current(delivery.destination());
            RedeliveryPolicy policy = RedeliveryPolicy.of(config,
                    destination.policy().overriddenBy(delivery.overrides()));
            if (policy.exhausted(delivery.deliveryCount()) && !isDeadLetterQueue(destination)) {
                String reason = failure != null ? failure : "delivery attempts exhausted";
                deadLetter(delivery.message(), destination, delivery.overrides(), reason, delivery.deliveryCount());
                continue;
            }
            Instant visibleAt = now.plus(policy.delayAfter(delivery.deliveryCount()));
            byNode.computeIfAbsent(delivery.node(), n -> new ArrayList<>())
                    .add(new Release(delivery.id(), true, visibleAt, failure));
            released.add(new Released(destination.id(), visibleAt));
        }
        store.inTransaction(tx -> {
            byNode.forEach((node, releases) -> tx.release(releases, node));
            return null;
        });
        return released;
    }

    List<Released> releaseUndelivered(List<Delivery> deliveries) {
        Instant now = clock.instant();
        Map<String, List<Release>> byNode = new LinkedHashMap<>();
        List<Released> released = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            byNode.computeIfAbsent(delivery.node(), n -> new ArrayList<>())
                    .add(new Release(delivery.id(), false, now, null));
            released.add(new Released(delivery.destination().id(), now));
        }
        store.inTransaction(tx -> {
            byNode.forEach((node, releases) -> tx.release(releases, node));
            return null;
        });
        return released;
    }

    private DestinationRecord current(DestinationRecord destination) {
        return store.inTransaction(tx -> tx.findDestination(destination.id())).orElse(destination);
    }

    private boolean isDeadLetterQueue(DestinationRecord destination) {
        return destination.name().endsWith(config.deadLetterQueueSuffix());
    }

    private void deadLetter(StoredMessage message, DestinationRecord destination, DestinationPolicy overrides,
            String reason, int attempts) {
        DestinationPolicy policy = destination.policy().overriddenBy(overrides);
        String target = policy.deadLetterQueue() != null ? policy.deadLetterQueue()
                : defaultDeadLetterQueue(destination);
        Instant now = clock.instant();
        String why = reason + " (after " + attempts + " delivery attempts)";
        if (target.isEmpty()) {
            store.inTransaction(tx -> tx.deleteMessages(List.of(message.id())));
            LOG.log(Level.WARNING, "PBX-1040 Message {0} on {1} dropped: {2}; no dead-letter queue configured",
                    message.content().messageId(), destination.name(), why);
            return;
        }
        DestinationRecord dlq = destinations.findOrCreate(NewDestination.queue(target));
        store.inTransaction(tx -> tx.moveToDeadLetter(message.id(), dlq.id(),
                new DeadLetterInfo(why, destination.name(), now, attempts)));
        LOG.log(Level.WARNING, "PBX-1041 Message {0} on {1} moved to dead-letter queue {2}: {3}",
                message.content().messageId(), destination.name(), target, why);
    }

    /** A queue's dead-letter queue is named after it; a subscription's after its topic. */
    private String defaultDeadLetterQueue(DestinationRecord destination) {
        if (destination.subscription() != null) {
            return store.inTransaction(tx -> tx.findDestination(destination.subscription().topicId()))
                    .map(topic -> topic.name() + config.deadLetterQueueSuffix())
                    .orElse(destination.name() + config.deadLetterQueueSuffix());
        }
        return destination.name() + config.deadLetterQueueSuffix();
    }

    private void expire(StoredMessage message, DestinationRecord destination) {
        String target = destination.policy().expiryQueue() != null ? destination.policy().expiryQueue()
                : config.expiryQueue();
        if (target.isEmpty()) {
            store.inTransaction(tx -> tx.deleteMessages(List.of(message.id())));
            LOG.log(Level.DEBUG, "Expired message {0} on {1} dropped", message.content().messageId(),
                    destination.name());
            return;
        }
        DestinationRecord expiry = destinations.findOrCreate(NewDestination.queue(target));
        store.inTransaction(tx -> tx.moveToDeadLetter(message.id(), expiry.id(),
                new DeadLetterInfo("expired", destination.name(), clock.instant(), message.deliveryCount())));
    }

    /** Removes or moves messages whose expiry time has passed (periodic). */
    void expireDue() {
        Instant now = clock.instant();
        List<StoredMessage> due = store.inTransaction(tx -> tx.expired(now, EXPIRY_BATCH));
        for (StoredMessage message : due) {
            store.inTransaction(tx -> tx.findDestination(message.destinationId()))
                    .filter(d -> !d.name().equals(config.expiryQueue()))
                    .ifPresent(destination -> expire(message, destination));
        }
    }
}
