package dev.postbox.admin.api.view;

import dev.postbox.jms.management.SubscriptionSummary;
import dev.postbox.jms.management.TopicInfo;
import java.util.List;

/**
 * A topic with its subscriptions.
 *
 * @param name topic name
 * @param temporary temporary topic
 * @param createdAt ISO-8601 creation time
 * @param subscriptions its subscriptions
 */
public record TopicView(String name, boolean temporary, String createdAt, List<Subscription> subscriptions) {

    /** The view of a management record. */
    public static TopicView of(TopicInfo t) {
        return new TopicView(t.name(), t.temporary(), Times.iso(t.createdAt()),
                t.subscriptions().stream().map(Subscription::of).toList());
    }

    /**
     * A subscription.
     *
     * @param name subscription name
     * @param clientId client id or null
     * @param durable durable
     * @param shared shared
     * @param selector selector or null
     * @param depth ready messages
     * @param inFlight unacknowledged messages
     * @param delayed delayed messages
     * @param activeConsumers consumers on live nodes
     * @param createdAt ISO-8601 creation time
     */
    public record Subscription(String name, String clientId, boolean durable, boolean shared, String selector,
            long depth, long inFlight, long delayed, int activeConsumers, String createdAt) {

        static Subscription of(SubscriptionSummary s) {
            return new Subscription(s.name(), s.clientId(), s.durable(), s.shared(), s.selector(), s.depth(),
                    s.inFlight(), s.delayed(), s.activeConsumers(), Times.iso(s.createdAt()));
        }
    }
}
