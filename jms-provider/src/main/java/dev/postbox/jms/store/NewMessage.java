package dev.postbox.jms.store;

import java.time.Instant;

/**
 * A message to be stored on one destination: broker metadata, JMS headers, encoded properties and body.
 *
 * @param destinationId the queue or subscription
 * @param priority JMS priority 0-9
 * @param visibleAt earliest time it may be delivered (JMSDeliveryTime)
 * @param expiresAt expiry time, or null for never
 * @param messageId JMSMessageID, or null when disabled
 * @param jmsTimestamp JMSTimestamp (0 when disabled)
 * @param correlationId JMSCorrelationID as a string, or null
 * @param correlationIdBytes JMSCorrelationID when set as bytes, else null
 * @param type JMSType, or null
 * @param replyTo JMSReplyTo as a destination address, or null
 * @param deliveryMode JMSDeliveryMode
 * @param jmsExpiration JMSExpiration (0 = never)
 * @param deliveryTime JMSDeliveryTime
 * @param originConnection the sending connection's id (for noLocal), or null
 * @param properties encoded properties, or null
 * @param bodyType body type code
 * @param body encoded body, or null
 * @param idempotencyKey the producer's idempotency key: stored once per destination while the key is
 *     retained; null for none
 * @param idempotencyExpiresAt until when the key is retained (set by the engine), or null
 */
public record NewMessage(
        long destinationId,
        int priority,
        Instant visibleAt,
        Instant expiresAt,
        String messageId,
        long jmsTimestamp,
        String correlationId,
        byte[] correlationIdBytes,
        String type,
        String replyTo,
        int deliveryMode,
        long jmsExpiration,
        long deliveryTime,
        String originConnection,
        byte[] properties,
        int bodyType,
        byte[] body,
        String idempotencyKey,
        Instant idempotencyExpiresAt) {

    /** A message without idempotency key. */
    public NewMessage(long destinationId, int priority, Instant visibleAt, Instant expiresAt, String messageId,
            long jmsTimestamp, String correlationId, byte[] correlationIdBytes, String type, String replyTo,
            int deliveryMode, long jmsExpiration, long deliveryTime, String originConnection, byte[] properties,
            int bodyType, byte[] body) {
        this(destinationId, priority, visibleAt, expiresAt, messageId, jmsTimestamp, correlationId,
                correlationIdBytes, type, replyTo, deliveryMode, jmsExpiration, deliveryTime, originConnection,
                properties, bodyType, body, null, null);
    }

    /** The same message addressed to another destination (topic fan-out, dead-lettering). */
    public NewMessage withDestination(long otherDestinationId) {
        return new NewMessage(otherDestinationId, priority, visibleAt, expiresAt, messageId, jmsTimestamp,
                correlationId, correlationIdBytes, type, replyTo, deliveryMode, jmsExpiration, deliveryTime,
                originConnection, properties, bodyType, body, idempotencyKey, idempotencyExpiresAt);
    }

    /** The same message with its idempotency key retained until the given time. */
    public NewMessage withIdempotencyExpiry(Instant until) {
        return new NewMessage(destinationId, priority, visibleAt, expiresAt, messageId, jmsTimestamp, correlationId,
                correlationIdBytes, type, replyTo, deliveryMode, jmsExpiration, deliveryTime, originConnection,
                properties, bodyType, body, idempotencyKey, until);
    }
}
