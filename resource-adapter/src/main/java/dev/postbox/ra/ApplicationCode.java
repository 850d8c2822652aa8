package dev.postbox.ra;

/**
 * A span in which an adapter thread runs application code (an endpoint's {@code beforeDelivery},
 * {@code onMessage}, {@code afterDelivery}): the container may have begun a transaction on the thread, so
 * store work started there is handed to another WorkManager thread, as from any application thread
 * (ADR 0002). Use with try-with-resources; spans nest.
 */
public final class ApplicationCode implements AutoCloseable {

    private final boolean wasAdapterThread;

    private ApplicationCode(boolean wasAdapterThread) {
        this.wasAdapterThread = wasAdapterThread;
    }

    /** Starts a span on the calling thread. */
    public static ApplicationCode enter() {
        return new ApplicationCode(ServerThreadStore.markApplicationThread());
    }

    /** Ends the span: the thread is what it was before. */
    @Override
    public void close() {
        ServerThreadStore.restoreThreadRole(wasAdapterThread);
    }
}
