package dev.postbox.admin.api.view;

import dev.postbox.jms.management.BodyPreview;
import dev.postbox.jms.management.DeadLetterDetails;
import dev.postbox.jms.management.DeliveryState;
import dev.postbox.jms.management.MessageHeaders;
import dev.postbox.jms.management.MessageInfo;
import dev.postbox.jms.management.NamedValue;
import java.util.List;

/**
 * A stored message as the REST API shows it.
 *
 * @param id store id (used in message URLs)
 * @param queue its queue
 * @param headers JMS headers
 * @param delivery delivery state
 * @param deadLetter dead-letter details, or null
 * @param properties properties by name
 * @param body body preview or readable body
 */
public record MessageView(long id, String queue, Headers headers, Delivery delivery, DeadLetter deadLetter,
        List<Value> properties, Body body) {

    /** The view of a management record. */
    public static MessageView of(MessageInfo m) {
        return new MessageView(m.id(), m.queue(), Headers.of(m.headers()), Delivery.of(m.delivery()),
                DeadLetter.of(m.deadLetter()), Value.all(m.properties()), Body.of(m.body()));
    }

    /**
     * JMS headers.
     *
     * @param messageId JMSMessageID
     * @param priority JMSPriority
     * @param timestamp JMSTimestamp (ISO-8601)
     * @param correlationId JMSCorrelationID
     * @param type JMSType
     * @param replyTo JMSReplyTo
     * @param deliveryMode PERSISTENT or NON_PERSISTENT
     * @param expiration JMSExpiration (ISO-8601), null for never
     * @param deliveryTime JMSDeliveryTime (ISO-8601)
     */
    public record Headers(String messageId, int priority, String timestamp, String correlationId, String type,
            String replyTo, String deliveryMode, String expiration, String deliveryTime) {

        static Headers of(MessageHeaders h) {
            return new Headers(h.messageId(), h.priority(), Times.iso(h.timestamp()), h.correlationId(), h.type(),
                    h.replyTo(), h.deliveryMode(), Times.iso(h.expiration()), Times.iso(h.deliveryTime()));
        }
    }

    /**
     * Delivery state.
     *
     * @param state AVAILABLE, IN_FLIGHT, DELAYED or EXPIRED
     * @param node node holding it in flight
     * @param until when it is (or became) deliverable
     * @param deliveryCount deliveries so far
     * @param enqueuedAt when it was stored
     * @param lastDeliveredAt latest delivery
     * @param lastFailure why the latest delivery failed
     */
    public record Delivery(String state, String node, String until, int deliveryCount, String enqueuedAt,
            String lastDeliveredAt, String lastFailure) {

        static Delivery of(DeliveryState d) {
            return new Delivery(d.state().name(), d.node(), Times.iso(d.until()), d.deliveryCount(),
                    Times.iso(d.enqueuedAt()), Times.iso(d.lastDeliveredAt()), d.lastFailure());
        }
    }

    /**
     * Why it was dead-lettered.
     *
     * @param reason failure of the last delivery
     * @param origin queue it came from (retry target)
     * @param deadLetteredAt when
     * @param attempts deliveries before
     */
    public record DeadLetter(String reason, String origin, String deadLetteredAt, int attempts) {

        static DeadLetter of(DeadLetterDetails d) {
            return d == null ? null : new DeadLetter(d.reason(), d.origin(), Times.iso(d.deadLetteredAt()),
                    d.attempts());
        }
    }

    /**
     * A typed value.
     *
     * @param name name or position
     * @param type Java type
     * @param value value as text
     */
    public record Value(String name, String type, String value) {

        static List<Value> all(List<NamedValue> values) {
            return values.stream().map(v -> new Value(v.name(), v.type(), v.value())).toList();
        }
    }

    /**
     * A body.
     *
     * @param type NONE, TEXT, BYTES, MAP, STREAM or OBJECT
     * @param size bytes
     * @param encoding text, hex, entries or none
     * @param content text, hex or summary
     * @param truncated only the beginning is shown
     * @param entries map or stream entries
     */
    public record Body(String type, int size, String encoding, String content, boolean truncated,
            List<Value> entries) {

        static Body of(BodyPreview b) {
            return new Body(b.type(), b.size(), b.encoding(), b.content(), b.truncated(), Value.all(b.entries()));
        }
    }
}
