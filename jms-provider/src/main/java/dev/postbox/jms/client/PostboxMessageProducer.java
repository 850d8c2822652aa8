package dev.postbox.jms.client;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.exception.JmsExceptions;
import dev.postbox.jms.message.ForeignMessageConverter;
import dev.postbox.jms.message.PostboxMessage;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.NewMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** A Postbox producer: sets the JMS headers on each message and stores it on its destination. */
public final class PostboxMessageProducer implements MessageProducer, QueueSender, TopicPublisher {

    private final PostboxSession session;
    private final PostboxDestination destination;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String idPrefix = "ID:" + UUID.randomUUID() + ":";
    private long sequence;
    private boolean disableMessageId;
    private boolean disableMessageTimestamp;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;

    PostboxMessageProducer(PostboxSession session, Destination destination) throws JMSException {
        this.session = session;
        this.destination = destination == null ? null : PostboxDestination.of(destination);
        if (this.destination != null) {
            resolve(this.destination); // an unusable destination fails here, not at the first send
        }
    }

    /**
     * The stored destination, looked up for every send (a cache hit): a queue deleted meanwhile is then created
     * again (with auto-creation on) instead of failing every later send of this producer.
     */
    private DestinationRecord resolve(PostboxDestination target) throws JMSException {
        if (target.isTopic()) {
            return session.destinations().resolveTopic(target);
        }
        return session.destinations().resolveQueue(target, false);
    }

    // ----- settings -----

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkClosed();
        this.disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkClosed();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkClosed();
        this.disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkClosed();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int mode) throws JMSException {
        checkClosed();
        checkDeliveryMode(mode);
        this.deliveryMode = mode;
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkClosed();
        return deliveryMode;
    }

    @Override
    public void setPriority(int value) throws JMSException {
        checkClosed();
        checkPriority(value);
        this.priority = value;
    }

    @Override
    public int getPriority() throws JMSException {
        checkClosed();
        return priority;
    }

    @Override
    public void setTimeToLive(long value) throws JMSException {
        checkClosed();
        this.timeToLive = value;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkClosed();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long value) throws JMSException {
        checkClosed();
        this.deliveryDelay = value;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkClosed();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkClosed();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkClosed();
        return destination instanceof Queue queue ? queue : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkClosed();
        return destination instanceof Topic topic ? topic : null;
    }

    static void checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("Invalid delivery mode " + mode + ": use DeliveryMode.PERSISTENT (2) or"
                    + " NON_PERSISTENT (1)");
        }
    }

    static void checkPriority(int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException("Invalid priority " + value + ": priorities are 0 to 9");
        }
    }

    // ----- send -----

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        checkClosed();
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination: use send(destination, message)");
        }
        doSend(destination, resolve(destination), message, mode, prio, ttl);
    }

    @Override
    public void send(Destination target, Message message) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl) throws JMSException {
        checkClosed();
        if (destination != null) {
            throw new UnsupportedOperationException("This producer was created with a destination: use send(message)");
        }
        if (target == null) {
            throw new InvalidDestinationException("Destination must not be null");
        }
        PostboxDestination resolved = PostboxDestination.of(target);
        doSend(resolved, resolve(resolved), message, mode, prio, ttl);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        checkClosed();
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination: use send(destination, message)");
        }
        sendAsync(destination, resolve(destination), message, mode, prio, ttl, listener);
    }

    @Override
    public void send(Destination target, Message message, CompletionListener listener) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Destination target, Message message, int mode, int prio, long ttl,
            CompletionListener listener) throws JMSException {
        checkClosed();
        if (destination != null) {
            throw new UnsupportedOperationException("This producer was created with a destination: use send(message)");
        }
        if (target == null) {
            throw new InvalidDestinationException("Destination must not be null");
        }
        PostboxDestination resolved = PostboxDestination.of(target);
        sendAsync(resolved, resolve(resolved), message, mode, prio, ttl, listener);
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send(topic, message, mode, prio, ttl);
    }

    private void sendAsync(PostboxDestination target, DestinationRecord targetRecord, Message message, int mode,
            int prio, long ttl, CompletionListener listener) throws JMSException {
        if (listener == null) {
            throw new IllegalArgumentException("CompletionListener must not be null");
        }
        NewMessage stored = prepare(target, targetRecord, message, mode, prio, ttl);
        session.executeCompletion(() -> {
            try {
                session.send(stored);
            } catch (JMSException | RuntimeException e) {
                listener.onException(message, JmsExceptions.create(e));
                return;
            }
            listener.onCompletion(message);
        });
    }

    private void doSend(PostboxDestination target, DestinationRecord targetRecord, Message message, int mode,
            int prio, long ttl) throws JMSException {
        session.send(prepare(target, targetRecord, message, mode, prio, ttl));
    }

    /** Sets the send headers on the application's message and snapshots it into its stored form. */
    private NewMessage prepare(PostboxDestination target, DestinationRecord targetRecord, Message message, int mode,
            int prio, long ttl) throws JMSException {
        if (message == null) {
            throw new MessageFormatException("Message must not be null");
        }
        checkDeliveryMode(mode);
        checkPriority(prio);
        Instant now = session.broker().clock().instant();
        long millis = now.toEpochMilli();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSExpiration(ttl > 0 ? millis + ttl : 0);
        message.setJMSDeliveryTime(millis + Math.max(0, deliveryDelay));
        message.setJMSTimestamp(disableMessageTimestamp ? 0 : millis);
        message.setJMSMessageID(disableMessageId ? null : idPrefix + (++sequence));
        PostboxMessage own = message instanceof PostboxMessage pm ? pm : ForeignMessageConverter.toPostbox(message);
        NewMessage stored = MessageMapping.toStored(own, targetRecord.id(), session.connection().identity(), now);
        if (own != message) {
            ForeignMessageConverter.applySendHeaders(own, message);
        }
        return stored;
    }

    // ----- close -----

    @Override
    public void close() throws JMSException {
        session.checkNotCompletionThread("close");
        if (!closed.get()) {
            // MessageProducer.close returns once the incomplete asynchronous sends have completed.
            session.awaitCompletions();
        }
        closeBySession();
    }

    void closeBySession() {
        if (closed.compareAndSet(false, true)) {
            session.producerClosed(this);
        }
    }

    private void checkClosed() throws IllegalStateException {
        if (closed.get()) {
            throw new IllegalStateException("The producer is closed");
        }
        session.checkClosed();
    }
}
