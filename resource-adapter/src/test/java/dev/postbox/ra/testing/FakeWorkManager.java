package dev.postbox.ra.testing;

import dev.postbox.ra.testing.FakeTransactionSynchronizationRegistry.FakeTransaction;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's WorkManager for tests. {@code doWork} runs the work inline, on the caller's thread, but
 * with the caller's fake transaction detached for its duration (a real server runs it on a pool thread
 * with no transaction). {@code scheduleWork}/{@code startWork} run on a small executor owned by this
 * object; tests count submissions, reject them on demand, and {@link #awaitQuiescence await} until no work
 * is queued or running. Failures thrown by works are kept for {@link #failures()}.
 */
public final class FakeWorkManager implements WorkManager {

    private final FakeTransactionSynchronizationRegistry registry;
    private final ExecutorService executor;
    private final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicInteger inline = new AtomicInteger();
    private final AtomicInteger rejectNext = new AtomicInteger();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quiet = lock.newCondition();
    private int pending; // guarded by lock

    /** A WorkManager with {@code threads} pool threads. */
    public FakeWorkManager(FakeTransactionSynchronizationRegistry registry, int threads) {
        this.registry = registry;
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "fake-work-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    // ----- WorkManager -----

    @Override
    public void doWork(Work work) throws WorkException {
        inline.incrementAndGet();
        FakeTransaction callers = registry.suspend();
        try {
            work.run();
        } finally {
            registry.resume(callers);
        }
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        doWork(work);
    }

    @Override
    public long startWork(Work work) throws WorkException {
        submit(work);
        return 0;
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        return startWork(work);
    }

    @Override
    public void scheduleWork(Work work) throws WorkException {
        submit(work);
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        scheduleWork(work);
    }

    private void submit(Work work) throws WorkRejectedException {
        if (rejectNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new WorkRejectedException("rejected on purpose by the test", WorkException.START_TIMED_OUT);
        }
        scheduled.incrementAndGet();
        lock.lock();
        try {
            pending++;
        } finally {
            lock.unlock();
        }
        try {
            executor.execute(() -> runTracked(work));
        } catch (RuntimeException e) {
            finished();
            throw new WorkRejectedException("the fake WorkManager is shut down", e);
        }
    }

    private void runTracked(Work work) {
        try {
            work.run();
        } catch (Throwable t) {
            // A Work boundary: keep the failure for the test to inspect instead of losing it in the pool.
            failures.add(t);
        } finally {
            finished();
        }
    }

    private void finished() {
        lock.lock();
        try {
            pending--;
            if (pending == 0) {
                quiet.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    // ----- test controls -----

    /** The next {@code count} scheduleWork/startWork calls throw {@link WorkRejectedException}. */
    public void rejectNext(int count) {
        rejectNext.set(count);
    }

    /** Works accepted by scheduleWork/startWork so far. */
    public int scheduledCount() {
        return scheduled.get();
    }

    /** Works run inline by doWork so far. */
    public int inlineCount() {
        return inline.get();
    }

    /** Throwables that escaped a work's run method. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /**
     * Waits until no submitted work is queued or running.
     *
     * @return false when works were still pending at the timeout
     */
    public boolean awaitQuiescence(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (pending > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = quiet.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the pool threads (after a short grace period for running works). */
    public void shutdown() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
