package dev.postbox.ra.admin;

import jakarta.jms.Topic;

/** A Postbox topic as an administered object ({@code create-admin-object --restype jakarta.jms.Topic}). */
public class PostboxTopicAdminObject extends PostboxDestinationAdminObject implements Topic {

    private static final long serialVersionUID = 1L;

    /** An unnamed topic; the server sets {@code name}. */
    public PostboxTopicAdminObject() {
        super("topic");
    }

    @Override
    public String getTopicName() {
        return getName();
    }
}
