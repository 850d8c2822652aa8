package dev.postbox.jms.management;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.store.DestinationCounts;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Returns dead-lettered messages to the queues they came from. */
final class DeadLetterRetry {

    /** Most messages of one selection. */
    static final int MAX_SELECTION = 10_000;

    private final Broker broker;

    DeadLetterRetry(Broker broker) {
        this.broker = broker;
    }

    private record Outcome(RetryResult result, Set<Long> woken) {
    }

    RetryResult retry(String queue, Collection<Long> messageIds) {
        if (messageIds == null || messageIds.isEmpty()) {
            throw new ManagementException.InvalidRequest("Choose at least one message to retry");
        }
        if (messageIds.size() > MAX_SELECTION) {
            throw new ManagementException.InvalidRequest("At most " + MAX_SELECTION + " messages can be retried at"
                    + " once; use retry all");
        }
        Set<Long> ids = new LinkedHashSet<>(messageIds);
        Outcome outcome = OperationGuard.call("Retry dead letters of " + queue, () -> broker.store()
                .inTransaction(tx -> retrySelected(tx, QueueAdministration.requireQueue(tx, queue), ids)));
        ConsumerWakeup.wake(broker, outcome.woken());
        return outcome.result();
    }

    RetryResult retryAll(String queue) {
        Outcome outcome = OperationGuard.call("Retry dead letters of " + queue, () -> broker.store()
                .inTransaction(tx -> retryEvery(tx, QueueAdministration.requireQueue(tx, queue))));
        ConsumerWakeup.wake(broker, outcome.woken());
        return outcome.result();
    }

    private Outcome retrySelected(StoreTransaction tx, DestinationRecord dlq, Set<Long> ids) {
        List<String> notes = new ArrayList<>();
        Map<String, List<Long>> byOrigin = new LinkedHashMap<>();
        for (long id : ids) {
            Optional<StoredMessage> found = tx.findMessage(id).filter(m -> m.destinationId() == dlq.id());
            if (found.isEmpty()) {
                notes.add("Message " + id + " is not on " + dlq.name() + ".");
            } else if (found.get().deadLetter() == null || found.get().deadLetter().originalDestination() == null) {
                notes.add("Message " + id + " was not dead-lettered (no origin); move it instead.");
            } else if (found.get().claimedBy() != null) {
                notes.add("Message " + id + " is in flight on node " + found.get().claimedBy() + ".");
            } else {
                byOrigin.computeIfAbsent(found.get().deadLetter().originalDestination(), o -> new ArrayList<>())
                        .add(id);
            }
        }
        Instant now = broker.clock().instant();
        Set<Long> woken = new LinkedHashSet<>();
        int retried = 0;
        for (Map.Entry<String, List<Long>> group : byOrigin.entrySet()) {
            Optional<DestinationRecord> origin = origin(tx, group.getKey());
            if (origin.isEmpty()) {
                notes.add(missingOrigin(group.getKey(), group.getValue().size()));
                continue;
            }
            int restored = tx.restoreDeadLetters(dlq.id(), group.getKey(), group.getValue(), origin.get().id(), now);
            retried += restored;
            woken.add(origin.get().id());
        }
        return new Outcome(new RetryResult(retried, ids.size() - retried, List.copyOf(notes)), woken);
    }

    private Outcome retryEvery(StoreTransaction tx, DestinationRecord dlq) {
        Instant now = broker.clock().instant();
        long total = tx.countsByDestination(now).getOrDefault(dlq.id(), DestinationCounts.EMPTY).total();
        List<String> notes = new ArrayList<>();
        Set<Long> woken = new LinkedHashSet<>();
        int retried = 0;
        for (String originName : tx.deadLetterOrigins(dlq.id())) {
            Optional<DestinationRecord> origin = origin(tx, originName);
            if (origin.isEmpty()) {
                notes.add(missingOrigin(originName, -1));
                continue;
            }
            retried += tx.restoreDeadLetters(dlq.id(), originName, null, origin.get().id(), now);
            woken.add(origin.get().id());
        }
        int skipped = (int) Math.max(0, total - retried);
        if (skipped > 0 && notes.isEmpty()) {
            notes.add(skipped + " message(s) stay: in flight, or not dead-lettered (no origin).");
        }
        return new Outcome(new RetryResult(retried, skipped, List.copyOf(notes)), woken);
    }

    /** The queue (or, for subscribers' dead letters, the subscription) a dead letter came from. */
    private static Optional<DestinationRecord> origin(StoreTransaction tx, String name) {
        Optional<DestinationRecord> queue = tx.findDestination(DestinationKind.QUEUE, name);
        return queue.isPresent() ? queue : tx.findDestination(DestinationKind.SUBSCRIPTION, name);
    }

    private static String missingOrigin(String origin, int count) {
        return (count < 0 ? "Messages" : count + " message(s)") + " from " + origin + " stay: " + origin
                + " no longer exists (create it, or move the messages).";
    }
}
