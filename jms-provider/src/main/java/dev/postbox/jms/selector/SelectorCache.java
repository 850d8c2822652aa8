package dev.postbox.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, thread-safe cache of parsed selectors by text, evicting the least recently used entry.
 * Only successfully parsed selectors are cached; an invalid text is parsed (and rejected) again each time.
 */
public final class SelectorCache {

    /** The capacity of a cache made with the no-argument constructor. */
    public static final int DEFAULT_CAPACITY = 256;

    private final int capacity;
    private final Map<String, Selector> selectors;

    /** A cache of {@link #DEFAULT_CAPACITY} selectors. */
    public SelectorCache() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A cache of at most {@code capacity} selectors.
     *
     * @throws IllegalArgumentException if capacity is less than 1
     */
    public SelectorCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.selectors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Selector> eldest) {
                return size() > SelectorCache.this.capacity;
            }
        };
    }

    /**
     * The parsed selector for the text, from the cache or parsed now and cached.
     *
     * @throws InvalidSelectorException as {@link Selector#parse} does
     */
    public Selector get(String text) throws InvalidSelectorException {
        String key = text == null ? "" : text;
        synchronized (selectors) {
            Selector cached = selectors.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Selector parsed = Selector.parse(key);
        synchronized (selectors) {
            Selector raced = selectors.putIfAbsent(key, parsed);
            return raced != null ? raced : parsed;
        }
    }

    /** How many selectors are cached now. */
    public int size() {
        synchronized (selectors) {
            return selectors.size();
        }
    }

    /** The most selectors this cache holds. */
    public int capacity() {
        return capacity;
    }

    /** Removes every cached selector. */
    public void clear() {
        synchronized (selectors) {
            selectors.clear();
        }
    }
}
