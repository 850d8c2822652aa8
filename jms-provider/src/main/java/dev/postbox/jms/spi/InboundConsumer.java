package dev.postbox.jms.spi;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.client.ConsumerFilters;
import dev.postbox.jms.client.MessageMapping;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.ConsumerSpec;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.ExternalTransaction;
import dev.postbox.jms.engine.WakeSignal;
import dev.postbox.jms.message.DeserializationPolicy;
import dev.postbox.jms.message.PostboxMessage;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Consumes one queue for a message endpoint (an MDB activation of the resource adapter): claims one
 * message at a time, and acknowledges or redelivers it as the endpoint's outcome says. Thread-safe; each
 * claimed message is handled by one thread.
 */
public final class InboundConsumer {

    private final Broker broker;
    private final PostboxDestination destination;
    private final ConsumerSpec spec;
    private final DeserializationPolicy policy;

    private InboundConsumer(Broker broker, PostboxDestination destination, ConsumerSpec spec,
            DeserializationPolicy policy) {
        this.broker = broker;
        this.destination = destination;
        this.spec = spec;
        this.policy = policy;
    }

    /**
     * Opens a consumer on a queue.
     *
     * @param selector message selector, or null
     * @param overrides the endpoint's redelivery settings
     * @throws JMSException when the queue does not exist (and may not be created) or the selector is invalid
     */
    public static InboundConsumer open(Broker broker, PostboxDestination destination, String selector,
            DestinationPolicy overrides, DeserializationPolicy policy) throws JMSException {
        if (destination.isTopic()) {
            throw new JMSException("Topic activations are not available yet");
        }
        try {
            DestinationRecord record = broker.queue(destination.name());
            return new InboundConsumer(broker, destination,
                    new ConsumerSpec(record, ConsumerFilters.of(selector, false, "inbound"), overrides), policy);
        } catch (EngineException e) {
            throw e.toJMSException();
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
