package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.SessionConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * SESSION_TRANSACTED: sends are held and received messages stay in flight until {@code commit()}, which
 * stores the sends and acknowledges the receives in one database transaction; {@code rollback()} drops
 * the sends and redelivers the receives. A listener's message joins the transaction when {@code onMessage}
 * is called, so that a {@code commit()} or {@code rollback()} inside the listener covers it.
 *
 * <p>Once the application asked for the session's database connection, the transaction runs on that
 * connection: {@code commit()} stores the sends, acknowledges the receives and commits the application's
 * own SQL in one database commit (exactly-once processing); {@code rollback()} undoes all three.
 */
final class TransactedAcknowledgement implements AcknowledgementPolicy {

    private final Broker broker;
    private final Object lock = new Object();
    private List<NewMessage> sends = new ArrayList<>(); // guarded by lock
    private List<Delivery> receives = new ArrayList<>(); // guarded by lock
    private boolean allNonPersistent = true; // guarded by lock
    private SessionConnection connection; // session thread only; null until the application asks

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

    /** The session's database connection, opened on first use and kept until the session closes. */
    java.sql.Connection jdbcConnection() {
        if (connection == null) {
            connection = broker.openSessionConnection();
        }
        return connection.application();
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
            if (connection != null) {
                broker.commitOn(connection, committedSends, committedReceives);
            } else {
                broker.commit(committedSends, committedReceives, relaxed);
            }
        } catch (EngineException.RolledBack e) {
            broker.redeliver(committedReceives, null);
            throw e;
        } catch (RuntimeException e) {
            rollbackConnectionQuietly();
            redeliverQuietly(committedReceives);
            throw new EngineException.RolledBack("Transaction rolled back: the commit failed: " + e.getMessage(), e);
        }
    }

    private void rollbackConnectionQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (RuntimeException e) {
            // A connection that failed to commit is usually broken: the database rolled back already.
            System.getLogger(TransactedAcknowledgement.class.getName()).log(System.Logger.Level.WARNING,
                    "PBX-1055 Rolling back the session connection after a failed commit failed: {0}",
                    e.getMessage());
        }
    }

    void rollback() {
        List<Delivery> rolledBack;
        synchronized (lock) {
            rolledBack = receives;
            reset();
        }
        try {
            if (connection != null) {
                connection.rollback();
            }
        } finally {
            broker.redeliver(rolledBack, null);
        }
    }

    @Override
    public void close() {
        try {
            rollback();
        } finally {
            if (connection != null) {
                SessionConnection closing = connection;
                connection = null;
                closing.close();
            }
        }
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
