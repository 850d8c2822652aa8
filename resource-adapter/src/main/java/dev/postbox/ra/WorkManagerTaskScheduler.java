package dev.postbox.ra;

import dev.postbox.jms.engine.TaskScheduler;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;

/**
 * The engine's {@link TaskScheduler} inside the server: tasks run as {@link Work} on the server's
 * WorkManager, timers come from the bootstrap context. The adapter never creates threads.
 */
final class WorkManagerTaskScheduler implements TaskScheduler {

    private static final System.Logger LOG = System.getLogger(WorkManagerTaskScheduler.class.getName());

    private static final Duration FIRST_RESUBMIT_DELAY = Duration.ofMillis(50);
    private static final Duration MAX_RESUBMIT_DELAY = Duration.ofSeconds(2);

    private final WorkManager workManager;
    private final Timer timer;
    private volatile boolean shutDown;

    /** The server's WorkManager. */
    WorkManager workManager() {
        return workManager;
    }

    WorkManagerTaskScheduler(BootstrapContext context) throws UnavailableException {
        this.workManager = context.getWorkManager();
        this.timer = context.createTimer();
    }

    /**
     * Runs the task as a Work. A task the server rejects (its pool is saturated) is submitted again from
     * the timer until it is accepted: callers count on it running (an activation holds a delivery slot
     * for it, a rollback's redelivery waits in it).
     */
    @Override
    public void execute(Runnable task) {
        submit(task, Duration.ZERO);
    }

    private void submit(Runnable task, Duration lastDelay) {
        if (shutDown) {
            return;
        }
        try {
            workManager.scheduleWork(new TaskWork(task));
        } catch (WorkException e) {
            Duration delay = lastDelay.isZero() ? FIRST_RESUBMIT_DELAY
                    : lastDelay.multipliedBy(2).compareTo(MAX_RESUBMIT_DELAY) > 0 ? MAX_RESUBMIT_DELAY
                    : lastDelay.multipliedBy(2);
            if (lastDelay.isZero()) {
                LOG.log(Level.WARNING, RaMessages.WORK_REJECTED, task, e.toString());
            }
            try {
                timer.schedule(new TimerTask() {
                    @Override
                    public void run() {
                        submit(task, delay);
                    }
                }, delay.toMillis());
            } catch (IllegalStateException cancelled) {
                // The timer is cancelled: the adapter is stopping and takes no more work.
            }
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        TimerTask timerTask = new TimerTask() {
            @Override
            public void run() {
                execute(task);
            }
        };
        try {
            timer.schedule(timerTask, Math.max(0, delay.toMillis()));
        } catch (IllegalStateException cancelled) {
            return () -> { };
        }
        return timerTask::cancel;
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        TimerTask timerTask = new TimerTask() {
            @Override
            public void run() {
                ServerThreadStore.runAsAdapterThread(() -> runLogged(task));
            }
        };
        timer.schedule(timerTask, initialDelay.toMillis(), delay.toMillis());
        return timerTask::cancel;
    }

    @Override
    public void shutdown() {
        shutDown = true;
        timer.cancel();
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            // Thread boundary: a failing periodic task must not cancel the timer.
            LOG.log(Level.ERROR, "PBX-2023 Background task failed: " + t, t);
        }
    }

    /** A task as a Work item. */
    private static final class TaskWork implements Work {
        private final Runnable task;

        TaskWork(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            ServerThreadStore.runAsAdapterThread(() -> runLogged(task));
        }

        @Override
        public void release() {
            // Tasks are short and cooperative: nothing to interrupt.
        }

        @Override
        public String toString() {
            return "Postbox task " + task;
        }
    }
}
