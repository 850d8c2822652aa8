package dev.postbox.benchmarks.rawpg;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-JVM wake-up of raw-pg: a sender raises it after each commit, an idle receiver waits on it instead
 * of polling. A generation counter makes the wait free of lost wake-ups: a receiver reads the generation
 * before its (empty) claim and waits only while it is unchanged.
 */
final class CommitSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation; // guarded by lock

    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Announces {@code messages} newly committed messages: wakes at most that many waiting receivers. */
    void raise(int messages) {
        lock.lock();
        try {
            generation++;
            for (int i = 0; i < messages; i++) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the generation differs from {@code seen}, or the time is up. */
    void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
