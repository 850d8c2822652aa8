package dev.postbox.jms.engine;

import dev.postbox.jms.store.ClaimRequest;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.Release;
import dev.postbox.jms.store.ScanPosition;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoredMessage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The life of a claimed message: claiming, acknowledging, redelivering, giving back, in the store's own
 * transactions or in an external one. Tracks what this node holds ({@link InFlight}) and retries what an
 * outage prevented, so that a message is never left claimed by a living node that no longer knows it.
 */
final class Deliveries {

    private static final System.Logger LOG = System.getLogger(Deliveries.class.getName());

    /** Messages read per page while looking for ones a filtered consumer wants. */
    private static final int FILTER_SCAN_PAGE = 200;

    /** The reason recorded on messages found claimed by this node but held by no session. */
    static final String ORPHANED = "its claim was not confirmed to the consumer (connection lost during the commit)";

    private final MessageStore store;
    private final StoreGuard guard;
    private final DeliveryOutcomes outcomes;
    private final Wakeups wakeups;
    private final Supplier<String> node;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final InFlight inFlight = new InFlight();
    private final ConcurrentLinkedQueue<Postponed> postponed = new ConcurrentLinkedQueue<>();

    Deliveries(MessageStore store, StoreGuard guard, DeliveryOutcomes outcomes, Wakeups wakeups,
            Supplier<String> node, Clock clock, TaskScheduler scheduler) {
        this.store = store;
        this.guard = guard;
        this.outcomes = outcomes;
        this.wakeups = wakeups;
        this.node = node;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    // ----- claiming -----

    List<Delivery> claim(ConsumerSpec consumer, int max) {
        List<Delivery> deliveries = guard.call(() -> {
            Instant now = clock.instant();
            String claimer = node.get();
            List<StoredMessage> claimed = consumer.unfiltered()
                    ? keepBatchFresh(store.claimRelaxed(new ClaimRequest(consumer.destination().id(), claimer, max,
                            now)), claimer, now)
                    : claimFiltered(consumer, max, now, claimer);
            return outcomes.screen(claimed, consumer, claimer, now);
        });
        inFlight.hold(deliveries);
        return deliveries;
    }

    List<Delivery> claimAndAcknowledge(ConsumerSpec consumer, int max) {
        if (!consumer.unfiltered()) {
            // Removed before the caller sees them: a crash in between redelivers a message nobody saw.
            List<Delivery> claimed = claim(consumer, max);
            if (!claimed.isEmpty()) {
                acknowledge(claimed);
            }
            return claimed;
        }
        return guard.call(() -> {
            Instant now = clock.instant();
            String claimer = node.get();
            List<StoredMessage> taken = store.inTransaction(
                    tx -> tx.claimAndDelete(new ClaimRequest(consumer.destination().id(), claimer, max, now)));
            List<Delivery> deliveries = new ArrayList<>(taken.size());
            for (StoredMessage m : taken) {
                StoredMessage counted = new StoredMessage(m.id(), m.content(), m.deliveryCount() + 1, claimer,
                        m.enqueuedAt(), m.firstDeliveredAt(), now, m.lastFailure(), m.deadLetter());
                deliveries.add(new Delivery(counted, consumer.destination(), claimer, consumer.overrides()));
            }
            return deliveries;
        });
    }

    /**
     * A claim of several messages (prefetch) keeps the first and the never-delivered ones that follow it,
     * and gives the rest back untouched: a message that was delivered before (its
     * consumer may have died on it) travels alone, so that the innocent messages fetched with a poison
     * message are not charged a delivery attempt each time the poison kills its consumer.
     *
     * <p>Claims commit without waiting for the disk ({@code synchronous_commit=off} on PostgreSQL): a claim lost
     * in a crash of the database server only makes the message available again with its previous count,
     * and every later synchronous commit (an acknowledgement) flushes the claims before it. The claim is one
     * statement of its own and the give-back (rare: only when a batch holds a redelivered message) a second
     * transaction; should this node die in between, the given-back messages are released with the rest of its
     * claims, each charged the one attempt.
     */
    private List<StoredMessage> keepBatchFresh(List<StoredMessage> claimed, String claimer, Instant now) {
        return keepBatchFresh(claimed, now, giveBack -> store.inTransaction(tx -> {
            tx.relaxDurability();
            return tx.release(giveBack, claimer);
        }));
    }

    /** {@link #keepBatchFresh} inside the claim's transaction. */
    private static List<StoredMessage> keepBatchFresh(StoreTransaction tx, List<StoredMessage> claimed,
            String claimer, Instant now) {
        return keepBatchFresh(claimed, now, giveBack -> tx.release(giveBack, claimer));
    }

    private static List<StoredMessage> keepBatchFresh(List<StoredMessage> claimed, Instant now,
            java.util.function.Consumer<List<Release>> release) {
        int keep = freshPrefix(claimed);
        if (keep >= claimed.size()) {
            return claimed;
        }
        release.accept(untouched(claimed.subList(keep, claimed.size()), now));
        return List.copyOf(claimed.subList(0, keep));
    }

    /** How many of a claimed batch to keep: the first message and the never-delivered ones right after it. */
    private static int freshPrefix(List<StoredMessage> claimed) {
        int keep = 1;
        while (keep < claimed.size() && claimed.get(keep).deliveryCount() == 1) {
            keep++;
        }
        return keep;
    }

    private static List<Release> untouched(List<StoredMessage> messages, Instant now) {
        List<Release> giveBack = new ArrayList<>(messages.size());
        for (StoredMessage message : messages) {
            giveBack.add(new Release(message.id(), false, now, null));
        }
        return giveBack;
    }

    private List<StoredMessage> claimFiltered(ConsumerSpec consumer, int max, Instant now, String claimer) {
        long destinationId = consumer.destination().id();
        ScanPosition position = null;
        while (true) {
            ScanPosition from = position;
            List<StoredMessage> page = store.inTransaction(
                    tx -> tx.scanAvailable(destinationId, from, now, FILTER_SCAN_PAGE));
            if (page.isEmpty()) {
                return List.of();
            }
            List<Long> wanted = new ArrayList<>();
            for (StoredMessage candidate : page) {
                if (consumer.filter().accept(candidate)) {
                    wanted.add(candidate.id());
                    if (wanted.size() == max) {
                        break;
                    }
                }
            }
            if (!wanted.isEmpty()) {
                List<StoredMessage> claimed = store.inTransaction(tx -> {
                    tx.relaxDurability();
                    return keepBatchFresh(tx, tx.claimById(wanted, claimer, now), claimer, now);
                });
                if (!claimed.isEmpty()) {
                    return claimed;
                }
            }
            position = ScanPosition.of(page.get(page.size() - 1));
        }
    }

    // ----- acknowledging -----

    void acknowledge(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        int lost = guard.call(() -> DeliveryOutcomes.acknowledgeCountingLost(store, deliveries));
        inFlight.letGo(deliveries);
        if (lost > 0) {
            LOG.log(Level.WARNING, "PBX-1021 {0} of {1} acknowledged messages were no longer held by this node"
                    + " (it was declared dead meanwhile, or an earlier acknowledgement had committed without"
                    + " confirmation); those redelivered are processed again", lost, deliveries.size());
        }
    }

    /**
     * Acknowledges now, or once the store is reachable again: for acknowledgements no application call
     * waits on (AUTO_ACKNOWLEDGE, DUPS_OK, an MDB without a transaction).
     */
    void acknowledgeEventually(List<Delivery> deliveries) {
        try {
            acknowledge(deliveries);
        } catch (EngineException.StoreUnavailable e) {
            postpone(new Postponed(deliveries, Postponed.Kind.ACKNOWLEDGE, null), e);
        }
    }

    /** Sends and acknowledgements of a transacted session's commit were stored together. */
    void committed(List<Delivery> deliveries) {
        inFlight.letGo(deliveries);
    }

    // ----- giving back -----

    void redeliver(List<Delivery> deliveries, String failure) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            released(guard.call(() -> outcomes.redeliver(deliveries, failure)));
            inFlight.letGo(deliveries);
        } catch (EngineException.StoreUnavailable e) {
            postpone(new Postponed(deliveries, Postponed.Kind.REDELIVER, failure), e);
        }
    }

    void releaseUndelivered(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            released(guard.call(() -> outcomes.releaseUndelivered(deliveries)));
            inFlight.letGo(deliveries);
        } catch (EngineException.StoreUnavailable e) {
            postpone(new Postponed(deliveries, Postponed.Kind.RELEASE, null), e);
        }
    }

    private void released(List<DeliveryOutcomes.Released> released) {
        for (DeliveryOutcomes.Released r : released) {
            wakeups.available(r.destinationId(), r.visibleAt());
        }
    }

    // ----- external (JTA) transactions -----

    int acknowledgeInTransaction(ExternalTransaction transaction, List<Delivery> deliveries,
            Supplier<String> rollbackReason) {
        int acknowledged = enlistAcknowledgement(deliveries);
        transaction.afterCompletion(committed -> {
            if (committed) {
                inFlight.letGo(deliveries);
            } else {
                // Not on the completing thread: the server is still releasing the transaction's connections
                // there, and the store's own transaction must not touch that context.
                String reason = rollbackReason.get();
                scheduler.execute(() -> redeliver(deliveries, reason));
            }
        });
        return acknowledged;
    }

    int enlistAcknowledgement(List<Delivery> deliveries) {
        return guard.call(() -> {
            try (StoreTransaction tx = store.joinExternal()) {
                int deleted = DeliveryOutcomes.acknowledge(tx, deliveries);
                tx.commit();
                return deleted;
            }
        });
    }

    int settleAfterTransaction(List<Delivery> deliveries, String rollbackReason) {
        List<Delivery> rolledBack = guard.call(() -> store.inTransaction(tx -> {
            List<Delivery> found = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                tx.findMessage(delivery.id())
                        .filter(m -> delivery.node().equals(m.claimedBy()))
                        .ifPresent(m -> found.add(delivery));
            }
            return found;
        }));
        List<Delivery> committed = new ArrayList<>(deliveries);
        committed.removeAll(rolledBack);
        inFlight.letGo(committed);
        redeliver(rolledBack, rollbackReason);
        return rolledBack.size();
    }

    // ----- postponed work and orphans -----

    /** Work an outage prevented, retried at each heartbeat until it succeeds. */
    private record Postponed(List<Delivery> deliveries, Kind kind, String failure) {
        enum Kind { ACKNOWLEDGE, REDELIVER, RELEASE }
    }

    private void postpone(Postponed work, EngineException.StoreUnavailable cause) {
        postponed.add(work);
        LOG.log(Level.WARNING, "PBX-1023 {0} messages cannot be {1} now and will be when the store is reachable"
                + " again: {2}", work.deliveries().size(),
                work.kind() == Postponed.Kind.ACKNOWLEDGE ? "acknowledged" : "given back", cause.getMessage());
    }

    /** Retries postponed work (periodic); stops at the first failure. */
    void retryPostponed() {
        Postponed work;
        while ((work = postponed.peek()) != null) {
            Postponed next = work;
            try {
                switch (next.kind()) {
                    case ACKNOWLEDGE -> acknowledge(next.deliveries());
                    case REDELIVER -> released(guard.call(() -> outcomes.redeliver(next.deliveries(), next.failure())));
                    case RELEASE -> released(guard.call(() -> outcomes.releaseUndelivered(next.deliveries())));
                    default -> throw new IllegalStateException("Unknown postponed work " + next.kind());
                }
            } catch (EngineException e) {
                return;
            }
            inFlight.letGo(next.deliveries());
            postponed.remove(next);
            LOG.log(Level.INFO, "PBX-1024 {0} postponed messages settled", next.deliveries().size());
        }
    }

    /**
     * Gives back rows claimed by this node that no session holds, at the second sweep that finds them
     * (the first may race with a claim that has not reached its session yet).
     */
    void sweepOrphans(BooleanSupplier storeReachable) {
        if (!storeReachable.getAsBoolean() || !postponed.isEmpty()) {
            return;
        }
        String claimer = node.get();
        List<Long> orphans = inFlight.orphans(guard.call(() -> store.inTransaction(tx -> tx.claimedBy(claimer))));
        if (orphans.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Release> releases = new ArrayList<>(orphans.size());
        for (long id : orphans) {
            releases.add(new Release(id, true, now, ORPHANED));
        }
        int released = guard.call(() -> store.inTransaction(tx -> tx.release(releases, claimer)));
        LOG.log(Level.WARNING, "PBX-1025 {0} messages claimed by this node but held by no consumer were given back"
                + " (a claim committed although its caller saw an error)", released);
        wakeups.everywhere();
    }
}
