package dev.postbox.jms.engine;

import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreTransaction;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps this node registered and finds dead ones. Every heartbeat interval the node renews its row and
 * declares nodes silent for longer than the node timeout dead: their in-flight messages go back to their
 * destinations (a crashed consumer's messages are redelivered) and their temporary destinations are
 * removed. A node that finds itself declared dead (a long pause, a lost database) re-registers under a
 * new id; its old claims were already given to others.
 */
final class NodeLiveness {

    private static final System.Logger LOG = System.getLogger(NodeLiveness.class.getName());

    /**
     * Temporary destinations of dead nodes, subscriptions nobody uses any more and messages left behind by
     * deleted destinations are looked for at every this many heartbeats (queries that an idle node would
     * otherwise run at every beat); the first look is at the first heartbeat.
     */
    static final int BEATS_PER_CLEANUP = 5;

    /** The failure recorded on messages whose consumer's node died. */
    static final String CONSUMER_LOST = "consumer lost (its node stopped sending heartbeats)";

    private final MessageStore store;
    private final Duration nodeTimeout;
    private final String host;
    private final Consumer<DestinationRecord> orphanRemoved;
    private final StoreAvailabilityListener availability;
    private final AtomicBoolean storeReachable = new AtomicBoolean(true);
    private volatile String nodeId;
    private volatile long reapNotBeforeNanos = System.nanoTime();
    private volatile boolean otherNodes = true; // until the first count says otherwise
    private long beats; // beats run one at a time (a fixed-delay task)

    private final Duration durableSubscriptionTimeout;

    /** @param availability told when heartbeats start failing and when they succeed again (may be null) */
    NodeLiveness(MessageStore store, Duration nodeTimeout, Duration durableSubscriptionTimeout,
            Consumer<DestinationRecord> orphanRemoved, StoreAvailabilityListener availability) {
        this.store = store;
        this.nodeTimeout = nodeTimeout;
        this.durableSubscriptionTimeout = durableSubscriptionTimeout;
        this.orphanRemoved = orphanRemoved;
        this.availability = availability;
        this.host = hostName();
        this.nodeId = newNodeId();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String newNodeId() {
        return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    String nodeId() {
        return nodeId;
    }

    void register() {
        String id = nodeId;
        otherNodes = store.inTransaction(tx -> {
            tx.registerNode(id, host);
            return tx.registeredNodes() > 1;
        });
        LOG.log(Level.DEBUG, "Node {0} registered", id);
    }

    /**
     * Whether other nodes were registered at the last heartbeat: only then are wake-up notifications worth
     * their database round trips (a node that joins since then polls until the next heartbeat sees it).
     */
    boolean otherNodesSeen() {
        return otherNodes;
    }

    /** True while heartbeats succeed. */
    boolean storeReachable() {
        return storeReachable.get();
    }

    /**
     * One heartbeat round; never throws (called by the scheduler).
     *
     * @return how many messages of dead nodes were released
     */
    int beat() {
        try {
            boolean alive = store.inTransaction(tx -> {
                boolean renewed = tx.heartbeat(nodeId);
                otherNodes = tx.registeredNodes() > (renewed ? 1 : 0);
                return renewed;
            });
            if (!alive) {
                String old = nodeId;
                nodeId = newNodeId();
                register();
                LOG.log(Level.ERROR, "PBX-1030 Node {0} was declared dead by another node (no heartbeat for {1} ms);"
                        + " its in-flight messages were redelivered and its temporary destinations removed;"
                        + " continuing as node {2}", old, nodeTimeout.toMillis(), nodeId);
            }
            if (storeReachable.compareAndSet(false, true)) {
                // Every node missed its heartbeats during the outage: give the others a full timeout to
                // renew theirs before declaring anyone dead.
                reapNotBeforeNanos = System.nanoTime() + nodeTimeout.toNanos();
                LOG.log(Level.INFO, "PBX-1033 Message store reachable again");
                if (availability != null) {
                    availability.available();
                }
            }
            if (System.nanoTime() - reapNotBeforeNanos < 0) {
                return 0;
            }
            int released = store.inTransaction(tx -> tx.reapDeadNodes(nodeTimeout, CONSUMER_LOST));
            if (released > 0) {
                LOG.log(Level.WARNING, "PBX-1031 {0} in-flight messages of dead nodes returned to their destinations",
                        released);
            }
            if (beats++ % BEATS_PER_CLEANUP == 0) {
                removeOrphanedTemporaryDestinations();
                sweepOrphanedMessages();
            }
            return released;
        } catch (StoreException e) {
            storeFailed(new EngineException.StoreUnavailable("Message store unavailable: " + e.getMessage(), e));
            return 0;
        }
    }

    /** A heartbeat or any other store operation found the store unreachable (told once per outage). */
    void storeFailed(EngineException.StoreUnavailable failure) {
        if (storeReachable.compareAndSet(true, false)) {
            LOG.log(Level.WARNING, "PBX-1032 Message store unreachable, retrying: {0}", failure.getMessage());
            if (availability != null) {
                availability.unavailable(failure);
            }
        }
    }

    private void removeOrphanedTemporaryDestinations() {
        List<DestinationRecord> orphans = new java.util.ArrayList<>(store.inTransaction(tx -> {
            List<DestinationRecord> found = new java.util.ArrayList<>(tx.orphanedTemporaryDestinations());
            found.addAll(tx.abandonedSharedSubscriptions());
            if (!durableSubscriptionTimeout.isZero()) {
                found.addAll(tx.inactiveDurableSubscriptions(java.time.Instant.now().minus(durableSubscriptionTimeout)));
            }
            return found;
        }));
        for (DestinationRecord orphan : orphans) {
            store.inTransaction(tx -> {
                tx.deleteDestination(orphan.id());
                return null;
            });
            orphanRemoved.accept(orphan);
        }
    }

    /** Deletes messages whose send committed after their destination was deleted. */
    private void sweepOrphanedMessages() {
        int deleted = store.inTransaction(StoreTransaction::deleteOrphanedMessages);
        if (deleted > 0) {
            LOG.log(Level.WARNING, "PBX-1035 {0} messages sent to destinations deleted meanwhile were deleted too",
                    deleted);
        }
    }

    /** Clean shutdown: releases this node's claims and removes its row. */
    void unregister() {
        store.inTransaction(tx -> {
            tx.unregisterNode(nodeId);
            return null;
        });
    }
}
