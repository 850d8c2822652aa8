package dev.postbox.jms.store;

/** What a {@code pb_destination} row is. Stored by name; never rename a constant. */
public enum DestinationKind {
    /** A point-to-point queue; holds messages. */
    QUEUE,
    /** A topic; holds no messages itself, only subscriptions. */
    TOPIC,
    /** A subscription to a topic; holds the messages published to the topic since it exists. */
    SUBSCRIPTION
}
