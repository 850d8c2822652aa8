package dev.postbox.jms.engine;

import dev.postbox.jms.store.MissingDestinationException;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Runs store operations for the engine: refuses them once the broker is closed and translates failures. */
final class StoreGuard {

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile java.util.function.Consumer<EngineException.StoreUnavailable> onUnavailable = e -> { };
    private volatile java.util.function.LongConsumer onMissingDestination = id -> { };

    /** Tells someone (the node's liveness) about every store outage an operation runs into. */
    void onUnavailable(java.util.function.Consumer<EngineException.StoreUnavailable> listener) {
        this.onUnavailable = listener;
    }

    /** Tells someone (the destination cache) about a destination an operation found deleted. */
    void onMissingDestination(java.util.function.LongConsumer listener) {
        this.onMissingDestination = listener;
    }

    /** Marks the broker closed; true the first time. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Runs the work, translating store failures into engine exceptions. */
    <T> T call(Supplier<T> work) {
        if (closed.get()) {
            throw new EngineException.IllegalState("The Postbox broker is closed");
        }
        try {
            return work.get();
        } catch (StoreUnavailableException e) {
            EngineException.StoreUnavailable failure = new EngineException.StoreUnavailable(
                    "Message store unavailable: " + e.getMessage(), e);
            onUnavailable.accept(failure);
            throw failure;
        } catch (MissingDestinationException e) {
            onMissingDestination.accept(e.destinationId());
            throw new EngineException.InvalidDestination(e.getMessage());
        } catch (StoreException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** Runs work without a result. */
    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
