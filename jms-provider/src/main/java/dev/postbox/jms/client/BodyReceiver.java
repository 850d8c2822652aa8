package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.WakeSignal;
import dev.postbox.jms.message.BodyType;
import dev.postbox.jms.message.PostboxMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code JMSConsumer.receiveBody}: claims the next message like {@code receive}, but looks at its body before
 * it is acknowledged. When the body cannot be returned (a {@code Message} or {@code StreamMessage}, no body,
 * not assignable, not deserializable) it throws {@link MessageFormatException} and, per the receiveBody
 * Javadoc: in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE gives the message back as if the call had not happened
 * (no redelivery flag, delivery count unchanged, delivered before later messages); in CLIENT_ACKNOWLEDGE and
 * transacted sessions treats it as delivered (a later recover or rollback redelivers it).
 *
 * <p>The wait loop mirrors {@code PostboxMessageConsumer.receive}, which has no hook between claiming and
 * acknowledging.
 */
final class BodyReceiver {

    private static final long OUTAGE_RETRY_MILLIS = 500;

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
        if (consumer.isClosed()) {
            throw new IllegalStateException("The consumer is closed");
        }
        session.checkClosed();
        if (consumer.listener() != null) {
            throw new IllegalStateException("Cannot receive synchronously from a consumer with a message listener");
        }
        long deadline = noWait || timeoutMillis == 0 ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            Delivery delivery = await(deadline, noWait);
            return delivery == null ? null : bodyOf(delivery, type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Delivery await(long deadline, boolean noWait) throws JMSException, InterruptedException {
        WakeSignal signal = broker.signal(consumer.record().id());
        PostboxConnection connection = session.connection();
        while (!consumer.isClosed()) {
            if (!connection.isStarted()) {
                if (noWait || !connection.awaitStarted(deadline)) {
                    return null;
                }
                continue;
            }
            long generation = signal.generation();
            Delivery claimed = claim(noWait, deadline, signal, generation);
            if (claimed != null) {
                if (consumer.isClosed()) {
                    broker.releaseUndelivered(List.of(claimed));
                    return null;
                }
                return claimed;
            }
            long wait = remainingMillis(deadline);
            if (noWait || wait <= 0) {
                return null;
            }
            signal.await(generation, boundedByNextDelivery(wait), TimeUnit.MILLISECONDS);
        }
        return null;
    }

    /** One claim attempt; a store outage is retried until the deadline, then thrown. */
    private Delivery claim(boolean noWait, long deadline, WakeSignal signal, long generation)
            throws JMSException, InterruptedException {
        try {
            Delivery claimed = consumer.claimForListener();
            session.connection().storeRecovered();
            return claimed;
        } catch (EngineException.StoreUnavailable e) {
            session.connection().reportAsyncFailure(e);
            if (noWait || remainingMillis(deadline) <= OUTAGE_RETRY_MILLIS) {
                throw e.toJMSException();
            }
            signal.await(generation, OUTAGE_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        } catch (EngineException e) {
            throw e.toJMSException();
        }
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

    private long boundedByNextDelivery(long wait) {
        try {
            Optional<Instant> next = broker.nextVisibleAt(consumer.record().id());
            if (next.isPresent()) {
                long until = Duration.between(broker.clock().instant(), next.get()).toMillis() + 1;
                return Math.max(1, Math.min(wait, until));
            }
        } catch (EngineException e) {
            return Math.min(wait, OUTAGE_RETRY_MILLIS);
        }
        return wait;
    }

    private static long remainingMillis(long deadline) {
        return deadline == Long.MAX_VALUE ? Long.MAX_VALUE
                : TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
