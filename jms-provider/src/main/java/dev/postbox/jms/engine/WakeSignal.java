package dev.postbox.jms.engine;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells waiting consumers of one destination that messages may have arrived: raised after a local send
 * commits, a release, a remote notification or the fallback poll. Waiters compare generations so that a
 * wake between "found nothing" and "wait" is never missed.
 * <p>
 * Waiters that take any message (no selector) are interchangeable: a send of {@code n} messages wakes at most
 * {@code n} of them ({@link #wakeFor}), instead of all, so that a send does not set every idle consumer of a
 * queue racing for one row. Waiters with a selector, and listeners, are told of every wake.
 */
public final class WakeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition forSelectiveWaiters = lock.newCondition();
    private final Condition forInterchangeableWaiters = lock.newCondition();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long generation; // guarded by lock
    private long fullWakes; // guarded by lock: wakes that may have made a new delayed message known
    private long emptyAt = -1; // guarded by lock: the generation at which an unfiltered claim found nothing
    private volatile NextVisible nextVisible = new NextVisible(-1, Optional.empty());

    /** When the next delayed message becomes visible (empty: none), as looked up after a number of full wakes. */
    private record NextVisible(long fullWakes, Optional<Instant> at) {
    }

    /** The current generation; read it before looking for messages. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that a claim for every message (no selector), begun at generation {@code seen}, found
     * nothing: until the next wake, other consumers of this destination in this JVM need not ask the
     * database again. Every path that makes a message claimable wakes the signal (a commit, a release, a
     * remote notification, a delivery time reached, the fallback poll).
     */
    public void foundEmpty(long seen) {
        lock.lock();
        try {
            if (seen == generation) {
                emptyAt = seen;
            }
        } finally {
            lock.unlock();
        }
    }

    /** True when an unfiltered claim found nothing at generation {@code seen} and nothing woke the signal since. */
    public boolean knownEmpty(long seen) {
        lock.lock();
        try {
            return emptyAt == seen && generation == seen;
        } finally {
            lock.unlock();
        }
    }

    /**
     * When the destination's next delayed message becomes visible, looked up again only after a full wake
     * ({@link #wake()}: the fallback poll, a release, a remote notification, a delivery time reached). A
     * counted wake ({@link #wakeFor}) is a local send of messages visible now; a local send of a delayed
     * message wakes the signal itself when its time comes. So a busy queue does not ask after every send.
     */
    public Optional<Instant> nextVisible(Supplier<Optional<Instant>> lookup) {
        long seen;
        lock.lock();
        try {
            seen = fullWakes;
        } finally {
            lock.unlock();
        }
        NextVisible cached = nextVisible;
        if (cached.fullWakes() == seen) {
            return cached.at();
        }
        Optional<Instant> at = lookup.get();
        nextVisible = new NextVisible(seen, at);
        return at;
    }

    /** Wakes every waiter and listener. */
    public void wake() {
        wakeFor(Integer.MAX_VALUE);
    }

    /**
     * {@code messages} messages became claimable: wakes every selective waiter and listener, and at most that
     * many interchangeable waiters (any one of them takes what another would; one that is woken for nothing
     * only costs a query, one that is not woken finds the messages at its next look).
     */
    public void wakeFor(int messages) {
        lock.lock();
        try {
            generation++;
            forSelectiveWaiters.signalAll();
            if (messages == Integer.MAX_VALUE) {
                fullWakes++;
                forInterchangeableWaiters.signalAll();
            } else {
                for (int i = 0; i < messages; i++) {
                    forInterchangeableWaiters.signal();
                }
            }
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
     * @param interchangeable true for a waiter that takes any message (see {@link #wakeFor})
     * @return true when woken, false on timeout
     */
    public boolean await(long seen, long timeout, TimeUnit unit, boolean interchangeable)
            throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        Condition changed = interchangeable ? forInterchangeableWaiters : forSelectiveWaiters;
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

    /** How many waiters wait now: interchangeable ones, then selective ones (for diagnostics and tests). */
    int[] waiting() {
        lock.lock();
        try {
            return new int[] {lock.getWaitQueueLength(forInterchangeableWaiters),
                lock.getWaitQueueLength(forSelectiveWaiters)};
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
