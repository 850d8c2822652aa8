package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.exception.JmsExceptions;
import dev.postbox.jms.message.PostboxMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands the messages claimed for one session's consumers to the application: as the return value of
 * {@code receive}, or to message listeners one at a time on the session's serial delivery executor.
 * Turns each delivery into a read-only JMS message and applies the session's acknowledgement policy.
 */
final class SessionDelivery {

    private static final System.Logger LOG = System.getLogger(SessionDelivery.class.getName());

    private final PostboxSession session;
    private final Broker broker;
    private final AcknowledgementPolicy acknowledgement;
    private final boolean clientAcknowledge;
    private final SerialExecutor executor;
    private final ListenerDispatcher dispatcher;
    private final ReentrantLock listenerLock = new ReentrantLock(); // held while a listener is being called
    private volatile Thread listenerThread;

    SessionDelivery(PostboxSession session, AcknowledgementPolicy acknowledgement, boolean clientAcknowledge) {
        this.session = session;
        this.broker = session.broker();
        this.acknowledgement = acknowledgement;
        this.clientAcknowledge = clientAcknowledge;
        this.executor = new SerialExecutor(broker.scheduler());
        this.dispatcher = new ListenerDispatcher(session, this, executor);
    }

    /** Requests a listener delivery pass (coalesced). */
    void schedule() {
        dispatcher.schedule();
    }

    /** Turns a claimed delivery into the message {@code receive} returns, acknowledging per the mode. */
    Message deliverSync(PostboxMessageConsumer consumer, Delivery delivery) throws JMSException {
        PostboxMessage message;
        try {
            message = toMessage(consumer, delivery);
        } catch (JMSException | RuntimeException e) {
            JMSException failure = JmsExceptions.create(e);
            giveBack(() -> broker.redeliver(List.of(delivery), "undeliverable: " + Failures.describe(e)), failure);
            throw failure;
        }
        try {
            dev.postbox.jms.engine.ExternalTransaction global = session.connection().currentTransaction();
            if (global != null) {
                broker.acknowledgeInTransaction(global, List.of(delivery), () -> GLOBAL_ROLLBACK);
            } else {
                acknowledgement.received(delivery);
            }
        } catch (EngineException e) {
            JMSException failure = e.toJMSException();
            giveBack(() -> broker.releaseUndelivered(List.of(delivery)), failure);
            throw failure;
        }
        return message;
    }

    /** The reason recorded on a message whose receiving global transaction rolled back. */
    static final String GLOBAL_ROLLBACK = "the global transaction that received it rolled back";

    /** Gives a delivery back after a failure; receive reports only JMSExceptions, so a second failure is attached. */
    private static void giveBack(Runnable release, JMSException failure) {
        try {
            release.run();
        } catch (EngineException e) {
            // The store failed again: the claim stays with this node and returns to its queue when the node
            // restarts or is declared dead.
            failure.addSuppressed(e);
        }
    }

    /** Calls the consumer's listener with a claimed delivery, or gives it back when delivery stopped meanwhile. */
    void deliverToListener(PostboxMessageConsumer consumer, Delivery delivery) {
        listenerLock.lock();
        try {
            MessageListener listener = consumer.listener();
            if (listener == null || !session.deliveryAllowed() || consumer.isClosed()) {
                broker.releaseUndelivered(List.of(delivery));
                return;
            }
            PostboxMessage message;
            try {
                message = toMessage(consumer, delivery);
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.ERROR, "PBX-1053 Message {0} cannot be decoded; redelivering: {1}",
                        delivery.message().content().messageId(), e.toString());
                broker.redeliver(List.of(delivery), "undeliverable: " + Failures.describe(e));
                return;
            }
            invokeListener(consumer, listener, delivery, message);
        } finally {
            listenerLock.unlock();
        }
    }

    private void invokeListener(PostboxMessageConsumer consumer, MessageListener listener, Delivery delivery,
            PostboxMessage message) {
        acknowledgement.beforeListener(delivery);
        Throwable failure = null;
        listenerThread = Thread.currentThread();
        try {
            listener.onMessage(message);
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.log(Level.WARNING, "PBX-1054 Message listener threw {0} for message {1}; redelivery follows the"
                    + " acknowledgement mode", e, message.getJMSMessageID());
        } finally {
            listenerThread = null;
        }
        if (failure != null && acknowledgement.redeliversAtOnceOnListenerFailure()) {
            try {
                consumer.releasePrefetched(); // the failed message must come before them again
            } catch (EngineException e) {
                session.connection().reportAsyncFailure(e);
            }
        }
        try {
            acknowledgement.afterListener(delivery, failure);
        } catch (JMSException | EngineException e) {
            session.connection().reportAsyncFailure(e);
        }
    }

    private PostboxMessage toMessage(PostboxMessageConsumer consumer, Delivery delivery) throws JMSException {
        PostboxMessage message = MessageMapping.toMessage(delivery, consumer.destination(),
                session.connection().deserializationPolicy());
        message.setAcknowledger(clientAcknowledge ? this::acknowledgeFromMessage : this::checkAcknowledgeAllowed);
        return message;
    }

    /** {@code Message.acknowledge()} in CLIENT_ACKNOWLEDGE: everything the session consumed. */
    void acknowledgeFromMessage() throws JMSException {
        checkAcknowledgeAllowed();
        try {
            acknowledgement.acknowledge();
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    /** {@code Message.acknowledge()} is ignored in the other modes, but not on a closed session. */
    private void checkAcknowledgeAllowed() throws JMSException {
        if (session.isClosed()) {
            throw new IllegalStateException("Cannot acknowledge: the session that received the message is closed");
        }
    }

    /** True on the thread currently running one of this session's message listeners. */
    boolean isListenerThread() {
        return listenerThread == Thread.currentThread();
    }

    /** Waits until a running listener has returned (unless called from that listener). */
    void awaitListener() {
        if (isListenerThread()) {
            return;
        }
        listenerLock.lock();
        listenerLock.unlock();
    }

    /** Accepts no more delivery passes and waits for a running listener. */
    void close() {
        executor.close();
        awaitListener();
    }
}
