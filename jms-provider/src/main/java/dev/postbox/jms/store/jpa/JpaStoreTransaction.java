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
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoredMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/** A store transaction on one {@link EntityManager}. Every operation translates failures. */
final class JpaStoreTransaction implements StoreTransaction {

    private static final Comparator<StoredMessage> DELIVERY_ORDER = Comparator
            .comparingInt((StoredMessage m) -> -m.content().priority())
            .thenComparingLong(StoredMessage::id);

    private final EntityManager em;
    private final EntityTransaction transaction;
    private final StoreDialect dialect;
    private final Clock clock;
    private final List<Lock> heldLocks = new ArrayList<>(1);
    private boolean ended;

    private JpaStoreTransaction(EntityManager em, EntityTransaction transaction, StoreDialect dialect, Clock clock) {
        this.em = em;
        this.transaction = transaction;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** A new resource-local transaction of the store. */
    static JpaStoreTransaction begin(EntityManager em, StoreDialect dialect, Clock clock) {
        try {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            return new JpaStoreTransaction(em, transaction, dialect, clock);
        } catch (RuntimeException e) {
            em.close();
            throw StoreExceptions.translate("Begin transaction", e);
        }
    }


    EntityManager em() {
        return em;
    }

    /** Holds a JVM lock until this transaction ends (see {@link H2Dialect}). */
    void holdUntilEnd(Lock lock) {
        lock.lock();
        heldLocks.add(lock);
    }

    private <T> T run(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw StoreExceptions.translate(operation, e);
        }
    }

    // ----- destinations -----

    @Override
    public Optional<DestinationRecord> findDestination(DestinationKind kind, String name) {
        return run("Find destination", () -> em
                .createQuery(MessageQueries.DESTINATION_BY_NAME, DestinationEntity.class)
                .setParameter("kind", kind.name())
                .setParameter("name", name)
                .getResultStream().findFirst().map(EntityMapper::toRecord));
    }

    @Override
    public Optional<DestinationRecord> findDestination(long id) {
        return run("Find destination", () -> Optional.ofNullable(em.find(DestinationEntity.class, id))
                .map(EntityMapper::toRecord));
    }

    @Override
    public DestinationRecord createDestination(NewDestination destination) {
        return run("Create destination " + destination.name(), () -> {
            DestinationEntity entity = EntityMapper.toEntity(destination, clock.instant());
            em.persist(entity);
            em.flush();
            return EntityMapper.toRecord(entity);
        });
    }

    @Override
    public List<DestinationRecord> listDestinations() {
        return run("List destinations", () -> em
                .createQuery(MessageQueries.ALL_DESTINATIONS, DestinationEntity.class)
                .getResultStream().map(EntityMapper::toRecord).toList());
    }

    @Override
    public List<DestinationRecord> subscriptionsOf(long topicId) {
        return run("List subscriptions", () -> em
                .createQuery(MessageQueries.SUBSCRIPTIONS_OF, DestinationEntity.class)
                .setParameter("topic", topicId)
                .getResultStream().map(EntityMapper::toRecord).toList());
    }

    @Override
    public void deleteDestination(long id) {
        run("Delete destination", () -> {
            for (DestinationRecord subscription : subscriptionsOf(id)) {
                deleteDestination(subscription.id());
            }
            em.createQuery(MessageQueries.DELETE_DESTINATION_MESSAGES).setParameter("destination", id)
                    .executeUpdate();
            DestinationEntity entity = em.find(DestinationEntity.class, id);
            if (entity != null) {
                em.remove(entity);
                em.flush();
            }
            return null;
        });
    }

    @Override
    public void updatePolicy(long id, DestinationPolicy policy) {
        run("Update destination policy", () -> {
            DestinationEntity entity = em.find(DestinationEntity.class, id);
            if (entity == null) {
                throw new StoreException("No destination with id " + id);
            }
            EntityMapper.apply(entity, policy);
            em.flush();
            return null;
        });
    }

    @Override
    public List<DestinationRecord> orphanedTemporaryDestinations() {
        return run("Find orphaned temporary destinations", () -> em
                .createQuery(MessageQueries.ORPHANED_TEMPORARY, DestinationEntity.class)
                .getResultStream().map(EntityMapper::toRecord).toList());
    }

    @Override
    public int deleteOrphanedMessages() {
        return run("Delete orphaned messages",
                () -> em.createNativeQuery(dialect.deleteOrphanedMessagesSql()).executeUpdate());
    }

    @Override
    public void attachSubscriptionConsumer(long subscriptionId, String consumerId, String node) {
        run("Attach subscription consumer", () -> {
            OffsetDateTime now = EntityMapper.utc(clock.instant());
            em.createNativeQuery(MessageQueries.ATTACH_SUBSCRIPTION_CONSUMER)
                    .setParameter(1, subscriptionId).setParameter(2, consumerId).setParameter(3, node)
                    .setParameter(4, now).executeUpdate();
            return em.createNativeQuery(MessageQueries.TOUCH_SUBSCRIPTION)
                    .setParameter(1, subscriptionId).setParameter(2, now).executeUpdate();
        });
    }

    @Override
    public int detachSubscriptionConsumer(long subscriptionId, String consumerId) {
        return run("Detach subscription consumer", () -> {
            em.createNativeQuery(MessageQueries.DETACH_SUBSCRIPTION_CONSUMER)
                    .setParameter(1, subscriptionId).setParameter(2, consumerId).executeUpdate();
            em.createNativeQuery(MessageQueries.TOUCH_SUBSCRIPTION)
                    .setParameter(1, subscriptionId).setParameter(2, EntityMapper.utc(clock.instant()))
                    .executeUpdate();
            return liveSubscriptionConsumers(subscriptionId);
        });
    }

    @Override
    public int liveSubscriptionConsumers(long subscriptionId) {
        return run("Count subscription consumers", () -> ((Number) em
                .createNativeQuery(MessageQueries.LIVE_SUBSCRIPTION_CONSUMERS)
                .setParameter(1, subscriptionId).getSingleResult()).intValue());
    }

    @Override
    public List<DestinationRecord> abandonedSharedSubscriptions() {
        return run("Find abandoned shared subscriptions", () -> destinations(em
                .createNativeQuery(MessageQueries.ABANDONED_SHARED_SUBSCRIPTIONS, DestinationEntity.class)
                .getResultList()));
    }

    @Override
    public List<DestinationRecord> inactiveDurableSubscriptions(Instant inactiveSince) {
        return run("Find inactive durable subscriptions", () -> destinations(em
                .createNativeQuery(MessageQueries.INACTIVE_DURABLE_SUBSCRIPTIONS, DestinationEntity.class)
                .setParameter(1, EntityMapper.utc(inactiveSince))
                .getResultList()));
    }

    private static List<DestinationRecord> destinations(List<?> entities) {
        List<DestinationRecord> records = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            records.add(EntityMapper.toRecord((DestinationEntity) entity));
        }
        return records;
    }

    // ----- messages -----

    @Override
    public int insert(List<NewMessage> messages) {
        return run("Store message", () -> {
            try {
                em.flush();
                return MessageInserts.insert(em.unwrap(java.sql.Connection.class), dialect,
                        EntityMapper.utc(clock.instant()), messages);
            } catch (java.sql.SQLException e) {
                throw StoreExceptions.translate("Store message", e);
            }
        });
    }

    @Override
    public int deleteExpiredIdempotencyKeys(Instant now) {
        return run("Delete expired idempotency keys", () -> {
            try {
                return IdempotencyKeys.deleteExpired(em.unwrap(java.sql.Connection.class), EntityMapper.utc(now));
            } catch (java.sql.SQLException e) {
                throw StoreExceptions.translate("Delete expired idempotency keys", e);
            }
        });
    }

    @Override
    public List<StoredMessage> claim(ClaimRequest request) {
        return run("Claim messages", () -> sorted(dialect.claim(this, request)));
    }

    @Override
    public List<StoredMessage> claimAndDelete(ClaimRequest request) {
        return run("Take messages", () -> sorted(dialect.claimAndDelete(this, request)));
    }

    @Override
    public List<StoredMessage> claimById(Collection<Long> ids, String node, Instant now) {
        return run("Claim messages", () -> {
            OffsetDateTime time = EntityMapper.utc(now);
            List<StoredMessage> claimed = new ArrayList<>(ids.size());
            for (long id : ids) {
                StoredMessage message = dialect.claimOne(this, id, node, time);
                if (message != null) {
                    claimed.add(message);
                }
            }
            return sorted(claimed);
        });
    }

    /** Runs a dialect's claim statement (numbered parameters) on this transaction's connection. */
    List<StoredMessage> queryMessages(String numberedSql, Object... parameters) {
        try {
            em.flush();
            return MessageRows.query(em.unwrap(java.sql.Connection.class), numberedSql, parameters);
        } catch (java.sql.SQLException e) {
            throw StoreExceptions.translate("Claim messages", e);
        }
    }

    static List<StoredMessage> sorted(List<StoredMessage> messages) {
        List<StoredMessage> result = new ArrayList<>(messages);
        result.sort(DELIVERY_ORDER);
        return result;
    }

    @Override
    public List<StoredMessage> scanAvailable(long destinationId, ScanPosition after, Instant now, int limit) {
        return run("Scan messages", () -> {
            TypedQuery<MessageEntity> query = em.createQuery(after == null
                    ? MessageQueries.SCAN_AVAILABLE_FROM_HEAD : MessageQueries.SCAN_AVAILABLE_AFTER,
                    MessageEntity.class)
                    .setParameter("destination", destinationId)
                    .setParameter("now", EntityMapper.utc(now));
            return page(query, after, limit);
        });
    }

    @Override
    public List<StoredMessage> browse(long destinationId, ScanPosition after, int limit) {
        return run("Browse messages", () -> {
            TypedQuery<MessageEntity> query = em.createQuery(after == null
                    ? MessageQueries.BROWSE_FROM_HEAD : MessageQueries.BROWSE_AFTER, MessageEntity.class)
                    .setParameter("destination", destinationId);
            return page(query, after, limit);
        });
    }

    private List<StoredMessage> page(TypedQuery<MessageEntity> query, ScanPosition after, int limit) {
        if (after != null) {
            query.setParameter("priority", (short) after.priority()).setParameter("id", after.id());
        }
        List<StoredMessage> result = query.setMaxResults(limit).getResultStream().map(EntityMapper::toRecord)
                .toList();
        em.clear();
        return result;
    }

    @Override
    public Optional<StoredMessage> findMessage(long messageId) {
        return run("Read message", () -> Optional.ofNullable(em.find(MessageEntity.class, messageId))
                .map(EntityMapper::toRecord));
    }

    @Override
    public List<Long> claimedBy(String node) {
        return run("Find claimed messages", () -> em.createQuery(MessageQueries.CLAIMED_BY, Long.class)
                .setParameter("node", node).getResultList());
    }

    @Override
    public int acknowledge(Collection<Long> messageIds, String node) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        return run("Acknowledge messages", () -> {
            try {
                em.flush();
                return MessageAcknowledgements.delete(em.unwrap(java.sql.Connection.class), messageIds, node);
            } catch (java.sql.SQLException e) {
                throw StoreExceptions.translate("Acknowledge messages", e);
            }
        });
    }

    @Override
    public int deleteMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        return run("Delete messages", () -> em.createQuery(MessageQueries.DELETE_BY_IDS)
                .setParameter("ids", List.copyOf(messageIds))
                .executeUpdate());
    }

    @Override
    public int purge(long destinationId) {
        return run("Purge destination", () -> em.createQuery(MessageQueries.PURGE)
                .setParameter("destination", destinationId)
                .executeUpdate());
    }

    @Override
    public int release(Collection<Release> releases, String node) {
        if (releases.isEmpty()) {
            return 0;
        }
        return run("Release messages", () -> {
            Map<ReleaseGroup, List<Long>> groups = new LinkedHashMap<>();
            for (Release release : releases) {
                groups.computeIfAbsent(new ReleaseGroup(release.delivered(), release.visibleAt(), release.failure()),
                        g -> new ArrayList<>()).add(release.messageId());
            }
            int released = 0;
            for (Map.Entry<ReleaseGroup, List<Long>> group : groups.entrySet()) {
                released += releaseGroup(group.getKey(), group.getValue(), node);
            }
            return released;
        });
    }

    private int releaseGroup(ReleaseGroup group, List<Long> ids, String node) {
        var query = em.createQuery(group.failure() == null
                ? MessageQueries.RELEASE : MessageQueries.RELEASE_WITH_FAILURE);
        if (group.failure() != null) {
            query.setParameter("failure", truncate(group.failure(), 2000));
        }
        return query.setParameter("visibleAt", EntityMapper.utc(group.visibleAt()))
                .setParameter("giveBack", group.delivered() ? 0 : 1)
                .setParameter("ids", ids)
                .setParameter("node", node)
                .executeUpdate();
    }

    private record ReleaseGroup(boolean delivered, Instant visibleAt, String failure) {
    }

    @Override
    public int moveToDeadLetter(long messageId, long deadLetterDestinationId, DeadLetterInfo info) {
        return run("Dead-letter message", () -> em.createQuery(MessageQueries.MOVE_TO_DEAD_LETTER)
                .setParameter("target", deadLetterDestinationId)
                .setParameter("now", EntityMapper.utc(info.deadLetteredAt()))
                .setParameter("reason", truncate(info.reason(), 2000))
                .setParameter("origin", truncate(info.originalDestination(), 512))
                .setParameter("attempts", info.attempts())
                .setParameter("id", messageId)
                .executeUpdate());
    }

    @Override
    public int move(long messageId, long targetDestinationId) {
        return run("Move message", () -> em.createQuery(MessageQueries.MOVE)
                .setParameter("target", targetDestinationId)
                .setParameter("now", EntityMapper.utc(clock.instant()))
                .setParameter("id", messageId)
                .executeUpdate());
    }

    @Override
    public Optional<Instant> nextVisibleAt(long destinationId, Instant now) {
        return run("Find next delivery time", () -> Optional.ofNullable(em
                .createQuery(MessageQueries.NEXT_VISIBLE, OffsetDateTime.class)
                .setParameter("destination", destinationId)
                .setParameter("now", EntityMapper.utc(now))
                .getSingleResult()).map(OffsetDateTime::toInstant));
    }

    @Override
    public List<StoredMessage> expired(Instant now, int limit) {
        return run("Find expired messages", () -> {
            List<StoredMessage> result = em.createQuery(MessageQueries.EXPIRED, MessageEntity.class)
                    .setParameter("now", EntityMapper.utc(now))
                    .setMaxResults(limit)
                    .getResultStream().map(EntityMapper::toRecord).toList();
            em.clear();
            return result;
        });
    }

    @Override
    public Map<Long, DestinationCounts> countsByDestination(Instant now) {
        return run("Count messages", () -> {
            Map<Long, DestinationCounts> counts = new HashMap<>();
            List<Object[]> rows = em.createQuery(MessageQueries.COUNTS, Object[].class)
                    .setParameter("now", EntityMapper.utc(now))
                    .getResultList();
            for (Object[] row : rows) {
                long inFlight = ((Number) row[1]).longValue();
                long delayed = ((Number) row[2]).longValue();
                long total = ((Number) row[3]).longValue();
                counts.put(((Number) row[0]).longValue(),
                        new DestinationCounts(total - inFlight - delayed, inFlight, delayed));
            }
            return counts;
        });
    }

    // ----- management (statements in ManagementStatements) -----

    @Override
    public int deleteUnclaimed(long messageId) {
        return run("Delete message", () -> ManagementStatements.deleteUnclaimed(em, messageId));
    }

    @Override
    public int moveUnclaimed(long messageId, long targetDestinationId, Instant now) {
        return run("Move message", () -> ManagementStatements.moveUnclaimed(em, messageId, targetDestinationId, now));
    }

    @Override
    public int restoreDeadLetters(long destinationId, String origin, Collection<Long> ids, long target, Instant now) {
        return run("Retry dead letters", () -> ManagementStatements.restoreDeadLetters(em, destinationId, origin, ids,
                target, now));
    }

    @Override
    public List<String> deadLetterOrigins(long destinationId) {
        return run("Find dead-letter origins", () -> ManagementStatements.deadLetterOrigins(em, destinationId));
    }

    @Override
    public List<NodeRecord> listNodes() {
        return run("List nodes", () -> ManagementStatements.listNodes(em));
    }

    // ----- nodes -----

    @Override
    public void registerNode(String nodeId, String host) {
        run("Register node", () -> em.createNativeQuery(MessageQueries.REGISTER_NODE)
                .setParameter(1, nodeId)
                .setParameter(2, truncate(host, 255))
                .executeUpdate());
    }

    @Override
    public boolean heartbeat(String nodeId) {
        return run("Heartbeat", () -> em.createNativeQuery(MessageQueries.HEARTBEAT)
                .setParameter(1, nodeId)
                .executeUpdate() == 1);
    }

    @Override
    public int registeredNodes() {
        return run("Count nodes", () -> ((Number) em.createNativeQuery(MessageQueries.COUNT_NODES)
                .getSingleResult()).intValue());
    }

    @Override
    public void unregisterNode(String nodeId) {
        run("Unregister node", () -> {
            em.createQuery(MessageQueries.RELEASE_NODE_CLAIMS).setParameter("node", nodeId).executeUpdate();
            return em.createQuery(MessageQueries.DELETE_NODE).setParameter("node", nodeId).executeUpdate();
        });
    }

    @Override
    public int reapDeadNodes(Duration timeout, String failure) {
        return run("Reap dead nodes", () -> {
            Object now = em.createNativeQuery(MessageQueries.DATABASE_NOW).getSingleResult();
            OffsetDateTime cutoff = databaseTime(now).minus(timeout);
            em.createQuery(MessageQueries.DELETE_DEAD_NODES).setParameter("cutoff", cutoff).executeUpdate();
            em.createNativeQuery(MessageQueries.DELETE_DEAD_SUBSCRIPTION_CONSUMERS).executeUpdate();
            return em.createQuery(MessageQueries.RELEASE_ORPHANED_CLAIMS)
                    .setParameter("failure", failure)
                    .executeUpdate();
        });
    }

    private static OffsetDateTime databaseTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return EntityMapper.utc(ts.toInstant());
        }
        if (value instanceof java.time.Instant i) {
            return EntityMapper.utc(i);
        }
        throw new StoreException("Unexpected database time type " + value.getClass().getName());
    }

    // ----- transaction -----

    @Override
    public void relaxDurability() {
        run("Relax durability", () -> {
            dialect.relaxDurability(em);
            return null;
        });
    }

    @Override
    public void commit() {
        try {
            transaction.commit();
        } catch (RuntimeException e) {
            throw StoreExceptions.translate("Commit", e);
        } finally {
            end();
        }
    }

    @Override
    public void rollback() {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            throw StoreExceptions.translate("Rollback", e);
        } finally {
            end();
        }
    }

    @Override
    public void close() {
        if (!ended) {
            rollback();
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        for (Lock lock : heldLocks) {
            lock.unlock();
        }
        heldLocks.clear();
        em.close();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
