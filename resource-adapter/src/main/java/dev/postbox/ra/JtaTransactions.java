package dev.postbox.ra;

import dev.postbox.jms.engine.ExternalTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;

/** The server's JTA transactions as the engine sees them, through the TransactionSynchronizationRegistry. */
public final class JtaTransactions {

    private final TransactionSynchronizationRegistry registry;

    /** Uses the server's registry (from the bootstrap context). */
    public JtaTransactions(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** The transaction active on the calling thread, or null when there is none. */
    public ExternalTransaction current() {
        if (registry == null || registry.getTransactionKey() == null) {
            return null;
        }
        int status = registry.getTransactionStatus();
        if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
            return null;
        }
        return new Current(registry);
    }

    /** The thread's transaction. */
    private record Current(TransactionSynchronizationRegistry registry) implements ExternalTransaction {

        @Override
        public void afterCompletion(Consumer<Boolean> completion) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Nothing to flush: store work is flushed when it is done.
                }

                @Override
                public void afterCompletion(int status) {
                    completion.accept(status == Status.STATUS_COMMITTED);
                }
            });
        }

        @Override
        public void setRollbackOnly() {
            registry.setRollbackOnly();
        }
    }
}
