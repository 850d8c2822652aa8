package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.client.PostboxSession;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly-once processing in Java SE, proved with SIGKILL on PostgreSQL: a worker JVM consumes numbered
 * messages in a transacted session, writes one row per message to the application's table through the
 * session's JDBC connection and sends one result message, committing the three in one database
 * transaction ({@link ExactlyOnceWorkerMain}). The worker is killed; the test JVM takes over the same work.
 * Whatever the moment of the kill, every input ends with exactly one row and exactly one result message.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExactlyOnceCrashTest {

    private static final int N = 200;
    private static final String QUEUE = "orders";

    private final ChildJvms children = new ChildJvms();
    private TestDatabase db;
    private ChildArgs args;
    private Connection connection;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        try (var jdbc = DriverManager.getConnection(db.url()); Statement ddl = jdbc.createStatement()) {
            // no unique key: a duplicate would be stored, not refused, so that the test can see it
            ddl.execute("CREATE TABLE processed (n INT NOT NULL, redelivered BOOLEAN NOT NULL)");
        }
        args = ChildArgs.of().with("url", db.url()).with("queue", QUEUE).with("heartbeat", 200)
                .with("timeout", 2_000).with("poll", 250);
        connection = args.factory().createConnection();
        CrashSupport.sendNumbered(connection, QUEUE, 1, N);
    }

    @AfterEach
    void tearDown() throws Exception {
        children.close();
        if (connection != null) {
            connection.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void workerKilledBetweenCommitsLeavesEachMessageProcessedOnce() throws Exception {
        ChildJvm worker = children.start("exactly-once", ExactlyOnceWorkerMain.class, args.toList());
        worker.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(30));
        worker.awaitCount("COMMITTED ", 60, Duration.ofSeconds(60));
        worker.kill();
        int committedByWorker = CrashSupport.numbers(worker, "COMMITTED").size();

        takeOverAndDrain();

        assertExactlyOnce();
        assertTrue(countRows("SELECT COUNT(*) FROM processed") >= committedByWorker);
    }

    @Test
    void workerKilledAfterItsInsertAndSendButBeforeCommitLeavesNoTraceOfThatAttempt() throws Exception {
        ChildJvm worker = children.start("exactly-once-hold", ExactlyOnceWorkerMain.class,
                args.copy().with("holdOn", 57).toList());
        worker.awaitLine(l -> l.startsWith("HOLDING 57"), Duration.ofSeconds(60));
        worker.kill();
        assertEquals(0, countRows("SELECT COUNT(*) FROM processed WHERE n = 57"),
                "the killed attempt's row was never committed");
        assertEquals(56, countRows("SELECT COUNT(*) FROM processed"));

        takeOverAndDrain();

        assertExactlyOnce();
        assertEquals(1, countRows("SELECT COUNT(*) FROM processed WHERE n = 57 AND redelivered"),
                "57 came back flagged redelivered and was processed once");
    }

    /** The test JVM does the same work as the killed worker until the input queue is empty. */
    private void takeOverAndDrain() throws Exception {
        connection.start();
        try (PostboxSession session = (PostboxSession) connection.createSession(Session.SESSION_TRANSACTED)) {
            MessageConsumer in = session.createConsumer(session.createQueue(QUEUE));
            MessageProducer out = session.createProducer(session.createQueue(QUEUE + ".out"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                Message message = in.receive(500);
                if (message == null) {
                    if (CrashSupport.rowsIn(db, QUEUE) == 0) {
                        return;
                    }
                    continue;
                }
                ExactlyOnceWorkerMain.process(session, out, message);
                session.commit();
            }
            throw new AssertionError("input not drained: " + CrashSupport.describeRows(db));
        }
    }

    private void assertExactlyOnce() throws Exception {
        assertEquals(N, countRows("SELECT COUNT(*) FROM processed"), "one row per input message");
        assertEquals(N, countRows("SELECT COUNT(DISTINCT n) FROM processed"), "no number twice");
        List<Integer> results = new ArrayList<>();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE + ".out"));
            for (Message m = consumer.receive(5_000); m != null; m = consumer.receive(500)) {
                results.add(m.getIntProperty("n"));
            }
        }
        assertEquals(N, results.size(), "one result message per input message");
        assertEquals(N, new HashSet<>(results).size(), "no result twice");
    }

    private int countRows(String sql) throws Exception {
        try (var jdbc = DriverManager.getConnection(db.url()); Statement query = jdbc.createStatement();
                ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
