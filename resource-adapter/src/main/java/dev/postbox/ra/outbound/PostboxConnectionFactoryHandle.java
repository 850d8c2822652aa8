package dev.postbox.ra.outbound;

import dev.postbox.jms.client.PostboxJMSContext;
import dev.postbox.jms.exception.JmsExceptions;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/**
 * The connection factory applications look up or inject inside the server; every connection comes from
 * the server's pool through its connection manager.
 */
public final class PostboxConnectionFactoryHandle implements ConnectionFactory, QueueConnectionFactory,
        TopicConnectionFactory, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient PostboxManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    PostboxConnectionFactoryHandle(PostboxManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(new PostboxConnectionRequestInfo(factory.getUser(), factory.getPassword()));
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate(new PostboxConnectionRequestInfo(userName, password));
    }

    private ConnectionHandle allocate(PostboxConnectionRequestInfo info) throws JMSException {
        try {
            return (ConnectionHandle) manager.allocateConnection(factory, info);
        } catch (ResourceException e) {
            JMSException jms = refusedCredentials(e)
                    ? new jakarta.jms.JMSSecurityException("PBX-2037 Postbox refused the credentials: "
                            + e.getMessage())
                    : new JMSException("PBX-2034 Cannot get a pooled Postbox connection: " + e.getMessage());
            jms.initCause(e);
            jms.setLinkedException(e);
            throw jms;
        }
    }

    /** Whether the pool failed because the broker refused the credentials (containers may wrap the cause). */
    private static boolean refusedCredentials(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.resource.spi.SecurityException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return (QueueConnection) createConnection();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return (QueueConnection) createConnection(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return (TopicConnection) createConnection();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return (TopicConnection) createConnection(userName, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(factory.getUser(), factory.getPassword(), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(factory.getUser(), factory.getPassword(), sessionMode);
    }

    /**
     * A JMSContext on a pooled connection: inside a JTA transaction its work joins it (the session mode
     * is ignored); closing it gives the connection back to the pool.
     */
    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        PostboxJMSContext.checkSessionMode(sessionMode);
        try {
            ConnectionHandle handle = allocate(new PostboxConnectionRequestInfo(userName, password));
            return PostboxJMSContext.forContainer(handle.physicalConnection(), sessionMode, handle::close);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
