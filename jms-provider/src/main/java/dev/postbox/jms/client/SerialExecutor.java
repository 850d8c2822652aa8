package dev.postbox.jms.client;

import dev.postbox.jms.engine.TaskScheduler;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on threads of a {@link TaskScheduler}: the per-session
 * delivery thread of the specification, without owning a thread while idle.
 */
final class SerialExecutor implements Executor {

    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final TaskScheduler scheduler;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(); // guarded by lock
    private boolean running; // guarded by lock
    private boolean closed; // guarded by lock

    SerialExecutor(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        scheduler.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    lock.notifyAll();
                    return;
                }
            }
            try {
                next.run();
            } catch (Throwable t) {
                // Thread boundary: a failing task must not stop the ones queued behind it.
                LOG.log(System.Logger.Level.ERROR, "PBX-1050 Session task failed: " + t, t);
            }
        }
    }

    /**
     * Waits until every task submitted so far has run. Must not be called from one of this executor's tasks
     * (it would wait for itself).
     */
    void awaitIdle() {
        boolean interrupted = false;
        synchronized (lock) {
            while (running || !tasks.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops queued tasks and accepts no more; a running task finishes. */
    void close() {
        synchronized (lock) {
            closed = true;
            tasks.clear();
        }
    }
}
