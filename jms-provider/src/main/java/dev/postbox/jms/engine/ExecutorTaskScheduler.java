package dev.postbox.jms.engine;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The Java SE {@link TaskScheduler}: daemon threads, a small timer pool and a cached worker pool. */
public final class ExecutorTaskScheduler implements TaskScheduler {

    private static final System.Logger LOG = System.getLogger(ExecutorTaskScheduler.class.getName());

    private final ScheduledExecutorService timers;
    private final ExecutorService workers;

    /** Creates the pools; thread names start with the prefix. */
    public ExecutorTaskScheduler(String threadNamePrefix) {
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(2,
                daemonThreads(threadNamePrefix + "-timer-"));
        timerPool.setRemoveOnCancelPolicy(true);
        this.timers = timerPool;
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads(threadNamePrefix + "-worker-"));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void execute(Runnable task) {
        workers.execute(logged(task));
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = timers.schedule(logged(task), Math.max(0, delay.toNanos()),
                    TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        ScheduledFuture<?> future = timers.scheduleWithFixedDelay(logged(task), initialDelay.toNanos(),
                delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Catches everything at the thread boundary so that one failure never kills a periodic task. */
    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "PBX-1010 Background task failed: " + t, t);
            }
        };
    }

    @Override
    public void shutdown() {
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
