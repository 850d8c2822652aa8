package dev.postbox.jms.engine;

import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.StoredMessage;

/**
 * A message claimed for a consumer: it stays in flight, invisible to other consumers, until it is
 * acknowledged, released or its node dies.
 *
 * @param message the claimed message (delivery count already includes this delivery)
 * @param destination where it was claimed from
 * @param node the node id that holds the claim (acknowledgements must use it)
 * @param overrides the consumer's redelivery overrides (see {@link ConsumerSpec#overrides()})
 */
public record Delivery(StoredMessage message, DestinationRecord destination, String node,
        dev.postbox.jms.store.DestinationPolicy overrides) {

    /** A delivery without consumer overrides. */
    public Delivery(StoredMessage message, DestinationRecord destination, String node) {
        this(message, destination, node, dev.postbox.jms.store.DestinationPolicy.DEFAULTS);
    }

    /** The store id of the message. */
    public long id() {
        return message.id();
    }

    /** Deliveries so far, this one included (JMSXDeliveryCount). */
    public int deliveryCount() {
        return message.deliveryCount();
    }
}
