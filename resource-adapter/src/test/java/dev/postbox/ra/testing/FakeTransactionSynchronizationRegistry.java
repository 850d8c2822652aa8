package dev.postbox.ra.testing;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JTA transaction manager reduced to what a resource adapter sees: one fake transaction per thread, begun
 * and completed by the test (or by {@link RecordingEndpoint}, as an EJB container does around a
 * container-managed {@code onMessage}). Completion runs the interposed synchronizations and commits or
 * rolls back the enlisted {@link Resource}s (the connection of {@link FakeTransactionalDataSource}).
 */
public final class FakeTransactionSynchronizationRegistry implements TransactionSynchronizationRegistry {

    /** Something that commits or rolls back with the transaction (a one-phase resource). */
    public interface Resource {
        /** Makes the work durable; throwing turns the completion into a rollback. */
        void commit() throws Exception;

        /** Discards the work. */
        void rollback();
    }

    private final ThreadLocal<FakeTransaction> current = new ThreadLocal<>();
    private final AtomicInteger committed = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final AtomicInteger begun = new AtomicInteger();

    // ----- driving transactions -----

    /** Begins a transaction on the calling thread. */
    public FakeTransaction begin() {
        if (current.get() != null) {
            throw new IllegalStateException("a fake transaction is already active on " + Thread.currentThread());
        }
        FakeTransaction tx = new FakeTransaction(begun.incrementAndGet());
        current.set(tx);
        return tx;
    }

    /**
     * Completes the thread's transaction: commits it, or rolls it back when it is marked rollback-only or a
     * synchronization or resource fails.
     *
     * @return true when it committed
     */
    public boolean commit() {
        FakeTransaction tx = requireCurrent();
        for (Synchronization sync : List.copyOf(tx.synchronizations)) {
            try {
                sync.beforeCompletion();
            } catch (RuntimeException e) {
                tx.status = Status.STATUS_MARKED_ROLLBACK;
            }
        }
        if (tx.status == Status.STATUS_MARKED_ROLLBACK) {
            return complete(tx, false);
        }
        tx.status = Status.STATUS_COMMITTING;
        for (Resource resource : tx.resources) {
            try {
                resource.commit();
            } catch (Exception e) {
                return complete(tx, false);
            }
        }
        return complete(tx, true);
    }

    /** Rolls the thread's transaction back. */
    public void rollback() {
        complete(requireCurrent(), false);
    }

    private boolean complete(FakeTransaction tx, boolean commit) {
        if (!commit) {
            tx.status = Status.STATUS_ROLLING_BACK;
            for (Resource resource : tx.resources) {
                resource.rollback();
            }
        }
        tx.status = commit ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
        (commit ? committed : rolledBack).incrementAndGet();
        try {
            for (Synchronization sync : List.copyOf(tx.synchronizations)) {
                sync.afterCompletion(tx.status);
            }
        } finally {
            current.remove();
        }
        return commit;
    }

    /** Detaches the thread's transaction (what a thread switch does); returns it, or null. */
    public FakeTransaction suspend() {
        FakeTransaction tx = current.get();
        current.remove();
        return tx;
    }

    /** Attaches a transaction detached by {@link #suspend()} (null: nothing). */
    public void resume(FakeTransaction tx) {
        if (tx != null) {
            current.set(tx);
        }
    }

    /** The thread's transaction, or null. */
    public FakeTransaction current() {
        return current.get();
    }

    /** Transactions committed so far. */
    public int committedCount() {
        return committed.get();
    }

    /** Transactions rolled back so far. */
    public int rolledBackCount() {
        return rolledBack.get();
    }

    /** Transactions begun so far. */
    public int begunCount() {
        return begun.get();
    }

    private FakeTransaction requireCurrent() {
        FakeTransaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("no fake transaction on " + Thread.currentThread());
        }
        return tx;
    }

    // ----- TransactionSynchronizationRegistry -----

    @Override
    public Object getTransactionKey() {
        return current.get();
    }

    @Override
    public void putResource(Object key, Object value) {
        requireCurrent().keyed.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return requireCurrent().keyed.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        FakeTransaction tx = requireCurrent();
        if (tx.status != Status.STATUS_ACTIVE && tx.status != Status.STATUS_MARKED_ROLLBACK) {
            throw new IllegalStateException("the transaction is completing");
        }
        tx.synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        FakeTransaction tx = current.get();
        return tx == null ? Status.STATUS_NO_TRANSACTION : tx.status;
    }

    @Override
    public void setRollbackOnly() {
        requireCurrent().status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
        return requireCurrent().status == Status.STATUS_MARKED_ROLLBACK;
    }

    /** One fake transaction; used by one thread at a time. */
    public static final class FakeTransaction {
        private final int number;
        private final List<Synchronization> synchronizations = new ArrayList<>();
        private final List<Resource> resources = new ArrayList<>();
        private final Map<Object, Object> keyed = new HashMap<>();
        private volatile int status = Status.STATUS_ACTIVE;

        FakeTransaction(int number) {
            this.number = number;
        }

        /** Enlists a one-phase resource. */
        public void enlist(Resource resource) {
            resources.add(resource);
        }

        /** A resource stored with {@link #putLocal}, or null. */
        public Object local(Object key) {
            return keyed.get(key);
        }

        /** Stores a value for the transaction's lifetime (like {@code putResource}). */
        public void putLocal(Object key, Object value) {
            keyed.put(key, value);
        }

        /** The JTA status. */
        public int status() {
            return status;
        }

        @Override
        public String toString() {
            return "FakeTransaction#" + number;
        }
    }
}
