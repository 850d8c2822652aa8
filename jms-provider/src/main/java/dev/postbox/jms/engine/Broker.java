package dev.postbox.jms.engine;

import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.store.ClaimRequest;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.ScanPosition;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoreUnavailableException;
import dev.postbox.jms.store.StoredMessage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The delivery engine of one node: stores sent messages, claims them for consumers, acknowledges and
 * redelivers them, and keeps the node's liveness. The JMS facade talks only to this class (and the
 * records it returns); it never sees the store's transactions.
 *
 * <p>Thread-safe. Every method may throw {@link EngineException} ({@link EngineException.StoreUnavailable}
 * when the database cannot be reached: the operation did not take effect).
 */
public final class Broker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    /** Messages read per page while looking for ones a filtered consumer wants. */
    private static final int FILTER_SCAN_PAGE = 200;

    /** Lifecycle of a broker. */
    enum State { RUNNING, CLOSED }

    private final BrokerConfig config;
    private final MessageStore store;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final DestinationRegistry destinations;
    private final NodeLiveness liveness;
    private final DeliveryOutcomes outcomes;
    private final Set<Long> topicIds = ConcurrentHashMap.newKeySet();
    private final FanOut fanOut = new FanOut(topicIds);
    private final Subscriptions subscriptions;
    private final ConcurrentHashMap<Long, WakeSignal> signals = new ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<PendingRelease> pendingReleases =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final List<TaskScheduler.Cancellable> periodicTasks = new ArrayList<>();
    private volatile RemoteWakeups remoteWakeups;

    private Broker(BrokerConfig config, MessageStore store, TaskScheduler scheduler, Clock clock) {
        this.config = config;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.destinations = new DestinationRegistry(store);
        this.liveness = new NodeLiveness(store, config.nodeTimeout(), config.inactiveDurableSubscriptionTimeout(),
                destinations::evict);
        this.outcomes = new DeliveryOutcomes(config, store, destinations, clock);
        this.subscriptions = new Subscriptions(store, liveness::nodeId);
    }

    /**
     * Starts a node on a store: registers it and starts heartbeat, dead-node and expiry tasks.
     *
     * @throws EngineException when the store cannot be used
     */
    public static Broker start(BrokerConfig config, MessageStore store, TaskScheduler scheduler, Clock clock) {
        Broker broker = new Broker(config, store, scheduler, clock);
        broker.guard(() -> {
            broker.liveness.register();
            return null;
        });
        broker.periodicTasks.add(scheduler.scheduleWithFixedDelay(() -> {
            broker.liveness.beat();
            broker.retryPendingReleases();
        }, config.heartbeatInterval(), config.heartbeatInterval()));
        broker.periodicTasks.add(scheduler.scheduleWithFixedDelay(broker::expireAndWake,
                config.expiryScanInterval(), config.expiryScanInterval()));
        broker.periodicTasks.add(scheduler.scheduleWithFixedDelay(broker::pollWake,
                config.pollInterval(), config.pollInterval()));
        store.notifications().ifPresent(notifications -> {
            broker.remoteWakeups = new RemoteWakeups(notifications, broker::nodeId,
                    id -> broker.signal(id).wake(), broker::pollWake);
            broker.remoteWakeups.start(scheduler);
        });
        LOG.log(Level.INFO, "PBX-1000 Postbox node {0} started on {1}", broker.nodeId(), store.databaseDescription());
        return broker;
    }

    /** This node's current id. */
    public String nodeId() {
        return liveness.nodeId();
    }

    /** The broker settings. */
    public BrokerConfig config() {
        return config;
    }

    /** The broker clock. */
    public Clock clock() {
        return clock;
    }

    /** Where background work runs. */
    public TaskScheduler scheduler() {
        return scheduler;
    }

    /** The underlying store (for management and the resource adapter; the facade does not use it). */
    public MessageStore store() {
        return store;
    }

    // ----- destinations -----

    /**
     * The queue with this name, created when missing and auto-creation is on.
     *
     * @throws EngineException.InvalidDestination when it does not exist and may not be created
     */
    public DestinationRecord queue(String name) {
        return guard(() -> {
            if (config.autoCreateDestinations()) {
                return destinations.findOrCreate(NewDestination.queue(name));
            }
            return destinations.find(DestinationKind.QUEUE, name).orElseThrow(() -> new EngineException
                    .InvalidDestination("Queue " + name + " does not exist and auto-creation is disabled"));
        });
    }

    /** Finds a destination without creating it. */
    public Optional<DestinationRecord> findDestination(DestinationKind kind, String name) {
        Optional<DestinationRecord> found = guard(() -> destinations.find(kind, name));
        found.ifPresent(this::rememberTopic);
        return found;
    }

    /** Creates (or finds) a destination with explicit settings. */
    public DestinationRecord createDestination(NewDestination destination) {
        DestinationRecord record = guard(() -> destinations.findOrCreate(destination));
        rememberTopic(record);
        return record;
    }

    /**
     * Makes sends to a topic fan out. A topic this node did not create (another node's temporary topic, a
     * reply-to address) is learnt when it is looked up.
     */
    private void rememberTopic(DestinationRecord destination) {
        if (destination.kind() == DestinationKind.TOPIC) {
            topicIds.add(destination.id());
        }
    }

    /** Creates a temporary queue owned by a connection of this node. */
    public DestinationRecord createTemporaryQueue(String connectionId) {
        String name = "temp-" + UUID.randomUUID();
        return guard(() -> destinations.create(new NewDestination(DestinationKind.QUEUE, name, true, nodeId(),
                connectionId, null, DestinationPolicy.DEFAULTS)));
    }

    /**
     * The topic with this name, created when missing and auto-creation is on.
     *
     * @throws EngineException.InvalidDestination when it does not exist and may not be created
     */
    public DestinationRecord topic(String name) {
        DestinationRecord topic = guard(() -> {
            if (config.autoCreateDestinations()) {
                return destinations.findOrCreate(new NewDestination(DestinationKind.TOPIC, name, false, null, null,
                        null, DestinationPolicy.DEFAULTS));
            }
            return destinations.find(DestinationKind.TOPIC, name).orElseThrow(() -> new EngineException
                    .InvalidDestination("Topic " + name + " does not exist and auto-creation is disabled"));
        });
        topicIds.add(topic.id());
        return topic;
    }

    /** Creates a temporary topic owned by a connection of this node. */
    public DestinationRecord createTemporaryTopic(String connectionId) {
        String name = "temp-topic-" + UUID.randomUUID();
        DestinationRecord topic = guard(() -> destinations.create(new NewDestination(DestinationKind.TOPIC, name,
                true, nodeId(), connectionId, null, DestinationPolicy.DEFAULTS)));
        topicIds.add(topic.id());
        return topic;
    }

    /**
     * Finds or creates a topic subscription and attaches a consumer to it.
     *
     * @throws EngineException.IllegalState when the subscription rules forbid it
     */
    public DestinationRecord subscribe(SubscriptionRequest request, String consumerId) {
        return guard(() -> subscriptions.attach(request, consumerId));
    }

    /** Detaches a consumer from its subscription (a non-durable one without consumers disappears). */
    public void unsubscribeConsumer(DestinationRecord subscription, String consumerId) {
        guard(() -> {
            subscriptions.detach(subscription, consumerId);
            return null;
        });
    }

    /**
     * Deletes a durable subscription.
     *
     * @throws EngineException.InvalidDestination when it does not exist
     * @throws EngineException.IllegalState when it has an active consumer
     */
    public void unsubscribe(String clientId, String name) {
        guard(() -> {
            subscriptions.unsubscribe(clientId, name);
            return null;
        });
    }

    /** Deletes a destination and its messages. */
    public void deleteDestination(DestinationRecord destination) {
        guard(() -> store.inTransaction(tx -> {
            tx.deleteDestination(destination.id());
            return null;
        }));
        destinations.evict(destination);
        signals.remove(destination.id());
    }

    // ----- sending -----

    /**
     * Stores messages in one transaction and wakes their consumers.
     *
     * @param relaxed true when every message is NON_PERSISTENT: the commit need not wait for the disk
     */
    public void send(List<NewMessage> messages, boolean relaxed) {
        if (messages.isEmpty()) {
            return;
        }
        List<NewMessage> keyed = withKeyRetention(messages);
        List<NewMessage> stored = guard(() -> store.inTransaction(tx -> {
            if (relaxed) {
                tx.relaxDurability();
            }
            List<NewMessage> expanded = fanOut.expand(tx, keyed);
            tx.insert(expanded);
            return expanded;
        }));
        wakeAfterSend(stored);
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

    /**
     * Commits a transacted session's work in one database transaction: the sends are stored and the
     * received messages acknowledged, or nothing happens.
     *
     * @throws EngineException.RolledBack when a received message is no longer held by this node (it was
     *     redelivered meanwhile): nothing was committed
     */
    public void commit(List<NewMessage> committedSends, List<Delivery> acknowledgements, boolean relaxed) {
        List<NewMessage> keyed = withKeyRetention(committedSends);
        List<NewMessage> sends = guard(() -> store.inTransaction(tx -> {
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
        wakeAfterSend(sends);
    }

    /**
     * Stores messages inside an external (JTA) transaction: they become visible when it commits.
     *
     * @throws EngineException when the store cannot join the transaction
     */
    public void sendInTransaction(ExternalTransaction transaction, List<NewMessage> sent) {
        if (sent.isEmpty()) {
            return;
        }
        List<NewMessage> keyed = withKeyRetention(sent);
        List<NewMessage> messages = fanOut.involvesTopics(keyed)
                ? guard(() -> store.inTransaction(tx -> fanOut.expand(tx, keyed))) : keyed;
        guard(() -> {
            try (StoreTransaction tx = store.joinExternal()) {
                tx.insert(messages);
                tx.commit();
            }
            return null;
        });
        transaction.afterCompletion(committed -> {
            if (committed) {
                wakeAfterSend(messages);
            }
        });
    }

    /**
     * Acknowledges deliveries inside an external (JTA) transaction: they are deleted when it commits, and
     * redelivered (with the reason the supplier gives at that time) when it rolls back.
     *
     * @return how many of the deliveries were still held by this node (fewer: redelivered meanwhile)
     */
    public int acknowledgeInTransaction(ExternalTransaction transaction, List<Delivery> deliveries,
            Supplier<String> rollbackReason) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        int acknowledged = guard(() -> {
            try (StoreTransaction tx = store.joinExternal()) {
                int deleted = DeliveryOutcomes.acknowledge(tx, deliveries);
                tx.commit();
                return deleted;
            }
        });
        transaction.afterCompletion(committed -> {
            if (!committed) {
                // Not on the completing thread: the server is still releasing the transaction's connections
                // there, and the store's own transaction must not touch that context.
                String reason = rollbackReason.get();
                scheduler.execute(() -> redeliverAfterRollback(deliveries, reason));
            }
        });
        return acknowledged;
    }

    /**
     * Deletes deliveries inside the caller's transaction without watching its outcome: the caller calls
     * {@link #settleAfterTransaction} once the transaction has completed.
     *
     * @return how many of the deliveries were still held by this node
     */
    public int enlistAcknowledgement(List<Delivery> deliveries) {
        return guard(() -> {
            try (StoreTransaction tx = store.joinExternal()) {
                int deleted = DeliveryOutcomes.acknowledge(tx, deliveries);
                tx.commit();
                return deleted;
            }
        });
    }

    /**
     * After a transaction that contained {@link #enlistAcknowledgement} completed: deliveries whose rows
     * still exist and are still held by their node were rolled back, and are redelivered with the reason.
     *
     * @return the number of deliveries found rolled back
     */
    public int settleAfterTransaction(List<Delivery> deliveries, String rollbackReason) {
        List<Delivery> rolledBack = guard(() -> store.inTransaction(tx -> {
            List<Delivery> found = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                tx.findMessage(delivery.id())
                        .filter(m -> delivery.node().equals(m.claimedBy()))
                        .ifPresent(m -> found.add(delivery));
            }
            return found;
        }));
        redeliver(rolledBack, rollbackReason);
        return rolledBack.size();
    }

    private void redeliverAfterRollback(List<Delivery> deliveries, String reason) {
        try {
            redeliver(deliveries, reason);
        } catch (EngineException e) {
            LOG.log(Level.WARNING, "PBX-1022 {0} messages of a rolled-back transaction could not be given back"
                    + " now; they return when this node restarts or is declared dead: {1}", deliveries.size(),
                    e.getMessage());
        }
    }

    /** True when work can join external (JTA) transactions. */
    public boolean supportsExternalTransactions() {
        return store.supportsExternalTransactions();
    }

    private void wakeAfterSend(List<NewMessage> messages) {
        Instant now = clock.instant();
        Set<Long> woken = new LinkedHashSet<>();
        for (NewMessage message : messages) {
            if (message.visibleAt().isAfter(now)) {
                wakeAt(message.destinationId(), message.visibleAt());
            } else if (woken.add(message.destinationId())) {
                signal(message.destinationId()).wake();
                announce(message.destinationId());
            }
        }
    }

    private void announce(long destinationId) {
        RemoteWakeups remote = remoteWakeups;
        if (remote != null) {
            remote.announce(destinationId);
        }
    }

    // ----- receiving -----

    /**
     * Claims up to {@code max} messages for a consumer. Expired messages found on the way are expired;
     * messages whose delivery count passed the limit (their consumers crashed) are dead-lettered.
     *
     * @return the claimed deliveries, possibly empty
     */
    public List<Delivery> claim(ConsumerSpec consumer, int max) {
        return guard(() -> {
            Instant now = clock.instant();
            String node = nodeId();
            List<StoredMessage> claimed = consumer.unfiltered()
                    ? store.inTransaction(tx -> tx.claim(new ClaimRequest(consumer.destination().id(), node, max, now)))
                    : claimFiltered(consumer, max, now, node);
            return outcomes.screen(claimed, consumer, node, now);
        });
    }

    /**
     * Takes up to {@code max} messages for good: they are deleted in the claiming transaction and never
     * redelivered (at-most-once delivery; also AUTO_ACKNOWLEDGE receives, which acknowledge before
     * returning). If the consumer fails after this, the messages are lost.
     *
     * @return the taken deliveries (already acknowledged), with this delivery counted
     */
    public List<Delivery> claimAndAcknowledge(ConsumerSpec consumer, int max) {
        if (!consumer.unfiltered()) {
            List<Delivery> claimed = claim(consumer, max);
            acknowledge(claimed);
            return claimed;
        }
        return guard(() -> {
            Instant now = clock.instant();
            String node = nodeId();
            List<StoredMessage> taken = store.inTransaction(
                    tx -> tx.claimAndDelete(new ClaimRequest(consumer.destination().id(), node, max, now)));
            List<Delivery> deliveries = new ArrayList<>(taken.size());
            for (StoredMessage message : taken) {
                StoredMessage counted = new StoredMessage(message.id(), message.content(), message.deliveryCount() + 1,
                        node, message.enqueuedAt(), message.firstDeliveredAt(), now, message.lastFailure(),
                        message.deadLetter());
                deliveries.add(new Delivery(counted, consumer.destination(), node, consumer.overrides()));
            }
            return deliveries;
        });
    }

    private List<StoredMessage> claimFiltered(ConsumerSpec consumer, int max, Instant now, String node) {
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
                List<StoredMessage> claimed = store.inTransaction(tx -> tx.claimById(wanted, node, now));
                if (!claimed.isEmpty()) {
                    return claimed;
                }
            }
            position = ScanPosition.of(page.get(page.size() - 1));
        }
    }

    /** Acknowledges deliveries: they are deleted. Deliveries lost meanwhile (node declared dead) are logged. */
    public void acknowledge(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        guard(() -> {
            int lost = store.inTransaction(tx -> DeliveryOutcomes.acknowledgeCountingLost(tx, deliveries));
            if (lost > 0) {
                LOG.log(Level.WARNING, "PBX-1021 {0} of {1} acknowledged messages had already been redelivered"
                        + " (this node was declared dead meanwhile); they will be processed again",
                        lost, deliveries.size());
            }
            return null;
        });
    }

    /**
     * Gives failed deliveries back (recover, rollback, a listener that threw, a consumer that closed):
     * each becomes available after its redelivery delay, or is dead-lettered when it has used up its
     * delivery attempts.
     *
     * @param failure why they failed, recorded with the message (may be null)
     */
    public void redeliver(List<Delivery> deliveries, String failure) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            wakeReleased(guard(() -> outcomes.redeliver(deliveries, failure)));
        } catch (EngineException.StoreUnavailable e) {
            postpone(new PendingRelease(deliveries, failure, true), e);
        }
    }

    /** Gives back deliveries that were claimed but never handed to the application (prefetched). */
    public void releaseUndelivered(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            wakeReleased(guard(() -> outcomes.releaseUndelivered(deliveries)));
        } catch (EngineException.StoreUnavailable e) {
            postpone(new PendingRelease(deliveries, null, false), e);
        }
    }

    /**
     * Messages to give back once the store is reachable again: a release that failed must not leave them
     * claimed by this (living) node forever.
     */
    private record PendingRelease(List<Delivery> deliveries, String failure, boolean delivered) {
    }

    private void postpone(PendingRelease release, EngineException.StoreUnavailable cause) {
        pendingReleases.add(release);
        LOG.log(Level.WARNING, "PBX-1023 {0} messages cannot be given back now and will be when the store is"
                + " reachable again: {1}", release.deliveries().size(), cause.getMessage());
    }

    /** Retries postponed releases (periodic). */
    private void retryPendingReleases() {
        PendingRelease release;
        while ((release = pendingReleases.peek()) != null) {
            PendingRelease next = release;
            try {
                wakeReleased(guard(() -> next.delivered() ? outcomes.redeliver(next.deliveries(), next.failure())
                        : outcomes.releaseUndelivered(next.deliveries())));
            } catch (EngineException e) {
                return;
            }
            pendingReleases.remove(next);
            LOG.log(Level.INFO, "PBX-1024 {0} postponed messages given back", next.deliveries().size());
        }
    }

    private void wakeReleased(List<DeliveryOutcomes.Released> released) {
        Instant now = clock.instant();
        for (DeliveryOutcomes.Released r : released) {
            if (r.visibleAt().isAfter(now)) {
                wakeAt(r.destinationId(), r.visibleAt());
            } else {
                signal(r.destinationId()).wake();
                announce(r.destinationId());
            }
        }
    }

    /** Earliest future delivery time of a destination's delayed messages. */
    public Optional<Instant> nextVisibleAt(long destinationId) {
        return guard(() -> store.inTransaction(tx -> tx.nextVisibleAt(destinationId, clock.instant())));
    }

    /** Reads messages of a destination in delivery order without claiming them (QueueBrowser). */
    public List<StoredMessage> browse(long destinationId, ScanPosition after, int limit) {
        return guard(() -> store.inTransaction(tx -> tx.scanAvailable(destinationId, after, clock.instant(), limit)));
    }

    // ----- wake-ups -----

    /** The wake-up signal of a destination. */
    public WakeSignal signal(long destinationId) {
        return signals.computeIfAbsent(destinationId, id -> new WakeSignal());
    }

    private void wakeAt(long destinationId, Instant when) {
        scheduler.schedule(() -> signal(destinationId).wake(),
                java.time.Duration.between(clock.instant(), when).plusMillis(1));
    }

    /** The fallback poll: wakes every destination with waiters so they look again. */
    private void pollWake() {
        for (WakeSignal signal : signals.values()) {
            signal.wake();
        }
    }

    private void expireAndWake() {
        try {
            outcomes.expireDue();
            store.inTransaction(tx -> tx.deleteExpiredIdempotencyKeys(clock.instant()));
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, "Expiry scan skipped: {0}", e.getMessage());
        }
    }

    // ----- lifecycle -----

    /** Stops background tasks, releases this node's claims and unregisters it. Idempotent. */
    @Override
    public void close() {
        if (!state.compareAndSet(State.RUNNING, State.CLOSED)) {
            return;
        }
        periodicTasks.forEach(TaskScheduler.Cancellable::cancel);
        if (remoteWakeups != null) {
            remoteWakeups.stop();
        }
        try {
            liveness.unregister();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "PBX-1034 Could not unregister node {0}; other nodes will release its messages"
                    + " after the node timeout: {1}", nodeId(), e.getMessage());
        }
        LOG.log(Level.INFO, "PBX-1009 Postbox node {0} stopped", nodeId());
    }

    /** True until {@link #close()}. */
    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    /** Runs a store operation, translating store failures into engine exceptions. */
    <T> T guard(Supplier<T> work) {
        if (state.get() == State.CLOSED) {
            throw new EngineException.IllegalState("The Postbox broker is closed");
        }
        try {
            return work.get();
        } catch (StoreUnavailableException e) {
            throw new EngineException.StoreUnavailable("Message store unavailable: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }
}
