package dev.postbox.ra.outbound;

import dev.postbox.jms.client.PostboxConnection;
import dev.postbox.jms.config.ConnectionOptions;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.ra.JtaTransactions;
import dev.postbox.ra.RaMessages;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled physical Postbox connection with at most one session (the Jakarta EE rule for web and EJB
 * components). Applications hold {@link ConnectionHandle}s; closing the last one returns this connection
 * to the pool, which {@link #cleanup()}s it.
 */
public final class PostboxManagedConnection implements ManagedConnection {

    private static final System.Logger LOG = System.getLogger(PostboxManagedConnection.class.getName());

    private final PostboxManagedConnectionFactory factory;
    private final PostboxConnectionRequestInfo requestInfo;
    private final PostboxConnection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final Object sessionLock = new Object();
    private Session session; // guarded by sessionLock
    private int sessionMode = -1; // guarded by sessionLock
    private volatile boolean destroyed;
    private volatile boolean broken;
    private PrintWriter logWriter;

    PostboxManagedConnection(PostboxManagedConnectionFactory factory, PostboxConnectionRequestInfo requestInfo)
            throws ResourceException {
        this.factory = factory;
        this.requestInfo = requestInfo;
        Broker broker = factory.adapter().broker();
        try {
            broker.authenticate(requestInfo.user(), requestInfo.password());
        } catch (EngineException.Security e) {
            throw new jakarta.resource.spi.SecurityException("PBX-2036 Connection refused: " + e.getMessage(), e);
        }
        try {
            ConnectionOptions options = ConnectionOptions.defaults().withIdentity(factory.getClientId(),
                    requestInfo.user());
            this.physical = new PostboxConnection(broker, options, factory.adapter().clientIds(), () -> { });
            JtaTransactions transactions = factory.adapter().transactions();
            if (transactions != null) {
                physical.setTransactionSource(transactions::current);
            }
        } catch (JMSException e) {
            throw new ResourceException("PBX-2031 Cannot open a Postbox connection: " + e.getMessage(), e);
        }
    }

    PostboxManagedConnectionFactory factory() {
        return factory;
    }

    PostboxConnectionRequestInfo requestInfo() {
        return requestInfo;
    }

    PostboxConnection physical() {
        return physical;
    }

    boolean isUsable() {
        return !destroyed && !broken;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (!isUsable()) {
            throw new jakarta.resource.spi.IllegalStateException("This pooled Postbox connection is no longer usable");
        }
        ConnectionHandle handle = new ConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    /**
     * The one session of this connection, created on first use with the requested mode; later requests
     * get the same session (its mode is fixed until the connection is cleaned up).
     */
    Session session(int mode) throws JMSException {
        synchronized (sessionLock) {
            if (session == null) {
                session = physical.createSession(mode);
                sessionMode = mode;
            }
            return session;
        }
    }

    /** Closes the physical session a handle used (if it is still this connection's session). */
    void closeSession(Session used) throws JMSException {
        synchronized (sessionLock) {
            if (session != used) {
                return;
            }
            session = null;
            sessionMode = -1;
        }
        used.close();
    }

    /** The mode the session was created with, or -1. */
    int sessionMode() {
        synchronized (sessionLock) {
            return sessionMode;
        }
    }

    void handleClosed(ConnectionHandle handle) {
        if (!handles.remove(handle)) {
            return;
        }
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    /** Reports a failure that makes this connection unusable: the pool discards it. */
    void connectionFailed(Exception failure) {
        broken = true;
        LOG.log(Level.WARNING, RaMessages.CONNECTION_ERROR, failure.toString());
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, failure);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionErrorOccurred(event);
        }
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof ConnectionHandle handle)) {
            throw new jakarta.resource.spi.IllegalStateException("Not a Postbox connection handle: " + connection);
        }
        handle.reassociate(this);
        handles.add(handle);
    }

    void dissociate(ConnectionHandle handle) {
        handles.remove(handle);
    }

    /** Returns the connection to a clean state for its next user: the session is closed (rolling back). */
    @Override
    public void cleanup() throws ResourceException {
        for (ConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        synchronized (sessionLock) {
            session = null;
            sessionMode = -1;
        }
        try {
            physical.closeSessions();
            physical.stop();
        } catch (JMSException e) {
            broken = true;
            throw new ResourceException("PBX-2032 Cleaning up a pooled Postbox connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() throws ResourceException {
        destroyed = true;
        handles.clear();
        try {
            physical.close();
        } catch (JMSException e) {
            throw new ResourceException("PBX-2033 Closing a pooled Postbox connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Postbox connections do not offer an XAResource: they take part in"
                + " transactions through the JDBC resource of the message store");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Postbox connections do not offer a connector local transaction: they"
                + " take part in transactions through the JDBC resource of the message store");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new PostboxManagedConnectionMetaData(requestInfo.user());
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
