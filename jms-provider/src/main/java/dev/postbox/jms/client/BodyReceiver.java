package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.message.BodyType;
import dev.postbox.jms.message.PostboxMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Session;
import java.util.List;

/**
 * {@code JMSConsumer.receiveBody}: claims the next message like {@code receive}, but looks at its body before
 * it is acknowledged. When the body cannot be returned (a {@code Message} or {@code StreamMessage}, no body,
 * not assignable, not deserializable) it throws {@link MessageFormatException} and, per the receiveBody
 * Javadoc: in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE gives the message back as if the call had not happened
 * (no redelivery flag, delivery count unchanged, delivered before later messages); in CLIENT_ACKNOWLEDGE and
 * transacted sessions treats it as delivered (a later recover or rollback redelivers it).
 *
 * <p>It runs the consumer's own receive loop with a hand-over that checks the body first.
 */
final class BodyReceiver {

    private final PostboxSession session;
    private final PostboxMessageConsumer consumer;
    private final Broker broker;

    BodyReceiver(PostboxSession session, PostboxMessageConsumer consumer) {
        this.session = session;
        this.consumer = consumer;
        this.broker = session.broker();
    }

    /**
     * The body of the next message, or null on timeout or when the consumer closes meanwhile.
     *
     * @param timeoutMillis 0 waits without limit
     * @param noWait return at once when no message is available
     */
    <T> T receive(Class<T> type, long timeoutMillis, boolean noWait) throws JMSException {
        long timeout = noWait ? 0 : timeoutMillis == 0 ? Long.MAX_VALUE : Math.max(timeoutMillis, 1);
        return consumer.receiveWith(timeout, noWait, delivery -> bodyOf(delivery, type));
    }

    private <T> T bodyOf(Delivery delivery, Class<T> type) throws JMSException {
        PostboxMessage probe;
        try {
            probe = MessageMapping.toMessage(delivery, consumer.destination(),
                    session.connection().deserializationPolicy());
        } catch (JMSException | RuntimeException e) {
            session.deliverSync(consumer, delivery); // gives the undecodable message back and throws
            throw e;
        }
        T body;
        try {
            body = assignableBody(probe, type);
        } catch (MessageFormatException e) {
            refuse(delivery);
            throw e;
        }
        session.deliverSync(consumer, delivery);
        return body;
    }

    private void refuse(Delivery delivery) throws JMSException {
        int mode = session.mode();
        if (mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE) {
            broker.releaseUndelivered(List.of(delivery));
        } else {
            session.deliverSync(consumer, delivery);
        }
    }

    private static <T> T assignableBody(PostboxMessage message, Class<T> type) throws JMSException {
        if (message.bodyType() == BodyType.NONE || message.bodyType() == BodyType.STREAM) {
            throw new MessageFormatException("receiveBody cannot return the body of a "
                    + (message.bodyType() == BodyType.NONE ? "Message" : "StreamMessage") + "; use receive()");
        }
        T body = message.getBody(type);
        if (body == null) {
            throw new MessageFormatException("The message has no body; use receive()");
        }
        return body;
    }


}
