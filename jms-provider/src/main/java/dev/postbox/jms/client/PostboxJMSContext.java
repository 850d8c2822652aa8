package dev.postbox.jms.client;

import dev.postbox.jms.PostboxAcknowledgeMode;
import static dev.postbox.jms.client.RuntimeTranslation.call;
import static dev.postbox.jms.client.RuntimeTranslation.run;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Postbox {@code JMSContext}: a connection (shared with the contexts made by {@link #createContext(int)})
 * and one session, created on first use. Checked exceptions of the classic API become their runtime twins.
 */
public final class PostboxJMSContext implements JMSContext {

    /** Lifecycle of a context. */
    enum State { OPEN, CLOSED }

    private final SharedConnection shared;
    private final ContextSession session;
    private final int sessionMode;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private volatile boolean autoStart = true;

    private PostboxJMSContext(SharedConnection shared, int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
        this.session = new ContextSession(shared, sessionMode);
    }

    /**
     * A context owning a new connection (internal: use a connection factory's {@code createContext}); the
     * connection closes with the last context sharing it.
     *
     * @throws JMSRuntimeException when the session mode is not one of the four JMSContext modes
     */
    public static PostboxJMSContext create(PostboxConnection connection, int sessionMode) {
        checkSessionMode(sessionMode);
        return new PostboxJMSContext(new SharedConnection(connection), sessionMode);
    }

    /**
     * A context on a pooled connection of the resource adapter (SPI): the Jakarta EE restrictions apply
     * (no client ID, exception listener, stop, listeners or further contexts), and closing the last context
     * runs the closer, which gives the connection back to the pool.
     */
    public static PostboxJMSContext forContainer(PostboxConnection connection, int sessionMode,
            SharedConnection.Closer closer) {
        checkSessionMode(sessionMode);
        return new PostboxJMSContext(new SharedConnection(connection, closer, true), sessionMode);
    }

    /** Throws the Jakarta EE container restriction for a method, when this context is container-managed. */
    void checkAllowedInContainer(String method) {
        if (shared.containerManaged()) {
            throw new IllegalStateRuntimeException(method + " must not be called by a Jakarta EE web or EJB"
                    + " component (Jakarta Messaging, restrictions in the Jakarta EE container)");
        }
    }

    /** Throws {@link JMSRuntimeException} unless the mode is one of the four JMSContext session modes. */
    public static void checkSessionMode(int sessionMode) {
        if (!validSessionMode(sessionMode)) {
            throw new JMSRuntimeException(invalidSessionMode(sessionMode));
        }
    }

    /** Whether a session mode is one of the spec's four or Postbox's at-most-once mode. */
    static boolean validSessionMode(int sessionMode) {
        return sessionMode == SESSION_TRANSACTED || sessionMode == AUTO_ACKNOWLEDGE
                || sessionMode == CLIENT_ACKNOWLEDGE || sessionMode == DUPS_OK_ACKNOWLEDGE
                || sessionMode == PostboxAcknowledgeMode.AT_MOST_ONCE_ACKNOWLEDGE;
    }

    static String invalidSessionMode(int sessionMode) {
        return "Invalid session mode " + sessionMode + ": use SESSION_TRANSACTED (0), AUTO_ACKNOWLEDGE (1),"
                + " CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or PostboxAcknowledgeMode.AT_MOST_ONCE_ACKNOWLEDGE"
                + " (100)";
    }

    // ----- contexts, producers, connection -----

    /** A context on the same connection; the connection's client ID can no longer be set afterwards. */
    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        checkAllowedInContainer("JMSContext.createContext");
        checkSessionMode(mode);
        if (!shared.acquire()) {
            throw new IllegalStateRuntimeException("The connection of this JMSContext is closed");
        }
        shared.connection().fixClientId();
        return new PostboxJMSContext(shared, mode);
    }

    @Override
    public JMSProducer createProducer() {
        checkOpen();
        call(session::get);
        return new PostboxJMSProducer(this);
    }

    @Override
    public String getClientID() {
        checkOpen();
        return call(shared.connection()::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        checkAllowedInContainer("JMSContext.setClientID");
        run(() -> shared.connection().setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return call(shared.connection()::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return call(shared.connection()::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        checkAllowedInContainer("JMSContext.setExceptionListener");
        run(() -> shared.connection().setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen();
        run(shared.connection()::start);
    }

    /** Stops the shared connection; a MessageListener of the connection gets IllegalStateRuntimeException. */
    @Override
    public void stop() {
        checkOpen();
        checkAllowedInContainer("JMSContext.stop");
        run(shared.connection()::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    /**
     * Waits for the asynchronous sends, closes the session and, with the last context sharing it, the
     * connection. A MessageListener or CompletionListener of this context must not call it; closing a closed
     * context does nothing.
     */
    @Override
    public void close() {
        if (state.get() == State.CLOSED) {
            return;
        }
        if (session.isCompletionThread()) {
            throw new IllegalStateRuntimeException("A CompletionListener must not close its own JMSContext");
        }
        if (session.isDeliveryThread()) {
            throw new IllegalStateRuntimeException("A MessageListener must not close its own JMSContext");
        }
        session.awaitAsyncSends();
        if (!state.compareAndSet(State.OPEN, State.CLOSED)) {
            return;
        }
        run(session::close);
    }

    // ----- messages -----

    @Override
    public BytesMessage createBytesMessage() {
        return call(() -> openSession().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return call(() -> openSession().createMapMessage());
    }

    @Override
    public Message createMessage() {
        return call(() -> openSession().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return call(() -> openSession().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return call(() -> openSession().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return call(() -> openSession().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return call(() -> openSession().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return call(() -> openSession().createTextMessage(text));
    }

    // ----- transactions and acknowledgement -----

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    /**
     * The database connection of a transacted context: SQL on it commits and rolls back with the context's
     * messages, in one database transaction (see {@link PostboxSession#getJdbcConnection()}).
     *
     * @throws jakarta.jms.IllegalStateRuntimeException when the context is not transacted
     */
    public java.sql.Connection getJdbcConnection() {
        return call(() -> openSession().getJdbcConnection());
    }

    /** Commits after the asynchronous sends completed; not from this context's CompletionListener. */
    @Override
    public void commit() {
        checkTransactionControl("commit");
        run(() -> openSession().commit());
    }

    /** Rolls back after the asynchronous sends completed; not from this context's CompletionListener. */
    @Override
    public void rollback() {
        checkTransactionControl("rollback");
        run(() -> openSession().rollback());
    }

    @Override
    public void recover() {
        checkOpen();
        if (sessionMode == SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException("recover() is not allowed on a transacted JMSContext; use"
                    + " rollback()");
        }
        run(() -> openSession().recover());
    }

    /** Acknowledges everything the session consumed (CLIENT_ACKNOWLEDGE); no effect in the other modes. */
    @Override
    public void acknowledge() {
        checkOpen();
        PostboxSession current = session.ifCreated();
        if (current != null && sessionMode == CLIENT_ACKNOWLEDGE) {
            run(current::acknowledgeFromMessage);
        }
    }

    private void checkTransactionControl(String operation) {
        checkOpen();
        if (session.isCompletionThread()) {
            throw new IllegalStateRuntimeException("A CompletionListener must not call " + operation
                    + "() on its own JMSContext");
        }
        if (sessionMode != SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException(operation + "() is only allowed on a transacted JMSContext");
        }
        session.awaitAsyncSends();
    }

    // ----- destinations -----

    @Override
    public Queue createQueue(String queueName) {
        return call(() -> openSession().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return call(() -> openSession().createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return call(() -> openSession().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return call(() -> openSession().createTemporaryTopic());
    }

    // ----- consumers and browsers -----

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(() -> openSession().createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(() -> openSession().createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(() -> openSession().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(() -> openSession().createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(() -> openSession().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(() -> openSession().createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(() -> openSession().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(() -> openSession().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(() -> openSession().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return call(() -> openSession().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return call(() -> openSession().createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) {
        run(() -> openSession().unsubscribe(name));
    }

    /** Wraps a new classic consumer and, with autoStart, starts the connection (JMSContext.createConsumer). */
    private JMSConsumer consumer(RuntimeTranslation.JmsCall<MessageConsumer> create) {
        return call(() -> {
            PostboxMessageConsumer consumer = (PostboxMessageConsumer) create.call();
            try {
                if (autoStart) {
                    shared.connection().start();
                }
            } catch (JMSException | RuntimeException e) {
                consumer.close();
                throw e;
            }
            return new PostboxJMSConsumer(this, openSession(), consumer);
        });
    }

    // ----- collaborators -----

    /** Sends for a {@link PostboxJMSProducer} of this context. */
    void send(Destination destination, Message message, SendSettings settings, CompletionListener listener) {
        checkOpen();
        run(() -> session.send(destination, message, settings, listener));
    }

    private PostboxSession openSession() throws JMSException {
        checkOpen();
        return session.get();
    }

    private void checkOpen() {
        if (state.get() == State.CLOSED) {
            throw new IllegalStateRuntimeException("The JMSContext is closed");
        }
    }

    @Override
    public String toString() {
        return "PostboxJMSContext[" + shared.connection().id() + ", mode " + sessionMode + ", " + state.get() + "]";
    }
}
