package dev.postbox.jms;

import jakarta.jms.Queue;

/** A Postbox queue: point-to-point, competing consumers. */
public sealed class PostboxQueue extends PostboxDestination implements Queue permits PostboxTemporaryQueue {

    private static final long serialVersionUID = 1L;

    /** Creates a reference to the queue with this name (the queue itself is created on first use). */
    public PostboxQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public final boolean isTopic() {
        return false;
    }
}
