package dev.postbox.jms.management;

import java.util.List;

/**
 * A stored message as management shows it.
 *
 * @param id the store id (what message operations take)
 * @param queue the queue it is on
 * @param headers its JMS headers
 * @param delivery its delivery state
 * @param deadLetter why it was dead-lettered, or null
 * @param properties its properties, by name
 * @param body a preview (when browsing) or the readable body (a single message)
 */
public record MessageInfo(
        long id,
        String queue,
        MessageHeaders headers,
        DeliveryState delivery,
        DeadLetterDetails deadLetter,
        List<NamedValue> properties,
        BodyPreview body) {
}
