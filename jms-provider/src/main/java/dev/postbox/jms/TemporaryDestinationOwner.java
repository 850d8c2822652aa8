package dev.postbox.jms;

import jakarta.jms.JMSException;

/** The connection that created a temporary destination; only it may delete or consume from it. */
public interface TemporaryDestinationOwner {

    /** Deletes the temporary destination; fails while it has consumers. */
    void deleteTemporary(PostboxDestination destination) throws JMSException;

    /** The identity of the owning connection, stored with the destination. */
    String ownerId();
}
