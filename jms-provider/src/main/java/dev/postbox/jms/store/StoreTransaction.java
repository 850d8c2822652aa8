package dev.postbox.jms.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One database transaction of the message store. Not thread-safe. {@link #close()} rolls back unless
 * {@link #commit()} succeeded.
 */
public interface StoreTransaction extends AutoCloseable {

    // ----- destinations -----

    /** Finds a destination by kind and name. */
    Optional<DestinationRecord> findDestination(DestinationKind kind, String name);

    /** Finds a destination by id. */
    Optional<DestinationRecord> findDestination(long id);

    /**
     * Creates a destination.
     *
     * @throws StoreConflictException when one with the same kind and name exists
     */
    DestinationRecord createDestination(NewDestination destination);

    /** All destinations, ordered by kind and name. */
    List<DestinationRecord> listDestinations();

    /** The subscriptions of a topic. */
    List<DestinationRecord> subscriptionsOf(long topicId);

    /** Deletes a destination and every message on it. */
    void deleteDestination(long id);

    /** Replaces the delivery policy overrides of a destination. */
    void updatePolicy(long id, DestinationPolicy policy);

    /** Temporary destinations owned by nodes that are no longer registered. */
    List<DestinationRecord> orphanedTemporaryDestinations();

    /**
     * Deletes available messages whose destination no longer exists: sends that committed after their
     * destination was deleted (messages carry no foreign key; see the V007 migration).
     *
     * @return how many were deleted
     */
    int deleteOrphanedMessages();

    /** Records that a consumer is attached to a subscription (and when the subscription was last active). */
    void attachSubscriptionConsumer(long subscriptionId, String consumerId, String node);

    /** Removes an attached consumer; returns how many consumers of live nodes remain. */
    int detachSubscriptionConsumer(long subscriptionId, String consumerId);

    /** Consumers of live nodes attached to a subscription. */
    int liveSubscriptionConsumers(long subscriptionId);

    /** Temporary shared subscriptions that have no consumer left (their consumers' nodes died). */
    List<DestinationRecord> abandonedSharedSubscriptions();

    /** Durable subscriptions without consumers since before the given time. */
    List<DestinationRecord> inactiveDurableSubscriptions(Instant inactiveSince);

    // ----- messages -----

    /**
     * Stores messages (batched). A message with an idempotency key whose key is already recorded (and
     * not expired) for its destination is skipped: it was stored before.
     *
     * @return how many messages were stored
     */
    int insert(List<NewMessage> messages);

    /** Deletes idempotency keys whose retention has ended; returns how many. */
    int deleteExpiredIdempotencyKeys(Instant now);

    /**
     * Claims available messages for a node: marks them in flight and increments their delivery count,
     * in priority order (higher first), then FIFO.
     */
    List<StoredMessage> claim(ClaimRequest request);

    /**
     * Takes available messages for good: deletes them and returns them as they were (at-most-once
     * delivery, and AUTO_ACKNOWLEDGE receives, which acknowledge before returning anyway). Same order and
     * eligibility as {@link #claim}.
     */
    List<StoredMessage> claimAndDelete(ClaimRequest request);

    /**
     * Claims specific messages if they are still available (used after selector evaluation); messages
     * claimed by others meanwhile are skipped.
     */
    List<StoredMessage> claimById(Collection<Long> ids, String node, Instant now);

    /**
     * Available messages of a destination after a position, without claiming them, in delivery order.
     *
     * @param after the last position seen, or null to start at the head
     */
    List<StoredMessage> scanAvailable(long destinationId, ScanPosition after, Instant now, int limit);

    /** Every message of a destination (available or in flight), in delivery order, after a position. */
    List<StoredMessage> browse(long destinationId, ScanPosition after, int limit);

    /** Reads one message. */
    Optional<StoredMessage> findMessage(long messageId);

    /** Ids of the messages a node holds claimed. */
    List<Long> claimedBy(String node);

    /** Deletes (acknowledges) messages claimed by the node; returns how many were deleted. */
    int acknowledge(Collection<Long> messageIds, String node);

    /** Deletes messages regardless of their state (management). Returns how many were deleted. */
    int deleteMessages(Collection<Long> messageIds);

    /** Deletes every message of a destination (management purge). */
    int purge(long destinationId);

    /** Returns claimed messages to their destination; returns how many were released. */
    int release(Collection<Release> releases, String node);

    /**
     * Moves a message to another destination with dead-letter details (reason, origin, time), making
     * it available there with a delivery count of zero.
     */
    int moveToDeadLetter(long messageId, long deadLetterDestinationId, DeadLetterInfo info);

    /** Moves a message to another destination as it is (management), making it available there. */
    int move(long messageId, long targetDestinationId);

    /** Earliest future visibility time of available messages on a destination, if any. */
    Optional<Instant> nextVisibleAt(long destinationId, Instant now);

    /** Available (not in flight) messages whose expiry time has passed, up to a limit. */
    List<StoredMessage> expired(Instant now, int limit);

    /** Message counts per destination id: available, in flight, delayed. */
    Map<Long, DestinationCounts> countsByDestination(Instant now);

    // ----- management -----

    /** Deletes a message unless it is in flight; returns 1 when deleted, 0 when in flight or gone. */
    int deleteUnclaimed(long messageId);

    /**
     * Moves a message that is not in flight to another destination, available there at {@code now};
     * returns 1 when moved, 0 when in flight or gone.
     */
    int moveUnclaimed(long messageId, long targetDestinationId, Instant now);

    /**
     * Returns dead-lettered messages of a destination that came from {@code origin} and are not in flight
     * to {@code targetDestinationId}: available at {@code now}, delivery count zero, dead-letter details and
     * last failure cleared.
     *
     * @param messageIds the messages to return, or null for all of them
     * @return how many were returned
     */
    int restoreDeadLetters(long destinationId, String origin, Collection<Long> messageIds, long targetDestinationId,
            Instant now);

    /** The distinct dead-letter origins of the messages on a destination, by name. */
    List<String> deadLetterOrigins(long destinationId);

    /** The registered nodes, by id. */
    List<NodeRecord> listNodes();

    // ----- nodes -----

    /** Registers a live node. */
    void registerNode(String nodeId, String host);

    /** Renews a node's heartbeat; false when the node is no longer registered (declared dead). */
    boolean heartbeat(String nodeId);

    /** The number of registered nodes (live, or dead and not reaped yet). */
    int registeredNodes();

    /** Unregisters a node (clean shutdown). Its remaining claims are released. */
    void unregisterNode(String nodeId);

    /**
     * Declares nodes whose heartbeat is older than the timeout dead: removes them and returns their
     * claimed messages to their destinations (delivery counts kept, marked with the failure).
     *
     * @return the number of messages released
     */
    int reapDeadNodes(Duration timeout, String failure);

    // ----- transaction -----

    /** Makes this transaction's commit asynchronous (no flush wait) where the database supports it. */
    void relaxDurability();

    /** Commits. */
    void commit();

    /** Rolls back. */
    void rollback();

    /** Rolls back unless committed, and releases the connection. */
    @Override
    void close();
}
