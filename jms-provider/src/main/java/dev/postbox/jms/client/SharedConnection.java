package dev.postbox.jms.client;

import jakarta.jms.JMSException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection behind a {@code JMSContext} and the contexts created from it with
 * {@code createContext(int)}: it closes when the last of them closes (JMSContext.close Javadoc).
 */
public final class SharedConnection {

    private static final System.Logger LOG = System.getLogger(SharedConnection.class.getName());

    /** What happens when the last context lets the connection go. */
    @FunctionalInterface
    public interface Closer {
        /** Closes (or gives back) the connection. */
        void close() throws JMSException;
    }

    private final PostboxConnection connection;
    private final Closer closer;
    private final boolean containerManaged;
    private final ReentrantLock lock = new ReentrantLock();
    private int contexts = 1; // guarded by lock; the context that opened the connection

    SharedConnection(PostboxConnection connection) {
        this(connection, connection::close, false);
    }

    /**
     * A connection whose last context runs the closer instead of closing it (a pooled connection of the
     * resource adapter is given back to the pool).
     */
    SharedConnection(PostboxConnection connection, Closer closer, boolean containerManaged) {
        this.connection = connection;
        this.closer = closer;
        this.containerManaged = containerManaged;
    }

    /** True inside an application server: the Jakarta EE restrictions on JMS apply. */
    boolean containerManaged() {
        return containerManaged;
    }

    PostboxConnection connection() {
        return connection;
    }

    /** Counts one more context on the connection; false when the last one has already let it go. */
    boolean acquire() {
        lock.lock();
        try {
            if (contexts == 0) {
                return false;
            }
            contexts++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A context closed: closes the connection when it was the last one. */
    void release() throws JMSException {
        boolean last;
        lock.lock();
        try {
            if (contexts == 0) {
                return;
            }
            contexts--;
            last = contexts == 0;
        } finally {
            lock.unlock();
        }
        if (last) {
            LOG.log(System.Logger.Level.DEBUG, "Last JMSContext closed: closing connection {0}", connection.id());
            closer.close();
        }
    }
}
