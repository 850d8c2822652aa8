package dev.postbox.ra.outbound;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's view of the pooled connection's session. Closing it closes what it created but
 * leaves the physical session to the pool; listener methods are refused (Jakarta EE container rules).
 */
final class SessionHandle implements Session, QueueSession, TopicSession {

    private final Session physical;
    private final PostboxManagedConnection managed;
    private final List<AutoCloseable> children = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    SessionHandle(Session physical, PostboxManagedConnection managed) {
        this.physical = physical;
        this.managed = managed;
    }

    boolean isClosed() {
        return closed;
    }

    void invalidate() {
        closed = true;
    }

    private Session session() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The session is closed");
        }
        return physical;
    }

    private <T extends AutoCloseable> T track(T child) {
        children.add(child);
        return child;
    }

    private ConsumerHandle consumer(MessageConsumer consumer) {
        return track(new ConsumerHandle(consumer));
    }

    // ----- messages -----

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return session().createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return session().createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return session().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return session().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        return session().createObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return session().createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return session().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        return session().createTextMessage(text);
    }

    // ----- transactions -----

    @Override
    public boolean getTransacted() throws JMSException {
        return session().getTransacted();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        return session().getAcknowledgeMode();
    }

    @Override
    public void commit() throws JMSException {
        session().commit();
    }

    @Override
    public void rollback() throws JMSException {
        session().rollback();
    }

    @Override
    public void recover() throws JMSException {
        session().recover();
    }

    // ----- destinations, producers, consumers -----

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        return session().createQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        return session().createTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        return session().createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        return session().createTemporaryTopic();
    }

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        return track(session().createProducer(destination));
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return track(((QueueSession) session()).createSender(queue));
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return track(((TopicSession) session()).createPublisher(topic));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return consumer(session().createConsumer(destination));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return consumer(session().createConsumer(destination, messageSelector));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(session().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return consumer(session().createConsumer(queue));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return consumer(session().createConsumer(queue, messageSelector));
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return consumer(session().createConsumer(topic));
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(session().createConsumer(topic, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return consumer(session().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        return consumer(session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return consumer(session().createDurableConsumer(topic, name));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector,
            boolean noLocal) throws JMSException {
        return consumer(session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return consumer(session().createDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return consumer(session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return consumer(session().createSharedDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        return consumer(session().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return track(session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        return track(session().createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        session().unsubscribe(name);
    }

    // ----- forbidden in the container -----

    @Override
    public MessageListener getMessageListener() throws JMSException {
        session();
        throw EnterpriseRestrictions.forbidden("Session.getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        session();
        throw EnterpriseRestrictions.forbidden("Session.setMessageListener");
    }

    @Override
    public void run() {
        throw new jakarta.jms.IllegalStateRuntimeException("Session.run must not be called by a Jakarta EE web or"
                + " EJB component");
    }

    // ----- close -----

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        JMSException first = null;
        for (AutoCloseable child : children) {
            try {
                child.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof JMSException jms ? jms : new JMSException(e.toString());
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        children.clear();
        try {
            // Session.close rolls back a local transaction in progress; closing the physical session does
            // that, and the pooled connection's next session gets the mode it asks for.
            managed.closeSession(physical);
        } catch (JMSException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    PostboxManagedConnection managed() {
        return managed;
    }
}
