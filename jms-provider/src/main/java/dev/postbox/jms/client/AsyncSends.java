package dev.postbox.jms.client;

import dev.postbox.jms.engine.TaskScheduler;

/**
 * The asynchronous sends of one session: each send and its CompletionListener callback run in send order,
 * one at a time, on a thread other than the sender's.
 */
final class AsyncSends {

    private final SerialExecutor executor;
    private volatile Thread callbackThread;

    AsyncSends(TaskScheduler scheduler) {
        this.executor = new SerialExecutor(scheduler);
    }

    /** Queues a send and its callback. */
    void execute(Runnable sendAndCallback) {
        executor.execute(() -> {
            callbackThread = Thread.currentThread();
            try {
                sendAndCallback.run();
            } finally {
                callbackThread = null;
            }
        });
    }

    /** Waits until every queued send has completed and its callback returned. */
    void awaitCompletion() {
        executor.awaitIdle();
    }

    /** True on the thread running a send's callback. */
    boolean isCallbackThread() {
        return callbackThread == Thread.currentThread();
    }

    /** Accepts no more sends. */
    void close() {
        executor.close();
    }
}
