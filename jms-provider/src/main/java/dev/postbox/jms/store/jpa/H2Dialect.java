package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.ClaimRequest;
import dev.postbox.jms.store.StoredMessage;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2 2.x, the embedded default: one JVM. H2 re-checks {@code claimed_by IS NULL} after waiting for a row
 * lock (so a claim is never taken twice) but then returns nothing instead of the next rows; claims of one
 * destination are therefore serialized in the JVM until their transaction ends, so competing consumers
 * never come back empty-handed while messages are available.
 *
 * <p>The claims order by {@code destination_id, claimed_by, priority DESC, id}, the columns of the
 * {@code pb_message_available} index: H2 reads that index in order (one row for a claim of one) only when
 * the ORDER BY names its leading columns too, although the WHERE clause fixes them; ordered by
 * {@code priority DESC, id} alone it reads and sorts every available message of the queue.
 */
final class H2Dialect implements StoreDialect {

    static final String CLAIM = """
            SELECT * FROM FINAL TABLE (
              UPDATE pb_message SET claimed_by = ?1, delivery_count = delivery_count + 1,
                     last_delivered_at = ?2, first_delivered_at = COALESCE(first_delivered_at, ?2)
               WHERE id IN (SELECT id FROM pb_message
                             WHERE destination_id = ?3 AND claimed_by IS NULL AND visible_at <= ?2
                               AND (expires_at IS NULL OR expires_at > ?2)
                             ORDER BY destination_id, claimed_by, priority DESC, id
                             FETCH FIRST ?4 ROWS ONLY))""";

    static final String CLAIM_AND_DELETE = """
            SELECT * FROM OLD TABLE (
              DELETE FROM pb_message
               WHERE id IN (SELECT id FROM pb_message
                             WHERE destination_id = ?1 AND claimed_by IS NULL AND visible_at <= ?2
                               AND (expires_at IS NULL OR expires_at > ?2)
                             ORDER BY destination_id, claimed_by, priority DESC, id
                             FETCH FIRST ?3 ROWS ONLY))""";

    static final String CLAIM_ONE = """
            SELECT * FROM FINAL TABLE (
              UPDATE pb_message SET claimed_by = ?1, delivery_count = delivery_count + 1,
                     last_delivered_at = ?2, first_delivered_at = COALESCE(first_delivered_at, ?2)
               WHERE id = ?3 AND claimed_by IS NULL)""";

    private final ConcurrentHashMap<Long, ReentrantLock> claimLocks = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public List<StoredMessage> claim(JpaStoreTransaction tx, ClaimRequest request) {
        tx.holdUntilEnd(claimLocks.computeIfAbsent(request.destinationId(), id -> new ReentrantLock()));
        OffsetDateTime now = EntityMapper.utc(request.now());
        return tx.queryMessages(CLAIM, request.node(), now, request.destinationId(), request.max());
    }

    @Override
    public List<StoredMessage> claimAndDelete(JpaStoreTransaction tx, ClaimRequest request) {
        tx.holdUntilEnd(claimLocks.computeIfAbsent(request.destinationId(), id -> new ReentrantLock()));
        return tx.queryMessages(CLAIM_AND_DELETE, request.destinationId(), EntityMapper.utc(request.now()),
                request.max());
    }

    @Override
    public StoredMessage claimOne(JpaStoreTransaction tx, long id, String node, OffsetDateTime now) {
        List<StoredMessage> claimed = tx.queryMessages(CLAIM_ONE, node, now, id);
        return claimed.isEmpty() ? null : claimed.get(0);
    }

    @Override
    public void relaxDurability(EntityManager em) {
        // H2 (MVStore) does not flush on commit anyway: nothing to relax.
    }

    @Override
    public String nextMessageIdExpression() {
        return "NEXT VALUE FOR pb_message_seq";
    }

    @Override
    public boolean supportsMultipleNodes() {
        return false;
    }

    /** H2 claims hold a lock of this JVM until their transaction ends. */
    @Override
    public java.util.Optional<String> relaxedClaimSql() {
        return java.util.Optional.empty();
    }

    /** H2 keeps the foreign key from messages to destinations, so this finds nothing; kept for symmetry. */
    @Override
    public String deleteOrphanedMessagesSql() {
        return "DELETE FROM pb_message WHERE claimed_by IS NULL"
                + " AND destination_id NOT IN (SELECT id FROM pb_destination)";
    }

    static final String CLAIM_IDEMPOTENCY_KEY = """
            MERGE INTO pb_idempotency_key t
            USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(100)),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                  AS s (destination_id, idempotency_key, message_id, expires_at, now_at)
               ON t.destination_id = s.destination_id AND t.idempotency_key = s.idempotency_key
            WHEN MATCHED AND t.expires_at < s.now_at THEN
                 UPDATE SET message_id = s.message_id, expires_at = s.expires_at
            WHEN NOT MATCHED THEN
                 INSERT (destination_id, idempotency_key, message_id, expires_at)
                 VALUES (s.destination_id, s.idempotency_key, s.message_id, s.expires_at)""";

    @Override
    public String claimIdempotencyKeySql() {
        return CLAIM_IDEMPOTENCY_KEY;
    }
}
