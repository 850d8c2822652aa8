package dev.postbox.ra.outbound;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

/**
 * What an application gets from a Postbox connection factory inside the server: a handle on a pooled
 * {@link PostboxManagedConnection}. It allows one session and refuses what the Jakarta EE container rules
 * forbid; {@link #close()} gives the physical connection back to the pool.
 */
public final class ConnectionHandle implements Connection, QueueConnection, TopicConnection {

    private volatile PostboxManagedConnection managed;
    private volatile SessionHandle session;
    private volatile boolean closed;

    ConnectionHandle(PostboxManagedConnection managed) {
        this.managed = managed;
    }

    void reassociate(PostboxManagedConnection other) {
        PostboxManagedConnection previous = this.managed;
        if (previous != null && previous != other) {
            previous.dissociate(this);
        }
        this.managed = other;
    }

    /** Called by cleanup: this handle may no longer be used. */
    void invalidate() {
        closed = true;
        SessionHandle s = session;
        if (s != null) {
            s.invalidate();
        }
    }

    /** The physical connection behind this handle (for the container JMSContext). */
    dev.postbox.jms.client.PostboxConnection physicalConnection() throws IllegalStateException {
        return managed().physical();
    }

    private PostboxManagedConnection managed() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The connection is closed");
        }
        return managed;
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        PostboxManagedConnection mc = managed();
        SessionHandle existing = session;
        if (existing != null && !existing.isClosed()) {
            throw new IllegalStateException("A Jakarta EE component may create only one session per connection;"
                    + " close the first session or use another connection");
        }
        try {
            SessionHandle created = new SessionHandle(mc.session(sessionMode), mc);
            session = created;
            return created;
        } catch (JMSException e) {
            throw e;
        }
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (QueueSession) createSession(transacted, acknowledgeMode);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (TopicSession) createSession(transacted, acknowledgeMode);
    }

    @Override
    public String getClientID() throws JMSException {
        return managed().physical().getClientID();
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        managed();
        throw EnterpriseRestrictions.forbidden("Connection.setClientID");
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        return managed().physical().getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        managed();
        throw EnterpriseRestrictions.forbidden("Connection.getExceptionListener");
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        managed();
        throw EnterpriseRestrictions.forbidden("Connection.setExceptionListener");
    }

    @Override
    public void start() throws JMSException {
        managed().physical().start();
    }

    @Override
    public void stop() throws JMSException {
        managed();
        throw EnterpriseRestrictions.forbidden("Connection.stop");
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        SessionHandle s = session;
        if (s != null) {
            s.close();
        }
        managed.handleClosed(this);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw EnterpriseRestrictions.forbidden("Connection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw EnterpriseRestrictions.forbidden("Connection.createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw EnterpriseRestrictions.forbidden("Connection.createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw EnterpriseRestrictions.forbidden("Connection.createSharedDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw EnterpriseRestrictions.forbidden("QueueConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw EnterpriseRestrictions.forbidden("TopicConnection.createConnectionConsumer");
    }
}
