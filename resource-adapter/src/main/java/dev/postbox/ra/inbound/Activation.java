package dev.postbox.ra.inbound;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.PostboxTopic;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.TaskScheduler;
import dev.postbox.jms.engine.WakeSignal;
import dev.postbox.jms.message.DeserializationPolicy;
import dev.postbox.jms.spi.InboundConsumer;
import dev.postbox.ra.JtaTransactions;
import dev.postbox.ra.RaMessages;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * One activated message endpoint: up to {@code maxSession} delivery works consume its destination at a
 * time. Works are started by the destination's wake-up signal and end when they find nothing, so an idle
 * endpoint holds no thread.
 */
public final class Activation {

    private static final System.Logger LOG = System.getLogger(Activation.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);

    /** Lifecycle of an activation. */
    enum State { NEW, ACTIVE, STOPPING, STOPPED }

    private final Broker broker;
    private final TaskScheduler scheduler;
    private final MessageEndpointFactory factory;
    private final PostboxActivationSpec spec;
    private final DeserializationPolicy deserializationPolicy;
    private final JtaTransactions transactions;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final AtomicInteger activeWorks = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Runnable wakeListener = this::startWorks;
    private final Backoff storeRetry = new Backoff();
    private final Backoff endpointRetry = new Backoff();
    private volatile long pausedUntil = System.nanoTime(); // System.nanoTime() before which no work starts
    private volatile InboundConsumer consumer;
    private volatile EndpointInvoker invoker;

    /** Creates an activation (not yet consuming). */
    public Activation(Broker broker, TaskScheduler scheduler, MessageEndpointFactory factory,
            PostboxActivationSpec spec, DeserializationPolicy deserializationPolicy, JtaTransactions transactions) {
        this.broker = broker;
        this.transactions = transactions;
        this.deserializationPolicy = deserializationPolicy;
        this.scheduler = scheduler;
        this.factory = factory;
        this.spec = spec;
    }

    /**
     * Opens the consumer and starts delivering.
     *
     * @throws ResourceException when the destination or selector is unusable (the deployment fails)
     */
    public void start() throws ResourceException {
        try {
            this.consumer = InboundConsumer.open(broker, resolveDestination(), spec.getMessageSelector(),
                    spec.redeliveryOverrides(), deserializationPolicy, spec.topicSubscription());
            this.invoker = new EndpointInvoker(factory, consumer, transactions);
        } catch (JMSException | EngineException e) {
            throw new ResourceException("PBX-2041 Cannot activate the endpoint on " + spec.describeDestination()
                    + ": " + e.getMessage(), e);
        }
        state.set(State.ACTIVE);
        consumer.signal().addListener(wakeListener);
        LOG.log(Level.INFO, RaMessages.ACTIVATED, consumer.destination(), spec.getMaxSession());
        startWorks();
    }

    private PostboxDestination resolveDestination() throws ResourceException, JMSException {
        if (spec.getDestination() != null && !spec.getDestination().isBlank()) {
            return spec.isTopic() ? new PostboxTopic(spec.getDestination()) : new PostboxQueue(spec.getDestination());
        }
        try {
            Object found = new InitialContext().lookup(spec.getDestinationLookup());
            if (found instanceof Destination destination) {
                return PostboxDestination.of(destination);
            }
            throw new ResourceException("PBX-2042 destinationLookup " + spec.getDestinationLookup()
                    + " is not a jakarta.jms.Destination but " + (found == null ? "null" : found.getClass().getName()));
        } catch (NamingException e) {
            throw new ResourceException("PBX-2043 destinationLookup " + spec.getDestinationLookup()
                    + " is not bound in JNDI: " + e.getMessage(), e);
        }
    }

    /** Starts works until maxSession run (called on every wake-up), unless paused after a failure. */
    private void startWorks() {
        while (state.get() == State.ACTIVE && System.nanoTime() - pausedUntil >= 0) {
            int active = activeWorks.get();
            if (active >= spec.getMaxSession()) {
                return;
            }
            if (activeWorks.compareAndSet(active, active + 1)) {
                scheduler.execute(this::deliverUntilEmpty);
                return;
            }
        }
    }

    /** One delivery work: claims and delivers until the destination has nothing for it. */
    private void deliverUntilEmpty() {
        WakeSignal signal = consumer.signal();
        long generation = signal.generation();
        boolean failed = false;
        try {
            while (state.get() == State.ACTIVE) {
                generation = signal.generation();
                InboundConsumer.InboundMessage message = consumer.claim();
                storeRetry.reset();
                if (message == null) {
                    break;
                }
                startWorks();
                try {
                    invoker.deliver(message, () -> state.get() == State.ACTIVE);
                    endpointRetry.reset();
                } catch (UnavailableException e) {
                    failed = true;
                    // Pause first: giving the message back wakes the destination, which must not start
                    // another work that asks the unavailable endpoint again at once.
                    pauseThenRetry(endpointRetry, RaMessages.ENDPOINT_UNAVAILABLE, e);
                    consumer.release(message);
                    break;
                }
            }
        } catch (JMSException | EngineException e) {
            failed = true;
            pauseThenRetry(storeRetry, RaMessages.ACTIVATION_STORE_FAILURE, e);
        } finally {
            finishWork();
        }
        if (!failed && signal.generation() != generation) {
            startWorks();
        }
    }

    /**
     * After a store failure or an unavailable endpoint: no work starts until the retry delay (doubling up
     * to 10 s while the failure repeats) has passed, whatever wakes the destination meanwhile.
     */
    private void pauseThenRetry(Backoff backoff, String message, Exception e) {
        Duration delay = backoff.next();
        pausedUntil = System.nanoTime() + delay.toNanos();
        LOG.log(Level.WARNING, java.text.MessageFormat.format(message, consumer.destination(), delay.toMillis(),
                e.getMessage()), e);
        scheduler.schedule(() -> {
            pausedUntil = System.nanoTime();
            startWorks();
        }, delay);
    }

    private void finishWork() {
        int left = activeWorks.decrementAndGet();
        if (left == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops delivering and waits (bounded) for running deliveries to finish. */
    public void stop() {
        if (!state.compareAndSet(State.ACTIVE, State.STOPPING)) {
            state.set(State.STOPPED);
            return;
        }
        consumer.signal().removeListener(wakeListener);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        lock.lock();
        try {
            while (activeWorks.get() > 0 && System.nanoTime() < deadline) {
                idle.awaitNanos(deadline - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        state.set(State.STOPPED);
        try {
            consumer.close();
        } catch (EngineException e) {
            LOG.log(Level.WARNING, "PBX-2045 Detaching the endpoint on {0} from its subscription failed; it is"
                    + " cleaned up with this node: {1}", consumer.destination(), e.getMessage());
        }
        LOG.log(Level.INFO, RaMessages.DEACTIVATED, consumer.destination());
    }

    /** A retry delay that doubles from 200 ms up to 10 s while failures repeat. */
    private static final class Backoff {
        private final AtomicReference<Duration> delay = new AtomicReference<>(FIRST_RETRY_DELAY);

        Duration next() {
            return delay.getAndUpdate(d -> d.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0
                    ? MAX_RETRY_DELAY : d.multipliedBy(2));
        }

        void reset() {
            delay.set(FIRST_RETRY_DELAY);
        }
    }
}
