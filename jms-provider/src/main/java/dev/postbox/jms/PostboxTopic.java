package dev.postbox.jms;

import jakarta.jms.Topic;

/** A Postbox topic: publish/subscribe. */
public sealed class PostboxTopic extends PostboxDestination implements Topic permits PostboxTemporaryTopic {

    private static final long serialVersionUID = 1L;

    /** Creates a reference to the topic with this name. */
    public PostboxTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public final boolean isTopic() {
        return true;
    }
}
