package dev.postbox.jms.engine;

import java.time.Duration;

/**
 * Where the engine runs its background work. In Java SE a thread pool; in an application server the
 * resource adapter supplies one backed by the server's WorkManager, so the engine never creates threads.
 *
 * <p>Implementations are thread-safe. Tasks must not block for long on a scheduled (timer) thread;
 * {@link #execute} may run long tasks such as listener deliveries.
 */
public interface TaskScheduler {

    /** Runs a task soon on a pooled thread. */
    void execute(Runnable task);

    /** Runs a task once after a delay; the returned handle cancels it. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Runs a task repeatedly with a fixed delay between the end of one run and the next start. */
    Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay);

    /** Stops accepting work and waits briefly for running tasks. */
    void shutdown();

    /** A scheduled task that can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; a running task finishes. */
        void cancel();
    }
}
