package dev.postbox.jms.management;

import java.time.Instant;

/**
 * The JMS headers of a stored message.
 *
 * @param messageId JMSMessageID, or null when disabled
 * @param priority JMSPriority 0-9
 * @param timestamp JMSTimestamp, or null when disabled
 * @param correlationId JMSCorrelationID (bytes shown as hex), or null
 * @param type JMSType, or null
 * @param replyTo JMSReplyTo address, or null
 * @param deliveryMode PERSISTENT or NON_PERSISTENT
 * @param expiration JMSExpiration, or null for never
 * @param deliveryTime JMSDeliveryTime
 */
public record MessageHeaders(
        String messageId,
        int priority,
        Instant timestamp,
        String correlationId,
        String type,
        String replyTo,
        String deliveryMode,
        Instant expiration,
        Instant deliveryTime) {
}
