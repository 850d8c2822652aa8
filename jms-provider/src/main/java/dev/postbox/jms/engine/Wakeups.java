package dev.postbox.jms.engine;

import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.StoreNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wakes waiting consumers: local ones through each destination's {@link WakeSignal}, other nodes' through
 * {@link RemoteWakeups}, delayed messages at their delivery time, and everyone at the fallback poll.
 */
final class Wakeups {

    private final TaskScheduler scheduler;
    private final Clock clock;
    private final ConcurrentHashMap<Long, WakeSignal> signals = new ConcurrentHashMap<>();
    private volatile RemoteWakeups remote;

    Wakeups(TaskScheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Starts cross-node wake-ups over the store's notifications. */
    void startRemote(StoreNotifications notifications, Supplier<String> node,
            java.util.function.BooleanSupplier othersListening) {
        remote = new RemoteWakeups(notifications, node, othersListening, id -> signal(id).wake(),
                this::wakeAllLocal);
        remote.start(scheduler);
    }

    void stopRemote() {
        RemoteWakeups running = remote;
        if (running != null) {
            running.stop();
        }
    }

    WakeSignal signal(long destinationId) {
        return signals.computeIfAbsent(destinationId, id -> new WakeSignal());
    }

    void forget(long destinationId) {
        signals.remove(destinationId);
    }

    /** Messages became available on a destination at the given time (now or later). */
    void available(long destinationId, Instant visibleAt) {
        available(destinationId, visibleAt, Integer.MAX_VALUE);
    }

    /** {@code count} messages became available on a destination at the given time (now or later). */
    private void available(long destinationId, Instant visibleAt, int count) {
        if (visibleAt.isAfter(clock.instant())) {
            scheduler.schedule(() -> signal(destinationId).wake(),
                    Duration.between(clock.instant(), visibleAt).plusMillis(1));
        } else {
            signal(destinationId).wakeFor(count);
            RemoteWakeups running = remote;
            if (running != null) {
                running.announce(destinationId);
            }
        }
    }

    /**
     * Wakes the consumers of freshly stored messages: once per destination, as many interchangeable waiters as
     * it got messages; delayed messages when their time comes.
     */
    void stored(List<NewMessage> messages) {
        Map<Long, Integer> visibleNow = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (NewMessage message : messages) {
            if (message.visibleAt().isAfter(now)) {
                available(message.destinationId(), message.visibleAt());
            } else {
                visibleNow.merge(message.destinationId(), 1, Integer::sum);
            }
        }
        visibleNow.forEach((destinationId, count) -> available(destinationId, now, count));
    }

    /** Dead nodes' messages were released: every waiter here and on the other nodes looks again. */
    void everywhere() {
        wakeAllLocal();
        RemoteWakeups running = remote;
        if (running != null) {
            running.announceAll();
        }
    }

    /** The fallback poll, and after dead nodes' messages were released: every local waiter looks again. */
    void wakeAllLocal() {
        for (WakeSignal signal : signals.values()) {
            signal.wake();
        }
    }
}
