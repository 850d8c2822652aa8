package dev.postbox.jms.management;

import java.time.Instant;
import java.util.List;

/**
 * A topic with its subscriptions.
 *
 * @param name topic name
 * @param temporary true for temporary topics
 * @param createdAt creation time
 * @param subscriptions its subscriptions, oldest first
 */
public record TopicInfo(String name, boolean temporary, Instant createdAt, List<SubscriptionSummary> subscriptions) {
}
