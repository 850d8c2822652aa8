package dev.postbox.ra;

import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreTransaction;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.function.Function;

/**
 * Runs the store's own transactions on WorkManager threads, never on an application thread. An
 * application thread may be inside a component invocation and a JTA transaction, and a connection taken
 * there would be tracked, enlisted or shared by the server: the store's short transactions must commit on
 * their own, so they run where no transaction or invocation exists. Work already running on a
 * WorkManager thread of the adapter (deliveries, heartbeats) runs in place, except inside the
 * {@link ApplicationCode} spans where such a thread calls an endpoint.
 */
final class ServerThreadStore implements MessageStore {

    private static final ThreadLocal<Boolean> ADAPTER_THREAD = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final MessageStore store;
    private final WorkManager workManager;

    ServerThreadStore(MessageStore store, WorkManager workManager) {
        this.store = store;
        this.workManager = workManager;
    }

    /** Marks the current thread as an adapter work thread for the duration of the task. */
    static void runAsAdapterThread(Runnable task) {
        boolean previous = ADAPTER_THREAD.get();
        ADAPTER_THREAD.set(Boolean.TRUE);
        try {
            task.run();
        } finally {
            ADAPTER_THREAD.set(previous);
        }
    }

    /** Marks the current thread as running application code; returns whether it was an adapter thread. */
    static boolean markApplicationThread() {
        boolean previous = ADAPTER_THREAD.get();
        ADAPTER_THREAD.set(Boolean.FALSE);
        return previous;
    }

    /** Undoes {@link #markApplicationThread()}. */
    static void restoreThreadRole(boolean adapterThread) {
        ADAPTER_THREAD.set(adapterThread);
    }

    @Override
    public StoreTransaction begin() {
        if (!ADAPTER_THREAD.get()) {
            throw new StoreException("PBX-2060 A store transaction was begun on an application thread;"
                    + " use inTransaction");
        }
        return store.begin();
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        if (ADAPTER_THREAD.get()) {
            return store.inTransaction(work);
        }
        StoreWork<T> storeWork = new StoreWork<>(store, work);
        try {
            workManager.doWork(storeWork);
        } catch (WorkException e) {
            throw new StoreException("PBX-2061 The server did not run the store work: " + e.getMessage(), e);
        }
        return storeWork.result();
    }

    @Override
    public StoreTransaction joinExternal() {
        return store.joinExternal();
    }

    @Override
    public boolean supportsExternalTransactions() {
        return store.supportsExternalTransactions();
    }

    @Override
    public boolean needsVacuum() {
        return store.needsVacuum();
    }

    @Override
    public void vacuum() {
        store.vacuum();
    }

    @Override
    public dev.postbox.jms.store.UserStore users() {
        return dev.postbox.jms.store.jpa.JpaMessageStore.usersRunningIn(this);
    }

    @Override
    public java.util.Optional<dev.postbox.jms.store.StoreNotifications> notifications() {
        return store.notifications();
    }

    @Override
    public String databaseDescription() {
        return store.databaseDescription();
    }

    @Override
    public boolean supportsMultipleNodes() {
        return store.supportsMultipleNodes();
    }

    @Override
    public void close() {
        store.close();
    }

    /** One store transaction as a synchronous Work item. */
    private static final class StoreWork<T> implements Work {
        private final MessageStore store;
        private final Function<StoreTransaction, T> work;
        private T result;
        private RuntimeException failure;
        private Error error;

        StoreWork(MessageStore store, Function<StoreTransaction, T> work) {
            this.store = store;
            this.work = work;
        }

        @Override
        public void run() {
            runAsAdapterThread(() -> {
                try {
                    result = store.inTransaction(work);
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    error = e;
                }
            });
        }

        T result() {
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        @Override
        public void release() {
            // Store work is short and finishes by itself.
        }
    }
}
