package dev.postbox.jms.client;

import jakarta.jms.JMSException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection behind a {@code JMSContext} and the contexts created from it with
 * {@code createContext(int)}: it closes when the last of them closes (JMSContext.close Javadoc).
 */
final class SharedConnection {

    private static final System.Logger LOG = System.getLogger(SharedConnection.class.getName());

    private final PostboxConnection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int contexts = 1; // guarded by lock; the context that opened the connection

    SharedConnection(PostboxConnection connection) {
        this.connection = connection;
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
            connection.close();
        }
    }
}
