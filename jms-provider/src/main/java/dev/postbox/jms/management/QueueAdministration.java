package dev.postbox.jms.management;

import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.store.DestinationCounts;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.StoreConflictException;
import dev.postbox.jms.store.StoreTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queue operations: list, create, delete, purge, policy. */
final class QueueAdministration {

    private final Broker broker;

    QueueAdministration(Broker broker) {
        this.broker = broker;
    }

    /** The queue of that name in the transaction, or {@link ManagementException.NotFound}. */
    static DestinationRecord requireQueue(StoreTransaction tx, String name) {
        InputRules.existingName(name, "queue");
        return tx.findDestination(DestinationKind.QUEUE, name)
                .orElseThrow(() -> new ManagementException.NotFound("Queue " + name + " does not exist"));
    }

    List<QueueInfo> listQueues() {
        return OperationGuard.call("List queues", () -> broker.store().inTransaction(this::queues));
    }

    QueueInfo getQueue(String name) {
        InputRules.existingName(name, "queue");
        return OperationGuard.call("Read queue " + name, () -> broker.store().inTransaction(tx -> {
            requireQueue(tx, name);
            return queues(tx).stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
        }));
    }

    QueueInfo createQueue(String name, DeliveryPolicy policy) {
        InputRules.newQueueName(name);
        DestinationPolicy overrides = toStore(InputRules.policy(policy, name));
        OperationGuard.run("Create queue " + name, () -> broker.store().inTransaction(tx -> {
            if (tx.findDestination(DestinationKind.QUEUE, name).isPresent()) {
                throw new ManagementException.Conflict("Queue " + name + " exists already");
            }
            try {
                return tx.createDestination(new NewDestination(DestinationKind.QUEUE, name, false, null, null, null,
                        overrides));
            } catch (StoreConflictException e) {
                throw new ManagementException.Conflict("Queue " + name + " exists already");
            }
        }));
        return getQueue(name);
    }

    void deleteQueue(String name, boolean force) {
        InputRules.existingName(name, "queue");
        OperationGuard.run("Delete queue " + name, () -> {
            DestinationRecord queue = broker.store().inTransaction(tx -> {
                DestinationRecord found = requireQueue(tx, name);
                long inFlight = tx.countsByDestination(broker.clock().instant())
                        .getOrDefault(found.id(), DestinationCounts.EMPTY).inFlight();
                if (inFlight > 0 && !force) {
                    throw new ManagementException.Conflict("Queue " + name + " has " + inFlight + " message(s) in"
                            + " flight; wait until their consumers acknowledge them, or force the deletion");
                }
                return found;
            });
            broker.deleteDestination(queue);
        });
    }

    int purgeQueue(String name) {
        InputRules.existingName(name, "queue");
        return OperationGuard.call("Purge queue " + name, () -> broker.store().inTransaction(tx ->
                tx.purge(requireQueue(tx, name).id())));
    }

    QueueInfo updatePolicy(String name, DeliveryPolicy policy) {
        InputRules.existingName(name, "queue");
        DestinationPolicy overrides = toStore(InputRules.policy(policy, name));
        OperationGuard.run("Update the policy of queue " + name, () -> broker.store().inTransaction(tx -> {
            tx.updatePolicy(requireQueue(tx, name).id(), overrides);
            return null;
        }));
        return getQueue(name);
    }

    private List<QueueInfo> queues(StoreTransaction tx) {
        Map<Long, DestinationCounts> counts = tx.countsByDestination(broker.clock().instant());
        List<DestinationRecord> destinations = tx.listDestinations();
        Map<String, List<String>> deadLetterSources = new HashMap<>();
        for (DestinationRecord d : destinations) {
            if (d.kind() != DestinationKind.SUBSCRIPTION) {
                deadLetterSources.computeIfAbsent(deadLetterQueueOf(d), k -> new ArrayList<>()).add(d.name());
            }
        }
        List<QueueInfo> queues = new ArrayList<>();
        for (DestinationRecord d : destinations) {
            if (d.kind() != DestinationKind.QUEUE) {
                continue;
            }
            DestinationCounts c = counts.getOrDefault(d.id(), DestinationCounts.EMPTY);
            List<String> sources = deadLetterSources.getOrDefault(d.name(), List.of());
            if (sources.isEmpty() && d.name().endsWith(broker.config().deadLetterQueueSuffix())) {
                sources = List.of(d.name().substring(0, d.name().length()
                        - broker.config().deadLetterQueueSuffix().length()));
            }
            queues.add(new QueueInfo(d.name(), d.kind().name(), d.temporary(), c.available(), c.inFlight(),
                    c.delayed(), deadLetterQueueOf(d), d.createdAt(), fromStore(d.policy()), effective(d),
                    List.copyOf(sources)));
        }
        queues.sort(java.util.Comparator.comparing(QueueInfo::name));
        return queues;
    }

    /** A destination's dead-letter queue ("" when its dead letters are dropped). */
    private String deadLetterQueueOf(DestinationRecord d) {
        String configured = d.policy().deadLetterQueue();
        return configured != null ? configured : d.name() + broker.config().deadLetterQueueSuffix();
    }

    private DeliveryPolicy effective(DestinationRecord d) {
        BrokerConfig config = broker.config();
        DestinationPolicy p = d.policy();
        return new DeliveryPolicy(
                p.maxDeliveryAttempts() != null ? p.maxDeliveryAttempts() : config.maxDeliveryAttempts(),
                p.redeliveryDelayMillis() != null ? p.redeliveryDelayMillis() : config.redeliveryDelay().toMillis(),
                p.redeliveryMultiplier() != null ? p.redeliveryMultiplier() : config.redeliveryMultiplier(),
                p.maxRedeliveryDelayMillis() != null ? p.maxRedeliveryDelayMillis()
                        : config.maxRedeliveryDelay().toMillis(),
                deadLetterQueueOf(d),
                p.expiryQueue() != null ? p.expiryQueue() : config.expiryQueue());
    }

    static DeliveryPolicy fromStore(DestinationPolicy p) {
        return new DeliveryPolicy(p.maxDeliveryAttempts(), p.redeliveryDelayMillis(), p.redeliveryMultiplier(),
                p.maxRedeliveryDelayMillis(), p.deadLetterQueue(), p.expiryQueue());
    }

    static DestinationPolicy toStore(DeliveryPolicy p) {
        return new DestinationPolicy(p.maxDeliveryAttempts(), p.redeliveryDelayMillis(), p.redeliveryMultiplier(),
                p.maxRedeliveryDelayMillis(), p.deadLetterQueue(), p.expiryQueue());
    }
}
