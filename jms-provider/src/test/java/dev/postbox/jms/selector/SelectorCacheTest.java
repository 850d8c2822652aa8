package dev.postbox.jms.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectorCacheTest {

    @Test
    void theSameTextGivesTheSameParsedSelector() throws Exception {
        SelectorCache cache = new SelectorCache();

        Selector first = cache.get("a = 1");

        assertSame(first, cache.get("a = 1"));
        assertEquals(1, cache.size());
    }

    @Test
    void theLeastRecentlyUsedSelectorIsEvictedAtCapacity() throws Exception {
        SelectorCache cache = new SelectorCache(2);
        Selector a = cache.get("a = 1");
        Selector b = cache.get("b = 1");

        cache.get("a = 1");
        cache.get("c = 1");

        assertEquals(2, cache.size());
        assertSame(a, cache.get("a = 1"));
        assertNotSame(b, cache.get("b = 1"), "b was least recently used, so it was parsed again");
    }

    @Test
    void anInvalidSelectorIsRejectedEveryTimeAndNeverCached() throws Exception {
        SelectorCache cache = new SelectorCache();
        cache.get("a = 1");

        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidSelectorException.class, () -> cache.get("a = "));
        }
        assertEquals(1, cache.size());
    }

    @Test
    void aNullTextGivesAMatchAllSelector() throws Exception {
        SelectorCache cache = new SelectorCache();

        assertTrue(cache.get(null).isMatchAll());
        assertSame(cache.get(null), cache.get(""));
    }

    @Test
    void theDefaultCapacityIs256() {
        assertEquals(256, new SelectorCache().capacity());
        assertEquals(SelectorCache.DEFAULT_CAPACITY, new SelectorCache().capacity());
    }

    @Test
    void theCapacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SelectorCache(0));
    }

    @Test
    void clearRemovesEverySelector() throws Exception {
        SelectorCache cache = new SelectorCache();
        cache.get("a = 1");

        cache.clear();

        assertEquals(0, cache.size());
    }

    @Test
    void theCacheStaysBoundedAndConsistentUnderConcurrentUse() throws Exception {
        SelectorCache cache = new SelectorCache();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int n = (i * 7 + seed) % 400;
                        Selector selector = cache.get("x = " + n);
                        assertEquals("x = " + n, selector.text());
                        assertTrue(selector.matches(MapSelectorContext.of("x", n)));
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SelectorCache.DEFAULT_CAPACITY, cache.size());
    }
}
