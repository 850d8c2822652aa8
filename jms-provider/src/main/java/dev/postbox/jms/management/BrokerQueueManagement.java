package dev.postbox.jms.management;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.store.DestinationCounts;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@link QueueManagement} of a running broker node. */
public final class BrokerQueueManagement implements QueueManagement {

    private final Broker broker;

    /** Manages the destinations of this broker's store. */
    public BrokerQueueManagement(Broker broker) {
        this.broker = broker;
    }

    @Override
    public List<QueueInfo> listQueues() {
        return guard("List queues", () -> broker.store().inTransaction(tx -> {
            Map<Long, DestinationCounts> counts = tx.countsByDestination(broker.clock().instant());
            List<QueueInfo> queues = new ArrayList<>();
            for (DestinationRecord d : tx.listDestinations()) {
                if (d.kind() == DestinationKind.TOPIC) {
                    continue;
                }
                DestinationCounts c = counts.getOrDefault(d.id(), DestinationCounts.EMPTY);
                queues.add(new QueueInfo(d.name(), d.kind().name(), d.temporary(), c.available(), c.inFlight(),
                        c.delayed(), deadLetterQueueOf(d), d.createdAt()));
            }
            queues.sort(Comparator.comparing(QueueInfo::name));
            return queues;
        }));
    }

    private String deadLetterQueueOf(DestinationRecord d) {
        String configured = d.policy().deadLetterQueue();
        return configured != null ? configured : d.name() + broker.config().deadLetterQueueSuffix();
    }

    private static <T> T guard(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw new ManagementException(operation + " failed: " + e.getMessage(), e);
        }
    }
}
