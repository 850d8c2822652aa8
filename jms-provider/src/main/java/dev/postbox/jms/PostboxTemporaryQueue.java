package dev.postbox.jms;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/** A queue that lives as long as the connection that created it. */
public final class PostboxTemporaryQueue extends PostboxQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    /** Internal: created by a connection (owner) or decoded from a message header (no owner). */
    public PostboxTemporaryQueue(String name, TemporaryDestinationOwner owner) {
        super(name);
        this.owner = owner;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }

    /** The connection that created it, or null when this reference came from elsewhere. */
    public TemporaryDestinationOwner owner() {
        return owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new IllegalStateException("Only the connection that created " + this + " may delete it");
        }
        owner.deleteTemporary(this);
    }
}
