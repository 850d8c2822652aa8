package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.store.NewMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * SESSION_TRANSACTED: sends are held and received messages stay in flight until {@code commit()}, which
 * stores the sends and acknowledges the receives in one database transaction; {@code rollback()} drops
 * the sends and redelivers the receives. A listener's message joins the transaction when {@code onMessage}
 * is called, so that a {@code commit()} or {@code rollback()} inside the listener covers it.
 */
final class TransactedAcknowledgement implements AcknowledgementPolicy {

    private final Broker broker;
    private final Object lock = new Object();
    private List<NewMessage> sends = new ArrayList<>(); // guarded by lock
    private List<Delivery> receives = new ArrayList<>(); // guarded by lock
    private boolean allNonPersistent = true; // guarded by lock

    TransactedAcknowledgement(Broker broker) {
        this.broker = broker;
    }

    void send(NewMessage message) {
        synchronized (lock) {
            sends.add(message);
            allNonPersistent &= message.deliveryMode() == jakarta.jms.DeliveryMode.NON_PERSISTENT;
        }
    }

    @Override
    public void received(Delivery delivery) {
        synchronized (lock) {
            receives.add(delivery);
        }
    }

    @Override
    public void beforeListener(Delivery delivery) {
        received(delivery);
    }

    @Override
    public void afterListener(Delivery delivery, Throwable failure) {
        // Nothing: the message is part of the transaction; a listener that threw does not roll it back.
    }

    @Override
    public List<Delivery> pendingAcknowledgements() {
        synchronized (lock) {
            return List.copyOf(receives);
        }
    }

    @Override
    public void recover() {
        throw new EngineException.IllegalState("recover() is not allowed on a transacted session; use rollback()");
    }

    void commit() {
        List<NewMessage> committedSends;
        List<Delivery> committedReceives;
        boolean relaxed;
        synchronized (lock) {
            committedSends = sends;
            committedReceives = receives;
            relaxed = allNonPersistent && !sends.isEmpty();
            reset();
        }
        try {
            broker.commit(committedSends, committedReceives, relaxed);
        } catch (EngineException.RolledBack e) {
            broker.redeliver(committedReceives, null);
            throw e;
        } catch (RuntimeException e) {
            redeliverQuietly(committedReceives);
            throw new EngineException.RolledBack("Transaction rolled back: the commit failed: " + e.getMessage(), e);
        }
    }

    void rollback() {
        List<Delivery> rolledBack;
        synchronized (lock) {
            rolledBack = receives;
            reset();
        }
        broker.redeliver(rolledBack, null);
    }

    @Override
    public void close() {
        rollback();
    }

    private void reset() {
        sends = new ArrayList<>();
        receives = new ArrayList<>();
        allNonPersistent = true;
    }

    private void redeliverQuietly(List<Delivery> deliveries) {
        try {
            broker.redeliver(deliveries, null);
        } catch (RuntimeException e) {
            // The store is failing: the claims stay with this node and return when it is declared dead
            // or restarts; the rollback itself already happened in the database.
            System.getLogger(TransactedAcknowledgement.class.getName()).log(System.Logger.Level.WARNING,
                    "PBX-1052 Could not give back {0} messages after a failed commit: {1}", deliveries.size(),
                    e.getMessage());
        }
    }
}
