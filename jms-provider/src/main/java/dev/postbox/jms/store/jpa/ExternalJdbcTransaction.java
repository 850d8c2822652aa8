package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.ClaimRequest;
import dev.postbox.jms.store.DeadLetterInfo;
import dev.postbox.jms.store.DestinationCounts;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.NodeRecord;
import dev.postbox.jms.store.Release;
import dev.postbox.jms.store.ScanPosition;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoredMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Store work inside a transaction that is not the store's own: the caller's JTA transaction, on a connection
 * of the transactional JDBC resource (the server enlists it and shares it with the application's own JDBC
 * and JPA work in that transaction), or a transacted session's {@link JdbcSessionConnection}.
 * Only sending and acknowledging happen here; they are plain statements on the mapped tables, so that
 * exactly one connection of the transaction is used and the container alone commits it.
 */
final class ExternalJdbcTransaction implements StoreTransaction {

    private final Connection connection;
    private final StoreDialect dialect;
    private final Clock clock;
    private final boolean closeConnection;

    /**
     * Works on a connection of the caller's transaction.
     *
     * @param closeConnection whether commit/close give the connection back (true for a server connection
     *     handle; false for a connection the caller keeps, e.g. a transacted session's)
     */
    ExternalJdbcTransaction(Connection connection, StoreDialect dialect, Clock clock, boolean closeConnection) {
        this.connection = connection;
        this.dialect = dialect;
        this.clock = clock;
        this.closeConnection = closeConnection;
    }

    @Override
    public int insert(List<NewMessage> messages) {
        try {
            return MessageInserts.insert(connection, dialect, EntityMapper.utc(clock.instant()), messages);
        } catch (SQLException e) {
            throw StoreExceptions.translate("Store message in the current transaction", e);
        }
    }

    @Override
    public int acknowledge(Collection<Long> messageIds, String node) {
        try {
            return MessageAcknowledgements.delete(connection, messageIds, node);
        } catch (SQLException e) {
            throw StoreExceptions.translate("Acknowledge in the current transaction", e);
        }
    }

    /** The container commits: nothing to do but give the connection handle back. */
    @Override
    public void commit() {
        close();
    }

    /** The container rolls back; the caller marks the transaction rollback-only when needed. */
    @Override
    public void rollback() {
        close();
    }

    @Override
    public void close() {
        if (!closeConnection) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw StoreExceptions.translate("Release the transaction's connection", e);
        }
    }

    private static UnsupportedOperationException notInExternalTransaction() {
        return new UnsupportedOperationException("Only sends and acknowledgements join an external transaction");
    }

    // ----- not available inside an external transaction -----

    @Override
    public Optional<DestinationRecord> findDestination(DestinationKind kind, String name) {
        throw notInExternalTransaction();
    }

    @Override
    public Optional<DestinationRecord> findDestination(long id) {
        throw notInExternalTransaction();
    }

    @Override
    public DestinationRecord createDestination(NewDestination destination) {
        throw notInExternalTransaction();
    }

    @Override
    public List<DestinationRecord> listDestinations() {
        throw notInExternalTransaction();
    }

    @Override
    public List<DestinationRecord> subscriptionsOf(long topicId) {
        throw notInExternalTransaction();
    }

    @Override
    public void deleteDestination(long id) {
        throw notInExternalTransaction();
    }

    @Override
    public void updatePolicy(long id, DestinationPolicy policy) {
        throw notInExternalTransaction();
    }

    @Override
    public List<DestinationRecord> orphanedTemporaryDestinations() {
        throw notInExternalTransaction();
    }

    @Override
    public int deleteOrphanedMessages() {
        throw notInExternalTransaction();
    }

    @Override
    public void attachSubscriptionConsumer(long subscriptionId, String consumerId, String node) {
        throw notInExternalTransaction();
    }

    @Override
    public int detachSubscriptionConsumer(long subscriptionId, String consumerId) {
        throw notInExternalTransaction();
    }

    @Override
    public int liveSubscriptionConsumers(long subscriptionId) {
        throw notInExternalTransaction();
    }

    @Override
    public List<DestinationRecord> abandonedSharedSubscriptions() {
        throw notInExternalTransaction();
    }

    @Override
    public List<DestinationRecord> inactiveDurableSubscriptions(Instant inactiveSince) {
        throw notInExternalTransaction();
    }

    @Override
    public List<StoredMessage> claim(ClaimRequest request) {
        throw notInExternalTransaction();
    }

    @Override
    public List<StoredMessage> claimAndDelete(ClaimRequest request) {
        throw notInExternalTransaction();
    }

    @Override
    public List<StoredMessage> claimById(Collection<Long> ids, String node, Instant now) {
        throw notInExternalTransaction();
    }

    @Override
    public List<StoredMessage> scanAvailable(long destinationId, ScanPosition after, Instant now, int limit) {
        throw notInExternalTransaction();
    }

    @Override
    public List<StoredMessage> browse(long destinationId, ScanPosition after, int limit) {
        throw notInExternalTransaction();
    }

    @Override
    public Optional<StoredMessage> findMessage(long messageId) {
        throw notInExternalTransaction();
    }

    @Override
    public List<Long> claimedBy(String node) {
        throw notInExternalTransaction();
    }

    @Override
    public int deleteMessages(Collection<Long> messageIds) {
        throw notInExternalTransaction();
    }

    @Override
    public int purge(long destinationId) {
        throw notInExternalTransaction();
    }

    @Override
    public int release(Collection<Release> releases, String node) {
        throw notInExternalTransaction();
    }

    @Override
    public int moveToDeadLetter(long messageId, long deadLetterDestinationId, DeadLetterInfo info) {
        throw notInExternalTransaction();
    }

    @Override
    public int move(long messageId, long targetDestinationId) {
        throw notInExternalTransaction();
    }

    @Override
    public Optional<Instant> nextVisibleAt(long destinationId, Instant now) {
        throw notInExternalTransaction();
    }

    @Override
    public List<StoredMessage> expired(Instant now, int limit) {
        throw notInExternalTransaction();
    }

    @Override
    public Map<Long, DestinationCounts> countsByDestination(Instant now) {
        throw notInExternalTransaction();
    }

    @Override
    public void registerNode(String nodeId, String host) {
        throw notInExternalTransaction();
    }

    @Override
    public boolean heartbeat(String nodeId) {
        throw notInExternalTransaction();
    }

    @Override
    public void unregisterNode(String nodeId) {
        throw notInExternalTransaction();
    }

    @Override
    public int registeredNodes() {
        throw notInExternalTransaction();
    }

    @Override
    public int reapDeadNodes(Duration timeout, String failure) {
        throw notInExternalTransaction();
    }

    @Override
    public void relaxDurability() {
        throw notInExternalTransaction();
    }

    @Override
    public int deleteExpiredIdempotencyKeys(Instant now) {
        throw notInExternalTransaction();
    }

    @Override
    public int deleteUnclaimed(long messageId) {
        throw notInExternalTransaction();
    }

    @Override
    public int moveUnclaimed(long messageId, long targetDestinationId, Instant now) {
        throw notInExternalTransaction();
    }

    @Override
    public int restoreDeadLetters(long destinationId, String origin, Collection<Long> ids, long target, Instant now) {
        throw notInExternalTransaction();
    }

    @Override
    public List<String> deadLetterOrigins(long destinationId) {
        throw notInExternalTransaction();
    }

    @Override
    public List<NodeRecord> listNodes() {
        throw notInExternalTransaction();
    }
}
