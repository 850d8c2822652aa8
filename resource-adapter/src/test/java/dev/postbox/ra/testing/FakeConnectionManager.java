package dev.postbox.ra.testing;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's connection pool, reduced to the JCA contract: {@code allocateConnection} matches an idle
 * managed connection ({@code matchManagedConnections}) or creates one, and hands out a handle; on
 * {@code CONNECTION_CLOSED} the connection is {@code cleanup()}ed and returned to the idle set, on
 * {@code CONNECTION_ERROR_OCCURRED} it is destroyed. Every event is recorded.
 */
public final class FakeConnectionManager implements ConnectionManager, ConnectionEventListener {

    private final Set<ManagedConnection> idle = new HashSet<>(); // guarded by this
    private final List<ManagedConnection> created = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<ConnectionEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection connection = factory.matchManagedConnections(new HashSet<>(idle), null, info);
        if (connection == null) {
            connection = factory.createManagedConnection(null, info);
            connection.addConnectionEventListener(this);
            created.add(connection);
        } else {
            idle.remove(connection);
        }
        return connection.getConnection(null, info);
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        events.add(event);
        ManagedConnection connection = (ManagedConnection) event.getSource();
        try {
            connection.cleanup();
            synchronized (this) {
                idle.add(connection);
            }
        } catch (ResourceException e) {
            destroyQuietly(connection);
        }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        events.add(event);
        ManagedConnection connection = (ManagedConnection) event.getSource();
        synchronized (this) {
            idle.remove(connection);
        }
        destroyQuietly(connection);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
        events.add(event);
    }

    private static void destroyQuietly(ManagedConnection connection) {
        try {
            connection.destroy();
        } catch (ResourceException e) {
            // The pool forgets it either way; a failing destroy has nothing left to release.
        }
    }

    /** Managed connections created so far. */
    public List<ManagedConnection> created() {
        return List.copyOf(created);
    }

    /** Connection events received so far, in order. */
    public List<ConnectionEvent> events() {
        return List.copyOf(events);
    }

    /** Destroys every managed connection (server shutdown). */
    public void destroyAll() {
        created.forEach(FakeConnectionManager::destroyQuietly);
        synchronized (this) {
            idle.clear();
        }
    }
}
