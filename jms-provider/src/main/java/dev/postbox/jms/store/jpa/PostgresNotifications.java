package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreNotifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@code LISTEN/NOTIFY} on a channel per store schema. The payload is {@code node|id,id,…}; a node ignores
 * its own notifications. Publishing runs in its own short transaction after the send committed, so a
 * woken consumer always finds the message.
 */
final class PostgresNotifications implements StoreNotifications {

    /** PostgreSQL limits a payload to 8000 bytes; stay well below. */
    private static final int MAX_PAYLOAD = 7000;

    private final DataSource dataSource;
    private final String channel;
    private Connection listening; // used by the single listener thread only

    PostgresNotifications(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.channel = "postbox_" + schema.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    String channel() {
        return channel;
    }

    @Override
    public void publish(String senderNode, Collection<Long> destinationIds) {
        List<String> payloads = payloads(senderNode, destinationIds);
        try (Connection c = dataSource.getConnection()) {
            // A notifying transaction gets a transaction id and so a commit record: without this its commit
            // would wait for a disk flush, one per batch of wake-ups, competing with the sends' own commits.
            // A notification lost in a database crash only delays a consumer to its next poll.
            c.setAutoCommit(false);
            try (PreparedStatement relax = c.prepareStatement("SET LOCAL synchronous_commit TO OFF");
                    PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                relax.execute();
                for (String payload : payloads) {
                    notify.setString(1, channel);
                    notify.setString(2, payload);
                    notify.execute();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreExceptions.translate("Notify other nodes", e);
        }
    }

    private static List<String> payloads(String senderNode, Collection<Long> destinationIds) {
        List<String> payloads = new ArrayList<>();
        StringJoiner ids = new StringJoiner(",", senderNode + "|", "");
        for (long id : destinationIds) {
            if (ids.length() > MAX_PAYLOAD) {
                payloads.add(ids.toString());
                ids = new StringJoiner(",", senderNode + "|", "");
            }
            ids.add(Long.toString(id));
        }
        payloads.add(ids.toString());
        return payloads;
    }

    @Override
    public List<Long> await(String receiverNode, Duration timeout) {
        try {
            PGConnection pg = listeningConnection();
            PGNotification[] notifications = pg.getNotifications((int) Math.max(1, timeout.toMillis()));
            List<Long> destinations = new ArrayList<>();
            if (notifications == null) {
                return destinations;
            }
            for (PGNotification notification : notifications) {
                parse(notification.getParameter(), receiverNode, destinations);
            }
            return destinations;
        } catch (SQLException e) {
            closeQuietly();
            throw StoreExceptions.translate("Listen for other nodes", e);
        }
    }

    private PGConnection listeningConnection() throws SQLException {
        if (listening == null || listening.isClosed()) {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(true);
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            listening = c;
        }
        return listening.unwrap(PGConnection.class);
    }

    private static void parse(String payload, String receiverNode, List<Long> into) {
        int bar = payload.indexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(receiverNode)) {
            return;
        }
        for (String id : payload.substring(bar + 1).split(",")) {
            if (!id.isEmpty()) {
                into.add(Long.parseLong(id));
            }
        }
    }

    private void closeQuietly() {
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (SQLException e) {
            // The connection is broken already; the next await opens a new one.
            System.getLogger(PostgresNotifications.class.getName()).log(System.Logger.Level.DEBUG,
                    "Closing a broken listening connection failed: {0}", e.toString());
        } finally {
            listening = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    static String currentSchema(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            return schema == null ? "public" : schema;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the current schema: " + e.getMessage(), e);
        }
    }
}
