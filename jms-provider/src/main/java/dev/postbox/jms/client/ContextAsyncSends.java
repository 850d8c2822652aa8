package dev.postbox.jms.client;

import dev.postbox.jms.exception.JmsExceptions;
import jakarta.jms.CompletionListener;
import jakarta.jms.Message;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The asynchronous sends of one {@code JMSContext} still in flight. {@code commit}, {@code rollback} and
 * {@code close} must not return before they completed and their {@code CompletionListener} returned
 * (JMSContext Javadoc), and a synchronous send must not overtake them (Jakarta Messaging 3.1, section
 * 7.3.3, message order with mixed synchronous and asynchronous sends). Callbacks run one at a time on the
 * session's completion thread.
 */
final class ContextAsyncSends {

    private static final long RECHECK_MILLIS = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private int pending; // guarded by lock
    private volatile Thread callbackThread;

    /** Counts a send about to be handed over; the returned listener uncounts it after the callback. */
    CompletionListener track(CompletionListener listener) {
        lock.lock();
        try {
            pending++;
        } finally {
            lock.unlock();
        }
        return new Tracked(listener);
    }

    /** Uncounts a tracked send that failed before it was handed over (no callback will come). */
    void untrack() {
        lock.lock();
        try {
            pending--;
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True on the thread running a CompletionListener of this context. */
    boolean isCallbackThread() {
        return callbackThread == Thread.currentThread();
    }

    /**
     * Waits until every tracked send has completed and its callback returned. Returns at once when called
     * from a callback (it would wait for itself), and stops waiting when {@code abandoned} says the
     * session closed under the sends (their callbacks will never come).
     */
    void awaitSettled(BooleanSupplier abandoned) {
        if (isCallbackThread()) {
            return;
        }
        lock.lock();
        try {
            while (pending > 0 && !abandoned.getAsBoolean()) {
                settled.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the application's callback with the thread marked, then uncounts the send. */
    private final class Tracked implements CompletionListener {

        private final CompletionListener listener;

        Tracked(CompletionListener listener) {
            this.listener = listener;
        }

        @Override
        public void onCompletion(Message message) {
            run(() -> listener.onCompletion(message));
        }

        /** The simplified API reports the runtime twin of the failure, as it throws for synchronous sends. */
        @Override
        public void onException(Message message, Exception exception) {
            run(() -> listener.onException(message, JmsExceptions.runtime(exception)));
        }

        private void run(Runnable callback) {
            callbackThread = Thread.currentThread();
            try {
                callback.run();
            } finally {
                callbackThread = null;
                untrack();
            }
        }
    }
}
