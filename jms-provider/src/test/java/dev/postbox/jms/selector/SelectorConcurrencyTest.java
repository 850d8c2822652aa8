package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelectorConcurrencyTest {

    private static final int THREADS = 8;
    private static final int EVALUATIONS_PER_THREAD = 50_000;

    private static final String TEXT = "JMSPriority BETWEEN 3 AND 7 AND (region IN ('EU', 'US') OR name LIKE 'ord%')"
            + " AND amount * 1.1 > 100 AND NOT cancelled";

    /** A message whose expected outcome is known: it matches when its number is even. */
    private static SelectorContext message(int number) {
        boolean even = number % 2 == 0;
        return MapSelectorContext.of(
                "JMSPriority", even ? 5 : 9,
                "region", number % 3 == 0 ? "EU" : "APAC",
                "name", "order-" + number,
                "amount", 100 + number % 50,
                "cancelled", false);
    }

    @Test
    void oneSelectorGivesTheSameResultsWhenEvaluatedFromManyThreadsAtOnce() throws Exception {
        Selector selector = selector(TEXT);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    return countMatches(selector, offset);
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(EVALUATIONS_PER_THREAD / 2, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int countMatches(Selector selector, int offset) {
        SelectorContext[] messages = new SelectorContext[100];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = message(i + offset * 100);
        }
        int matched = 0;
        for (int i = 0; i < EVALUATIONS_PER_THREAD; i++) {
            if (selector.matches(messages[i % messages.length])) {
                matched++;
            }
        }
        return matched;
    }

    @Test
    void manyThreadsCanParseSelectorsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < THREADS * 4; t++) {
                int number = t;
                results.add(pool.submit(() -> Selector.parse(TEXT + " AND " + number + " >= 0").matches(message(0))));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
