package dev.postbox.ra.outbound;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
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
            JMSException jms = new JMSException("PBX-2034 Cannot get a pooled Postbox connection: " + e.getMessage());
            jms.initCause(e);
            jms.setLinkedException(e);
            throw jms;
        }
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
        throw new JMSRuntimeException("JMSContext through the resource adapter is not available yet");
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return createContext();
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext();
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
