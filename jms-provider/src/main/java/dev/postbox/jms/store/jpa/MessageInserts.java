package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.MissingDestinationException;
import dev.postbox.jms.store.NewMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Stores new messages with one JDBC batch on the transaction's connection: the hot path of every send.
 * Plain SQL instead of persisting entities saves the persistence context's per-entity work (clones of the
 * body for change tracking, identity maps), which cost more CPU than the database round trip itself.
 * <p>
 * Each row is stored only if its destination still exists: a read of the destination's primary key, where a
 * foreign key would lock the destination's row (a write per message, see the V007 migration). A send whose
 * destination is gone fails with {@link MissingDestinationException} and nothing of it is stored.
 */
final class MessageInserts {

    private static final String COLUMNS = """
            INSERT INTO pb_message (id, destination_id, priority, visible_at, expires_at, delivery_count,
                                    enqueued_at, message_id, jms_timestamp, correlation_id, correlation_id_bytes,
                                    jms_type, reply_to, delivery_mode, jms_expiration, delivery_time,
                                    origin_connection, properties, body_type, body)
            """;

    /** One message: stored only if its destination exists, checked in the same statement (one round trip). */
    static final String INSERT_ONE = COLUMNS + """
            SELECT %s, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
             WHERE EXISTS (SELECT 1 FROM pb_destination WHERE id = ?)""";

    /**
     * Several messages: their destinations are checked by one query first, so that the batch stays a plain
     * {@code VALUES} insert, which the PostgreSQL driver rewrites into multi-row statements.
     */
    static final String INSERT_MANY = COLUMNS + """
            VALUES (%s, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private MessageInserts() {
    }

    /**
     * Inserts the messages (ids from the message sequence, in list order), skipping those whose idempotency
     * key is still retained for their destination.
     *
     * @return how many were stored
     */
    static int insert(Connection connection, StoreDialect dialect, OffsetDateTime now, List<NewMessage> messages)
            throws SQLException {
        if (messages.isEmpty()) {
            return 0; // a publication no subscription wanted
        }
        boolean one = messages.size() == 1;
        if (!one) {
            requireDestinations(connection, messages);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                (one ? INSERT_ONE : INSERT_MANY).formatted(dialect.nextMessageIdExpression()))) {
            int stored = 0;
            for (NewMessage m : messages) {
                if (!IdempotencyKeys.claim(connection, dialect, m, now)) {
                    continue;
                }
                stored++;
                int i = 1;
                insert.setLong(i++, m.destinationId());
                insert.setShort(i++, (short) m.priority());
                insert.setObject(i++, EntityMapper.utc(m.visibleAt()));
                insert.setObject(i++, EntityMapper.utc(m.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(i++, now);
                insert.setString(i++, m.messageId());
                insert.setLong(i++, m.jmsTimestamp());
                insert.setString(i++, m.correlationId());
                insert.setBytes(i++, m.correlationIdBytes());
                insert.setString(i++, m.type());
                insert.setString(i++, m.replyTo());
                insert.setShort(i++, (short) m.deliveryMode());
                insert.setLong(i++, m.jmsExpiration());
                insert.setLong(i++, m.deliveryTime());
                insert.setString(i++, m.originConnection());
                insert.setBytes(i++, m.properties());
                insert.setShort(i++, (short) m.bodyType());
                insert.setBytes(i++, m.body());
                if (one) {
                    insert.setLong(i, m.destinationId());
                }
                insert.addBatch();
            }
            if (stored == 0) {
                return 0;
            }
            int[] counts = insert.executeBatch();
            if (one && counts[0] == 0) { // the lone send's guard found no destination
                throw new MissingDestinationException(messages.get(0).destinationId());
            }
            return stored;
        }
    }

    /** Fails with {@link MissingDestinationException} unless every message's destination exists. */
    private static void requireDestinations(Connection connection, List<NewMessage> messages) throws SQLException {
        java.util.Set<Long> wanted = new java.util.LinkedHashSet<>();
        for (NewMessage m : messages) {
            wanted.add(m.destinationId());
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM pb_destination WHERE id IN (" + MessageRows.placeholders(wanted.size()) + ")")) {
            int i = 1;
            for (long id : wanted) {
                query.setLong(i++, id);
            }
            try (java.sql.ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    wanted.remove(found.getLong(1));
                }
            }
        }
        if (!wanted.isEmpty()) {
            throw new MissingDestinationException(wanted.iterator().next());
        }
    }
}
