package dev.postbox.jms.crash;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Helpers shared by the crash tests: numbered messages, parsed child output, store inspection. */
final class CrashSupport {

    private CrashSupport() {
    }

    /** A message as a consumer saw it. */
    record Seen(int n, boolean redelivered, int deliveryCount, long nanos) {

        static Seen of(Message message) throws JMSException {
            return new Seen(message.getIntProperty("n"), message.getJMSRedelivered(),
                    message.getIntProperty("JMSXDeliveryCount"), System.nanoTime());
        }
    }

    /**
     * Sends messages numbered from..to (int property {@code n}) in transactions of 100 and returns their
     * JMSMessageIDs by number.
     */
    static Map<String, Integer> sendNumbered(Connection connection, String queue, int from, int to)
            throws JMSException {
        Map<String, Integer> ids = new HashMap<>();
        try (Session session = connection.createSession(Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (int n = from; n <= to; n++) {
                TextMessage message = session.createTextMessage("message " + n);
                message.setIntProperty("n", n);
                producer.send(message);
                ids.put(message.getJMSMessageID(), n);
                if (n % 100 == 0 || n == to) {
                    session.commit();
                }
            }
        }
        return ids;
    }

    /** Parses {@code MSG <n> <redelivered> <count>} lines of a child consumer. */
    static List<Seen> processed(ChildJvm child) {
        List<Seen> seen = new ArrayList<>();
        for (ChildJvm.Line line : child.lines()) {
            if (line.text().startsWith("MSG ")) {
                String[] f = line.text().split(" ");
                seen.add(new Seen(Integer.parseInt(f[1]), Boolean.parseBoolean(f[2]), Integer.parseInt(f[3]),
                        line.nanos()));
            }
        }
        return seen;
    }

    /** The numbers of {@code <prefix> <n> …} lines. */
    static List<Integer> numbers(ChildJvm child, String prefix) {
        return child.linesStartingWith(prefix + " ").stream()
                .map(t -> Integer.parseInt(t.split(" ")[1])).toList();
    }

    static Set<Integer> range(int from, int to) {
        Set<Integer> all = new TreeSet<>();
        for (int n = from; n <= to; n++) {
            all.add(n);
        }
        return all;
    }

    /** The numbers of the messages a child JVM's node holds in flight (claimed, not acknowledged), with their counts. */
    static Map<Integer, Integer> claimedByProcess(TestDatabase db, long pid, Map<String, Integer> numbersById)
            throws SQLException {
        Map<Integer, Integer> claimed = new HashMap<>();
        try (java.sql.Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT message_id, delivery_count FROM pb_message WHERE claimed_by LIKE '"
                        + pid + "-%'")) {
            while (rs.next()) {
                Integer n = numbersById.get(rs.getString(1));
                claimed.put(n == null ? -1 : n, rs.getInt(2));
            }
        }
        return claimed;
    }

    /** Rows left in a queue (in flight or not). */
    static int rowsIn(TestDatabase db, String queue) throws SQLException {
        try (java.sql.Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pb_message m JOIN pb_destination d"
                        + " ON d.id = m.destination_id WHERE d.name = '" + queue + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Rows of a queue still claimed by some node. */
    static int claimedIn(TestDatabase db, String queue) throws SQLException {
        try (java.sql.Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pb_message m JOIN pb_destination d"
                        + " ON d.id = m.destination_id WHERE d.name = '" + queue + "' AND m.claimed_by IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every message row, for failure messages: id, message id, claimed by, delivery count, last failure. */
    static String describeRows(TestDatabase db) throws SQLException {
        return query(db, "SELECT m.id, d.name, m.message_id, m.claimed_by, m.delivery_count, m.last_failure"
                + " FROM pb_message m JOIN pb_destination d ON d.id = m.destination_id ORDER BY m.id");
    }

    /** Every registered node, for failure messages. */
    static String describeNodes(TestDatabase db) throws SQLException {
        return query(db, "SELECT node_id, heartbeat_at FROM pb_node ORDER BY node_id");
    }

    private static String query(TestDatabase db, String sql) throws SQLException {
        StringBuilder out = new StringBuilder("[");
        try (java.sql.Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.append('(');
                for (int i = 1; i <= columns; i++) {
                    out.append(i > 1 ? ", " : "").append(rs.getString(i));
                }
                out.append(") ");
            }
        }
        return out.append(']').toString();
    }

    static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
