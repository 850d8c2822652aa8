package dev.postbox.admin.api;

import dev.postbox.jms.management.QueueInfo;

/**
 * A queue as the REST API shows it.
 *
 * @param name queue name
 * @param kind QUEUE or SUBSCRIPTION
 * @param temporary temporary queue
 * @param depth messages ready for delivery
 * @param inFlight delivered, not yet acknowledged
 * @param delayed waiting for their delivery time
 * @param deadLetterQueue where failed messages go
 * @param createdAt ISO-8601 creation time
 */
public record QueueView(String name, String kind, boolean temporary, long depth, long inFlight, long delayed,
        String deadLetterQueue, String createdAt) {

    /** The view of a management record. */
    public static QueueView of(QueueInfo info) {
        return new QueueView(info.name(), info.kind(), info.temporary(), info.available(), info.inFlight(),
                info.delayed(), info.deadLetterQueue(), String.valueOf(info.createdAt()));
    }
}
