package dev.postbox.jms.engine;

import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreNotifications;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Wakes consumers on other nodes when this node stores messages, and this node's consumers when others do
 * (PostgreSQL {@code LISTEN/NOTIFY}). Two long-running tasks: a publisher that sends one notification per
 * batch of destinations after their transactions committed, and a listener. Without notifications the
 * poll interval bounds the delay; with them, a send in one JVM wakes a consumer in another at once.
 */
final class RemoteWakeups {

    private static final System.Logger LOG = System.getLogger(RemoteWakeups.class.getName());
    private static final Duration LISTEN_SLICE = Duration.ofSeconds(1);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final StoreNotifications notifications;
    private final Supplier<String> node;
    private final BooleanSupplier othersListening;
    private final LongConsumer wakeLocal;
    private final Runnable wakeAllLocal;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasPending = lock.newCondition();
    private final Set<Long> pending = new LinkedHashSet<>(); // guarded by lock
    private volatile boolean running = true;

    RemoteWakeups(StoreNotifications notifications, Supplier<String> node, BooleanSupplier othersListening,
            LongConsumer wakeLocal, Runnable wakeAllLocal) {
        this.notifications = notifications;
        this.node = node;
        this.othersListening = othersListening;
        this.wakeLocal = wakeLocal;
        this.wakeAllLocal = wakeAllLocal;
    }

    void start(TaskScheduler scheduler) {
        scheduler.execute(this::publishLoop);
        scheduler.execute(this::listenLoop);
    }

    /** Destination id standing for "every destination" in a notification. */
    static final long ALL_DESTINATIONS = -1;

    /** Announces that messages may be available anywhere (dead nodes' messages were released). */
    void announceAll() {
        announce(ALL_DESTINATIONS);
    }

    /** Announces that a destination has new messages (after the commit). Never blocks. */
    void announce(long destinationId) {
        lock.lock();
        try {
            if (pending.add(destinationId)) {
                hasPending.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void publishLoop() {
        while (running) {
            List<Long> batch = nextBatch();
            if (batch.isEmpty() || !othersListening.getAsBoolean()) {
                continue; // alone on the store: nobody to wake
            }
            try {
                notifications.publish(node.get(), batch);
            } catch (StoreException e) {
                LOG.log(Level.DEBUG, "Notifying other nodes failed; they find the messages at their next poll: {0}",
                        e.getMessage());
                pause();
            }
        }
    }

    private List<Long> nextBatch() {
        lock.lock();
        try {
            if (pending.isEmpty()) {
                hasPending.await(LISTEN_SLICE.toMillis(), TimeUnit.MILLISECONDS);
            }
            List<Long> batch = new ArrayList<>(pending);
            pending.clear();
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private void listenLoop() {
        boolean connected = false;
        while (running) {
            try {
                List<Long> woken = notifications.await(node.get(), LISTEN_SLICE);
                if (!connected) {
                    connected = true;
                    wakeAllLocal.run();
                }
                for (long destination : woken) {
                    if (destination == ALL_DESTINATIONS) {
                        wakeAllLocal.run();
                    } else {
                        wakeLocal.accept(destination);
                    }
                }
            } catch (StoreException e) {
                if (connected) {
                    LOG.log(Level.WARNING, "PBX-1070 Lost the notification connection; retrying (consumers poll"
                            + " meanwhile): {0}", e.getMessage());
                }
                connected = false;
                pause();
            }
        }
    }

    private void pause() {
        lock.lock();
        try {
            hasPending.await(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        running = false;
        lock.lock();
        try {
            hasPending.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
