package dev.postbox.jms.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who a wake reaches: every selective waiter and listener, and as many interchangeable waiters as messages. */
@Timeout(30)
class WakeSignalTest {

    private final WakeSignal signal = new WakeSignal();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    private List<Future<Boolean>> waiters(int count, boolean interchangeable) {
        long seen = signal.generation();
        List<Future<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waiters.add(threads.submit(() -> signal.await(seen, 20, TimeUnit.SECONDS, interchangeable)));
        }
        return waiters;
    }

    private void awaitWaiting(int interchangeable, int selective) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> signal.waiting()[0] == interchangeable && signal.waiting()[1] == selective);
    }

    private static int done(List<Future<Boolean>> waiters) {
        return (int) waiters.stream().filter(Future::isDone).count();
    }

    @Test
    void aSendOfOneMessageWakesOneInterchangeableWaiterAndEverySelectiveOneAndListener() throws Exception {
        AtomicInteger listenerRuns = new AtomicInteger();
        signal.addListener(listenerRuns::incrementAndGet);
        List<Future<Boolean>> anyMessage = waiters(3, true);
        List<Future<Boolean>> withSelector = waiters(2, false);
        awaitWaiting(3, 2);

        signal.wakeFor(1);

        assertArrayEquals(new int[] {2, 0}, signal.waiting(), "one interchangeable waiter and all selective ones");
        await().atMost(Duration.ofSeconds(10)).until(() -> done(anyMessage) == 1 && done(withSelector) == 2);
        for (Future<Boolean> woken : withSelector) {
            assertTrue(woken.get());
        }
        assertEquals(1, listenerRuns.get());

        signal.wakeFor(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> done(anyMessage) == 3);
        for (Future<Boolean> woken : anyMessage) {
            assertTrue(woken.get(), "woken, not timed out");
        }
    }

    @Test
    void aWakeWithoutACountReachesEveryWaiter() throws Exception {
        List<Future<Boolean>> all = waiters(3, true);
        awaitWaiting(3, 0);

        signal.wake();

        assertArrayEquals(new int[] {0, 0}, signal.waiting());
        for (Future<Boolean> woken : all) {
            assertTrue(woken.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWaiterThatArrivesAfterTheWakeDoesNotWait() throws Exception {
        long seen = signal.generation();
        signal.wakeFor(1);
        assertTrue(signal.await(seen, 20, TimeUnit.SECONDS, true), "the wake between look and wait is not lost");
    }

    @Test
    void theNextDeliveryTimeIsLookedUpAgainAfterAFullWakeNotAfterASendOfVisibleMessages() {
        AtomicInteger lookups = new AtomicInteger();
        java.util.function.Supplier<java.util.Optional<java.time.Instant>> lookup = () -> {
            lookups.incrementAndGet();
            return java.util.Optional.empty();
        };
        signal.nextVisible(lookup);
        signal.nextVisible(lookup);
        assertEquals(1, lookups.get());

        signal.wakeFor(3);
        signal.nextVisible(lookup);
        assertEquals(1, lookups.get(), "a local send of messages visible now changes no delivery time");

        signal.wake();
        signal.nextVisible(lookup);
        assertEquals(2, lookups.get(), "a full wake (poll, release, remote send) may have");
    }
}
