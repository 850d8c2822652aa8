package dev.postbox.jms.client;

import static dev.postbox.jms.client.RuntimeTranslation.call;
import static dev.postbox.jms.client.RuntimeTranslation.run;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A Postbox {@code JMSConsumer}: a classic consumer of its context's session with runtime exceptions, plus
 * {@code receiveBody} (see {@link BodyReceiver} for what happens to a message whose body cannot be returned).
 */
public final class PostboxJMSConsumer implements JMSConsumer {

    private final PostboxJMSContext context;
    private final PostboxMessageConsumer consumer;
    private final BodyReceiver bodies;

    PostboxJMSConsumer(PostboxJMSContext context, PostboxSession session, PostboxMessageConsumer consumer) {
        this.context = context;
        this.consumer = consumer;
        this.bodies = new BodyReceiver(session, consumer);
    }

    /** The selector, or null when none was given (null, empty or blank: JMSConsumer Javadoc). */
    @Override
    public String getMessageSelector() {
        String selector = call(consumer::getMessageSelector);
        return selector == null || selector.isBlank() ? null : selector;
    }

    @Override
    public MessageListener getMessageListener() {
        context.checkAllowedInContainer("JMSConsumer.getMessageListener");
        return call(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        context.checkAllowedInContainer("JMSConsumer.setMessageListener");
        run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return call(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return call(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return call(consumer::receiveNoWait);
    }

    /** Closes the consumer; allowed from its own MessageListener; a receive in progress returns null. */
    @Override
    public void close() {
        run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return call(() -> bodies.receive(c, 0, false));
    }

    /** As {@link #receiveBody(Class)}, waiting at most {@code timeout} milliseconds (0: without limit). */
    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return call(() -> bodies.receive(c, timeout, false));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return call(() -> bodies.receive(c, 0, true));
    }

    @Override
    public String toString() {
        return "PostboxJMSConsumer[" + consumer.destination() + "]";
    }
}
