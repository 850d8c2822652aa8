package dev.postbox.ra.admin;

import jakarta.jms.Queue;

/** A Postbox queue as an administered object ({@code create-admin-object --restype jakarta.jms.Queue}). */
public class PostboxQueueAdminObject extends PostboxDestinationAdminObject implements Queue {

    private static final long serialVersionUID = 1L;

    /** An unnamed queue; the server sets {@code name}. */
    public PostboxQueueAdminObject() {
        super("queue");
    }

    @Override
    public String getQueueName() {
        return getName();
    }
}
