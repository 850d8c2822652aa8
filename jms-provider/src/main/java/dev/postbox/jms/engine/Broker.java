package dev.postbox.jms.engine;

import dev.postbox.jms.config.BrokerConfig;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.SessionConnection;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.ScanPosition;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoredMessage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The delivery engine of one node: stores sent messages, claims them for consumers, acknowledges and
 * redelivers them, and keeps the node's liveness. The JMS facade talks only to this class (and the
 * records it returns); it never sees the store's transactions. The work is done by collaborators:
 * {@link Publishing}, {@link Deliveries}, {@link Subscriptions}, {@link Wakeups}, {@link NodeLiveness}.
 *
 * <p>Thread-safe. Every method may throw {@link EngineException} ({@link EngineException.StoreUnavailable}
 * when the database cannot be reached: the operation did not take effect).
 */
public final class Broker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    /** Orphan sweeps run every this many heartbeats. */
    private static final int BEATS_PER_ORPHAN_SWEEP = 5;
    /** How often the store's tables are vacuumed when the database does not (see MessageStore#needsVacuum). */
    private static final java.time.Duration VACUUM_INTERVAL = java.time.Duration.ofSeconds(10);

    private final BrokerConfig config;
    private final MessageStore store;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final StoreGuard guard = new StoreGuard();
    private final DestinationRegistry destinations;
    private final NodeLiveness liveness;
    private final DeliveryOutcomes outcomes;
    private final Set<Long> topicIds = ConcurrentHashMap.newKeySet();
    private final Subscriptions subscriptions;
    private final Wakeups wakeups;
    private final Deliveries deliveries;
    private final Publishing publishing;
    private final List<TaskScheduler.Cancellable> periodicTasks = new ArrayList<>();
    private final List<StoreAvailabilityListener> availabilityListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong beats = new AtomicLong();
    private final Authenticator authenticator;

    private Broker(BrokerConfig config, MessageStore store, TaskScheduler scheduler, Clock clock) {
        this.config = config;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.destinations = new DestinationRegistry(store);
        this.liveness = new NodeLiveness(store, config.nodeTimeout(), config.inactiveDurableSubscriptionTimeout(),
                destinations::evict, new StoreAvailabilityListener() {
                    @Override
                    public void unavailable(EngineException.StoreUnavailable failure) {
                        availabilityListeners.forEach(l -> l.unavailable(failure));
                    }

                    @Override
                    public void available() {
                        availabilityListeners.forEach(StoreAvailabilityListener::available);
                    }
                });
        this.guard.onUnavailable(liveness::storeFailed);
        this.guard.onMissingDestination(destinations::evictId);
        this.outcomes = new DeliveryOutcomes(config, store, destinations, clock);
        this.subscriptions = new Subscriptions(store, liveness::nodeId);
        this.wakeups = new Wakeups(scheduler, clock);
        this.deliveries = new Deliveries(store, guard, outcomes, wakeups, liveness::nodeId, clock, scheduler);
        this.publishing = new Publishing(config, store, guard, new FanOut(topicIds), wakeups, deliveries, clock);
        this.authenticator = new Authenticator(store::users, config.requireAuthentication());
    }

    /**
     * Starts a node on a store: registers it and starts heartbeat, dead-node, expiry and poll tasks.
     *
     * @throws EngineException when the store cannot be used
     */
    public static Broker start(BrokerConfig config, MessageStore store, TaskScheduler scheduler, Clock clock) {
        Broker broker = new Broker(config, store, scheduler, clock);
        broker.guard.run(broker.liveness::register);
        broker.periodicTasks.add(scheduler.scheduleWithFixedDelay(broker::heartbeat,
                config.heartbeatInterval(), config.heartbeatInterval()));
        broker.periodicTasks.add(scheduler.scheduleWithFixedDelay(broker::expire,
                config.expiryScanInterval(), config.expiryScanInterval()));
        broker.periodicTasks.add(scheduler.scheduleWithFixedDelay(broker.wakeups::wakeAllLocal,
                config.pollInterval(), config.pollInterval()));
        if (store.needsVacuum()) {
            broker.periodicTasks.add(scheduler.scheduleWithFixedDelay(broker::vacuum, VACUUM_INTERVAL,
                    VACUUM_INTERVAL));
        }
        store.notifications().ifPresent(n -> broker.wakeups.startRemote(n, broker::nodeId,
                broker.liveness::otherNodesSeen));
        LOG.log(Level.INFO, "PBX-1000 Postbox node {0} started on {1}", broker.nodeId(), store.databaseDescription());
        return broker;
    }

    private void heartbeat() {
        if (liveness.beat() > 0) {
            wakeups.everywhere();
        }
        deliveries.retryPostponed();
        if (beats.incrementAndGet() % BEATS_PER_ORPHAN_SWEEP == 0) {
            try {
                deliveries.sweepOrphans(liveness::storeReachable);
            } catch (EngineException e) {
                LOG.log(Level.DEBUG, "Orphan sweep skipped: {0}", e.getMessage());
            }
        }
    }

    private void vacuum() {
        try {
            store.vacuum();
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, "Vacuum skipped: {0}", e.getMessage());
        }
    }

    private void expire() {
        try {
            outcomes.expireDue();
            store.inTransaction(tx -> tx.deleteExpiredIdempotencyKeys(clock.instant()));
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, "Expiry scan skipped: {0}", e.getMessage());
        }
    }

    // ----- node -----

    /** This node's current id. */
    public String nodeId() {
        return liveness.nodeId();
    }

    /**
     * Adds a listener told when this node's heartbeats start failing and succeed again (within one
     * heartbeat interval of an outage, whatever the application is doing).
     *
     * @return removes the listener
     */
    public Runnable addStoreAvailabilityListener(StoreAvailabilityListener listener) {
        availabilityListeners.add(listener);
        return () -> availabilityListeners.remove(listener);
    }

    /**
     * Checks the credentials of a new connection against the stored users (null user: anonymous).
     *
     * @throws EngineException.Security when they are refused
     */
    public void authenticate(String user, String password) {
        guard.run(() -> authenticator.authenticate(user, password));
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
        return find(DestinationKind.QUEUE, name);
    }

    /**
     * The topic with this name, created when missing and auto-creation is on.
     *
     * @throws EngineException.InvalidDestination when it does not exist and may not be created
     */
    public DestinationRecord topic(String name) {
        DestinationRecord topic = find(DestinationKind.TOPIC, name);
        topicIds.add(topic.id());
        return topic;
    }

    private DestinationRecord find(DestinationKind kind, String name) {
        return guard.call(() -> {
            if (config.autoCreateDestinations()) {
                return destinations.findOrCreate(new NewDestination(kind, name, false, null, null, null,
                        DestinationPolicy.DEFAULTS));
            }
            return destinations.find(kind, name).orElseThrow(() -> new EngineException.InvalidDestination(
                    (kind == DestinationKind.TOPIC ? "Topic " : "Queue ") + name
                    + " does not exist and auto-creation is disabled"));
        });
    }

    /** Finds a destination without creating it. */
    public Optional<DestinationRecord> findDestination(DestinationKind kind, String name) {
        Optional<DestinationRecord> found = guard.call(() -> destinations.find(kind, name));
        found.filter(d -> d.kind() == DestinationKind.TOPIC).ifPresent(d -> topicIds.add(d.id()));
        return found;
    }

    /** Creates (or finds) a destination with explicit settings. */
    public DestinationRecord createDestination(NewDestination destination) {
        DestinationRecord record = guard.call(() -> destinations.findOrCreate(destination));
        if (record.kind() == DestinationKind.TOPIC) {
            // sends to it fan out, also when another node created it
            topicIds.add(record.id());
        }
        return record;
    }

    /** Creates a temporary queue owned by a connection of this node. */
    public DestinationRecord createTemporaryQueue(String connectionId) {
        return createTemporary(DestinationKind.QUEUE, "temp-" + UUID.randomUUID(), connectionId);
    }

    /** Creates a temporary topic owned by a connection of this node. */
    public DestinationRecord createTemporaryTopic(String connectionId) {
        DestinationRecord topic = createTemporary(DestinationKind.TOPIC, "temp-topic-" + UUID.randomUUID(),
                connectionId);
        topicIds.add(topic.id());
        return topic;
    }

    private DestinationRecord createTemporary(DestinationKind kind, String name, String connectionId) {
        return guard.call(() -> destinations.create(new NewDestination(kind, name, true, nodeId(), connectionId,
                null, DestinationPolicy.DEFAULTS)));
    }

    /** Deletes a destination and its messages. */
    public void deleteDestination(DestinationRecord destination) {
        guard.run(() -> store.inTransaction(tx -> {
            tx.deleteDestination(destination.id());
            return null;
        }));
        destinations.evict(destination);
        wakeups.forget(destination.id());
    }

    // ----- subscriptions -----

    /**
     * Finds or creates a topic subscription and attaches a consumer to it.
     *
     * @throws EngineException.IllegalState when the subscription rules forbid it
     */
    public DestinationRecord subscribe(SubscriptionRequest request, String consumerId) {
        return guard.call(() -> subscriptions.attach(request, consumerId));
    }

    /** Detaches a consumer from its subscription (a non-durable one without consumers disappears). */
    public void unsubscribeConsumer(DestinationRecord subscription, String consumerId) {
        guard.run(() -> subscriptions.detach(subscription, consumerId));
    }

    /**
     * Deletes a durable subscription.
     *
     * @throws EngineException.InvalidDestination when it does not exist
     * @throws EngineException.IllegalState when it has an active consumer
     */
    public void unsubscribe(String clientId, String name) {
        guard.run(() -> subscriptions.unsubscribe(clientId, name));
    }

    // ----- sending -----

    /**
     * Stores messages in one transaction (topic messages once per interested subscription) and wakes
     * their consumers.
     *
     * @param relaxed true when every message is NON_PERSISTENT: the commit need not wait for the disk
     */
    public void send(List<NewMessage> messages, boolean relaxed) {
        publishing.send(messages, relaxed);
    }

    /**
     * Commits a transacted session's work in one database transaction: the sends are stored and the
     * received messages acknowledged, or nothing happens.
     *
     * @throws EngineException.RolledBack when a received message is no longer held by this node (it was
     *     redelivered meanwhile): nothing was committed
     */
    public void commit(List<NewMessage> sends, List<Delivery> acknowledgements, boolean relaxed) {
        publishing.commit(sends, acknowledgements, relaxed);
    }

    /**
     * Commits a transacted session's work on its own database connection, together with the application's
     * SQL on that connection: one database transaction, or nothing.
     *
     * @throws EngineException.RolledBack when a received message is no longer held by this node (the
     *     connection was rolled back, the application's work with it)
     * @throws EngineException when the commit failed
     */
    public void commitOn(SessionConnection connection, List<NewMessage> sends, List<Delivery> acknowledgements) {
        publishing.commitOn(connection, sends, acknowledgements);
    }

    /** Lends a database connection to a transacted session (see {@link MessageStore#openSessionConnection()}). */
    public SessionConnection openSessionConnection() {
        return guard.call(store::openSessionConnection);
    }

    /**
     * Stores messages inside an external (JTA) transaction: they become visible when it commits.
     *
     * @throws EngineException when the store cannot join the transaction
     */
    public void sendInTransaction(ExternalTransaction transaction, List<NewMessage> messages) {
        publishing.sendInTransaction(transaction, messages);
    }

    // ----- receiving -----

    /**
     * Claims up to {@code max} messages for a consumer. Expired messages found on the way are expired;
     * messages whose delivery count passed the limit (their consumers crashed) are dead-lettered.
     *
     * @return the claimed deliveries, possibly empty
     */
    public List<Delivery> claim(ConsumerSpec consumer, int max) {
        return deliveries.claim(consumer, max);
    }

    /**
     * Takes up to {@code max} messages for good: they are deleted in the claiming transaction and never
     * redelivered (at-most-once delivery). If the consumer fails after this, the messages are lost.
     *
     * @return the taken deliveries (already acknowledged), with this delivery counted
     */
    public List<Delivery> claimAndAcknowledge(ConsumerSpec consumer, int max) {
        return deliveries.claimAndAcknowledge(consumer, max);
    }

    /**
     * Acknowledges deliveries: they are deleted.
     *
     * @throws EngineException.StoreUnavailable when the store cannot be reached: nothing was acknowledged
     *     for certain (the caller may retry)
     */
    public void acknowledge(List<Delivery> deliveries) {
        this.deliveries.acknowledge(deliveries);
    }

    /** Acknowledges now, or once the store is reachable again (no caller waits for the outcome). */
    public void acknowledgeEventually(List<Delivery> deliveries) {
        this.deliveries.acknowledgeEventually(deliveries);
    }

    /**
     * Gives failed deliveries back (recover, rollback, a listener that threw, a consumer that closed):
     * each becomes available after its redelivery delay, or is dead-lettered when it has used up its
     * delivery attempts. During a store outage this happens once the store is back.
     *
     * @param failure why they failed, recorded with the message (may be null)
     */
    public void redeliver(List<Delivery> deliveries, String failure) {
        this.deliveries.redeliver(deliveries, failure);
    }

    /** Gives back deliveries that were claimed but never handed to the application (prefetched). */
    public void releaseUndelivered(List<Delivery> deliveries) {
        this.deliveries.releaseUndelivered(deliveries);
    }

    /**
     * Acknowledges deliveries inside an external (JTA) transaction: they are deleted when it commits, and
     * redelivered (with the reason the supplier gives at that time) when it rolls back.
     *
     * @return how many of the deliveries were still held by this node (fewer: redelivered meanwhile)
     */
    public int acknowledgeInTransaction(ExternalTransaction transaction, List<Delivery> deliveries,
            Supplier<String> rollbackReason) {
        return this.deliveries.acknowledgeInTransaction(transaction, deliveries, rollbackReason);
    }

    /**
     * Deletes deliveries inside the caller's transaction without watching its outcome: the caller calls
     * {@link #settleAfterTransaction} once the transaction has completed.
     *
     * @return how many of the deliveries were still held by this node
     */
    public int enlistAcknowledgement(List<Delivery> deliveries) {
        return this.deliveries.enlistAcknowledgement(deliveries);
    }

    /**
     * After a transaction that contained {@link #enlistAcknowledgement} completed: deliveries whose rows
     * still exist and are still held by their node were rolled back, and are redelivered with the reason.
     *
     * @return the number of deliveries found rolled back
     */
    public int settleAfterTransaction(List<Delivery> deliveries, String rollbackReason) {
        return this.deliveries.settleAfterTransaction(deliveries, rollbackReason);
    }

    /** True when work can join external (JTA) transactions. */
    public boolean supportsExternalTransactions() {
        return store.supportsExternalTransactions();
    }

    /** Earliest future delivery time of a destination's delayed messages. */
    public Optional<Instant> nextVisibleAt(long destinationId) {
        return guard.call(() -> store.nextVisibleAt(destinationId, clock.instant()));
    }

    /** Reads messages of a destination in delivery order without claiming them (QueueBrowser). */
    public List<StoredMessage> browse(long destinationId, ScanPosition after, int limit) {
        return guard.call(() -> store.inTransaction(tx -> tx.scanAvailable(destinationId, after, clock.instant(),
                limit)));
    }

    /** The wake-up signal of a destination. */
    public WakeSignal signal(long destinationId) {
        return wakeups.signal(destinationId);
    }

    // ----- lifecycle -----

    /** Stops background tasks, releases this node's claims and unregisters it. Idempotent. */
    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        periodicTasks.forEach(TaskScheduler.Cancellable::cancel);
        wakeups.stopRemote();
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
        return guard.isOpen();
    }
}
