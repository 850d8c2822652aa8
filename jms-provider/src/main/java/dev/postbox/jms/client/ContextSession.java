package dev.postbox.jms.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The session of one {@code JMSContext}, created on first use so that {@code setClientID} still works right
 * after the context was created, with the anonymous producer every {@code JMSProducer} of the context sends
 * through and the bookkeeping of asynchronous sends.
 */
final class ContextSession {

    private final SharedConnection shared;
    private final int mode;
    private final ContextAsyncSends asyncSends = new ContextAsyncSends();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile PostboxSession session; // written under lock
    private PostboxMessageProducer producer; // guarded by lock
    private boolean closed; // guarded by lock

    ContextSession(SharedConnection shared, int mode) {
        this.shared = shared;
        this.mode = mode;
    }

    /** The session, created now if this is its first use. */
    PostboxSession get() throws JMSException {
        PostboxSession current = session;
        if (current != null) {
            return current;
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The JMSContext is closed");
            }
            if (session == null) {
                session = (PostboxSession) shared.connection().createSession(mode);
            }
            return session;
        } finally {
            lock.unlock();
        }
    }

    /** The session if it was created, else null. */
    PostboxSession ifCreated() {
        return session;
    }

    /**
     * Sends through the context's anonymous producer with a {@code JMSProducer}'s settings; asynchronously
     * when {@code listener} is not null. A synchronous send first waits for the asynchronous ones.
     */
    void send(Destination destination, Message message, SendSettings settings, CompletionListener listener)
            throws JMSException {
        if (listener == null) {
            awaitAsyncSends();
        }
        PostboxSession current = get();
        lock.lock();
        try {
            PostboxMessageProducer anonymous = anonymousProducer(current);
            anonymous.setDeliveryDelay(settings.deliveryDelay());
            anonymous.setDisableMessageID(settings.disableMessageId());
            anonymous.setDisableMessageTimestamp(settings.disableMessageTimestamp());
            if (listener == null) {
                anonymous.send(destination, message, settings.deliveryMode(), settings.priority(),
                        settings.timeToLive());
            } else {
                sendAsync(anonymous, destination, message, settings, listener);
            }
        } finally {
            lock.unlock();
        }
    }

    private void sendAsync(PostboxMessageProducer anonymous, Destination destination, Message message,
            SendSettings settings, CompletionListener listener) throws JMSException {
        CompletionListener tracked = asyncSends.track(listener);
        try {
            anonymous.send(destination, message, settings.deliveryMode(), settings.priority(),
                    settings.timeToLive(), tracked);
        } catch (JMSException | RuntimeException e) {
            asyncSends.untrack();
            throw e;
        }
    }

    private PostboxMessageProducer anonymousProducer(PostboxSession current) throws JMSException {
        if (producer == null) {
            producer = (PostboxMessageProducer) current.createProducer(null);
        }
        return producer;
    }

    /** Waits until the asynchronous sends completed and their callbacks returned. */
    void awaitAsyncSends() {
        asyncSends.awaitSettled(() -> {
            PostboxSession current = session;
            return current != null && current.isClosed();
        });
    }

    /** True on the thread running one of this context's CompletionListeners. */
    boolean isCompletionThread() {
        return asyncSends.isCallbackThread();
    }

    /** True on the thread running one of this context's MessageListeners. */
    boolean isDeliveryThread() {
        PostboxSession current = session;
        return current != null && current.isDeliveryThread();
    }

    /**
     * Closes the session (if it was ever created; none is created afterwards), then lets go of the shared
     * connection, which closes with its last context. Throws the first failure, later ones suppressed.
     */
    void close() throws JMSException {
        PostboxSession current;
        lock.lock();
        try {
            closed = true;
            current = session;
        } finally {
            lock.unlock();
        }
        JMSException failure = null;
        if (current != null) {
            failure = attempt(current::close, null);
        }
        failure = attempt(shared::release, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static JMSException attempt(RuntimeTranslation.JmsAction step, JMSException first) {
        try {
            step.run();
            return first;
        } catch (JMSException e) {
            if (first == null) {
                return e;
            }
            first.addSuppressed(e);
            return first;
        }
    }
}
