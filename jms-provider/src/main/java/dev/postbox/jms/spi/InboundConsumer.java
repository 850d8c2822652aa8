package dev.postbox.jms.spi;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.client.ConsumerFilters;
import dev.postbox.jms.client.MessageMapping;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.ConsumerSpec;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.ExternalTransaction;
import dev.postbox.jms.engine.MessageFilter;
import dev.postbox.jms.engine.SubscriptionRequest;
import dev.postbox.jms.engine.WakeSignal;
import dev.postbox.jms.message.DeserializationPolicy;
import dev.postbox.jms.message.PostboxMessage;
import dev.postbox.jms.selector.Selector;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Consumes one queue, or one subscription of a topic, for a message endpoint (an MDB activation of the
 * resource adapter): claims one message at a time, and acknowledges or redelivers it as the endpoint's outcome says. Thread-safe; each
 * claimed message is handled by one thread.
 */
public final class InboundConsumer {

    private final Broker broker;
    private final PostboxDestination destination;
    private final ConsumerSpec spec;
    private final DeserializationPolicy policy;
    private final String subscriptionConsumerId;

    private InboundConsumer(Broker broker, PostboxDestination destination, ConsumerSpec spec,
            DeserializationPolicy policy, String subscriptionConsumerId) {
        this.broker = broker;
        this.destination = destination;
        this.spec = spec;
        this.policy = policy;
        this.subscriptionConsumerId = subscriptionConsumerId;
    }

    /**
     * How a topic endpoint subscribes (JMS 2 activation properties {@code subscriptionDurability},
     * {@code subscriptionName}, {@code clientId}, {@code shareSubscriptions}).
     *
     * @param durable a durable subscription (it keeps messages while the endpoint is not deployed)
     * @param name the subscription name; required for durable and shared subscriptions
     * @param clientId the client identifier, or null
     * @param shared whether every activation with this name (on any node) consumes one subscription
     */
    public record TopicSubscription(boolean durable, String name, String clientId, boolean shared) {

        /**
         * The subscription kind in JMS terms: an unshared durable subscription needs a client identifier,
         * so a durable subscription without one is shared; a non-durable one without a name is private to
         * this activation.
         */
        SubscriptionRequest request(DestinationRecord topic, String selector, String identity) {
            boolean sharedKind = durable ? shared || clientId == null : shared && name != null;
            String subscriptionName = durable || sharedKind ? name : null;
            return new SubscriptionRequest(topic, subscriptionName, clientId, durable, sharedKind, selector, false,
                    identity, identity);
        }
    }

    /**
     * Opens a consumer on a queue, or on a subscription of a topic.
     *
     * @param selector message selector, or null
     * @param overrides the endpoint's redelivery settings
     * @param subscription how to subscribe when the destination is a topic (ignored for queues; null: a
     *     non-durable subscription of this endpoint alone)
     * @throws JMSException when the destination does not exist (and may not be created), the selector is
     *     invalid, or the subscription cannot be had (an unshared durable subscription with an active consumer)
     */
    public static InboundConsumer open(Broker broker, PostboxDestination destination, String selector,
            DestinationPolicy overrides, DeserializationPolicy policy, TopicSubscription subscription)
            throws JMSException {
        try {
            if (!destination.isTopic()) {
                DestinationRecord record = broker.queue(destination.name());
                return new InboundConsumer(broker, destination,
                        new ConsumerSpec(record, ConsumerFilters.of(selector, false, "inbound"), overrides), policy,
                        null);
            }
            TopicSubscription how = subscription != null ? subscription : new TopicSubscription(false, null, null, false);
            if (how.durable() && (how.name() == null || how.name().isBlank())) {
                throw new jakarta.jms.IllegalStateException("A durable topic subscription needs a subscription name");
            }
            Selector.parse(selector);
            DestinationRecord topic = broker.topic(destination.name());
            String consumerId = UUID.randomUUID().toString();
            DestinationRecord subscribed = broker.subscribe(
                    how.request(topic, selector, "endpoint:" + consumerId), consumerId);
            return new InboundConsumer(broker, destination, new ConsumerSpec(subscribed, MessageFilter.ALL, overrides),
                    policy, consumerId);
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    /** Opens a consumer on a queue (see {@link #open(Broker, PostboxDestination, String, DestinationPolicy,
     * DeserializationPolicy, TopicSubscription)}). */
    public static InboundConsumer open(Broker broker, PostboxDestination destination, String selector,
            DestinationPolicy overrides, DeserializationPolicy policy) throws JMSException {
        return open(broker, destination, selector, overrides, policy, null);
    }

    /**
     * Ends the consumer: a topic endpoint detaches from its subscription (a non-durable one is removed with
     * its messages when no other endpoint shares it; a durable one keeps collecting messages).
     */
    public void close() {
        if (subscriptionConsumerId != null) {
            broker.unsubscribeConsumer(spec.destination(), subscriptionConsumerId);
        }
    }

    /** The signal raised when messages may have arrived. */
    public WakeSignal signal() {
        return broker.signal(spec.destination().id());
    }

    /** The consumed destination. */
    public PostboxDestination destination() {
        return destination;
    }

    /**
     * Claims the next message, or returns null when there is none.
     *
     * @throws EngineException when the store fails
     */
    public InboundMessage claim() throws JMSException {
        List<Delivery> claimed = broker.claim(spec, 1);
        if (claimed.isEmpty()) {
            return null;
        }
        Delivery delivery = claimed.get(0);
        try {
            PostboxMessage message = MessageMapping.toMessage(delivery, destination, policy);
            return new InboundMessage(delivery, message);
        } catch (JMSException | RuntimeException e) {
            broker.redeliver(claimed, "undeliverable: " + e);
            throw e;
        }
    }

    /** The endpoint processed the message: it is deleted. */
    public void acknowledge(InboundMessage message) {
        broker.acknowledgeEventually(List.of(message.delivery()));
    }

    /**
     * Acknowledges inside the endpoint's JTA transaction: the message is deleted if it commits and
     * redelivered (with the reason the supplier gives then) if it rolls back.
     *
     * @return false when the message had already been redelivered elsewhere (this node was declared dead)
     */
    public boolean acknowledgeInTransaction(ExternalTransaction transaction, InboundMessage message,
            Supplier<String> rollbackReason) {
        return broker.acknowledgeInTransaction(transaction, List.of(message.delivery()), rollbackReason) == 1;
    }

    /**
     * Deletes the message inside the endpoint's current JTA transaction; call
     * {@link #settleAfterTransaction} when the transaction completed.
     *
     * @return false when the message had already been redelivered elsewhere (this node was declared dead)
     */
    public boolean enlistAcknowledgement(InboundMessage message) {
        return broker.enlistAcknowledgement(List.of(message.delivery())) == 1;
    }

    /**
     * After the endpoint's transaction completed: when it rolled back, the message is redelivered (or
     * dead-lettered) with the reason.
     *
     * @return true when the transaction had rolled back
     */
    public boolean settleAfterTransaction(InboundMessage message, String rollbackReason) {
        return broker.settleAfterTransaction(List.of(message.delivery()), rollbackReason) == 1;
    }

    /** True when acknowledgements can join the endpoint's JTA transaction. */
    public boolean supportsTransactions() {
        return broker.supportsExternalTransactions();
    }

    /** The endpoint failed: the message is redelivered after its delay, or dead-lettered. */
    public void redeliver(InboundMessage message, String failure) {
        broker.redeliver(List.of(message.delivery()), failure);
    }

    /** The message was never handed to the endpoint (deactivation): it is given back untouched. */
    public void release(InboundMessage message) {
        broker.releaseUndelivered(List.of(message.delivery()));
    }

    /**
     * A claimed message and its JMS form.
     *
     * @param delivery the engine's delivery
     * @param message the read-only JMS message
     */
    public record InboundMessage(Delivery delivery, PostboxMessage message) {
    }
}
