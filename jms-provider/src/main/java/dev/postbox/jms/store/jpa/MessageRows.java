package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.DeadLetterInfo;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.StoredMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the claim statements with plain JDBC on the transaction's connection and reads the returned
 * {@code pb_message} rows: claiming is the hot path of every delivery, and building managed entities for
 * rows that are only read once (with change-tracking copies of each body) cost more CPU than the round trip.
 * The SQL uses JPA-style numbered parameters ({@code ?1}, {@code ?2}, possibly repeated), as the dialects
 * write them.
 */
final class MessageRows {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    private MessageRows() {
    }

    /** Executes a statement returning message rows; {@code parameters[i]} is parameter {@code ?(i+1)}. */
    static List<StoredMessage> query(Connection connection, String numberedSql, Object... parameters)
            throws SQLException {
        List<Integer> order = new ArrayList<>();
        Matcher m = NUMBERED.matcher(numberedSql);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < order.size(); i++) {
                statement.setObject(i + 1, parameters[order.get(i) - 1]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredMessage> messages = new ArrayList<>();
                while (rows.next()) {
                    messages.add(read(rows));
                }
                return messages;
            }
        }
    }

    /** {@code ?,?,…,?}: the parameters of an {@code IN} list of {@code count} values. */
    static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /** One {@code pb_message} row. */
    static StoredMessage read(ResultSet r) throws SQLException {
        NewMessage content = new NewMessage(r.getLong("destination_id"), r.getShort("priority"),
                instant(r, "visible_at"), instant(r, "expires_at"), r.getString("message_id"),
                r.getLong("jms_timestamp"), r.getString("correlation_id"), r.getBytes("correlation_id_bytes"),
                r.getString("jms_type"), r.getString("reply_to"), r.getShort("delivery_mode"),
                r.getLong("jms_expiration"), r.getLong("delivery_time"), r.getString("origin_connection"),
                r.getBytes("properties"), r.getShort("body_type"), r.getBytes("body"));
        String reason = r.getString("dead_letter_reason");
        DeadLetterInfo deadLetter = null;
        if (reason != null) {
            int attempts = r.getInt("dead_letter_attempts");
            deadLetter = new DeadLetterInfo(reason, r.getString("dead_letter_origin"), instant(r, "dead_lettered_at"),
                    r.wasNull() ? 0 : attempts);
        }
        return new StoredMessage(r.getLong("id"), content, r.getInt("delivery_count"), r.getString("claimed_by"),
                instant(r, "enqueued_at"), instant(r, "first_delivered_at"), instant(r, "last_delivered_at"),
                r.getString("last_failure"), deadLetter);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
