package dev.postbox.jms.engine;

import dev.postbox.jms.selector.Selector;
import dev.postbox.jms.selector.SelectorCache;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.SubscriptionInfo;
import jakarta.jms.InvalidSelectorException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns messages published to topics into one stored copy per subscription that wants them (its selector
 * matches; noLocal excludes its own connection's messages). The subscriptions are read in the publishing
 * transaction, so a subscription created before the publish committed gets the message. Messages for
 * queues pass through.
 */
final class FanOut {

    private static final System.Logger LOG = System.getLogger(FanOut.class.getName());

    private final SelectorCache selectors = new SelectorCache();
    private final Set<Long> topicIds;

    FanOut(Set<Long> topicIds) {
        this.topicIds = topicIds;
    }

    /** True when some message goes to a topic. */
    boolean involvesTopics(List<NewMessage> messages) {
        for (NewMessage message : messages) {
            if (topicIds.contains(message.destinationId())) {
                return true;
            }
        }
        return false;
    }

    /** The messages to store: queue messages as they are, topic messages copied per subscription. */
    List<NewMessage> expand(StoreTransaction tx, List<NewMessage> messages) {
        if (!involvesTopics(messages)) {
            return messages;
        }
        Map<Long, List<DestinationRecord>> subscriptions = new HashMap<>();
        List<NewMessage> stored = new ArrayList<>(messages.size());
        for (NewMessage message : messages) {
            if (!topicIds.contains(message.destinationId())) {
                stored.add(message);
                continue;
            }
            for (DestinationRecord subscription : subscriptions.computeIfAbsent(message.destinationId(),
                    tx::subscriptionsOf)) {
                if (wants(subscription, message)) {
                    stored.add(message.withDestination(subscription.id()));
                }
            }
        }
        return stored;
    }

    private boolean wants(DestinationRecord subscription, NewMessage message) {
        SubscriptionInfo info = subscription.subscription();
        if (info.noLocal() && identityOf(subscription).equals(message.originConnection())) {
            return false;
        }
        if (info.selector() == null) {
            return true;
        }
        try {
            Selector selector = selectors.get(info.selector());
            return selector.matches(new MessageView(message, 1));
        } catch (InvalidSelectorException e) {
            LOG.log(Level.WARNING, "PBX-1080 Subscription {0} has an invalid stored selector and gets no messages: {1}",
                    subscription.name(), e.getMessage());
            return false;
        }
    }

    /** The connection identity a noLocal subscription excludes. */
    private static String identityOf(DestinationRecord subscription) {
        SubscriptionInfo info = subscription.subscription();
        if (info.durable() && info.clientId() != null) {
            return "client:" + info.clientId();
        }
        return subscription.ownerConnection() == null ? "" : subscription.ownerConnection();
    }
}
