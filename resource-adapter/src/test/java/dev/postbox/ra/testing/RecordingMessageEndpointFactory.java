package dev.postbox.ra.testing;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.transaction.xa.XAResource;

/**
 * The application server's side of an MDB deployment: makes {@link RecordingEndpoint}s and records every
 * call the adapter makes on them, in order, so that tests can check the JCA call protocol. Behaviour is
 * set per test: transacted or not (container- or bean-managed), what {@code onMessage} does, which step
 * fails how often, whether the bean marks its transaction rollback-only.
 */
public final class RecordingMessageEndpointFactory implements MessageEndpointFactory {

    /** The endpoint methods a resource adapter calls. */
    public enum Step { BEFORE_DELIVERY, ON_MESSAGE, AFTER_DELIVERY, RELEASE }

    /**
     * One recorded call.
     *
     * @param endpoint the endpoint instance number (one per createEndpoint)
     * @param step the method called
     * @param messageText the text of the delivered message (ON_MESSAGE only), else null
     * @param failed true when the call threw (on purpose)
     */
    public record Call(int endpoint, Step step, String messageText, boolean failed) {
    }

    /**
     * One message as onMessage saw it.
     *
     * @param text the body of a TextMessage, else null
     * @param redelivered JMSRedelivered
     * @param deliveryCount JMSXDeliveryCount
     * @param thread the delivering thread
     */
    public record Delivery(String text, boolean redelivered, int deliveryCount, String thread) {
    }

    /** What onMessage does, with the message (may throw anything). */
    @FunctionalInterface
    public interface Listener {
        /** Handles the message. */
        void onMessage(Message message) throws Exception;
    }

    private final FakeTransactionSynchronizationRegistry registry;
    private final AtomicInteger endpoints = new AtomicInteger();
    private final AtomicInteger createAttempts = new AtomicInteger();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final Map<Step, AtomicInteger> failuresLeft = new EnumMap<>(Step.class);
    private final Map<Step, Supplier<? extends Exception>> failureKinds = new EnumMap<>(Step.class);
    private final AtomicInteger rollbackOnlyLeft = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private volatile boolean transacted;
    private volatile boolean unavailable;
    private volatile Listener listener = message -> { };

    /** Endpoints whose transactions (when transacted) run in {@code registry}. */
    public RecordingMessageEndpointFactory(FakeTransactionSynchronizationRegistry registry) {
        this.registry = registry;
        for (Step step : Step.values()) {
            failuresLeft.put(step, new AtomicInteger());
        }
        failureKinds.put(Step.BEFORE_DELIVERY, () -> new ResourceException("beforeDelivery fails on purpose"));
        failureKinds.put(Step.ON_MESSAGE, () -> new IllegalStateException("onMessage fails on purpose"));
        failureKinds.put(Step.AFTER_DELIVERY, () -> new ResourceException("afterDelivery fails on purpose"));
    }

    // ----- configuration -----

    /** Container-managed transactions (true) or not (false, the default). */
    public RecordingMessageEndpointFactory transacted(boolean value) {
        this.transacted = value;
        return this;
    }

    /** What onMessage does. */
    public RecordingMessageEndpointFactory listener(Listener value) {
        this.listener = value;
        return this;
    }

    /** The next {@code count} calls of {@code step} throw that step's default failure. */
    public RecordingMessageEndpointFactory failNext(Step step, int count) {
        failuresLeft.get(step).set(count);
        return this;
    }

    /** The next {@code count} calls of {@code step} throw what {@code failure} supplies. */
    public RecordingMessageEndpointFactory failNext(Step step, int count, Supplier<? extends Exception> failure) {
        failureKinds.put(step, failure);
        return failNext(step, count);
    }

    /** The next {@code count} onMessage calls mark the transaction rollback-only and return normally. */
    public RecordingMessageEndpointFactory rollbackOnlyNext(int count) {
        rollbackOnlyLeft.set(count);
        return this;
    }

    /** createEndpoint throws UnavailableException while true. */
    public RecordingMessageEndpointFactory unavailable(boolean value) {
        this.unavailable = value;
        return this;
    }

    // ----- MessageEndpointFactory -----

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        createAttempts.incrementAndGet();
        if (unavailable) {
            throw new UnavailableException("endpoint unavailable on purpose");
        }
        return new RecordingEndpoint(this, endpoints.incrementAndGet());
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "recording-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return RecordingEndpoint.class;
    }

    // ----- what happened -----

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The steps called on each endpoint instance, by instance number. */
    public Map<Integer, List<Step>> stepsByEndpoint() {
        Map<Integer, List<Step>> byEndpoint = new LinkedHashMap<>();
        for (Call call : calls) {
            byEndpoint.computeIfAbsent(call.endpoint(), n -> new ArrayList<>()).add(call.step());
        }
        return byEndpoint;
    }

    /** Every onMessage so far, in order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The onMessage calls that received this text. */
    public List<Delivery> deliveriesOf(String text) {
        return deliveries.stream().filter(d -> text.equals(d.text())).toList();
    }

    /** Protocol violations seen (unpaired before/afterDelivery, calls after release...); empty when correct. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The most onMessage calls that ran at the same time. */
    public int mostConcurrentDeliveries() {
        return mostRunning.get();
    }

    /** Endpoint instances created so far. */
    public int endpointsCreated() {
        return endpoints.get();
    }

    /** createEndpoint calls so far, including refused ones. */
    public int createAttempts() {
        return createAttempts.get();
    }

    /** onMessage calls running right now. */
    public int runningDeliveries() {
        return running.get();
    }

    // ----- for RecordingEndpoint -----

    FakeTransactionSynchronizationRegistry registry() {
        return registry;
    }

    boolean isTransacted() {
        return transacted;
    }

    void record(int endpoint, Step step, String text, boolean failed) {
        calls.add(new Call(endpoint, step, text, failed));
    }

    void violation(String description) {
        violations.add(description);
    }

    /** Throws the configured failure of the step if one is left. */
    void maybeFail(Step step) throws Exception {
        if (failuresLeft.get(step).getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw failureKinds.get(step).get();
        }
    }

    boolean takeRollbackOnly() {
        return rollbackOnlyLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    void deliver(Message message) throws Exception {
        int now = running.incrementAndGet();
        mostRunning.accumulateAndGet(now, Math::max);
        try {
            deliveries.add(new Delivery(textOf(message), message.getJMSRedelivered(),
                    message.getIntProperty("JMSXDeliveryCount"), Thread.currentThread().getName()));
            listener.onMessage(message);
        } finally {
            running.decrementAndGet();
        }
    }

    static String textOf(Message message) throws JMSException {
        return message instanceof TextMessage text ? text.getText() : null;
    }
}
