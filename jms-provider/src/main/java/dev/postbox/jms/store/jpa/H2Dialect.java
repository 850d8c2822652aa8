package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.ClaimRequest;
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
 */
final class H2Dialect implements StoreDialect {

    static final String CLAIM = """
            SELECT * FROM FINAL TABLE (
              UPDATE pb_message SET claimed_by = ?1, delivery_count = delivery_count + 1,
                     last_delivered_at = ?2, first_delivered_at = COALESCE(first_delivered_at, ?2)
               WHERE id IN (SELECT id FROM pb_message
                             WHERE destination_id = ?3 AND claimed_by IS NULL AND visible_at <= ?2
                               AND (expires_at IS NULL OR expires_at > ?2)
                             ORDER BY priority DESC, id
                             FETCH FIRST ?4 ROWS ONLY))""";

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
    @SuppressWarnings("unchecked")
    public List<MessageEntity> claim(JpaStoreTransaction tx, ClaimRequest request) {
        tx.holdUntilEnd(claimLocks.computeIfAbsent(request.destinationId(), id -> new ReentrantLock()));
        return tx.em().createNativeQuery(CLAIM, MessageEntity.class)
                .setParameter(1, request.node())
                .setParameter(2, EntityMapper.utc(request.now()))
                .setParameter(3, request.destinationId())
                .setParameter(4, request.max())
                .getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public MessageEntity claimOne(JpaStoreTransaction tx, long id, String node, OffsetDateTime now) {
        List<MessageEntity> claimed = tx.em().createNativeQuery(CLAIM_ONE, MessageEntity.class)
                .setParameter(1, node)
                .setParameter(2, now)
                .setParameter(3, id)
                .getResultList();
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
}
