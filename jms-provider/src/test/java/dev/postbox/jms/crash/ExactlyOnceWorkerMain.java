package dev.postbox.jms.crash;

import dev.postbox.jms.client.PostboxSession;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.sql.PreparedStatement;

/**
 * An exactly-once worker in a child JVM: in a transacted session it receives a numbered message from
 * {@code queue}, inserts the number into the table {@code processed} through the session's JDBC connection,
 * sends a result to {@code queue + ".out"}, and commits all three together. Arguments ({@code key=value}):
 * {@code url}, {@code queue}, {@code holdOn} (the number after whose insert and send, before the commit, the
 * worker stops forever) and the factory settings of {@link ChildArgs#factory()}.
 *
 * <p>Prints {@code READY pid=<pid>}, {@code COMMITTED <n>} after each commit and {@code HOLDING <n>}.
 */
public final class ExactlyOnceWorkerMain {

    private ExactlyOnceWorkerMain() {
    }

    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        int holdOn = args.getInt("holdOn", -1);
        Connection connection = args.factory().createConnection();
        PostboxSession session = (PostboxSession) connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer in = session.createConsumer(session.createQueue(args.get("queue")));
        MessageProducer out = session.createProducer(session.createQueue(args.get("queue") + ".out"));
        connection.start();
        CrashConsumerMain.print("READY pid=" + ProcessHandle.current().pid());
        while (true) {
            Message message = in.receive(1_000);
            if (message == null) {
                continue;
            }
            int n = process(session, out, message);
            if (n == holdOn) {
                CrashConsumerMain.print("HOLDING " + n);
                CrashConsumerMain.holdUntilKilled();
            }
            session.commit();
            CrashConsumerMain.print("COMMITTED " + n);
        }
    }

    /** The work shared with the test's own worker: one row and one result message per input. */
    static int process(PostboxSession session, MessageProducer out, Message message) throws Exception {
        int n = message.getIntProperty("n");
        try (PreparedStatement insert = session.getJdbcConnection().prepareStatement(
                "INSERT INTO processed (n, redelivered) VALUES (?, ?)")) {
            insert.setInt(1, n);
            insert.setBoolean(2, message.getJMSRedelivered());
            insert.executeUpdate();
        }
        Message result = session.createMessage();
        result.setIntProperty("n", n);
        out.send(result);
        return n;
    }
}
