package dev.postbox.jms.store.jpa;

/** The JPQL and portable native SQL of the store, one constant per statement. */
final class MessageQueries {

    private MessageQueries() {
    }

    static final String CLAIMED_BY = "SELECT m.id FROM MessageEntity m WHERE m.claimedBy = :node";

    static final String DELETE_BY_IDS =
            "DELETE FROM MessageEntity m WHERE m.id IN :ids";

    static final String PURGE =
            "DELETE FROM MessageEntity m WHERE m.destinationId = :destination";

    /** Gives back a delivery: the message becomes available at :visibleAt. */
    static final String RELEASE = """
            UPDATE MessageEntity m SET m.claimedBy = NULL, m.visibleAt = :visibleAt,
                   m.deliveryCount = m.deliveryCount - :giveBack
             WHERE m.id IN :ids AND m.claimedBy = :node""";

    static final String RELEASE_WITH_FAILURE = """
            UPDATE MessageEntity m SET m.claimedBy = NULL, m.visibleAt = :visibleAt,
                   m.deliveryCount = m.deliveryCount - :giveBack, m.lastFailure = :failure
             WHERE m.id IN :ids AND m.claimedBy = :node""";

    static final String MOVE_TO_DEAD_LETTER = """
            UPDATE MessageEntity m SET m.destinationId = :target, m.claimedBy = NULL, m.visibleAt = :now,
                   m.expiresAt = NULL, m.deliveryCount = 0, m.deadLetterReason = :reason,
                   m.deadLetterOrigin = :origin, m.deadLetterAttempts = :attempts,
                   m.deadLetteredAt = :now
             WHERE m.id = :id""";

    static final String MOVE = """
            UPDATE MessageEntity m SET m.destinationId = :target, m.claimedBy = NULL, m.visibleAt = :now
             WHERE m.id = :id""";

    static final String SCAN_AVAILABLE_FROM_HEAD = """
            SELECT m FROM MessageEntity m
             WHERE m.destinationId = :destination AND m.claimedBy IS NULL AND m.visibleAt <= :now
               AND (m.expiresAt IS NULL OR m.expiresAt > :now)
             ORDER BY m.priority DESC, m.id""";

    static final String SCAN_AVAILABLE_AFTER = """
            SELECT m FROM MessageEntity m
             WHERE m.destinationId = :destination AND m.claimedBy IS NULL AND m.visibleAt <= :now
               AND (m.expiresAt IS NULL OR m.expiresAt > :now)
               AND (m.priority < :priority OR (m.priority = :priority AND m.id > :id))
             ORDER BY m.priority DESC, m.id""";

    static final String BROWSE_FROM_HEAD = """
            SELECT m FROM MessageEntity m WHERE m.destinationId = :destination
             ORDER BY m.priority DESC, m.id""";

    static final String BROWSE_AFTER = """
            SELECT m FROM MessageEntity m WHERE m.destinationId = :destination
               AND (m.priority < :priority OR (m.priority = :priority AND m.id > :id))
             ORDER BY m.priority DESC, m.id""";

    static final String NEXT_VISIBLE = """
            SELECT MIN(m.visibleAt) FROM MessageEntity m
             WHERE m.destinationId = :destination AND m.claimedBy IS NULL AND m.visibleAt > :now""";

    static final String EXPIRED = """
            SELECT m FROM MessageEntity m WHERE m.expiresAt IS NOT NULL AND m.expiresAt <= :now
               AND m.claimedBy IS NULL
             ORDER BY m.expiresAt""";

    static final String COUNTS = """
            SELECT m.destinationId,
                   SUM(CASE WHEN m.claimedBy IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN m.claimedBy IS NULL AND m.visibleAt > :now THEN 1 ELSE 0 END),
                   COUNT(m)
              FROM MessageEntity m GROUP BY m.destinationId""";

    static final String DESTINATION_BY_NAME =
            "SELECT d FROM DestinationEntity d WHERE d.kind = :kind AND d.name = :name";

    static final String ALL_DESTINATIONS =
            "SELECT d FROM DestinationEntity d ORDER BY d.kind, d.name";

    static final String SUBSCRIPTIONS_OF =
            "SELECT d FROM DestinationEntity d WHERE d.topicId = :topic ORDER BY d.id";

    static final String ORPHANED_TEMPORARY = """
            SELECT d FROM DestinationEntity d WHERE d.ownerNode IS NOT NULL
               AND NOT EXISTS (SELECT n FROM NodeEntity n WHERE n.nodeId = d.ownerNode)""";

    static final String ATTACH_SUBSCRIPTION_CONSUMER =
            "INSERT INTO pb_subscription_consumer (subscription_id, consumer_id, node_id, attached_at)"
            + " VALUES (?1, ?2, ?3, ?4)";

    static final String DETACH_SUBSCRIPTION_CONSUMER =
            "DELETE FROM pb_subscription_consumer WHERE subscription_id = ?1 AND consumer_id = ?2";

    static final String LIVE_SUBSCRIPTION_CONSUMERS = """
            SELECT COUNT(*) FROM pb_subscription_consumer c
             WHERE c.subscription_id = ?1 AND EXISTS (SELECT 1 FROM pb_node n WHERE n.node_id = c.node_id)""";

    static final String TOUCH_SUBSCRIPTION = "UPDATE pb_destination SET last_active_at = ?2 WHERE id = ?1";

    static final String DELETE_DEAD_SUBSCRIPTION_CONSUMERS = """
            DELETE FROM pb_subscription_consumer c
             WHERE NOT EXISTS (SELECT 1 FROM pb_node n WHERE n.node_id = c.node_id)""";

    /** Native: EclipseLink renders boolean literals and parameters as integers, which H2 refuses. */
    static final String ABANDONED_SHARED_SUBSCRIPTIONS = """
            SELECT * FROM pb_destination d
             WHERE d.kind = 'SUBSCRIPTION' AND d.temporary AND d.shared
               AND NOT EXISTS (SELECT 1 FROM pb_subscription_consumer c WHERE c.subscription_id = d.id)""";

    static final String INACTIVE_DURABLE_SUBSCRIPTIONS = """
            SELECT * FROM pb_destination d
             WHERE d.kind = 'SUBSCRIPTION' AND d.durable AND d.last_active_at < ?1
               AND NOT EXISTS (SELECT 1 FROM pb_subscription_consumer c WHERE c.subscription_id = d.id)""";

    static final String DELETE_DESTINATION_MESSAGES =
            "DELETE FROM MessageEntity m WHERE m.destinationId = :destination";

    static final String DELETE_SUBSCRIPTIONS_OF =
            "DELETE FROM DestinationEntity d WHERE d.topicId = :topic";

    static final String COUNT_NODES = "SELECT COUNT(*) FROM pb_node";

    static final String HEARTBEAT =
            "UPDATE pb_node SET heartbeat_at = CURRENT_TIMESTAMP WHERE node_id = ?1";

    static final String REGISTER_NODE =
            "INSERT INTO pb_node (node_id, host, started_at, heartbeat_at) "
            + "VALUES (?1, ?2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";

    static final String DATABASE_NOW = "SELECT CURRENT_TIMESTAMP";

    static final String DELETE_DEAD_NODES = "DELETE FROM NodeEntity n WHERE n.heartbeatAt < :cutoff";

    static final String DELETE_NODE = "DELETE FROM NodeEntity n WHERE n.nodeId = :node";

    /** Returns every claim held by an unregistered node to its destination. */
    static final String RELEASE_ORPHANED_CLAIMS = """
            UPDATE MessageEntity m SET m.claimedBy = NULL, m.lastFailure = :failure
             WHERE m.claimedBy IS NOT NULL
               AND NOT EXISTS (SELECT n FROM NodeEntity n WHERE n.nodeId = m.claimedBy)""";

    static final String RELEASE_NODE_CLAIMS = """
            UPDATE MessageEntity m SET m.claimedBy = NULL, m.deliveryCount = m.deliveryCount - 1
             WHERE m.claimedBy = :node""";

    // ----- management -----

    static final String DELETE_UNCLAIMED =
            "DELETE FROM MessageEntity m WHERE m.id = :id AND m.claimedBy IS NULL";

    static final String MOVE_UNCLAIMED = """
            UPDATE MessageEntity m SET m.destinationId = :target, m.visibleAt = :now
             WHERE m.id = :id AND m.claimedBy IS NULL""";

    /** Back from a dead-letter queue to the origin: fresh delivery count, no dead-letter details. */
    static final String RESTORE_DEAD_LETTERS = """
            UPDATE MessageEntity m SET m.destinationId = :target, m.visibleAt = :now, m.deliveryCount = 0,
                   m.lastFailure = NULL, m.deadLetterReason = NULL, m.deadLetterOrigin = NULL,
                   m.deadLetteredAt = NULL, m.deadLetterAttempts = NULL
             WHERE m.destinationId = :destination AND m.deadLetterOrigin = :origin AND m.claimedBy IS NULL""";

    static final String RESTORE_SELECTED_DEAD_LETTERS = RESTORE_DEAD_LETTERS + " AND m.id IN :ids";

    static final String DEAD_LETTER_ORIGINS = """
            SELECT DISTINCT m.deadLetterOrigin FROM MessageEntity m
             WHERE m.destinationId = :destination AND m.deadLetterOrigin IS NOT NULL""";

    static final String ALL_NODES = "SELECT n FROM NodeEntity n ORDER BY n.nodeId";
}
