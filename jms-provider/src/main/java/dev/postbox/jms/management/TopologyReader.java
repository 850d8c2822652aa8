package dev.postbox.jms.management;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.store.DestinationCounts;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.NodeRecord;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.SubscriptionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads topics with their subscriptions, and the live nodes. */
final class TopologyReader {

    private final Broker broker;

    TopologyReader(Broker broker) {
        this.broker = broker;
    }

    List<TopicInfo> listTopics() {
        return OperationGuard.call("List topics", () -> broker.store().inTransaction(tx -> {
            Map<Long, DestinationCounts> counts = tx.countsByDestination(broker.clock().instant());
            List<TopicInfo> topics = new ArrayList<>();
            for (DestinationRecord d : tx.listDestinations()) {
                if (d.kind() == DestinationKind.TOPIC) {
                    topics.add(new TopicInfo(d.name(), d.temporary(), d.createdAt(), subscriptions(tx, d, counts)));
                }
            }
            return topics;
        }));
    }

    private static List<SubscriptionSummary> subscriptions(StoreTransaction tx, DestinationRecord topic,
            Map<Long, DestinationCounts> counts) {
        List<SubscriptionSummary> subscriptions = new ArrayList<>();
        for (DestinationRecord s : tx.subscriptionsOf(topic.id())) {
            SubscriptionInfo info = s.subscription();
            DestinationCounts c = counts.getOrDefault(s.id(), DestinationCounts.EMPTY);
            subscriptions.add(new SubscriptionSummary(info != null ? info.subscriptionName() : s.name(),
                    info != null ? info.clientId() : null, info != null && info.durable(),
                    info != null && info.shared(), info != null ? info.selector() : null, c.available(),
                    c.inFlight(), c.delayed(), tx.liveSubscriptionConsumers(s.id()), s.createdAt()));
        }
        return subscriptions;
    }

    List<NodeInfo> listNodes() {
        String self = broker.nodeId();
        return OperationGuard.call("List nodes", () -> broker.store().inTransaction(tx -> {
            List<NodeInfo> nodes = new ArrayList<>();
            for (NodeRecord n : tx.listNodes()) {
                nodes.add(new NodeInfo(n.nodeId(), n.host(), n.startedAt(), n.heartbeatAt(), n.nodeId().equals(self)));
            }
            return nodes;
        }));
    }
}
