package dev.postbox.jms.engine;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells waiting consumers of one destination that messages may have arrived: raised after a local send
 * commits, a release, a remote notification or the fallback poll. Waiters compare generations so that a
 * wake between "found nothing" and "wait" is never missed.
 */
public final class WakeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long generation; // guarded by lock

    /** The current generation; read it before looking for messages. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter and listener. */
    public void wake() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /**
     * Waits until the generation differs from {@code seen} or the time is up.
     *
     * @return true when woken, false on timeout
     */
    public boolean await(long seen, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (generation == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Adds a callback run (on the waking thread) at every wake; it must return quickly. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Removes a callback added by {@link #addListener}. */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
