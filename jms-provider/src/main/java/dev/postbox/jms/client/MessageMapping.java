package dev.postbox.jms.client;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.message.BodyType;
import dev.postbox.jms.message.DeserializationPolicy;
import dev.postbox.jms.message.MessageCodec;
import dev.postbox.jms.message.PostboxMessage;
import dev.postbox.jms.message.PropertyCodec;
import dev.postbox.jms.store.NewMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.time.Instant;

/** Converts between JMS messages and the records the engine stores and delivers (internal; used by the SPI). */
public final class MessageMapping {

    private MessageMapping() {
    }

    /**
     * The stored form of a message whose headers the producer has just set.
     *
     * @param now the send time (the broker clock)
     */
    public static NewMessage toStored(PostboxMessage message, long destinationId, String connectionId, Instant now)
            throws JMSException {
        long deliveryTime = message.getJMSDeliveryTime();
        Instant visibleAt = deliveryTime > now.toEpochMilli() ? Instant.ofEpochMilli(deliveryTime) : now;
        long expiration = message.getJMSExpiration();
        byte[] correlationBytes = message.getJMSCorrelationIDAsBytes();
        String correlationId = message.getJMSCorrelationID();
        boolean setAsBytes = correlationBytes != null && (correlationId == null
                || !java.util.Arrays.equals(correlationBytes,
                        correlationId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new NewMessage(destinationId, message.getJMSPriority(), visibleAt,
                expiration == 0 ? null : Instant.ofEpochMilli(expiration),
                message.getJMSMessageID(), message.getJMSTimestamp(), correlationId,
                setAsBytes ? correlationBytes : null, message.getJMSType(), replyToAddress(message.getJMSReplyTo()),
                message.getJMSDeliveryMode(), expiration, deliveryTime, connectionId,
                PropertyCodec.encode(message.properties()), message.bodyType().code(), message.encodeBody(),
                idempotencyKey(message), null);
    }

    /** Vendor property: why a message in a dead-letter or expiry queue got there. */
    public static final String DEAD_LETTER_REASON = "JMS_Postbox_DeadLetterReason";
    /** Vendor property: the destination a dead-lettered message came from. */
    public static final String DEAD_LETTER_ORIGIN = "JMS_Postbox_DeadLetterOrigin";
    /** Vendor property: when it was dead-lettered (epoch milliseconds). */
    public static final String DEAD_LETTER_TIME = "JMS_Postbox_DeadLetterTime";
    /** Vendor property: how many deliveries a dead-lettered message had. */
    public static final String DEAD_LETTER_ATTEMPTS = "JMS_Postbox_DeliveryAttempts";
    /** Vendor property an application sets to make a send idempotent (see the README). */
    public static final String IDEMPOTENCY_KEY = "JMS_Postbox_IdempotencyKey";
    /** Vendor property: first delivery time of a dead-lettered message (epoch milliseconds). */
    public static final String FIRST_DELIVERY_TIME = "JMS_Postbox_FirstDeliveryTime";

    private static void addDeliveryHistory(PostboxMessage message, Delivery delivery) {
        var stored = delivery.message();
        if (stored.deadLetter() != null) {
            message.putProviderProperty(DEAD_LETTER_REASON, stored.deadLetter().reason());
            message.putProviderProperty(DEAD_LETTER_ORIGIN, stored.deadLetter().originalDestination());
            message.putProviderProperty(DEAD_LETTER_ATTEMPTS, stored.deadLetter().attempts());
            if (stored.deadLetter().deadLetteredAt() != null) {
                message.putProviderProperty(DEAD_LETTER_TIME, stored.deadLetter().deadLetteredAt().toEpochMilli());
            }
            if (stored.firstDeliveredAt() != null) {
                message.putProviderProperty(FIRST_DELIVERY_TIME, stored.firstDeliveredAt().toEpochMilli());
            }
        }
    }

    private static String idempotencyKey(PostboxMessage message) {
        Object key = message.properties().get(IDEMPOTENCY_KEY);
        return key == null ? null : key.toString();
    }

    private static String replyToAddress(Destination replyTo) throws JMSException {
        return replyTo == null ? null : PostboxDestination.of(replyTo).address();
    }

    /** The message an application receives for a delivery: read-only, with delivery headers set. */
    public static PostboxMessage toMessage(Delivery delivery, Destination consumedFrom, DeserializationPolicy policy)
            throws JMSException {
        NewMessage stored = delivery.message().content();
        PostboxMessage message = MessageCodec.decode(BodyType.ofCode(stored.bodyType()), stored.body(),
                stored.properties(), policy);
        message.setJMSMessageID(stored.messageId());
        message.setJMSTimestamp(stored.jmsTimestamp());
        if (stored.correlationIdBytes() != null) {
            message.setJMSCorrelationIDAsBytes(stored.correlationIdBytes());
        } else {
            message.setJMSCorrelationID(stored.correlationId());
        }
        message.setJMSType(stored.type());
        message.setJMSReplyTo(stored.replyTo() == null ? null : PostboxDestination.fromAddress(stored.replyTo()));
        message.setJMSDeliveryMode(stored.deliveryMode());
        message.setJMSExpiration(stored.jmsExpiration());
        message.setJMSDeliveryTime(stored.deliveryTime());
        message.setJMSPriority(stored.priority());
        message.setJMSDestination(consumedFrom);
        message.setJMSRedelivered(delivery.deliveryCount() > 1);
        message.putProviderProperty(PostboxMessage.JMSX_DELIVERY_COUNT, delivery.deliveryCount());
        addDeliveryHistory(message, delivery);
        message.setReadOnly(true);
        return message;
    }
}
