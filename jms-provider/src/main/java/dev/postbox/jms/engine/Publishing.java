package dev.postbox.jms.engine;

import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.SessionConnection;
import dev.postbox.jms.store.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores sent messages: queue messages as they are, topic messages once per interested subscription,
 * idempotency keys with their retention; in the store's own transaction, together with a transacted
 * session's acknowledgements, or inside an external transaction.
 */
final class Publishing {

    private final BrokerConfig config;
    private final MessageStore store;
    private final StoreGuard guard;
    private final FanOut fanOut;
    private final Wakeups wakeups;
    private final Deliveries deliveries;
    private final Clock clock;

    Publishing(BrokerConfig config, MessageStore store, StoreGuard guard, FanOut fanOut, Wakeups wakeups,
            Deliveries deliveries, Clock clock) {
        this.config = config;
        this.store = store;
        this.guard = guard;
        this.fanOut = fanOut;
        this.wakeups = wakeups;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    void send(List<NewMessage> messages, boolean relaxed) {
        if (messages.isEmpty()) {
            return;
        }
        List<NewMessage> keyed = withKeyRetention(messages);
        if (keyed.size() == 1 && !relaxed && keyed.get(0).idempotencyKey() == null
                && !fanOut.involvesTopics(keyed)) {
            guard.run(() -> store.insertCommitted(keyed.get(0)));
            wakeups.stored(keyed);
            return;
        }
        List<NewMessage> stored = guard.call(() -> store.inTransaction(tx -> {
            if (relaxed) {
                tx.relaxDurability();
            }
            List<NewMessage> expanded = fanOut.expand(tx, keyed);
            tx.insert(expanded);
            return expanded;
        }));
        wakeups.stored(stored);
    }

    void commit(List<NewMessage> sends, List<Delivery> acknowledgements, boolean relaxed) {
        List<NewMessage> keyed = withKeyRetention(sends);
        List<NewMessage> stored = guard.call(() -> store.inTransaction(tx -> {
            if (relaxed) {
                tx.relaxDurability();
            }
            List<NewMessage> expanded = fanOut.expand(tx, keyed);
            if (!expanded.isEmpty()) {
                tx.insert(expanded);
            }
            int lost = DeliveryOutcomes.acknowledgeCountingLost(tx, acknowledgements);
            if (lost > 0) {
                // thrown inside the transaction: inTransaction rolls it back
                throw new EngineException.RolledBack("Transaction rolled back: " + lost
                        + " of its received messages were redelivered to another consumer meanwhile", null);
            }
            return expanded;
        }));
        deliveries.committed(acknowledgements);
        wakeups.stored(stored);
    }

    void commitOn(SessionConnection connection, List<NewMessage> sends, List<Delivery> acknowledgements) {
        List<NewMessage> keyed = withKeyRetention(sends);
        List<NewMessage> messages = fanOut.involvesTopics(keyed)
                ? guard.call(() -> store.inTransaction(tx -> fanOut.expand(tx, keyed))) : keyed;
        guard.run(() -> {
            StoreTransaction tx = connection.work();
            if (!messages.isEmpty()) {
                tx.insert(messages);
            }
            int lost = DeliveryOutcomes.acknowledgeCountingLost(tx, acknowledgements,
                    id -> store.inTransaction(lookup -> lookup.findDestination(id).isPresent()));
            if (lost > 0) {
                connection.rollback();
                throw new EngineException.RolledBack("Transaction rolled back with the application's work: "
                        + lost + " of its received messages were redelivered to another"
                        + " consumer meanwhile", null);
            }
            connection.commit();
        });
        deliveries.committed(acknowledgements);
        wakeups.stored(messages);
    }

    void sendInTransaction(ExternalTransaction transaction, List<NewMessage> sent) {
        if (sent.isEmpty()) {
            return;
        }
        List<NewMessage> keyed = withKeyRetention(sent);
        List<NewMessage> messages = fanOut.involvesTopics(keyed)
                ? guard.call(() -> store.inTransaction(tx -> fanOut.expand(tx, keyed))) : keyed;
        guard.run(() -> {
            try (StoreTransaction tx = store.joinExternal()) {
                tx.insert(messages);
                tx.commit();
            }
        });
        transaction.afterCompletion(committed -> {
            if (committed) {
                wakeups.stored(messages);
            }
        });
    }

    /** Sets the retention of idempotency keys (now + the configured retention) on the messages that have one. */
    private List<NewMessage> withKeyRetention(List<NewMessage> messages) {
        boolean keyed = false;
        for (NewMessage message : messages) {
            keyed |= message.idempotencyKey() != null;
        }
        if (!keyed) {
            return messages;
        }
        Instant until = clock.instant().plus(config.idempotencyRetention());
        List<NewMessage> result = new ArrayList<>(messages.size());
        for (NewMessage message : messages) {
            result.add(message.idempotencyKey() == null ? message : message.withIdempotencyExpiry(until));
        }
        return result;
    }
}
