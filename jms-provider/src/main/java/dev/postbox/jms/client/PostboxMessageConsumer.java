package dev.postbox.jms.client;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.ConsumerSpec;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.MessageFilter;
import dev.postbox.jms.engine.WakeSignal;
import dev.postbox.jms.store.DestinationRecord;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Postbox consumer. {@code receive} claims a message from the store, waiting on the destination's
 * wake-up signal while there is none; a message listener is fed by the session's dispatcher.
 */
public final class PostboxMessageConsumer implements MessageConsumer, QueueReceiver, TopicSubscriber {

    private static final long OUTAGE_RETRY_MILLIS = 500;

    private final PostboxSession session;
    private final Broker broker;
    private final PostboxDestination destination;
    private final DestinationRecord record;
    private final ConsumerSpec spec;
    private final String selector;
    private final boolean noLocal;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantLock receiving = new ReentrantLock(); // held by the thread inside receive
    private final Runnable wakeListener;
    private volatile MessageListener listener;
    private final int prefetchSize;
    private final ArrayDeque<Delivery> prefetched = new ArrayDeque<>(); // guarded by itself

    /**
     * The topic subscription a consumer reads, and its registration.
     *
     * @param topic the subscribed topic
     * @param consumerId the id the consumer is attached to the subscription with
     */
    record Subscription(DestinationRecord topic, String consumerId) {
    }

    private final Subscription subscription;

    PostboxMessageConsumer(PostboxSession session, PostboxDestination destination, DestinationRecord record,
            MessageFilter filter, String selector, boolean noLocal) {
        this(session, destination, record, filter, selector, noLocal, null);
    }

    PostboxMessageConsumer(PostboxSession session, PostboxDestination destination, DestinationRecord record,
            MessageFilter filter, String selector, boolean noLocal, Subscription subscription) {
        this.subscription = subscription;
        this.session = session;
        this.broker = session.broker();
        this.destination = destination;
        this.record = record;
        this.spec = new ConsumerSpec(record, filter);
        this.selector = selector;
        this.noLocal = noLocal;
        this.wakeListener = session::wakeDispatcher;
        this.prefetchSize = session.connection().options().prefetchSize();
    }

    PostboxDestination destination() {
        return destination;
    }

    DestinationRecord record() {
        return record;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkClosed();
        return selector;
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkClosed();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener newListener) throws JMSException {
        checkClosed();
        MessageListener previous = this.listener;
        this.listener = newListener;
        WakeSignal signal = broker.signal(record.id());
        if (previous == null && newListener != null) {
            signal.addListener(wakeListener);
        } else if (previous != null && newListener == null) {
            signal.removeListener(wakeListener);
        }
        session.wakeDispatcher();
    }

    MessageListener listener() {
        return listener;
    }

    boolean hasListener() {
        return listener != null && !closed.get();
    }

    @Override
    public Message receive() throws JMSException {
        return receive(Long.MAX_VALUE, false);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receive(timeout == 0 ? Long.MAX_VALUE : Math.max(timeout, 1), false);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(0, true);
    }

    private Message receive(long timeoutMillis, boolean noWait) throws JMSException {
        return receiveWith(timeoutMillis, noWait, delivery -> session.deliverSync(this, delivery));
    }

    /** Turns a claimed delivery into what a receive call returns (a message, or a body). */
    @FunctionalInterface
    interface HandOver<R> {
        /** The result for the application; may throw to refuse the delivery (after settling it). */
        R apply(Delivery delivery) throws JMSException;
    }

    /**
     * The receive loop with a custom hand-over of the claimed delivery ({@code JMSConsumer.receiveBody}).
     *
     * @param timeoutMillis {@code Long.MAX_VALUE} waits without limit
     */
    <R> R receiveWith(long timeoutMillis, boolean noWait, HandOver<R> handOver) throws JMSException {
        checkClosed();
        if (listener != null) {
            throw new IllegalStateException("Cannot receive synchronously from a consumer with a message listener");
        }
        long deadline = timeoutMillis == Long.MAX_VALUE ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        receiving.lock();
        try {
            return awaitMessage(deadline, noWait, handOver);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            receiving.unlock();
        }
    }

    private <R> R awaitMessage(long deadline, boolean noWait, HandOver<R> handOver)
            throws JMSException, InterruptedException {
        WakeSignal signal = broker.signal(record.id());
        PostboxConnection connection = session.connection();
        while (!closed.get()) {
            long generation = signal.generation();
            if (!connection.enterDelivery()) {
                if (noWait || !connection.awaitStarted(deadline, closed::get)) {
                    return null;
                }
                continue;
            }
            R message = null;
            boolean storeDown = false;
            try {
                message = claimAndHandOver(handOver);
            } catch (EngineException.StoreUnavailable e) {
                connection.reportAsyncFailure(e);
                if (noWait || remainingMillis(deadline) <= OUTAGE_RETRY_MILLIS) {
                    throw e.toJMSException();
                }
                storeDown = true;
            } finally {
                connection.exitDelivery();
            }
            if (message != null || closed.get()) {
                return message;
            }
            long wait = remainingMillis(deadline);
            if (noWait || wait <= 0) {
                return null;
            }
            long bounded = storeDown ? Math.min(wait, OUTAGE_RETRY_MILLIS) : boundedByNextDelivery(wait);
            boolean woken = signal.await(generation, bounded, TimeUnit.MILLISECONDS, spec.unfiltered());
            if (!woken && !storeDown && bounded < wait) {
                signal.wake(); // a delayed message's time came: every consumer of the destination looks again
            }
        }
        return null;
    }

    /** One claim attempt inside the connection's delivery gate: the handed-over result, or null. */
    private <R> R claimAndHandOver(HandOver<R> handOver) throws JMSException {
        List<Delivery> claimed;
        try {
            claimed = claimOne();
            session.connection().storeRecovered();
        } catch (EngineException.StoreUnavailable e) {
            throw e;
        } catch (EngineException e) {
            throw e.toJMSException();
        }
        if (claimed.isEmpty()) {
            return null;
        }
        if (closed.get()) {
            try {
                broker.releaseUndelivered(claimed);
            } catch (EngineException e) {
                throw e.toJMSException();
            }
            return null;
        }
        return handOver.apply(claimed.get(0));
    }

    private long boundedByNextDelivery(long wait) {
        try {
            Optional<Instant> next = broker.signal(record.id())
                    .nextVisible(() -> broker.nextVisibleAt(record.id()));
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

    /** Claims one message for this consumer's listener, or null. */
    Delivery claimForListener() {
        List<Delivery> claimed = claimOne();
        return claimed.isEmpty() ? null : claimed.get(0);
    }

    /**
     * The next message for the application: a prefetched one, or up to {@code prefetchSize} claimed at once of
     * which the first is returned and the rest kept. In at-most-once mode the claim removes the one message
     * it takes from the store (never prefetched: what a crash would lose stays at one).
     */
    private List<Delivery> claimOne() {
        if (session.acknowledgesOnClaim()) {
            return claimUnlessKnownEmpty(() -> broker.claimAndAcknowledge(spec, 1));
        }
        synchronized (prefetched) {
            Delivery next = prefetched.poll();
            if (next != null) {
                return List.of(next);
            }
        }
        List<Delivery> claimed = claimUnlessKnownEmpty(() -> broker.claim(spec, prefetchSize));
        if (claimed.size() <= 1) {
            return claimed;
        }
        synchronized (prefetched) {
            prefetched.addAll(claimed.subList(1, claimed.size()));
        }
        if (closed.get()) {
            releasePrefetched();
        }
        return List.of(claimed.get(0));
    }

    /**
     * Claims, unless another unfiltered claim in this JVM found the destination empty and nothing woke it
     * since: idle consumers then cost the database nothing between wakes (one query per destination per
     * wake instead of one per consumer and receive call).
     */
    private List<Delivery> claimUnlessKnownEmpty(java.util.function.Supplier<List<Delivery>> claim) {
        if (!spec.unfiltered()) {
            return claim.get();
        }
        WakeSignal signal = broker.signal(record.id());
        long generation = signal.generation();
        if (signal.knownEmpty(generation)) {
            return List.of();
        }
        List<Delivery> claimed = claim.get();
        if (claimed.isEmpty()) {
            signal.foundEmpty(generation);
        }
        return claimed;
    }

    /**
     * Gives back the prefetched messages the application has not seen, uncounted (consumer closed, session
     * recovered or rolled back: they return to the queue in their order, before what was sent later).
     */
    void releasePrefetched() {
        List<Delivery> giveBack;
        synchronized (prefetched) {
            if (prefetched.isEmpty()) {
                return;
            }
            giveBack = new ArrayList<>(prefetched);
            prefetched.clear();
        }
        broker.releaseUndelivered(giveBack);
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkClosed();
        if (destination instanceof Queue queue) {
            return queue;
        }
        throw new IllegalStateException("This consumer reads a topic");
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkClosed();
        if (destination instanceof Topic topic) {
            return topic;
        }
        throw new IllegalStateException("This consumer reads a queue");
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkClosed();
        return noLocal;
    }

    @Override
    public void close() throws JMSException {
        if (closed.get()) {
            return;
        }
        closeBySession();
        if (!session.isDeliveryThread()) {
            session.pauseDelivery();
        }
    }

    void closeBySession() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (listener != null) {
            broker.signal(record.id()).removeListener(wakeListener);
        }
        broker.signal(record.id()).wake();
        session.connection().wakeStartWaiters();
        if (!receiving.isHeldByCurrentThread()) {
            // MessageConsumer.close blocks until a receive in progress has returned (it returns null now).
            receiving.lock();
            receiving.unlock();
        }
        session.consumerClosed(this);
        try {
            releasePrefetched();
        } catch (EngineException e) {
            System.getLogger(PostboxMessageConsumer.class.getName()).log(System.Logger.Level.WARNING,
                    "PBX-1063 Prefetched messages of a closed consumer cannot be given back now; they return when"
                    + " this node restarts or is declared dead: {0}", e.getMessage());
        }
        if (subscription != null) {
            detachFromSubscription();
        }
    }

    private void detachFromSubscription() {
        try {
            broker.unsubscribeConsumer(record, subscription.consumerId());
        } catch (EngineException e) {
            // close must not fail: the consumer's registration is removed when its node is declared dead
            System.getLogger(PostboxMessageConsumer.class.getName()).log(System.Logger.Level.WARNING,
                    "PBX-1062 Detaching from subscription {0} failed; it is cleaned up with this node: {1}",
                    record.name(), e.getMessage());
        }
    }

    /** True when this consumer reads the destination (a queue, or a topic through a subscription). */
    boolean reads(long destinationId) {
        return record.id() == destinationId || subscription != null && subscription.topic().id() == destinationId;
    }

    boolean isClosed() {
        return closed.get();
    }

    private void checkClosed() throws IllegalStateException {
        if (closed.get()) {
            throw new IllegalStateException("The consumer is closed");
        }
        session.checkClosed();
    }
}
