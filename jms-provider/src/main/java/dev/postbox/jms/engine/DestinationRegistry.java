package dev.postbox.jms.engine;

import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.StoreConflictException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and creates destinations, caching their rows. The cache holds only ids and policies of
 * destinations that exist; a deleted destination is evicted by whoever deletes it (or, deleted by another
 * node, found missing at its next use).
 */
final class DestinationRegistry {

    private record Key(DestinationKind kind, String name) {
    }

    private final MessageStore store;
    private final ConcurrentHashMap<Key, DestinationRecord> cache = new ConcurrentHashMap<>();

    DestinationRegistry(MessageStore store) {
        this.store = store;
    }

    Optional<DestinationRecord> find(DestinationKind kind, String name) {
        Key key = new Key(kind, name);
        DestinationRecord cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DestinationRecord> found = store.inTransaction(tx -> tx.findDestination(kind, name));
        found.ifPresent(record -> cache.put(key, record));
        return found;
    }

    /** Finds a destination or creates it; a concurrent creator's row wins without error. */
    DestinationRecord findOrCreate(NewDestination destination) {
        Optional<DestinationRecord> existing = find(destination.kind(), destination.name());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            DestinationRecord created = store.inTransaction(tx -> tx.createDestination(destination));
            cache.put(new Key(created.kind(), created.name()), created);
            return created;
        } catch (StoreConflictException raced) {
            return find(destination.kind(), destination.name()).orElseThrow(() -> raced);
        }
    }

    /** Creates a destination that must not exist yet. */
    DestinationRecord create(NewDestination destination) {
        DestinationRecord created = store.inTransaction(tx -> tx.createDestination(destination));
        cache.put(new Key(created.kind(), created.name()), created);
        return created;
    }

    void evict(DestinationRecord destination) {
        cache.remove(new Key(destination.kind(), destination.name()));
    }

    /** Forgets the destination with this id (found deleted by another node or connection). */
    void evictId(long id) {
        cache.values().removeIf(record -> record.id() == id);
    }

    void evictAll() {
        cache.clear();
    }
}
