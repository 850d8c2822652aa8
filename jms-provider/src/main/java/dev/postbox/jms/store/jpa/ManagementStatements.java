package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.NodeRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The management statements of {@link JpaStoreTransaction} (kept apart to keep that class small). */
final class ManagementStatements {

    private ManagementStatements() {
    }

    static int deleteUnclaimed(EntityManager em, long messageId) {
        return em.createQuery(MessageQueries.DELETE_UNCLAIMED).setParameter("id", messageId).executeUpdate();
    }

    static int moveUnclaimed(EntityManager em, long messageId, long target, Instant now) {
        return em.createQuery(MessageQueries.MOVE_UNCLAIMED)
                .setParameter("id", messageId)
                .setParameter("target", target)
                .setParameter("now", EntityMapper.utc(now))
                .executeUpdate();
    }

    static int restoreDeadLetters(EntityManager em, long destinationId, String origin, Collection<Long> messageIds,
            long target, Instant now) {
        if (messageIds != null && messageIds.isEmpty()) {
            return 0;
        }
        Query update = em.createQuery(messageIds == null
                ? MessageQueries.RESTORE_DEAD_LETTERS : MessageQueries.RESTORE_SELECTED_DEAD_LETTERS);
        if (messageIds != null) {
            update.setParameter("ids", List.copyOf(messageIds));
        }
        return update.setParameter("destination", destinationId)
                .setParameter("origin", origin)
                .setParameter("target", target)
                .setParameter("now", EntityMapper.utc(now))
                .executeUpdate();
    }

    static List<String> deadLetterOrigins(EntityManager em, long destinationId) {
        return em.createQuery(MessageQueries.DEAD_LETTER_ORIGINS, String.class)
                .setParameter("destination", destinationId)
                .getResultList();
    }

    static List<NodeRecord> listNodes(EntityManager em) {
        return em.createQuery(MessageQueries.ALL_NODES, NodeEntity.class).getResultStream()
                .map(n -> new NodeRecord(n.nodeId, n.host, EntityMapper.instant(n.startedAt),
                        EntityMapper.instant(n.heartbeatAt)))
                .toList();
    }
}
