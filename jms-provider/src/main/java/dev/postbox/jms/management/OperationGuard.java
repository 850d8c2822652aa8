package dev.postbox.jms.management;

import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.store.StoreConflictException;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreUnavailableException;
import java.util.function.Supplier;

/** Runs a management operation and turns store and engine failures into {@link ManagementException}s. */
final class OperationGuard {

    private OperationGuard() {
    }

    static <T> T call(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (ManagementException e) {
            throw e;
        } catch (StoreUnavailableException | EngineException.StoreUnavailable e) {
            throw new ManagementException.Unavailable(operation + " failed: the message store cannot be reached ("
                    + e.getMessage() + ")", e);
        } catch (StoreConflictException e) {
            throw new ManagementException.Conflict(operation + " failed: it was changed concurrently ("
                    + e.getMessage() + ")");
        } catch (StoreException | EngineException e) {
            throw new ManagementException(operation + " failed: " + e.getMessage(), e);
        }
    }

    static void run(String operation, Runnable work) {
        call(operation, () -> {
            work.run();
            return null;
        });
    }
}
