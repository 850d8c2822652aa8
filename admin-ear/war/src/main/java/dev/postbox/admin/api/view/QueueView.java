package dev.postbox.admin.api.view;

import dev.postbox.jms.management.QueueInfo;
import java.util.List;

/**
 * A queue as the REST API shows it.
 *
 * @param name queue name
 * @param kind QUEUE
 * @param temporary temporary queue
 * @param depth messages ready for delivery
 * @param inFlight delivered, not yet acknowledged
 * @param delayed waiting for their delivery time
 * @param total every message stored on it
 * @param deadLetterQueue where failed messages go ("" = dropped)
 * @param createdAt ISO-8601 creation time
 * @param policy its own policy settings (null: broker default)
 * @param effectivePolicy the policy in force
 * @param deadLetterQueueOf queues whose dead letters land here
 * @param isDeadLetterQueue true when dead letters land here
 */
public record QueueView(String name, String kind, boolean temporary, long depth, long inFlight, long delayed,
        long total, String deadLetterQueue, String createdAt, PolicyView policy, PolicyView effectivePolicy,
        List<String> deadLetterQueueOf, boolean isDeadLetterQueue) {

    /** The view of a management record. */
    public static QueueView of(QueueInfo info) {
        return new QueueView(info.name(), info.kind(), info.temporary(), info.available(), info.inFlight(),
                info.delayed(), info.total(), info.deadLetterQueue(), Times.iso(info.createdAt()),
                PolicyView.of(info.policy()), PolicyView.of(info.effectivePolicy()), info.deadLetterQueueOf(),
                info.isDeadLetterQueue());
    }
}
