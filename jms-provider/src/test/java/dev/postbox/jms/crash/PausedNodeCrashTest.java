package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A "GC pause" longer than the node timeout, made with SIGSTOP/SIGCONT on a consumer JVM that is in the
 * middle of processing a message (CLIENT_ACKNOWLEDGE). Proves what {@code docs/crash-detection.md} says:
 * <ul>
 *   <li>the paused node is declared dead after the timeout and its in-flight message is redelivered to
 *       another node (count 2) while it is still frozen;</li>
 *   <li>when it resumes, it finds itself declared dead and re-registers under a new node id; it finishes
 *       the message and its {@code acknowledge()} returns normally but deletes nothing (the message now
 *       belongs to the other node), so the message was processed twice: a duplicate, never a loss
 *       (at-least-once); every other message is processed exactly once and the queue ends empty.</li>
 * </ul>
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PausedNodeCrashTest {

    private static final String QUEUE = "paused";
    private static final int N = 20;
    private static final int SLOW = 5;

    private final ChildJvms children = new ChildJvms();
    private TestDatabase db;
    private Connection connection;
    private ChildJvm paused;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (paused != null && paused.isAlive()) {
            signal("CONT", paused.pid());
        }
        children.close();
        if (connection != null) {
            connection.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aNodePausedLongerThanTheTimeoutLosesItsMessageToAnotherNodeAndReRegisters() throws Exception {
        ChildArgs args = ChildArgs.of().with("url", db.url()).with("queue", QUEUE).with("heartbeat", 200)
                .with("timeout", 2_000).with("poll", 250);
        connection = args.factory().createConnection();
        Map<String, Integer> ids = CrashSupport.sendNumbered(connection, QUEUE, 1, N);
        paused = children.start("paused-consumer", CrashConsumerMain.class, args.copy().with("mode", "client")
                .with("slowOn", SLOW).with("slowMillis", 1_500).toList());
        paused.awaitLine(l -> l.startsWith("WORKING " + SLOW), Duration.ofSeconds(30));
        signal("STOP", paused.pid());
        long stoppedAt = System.nanoTime();
        String oldNode = nodeOf(paused.pid());
        assertEquals(Map.of(SLOW, 1), CrashSupport.claimedByProcess(db, paused.pid(), ids));

        // the test JVM takes everything that is left, including the frozen node's message once it is declared dead
        List<CrashSupport.Seen> here = new ArrayList<>();
        connection.start();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            while (here.stream().noneMatch(s -> s.n() == SLOW)) {
                Message message = consumer.receive(10_000);
                assertNotNull(message, "the frozen node's message is redelivered");
                here.add(CrashSupport.Seen.of(message));
            }
        }
        long redeliveredAfter = CrashSupport.millis(System.nanoTime() - stoppedAt);
        signal("CONT", paused.pid());

        paused.awaitLine(l -> l.equals("ACKED " + SLOW), Duration.ofSeconds(20));
        Awaitility.await("the resumed node re-registered").atMost(Duration.ofSeconds(10))
                .until(() -> nodeOf(paused.pid()) != null && !nodeOf(paused.pid()).equals(oldNode));
        String log = Files.readString(ChildJvm.LOG_DIR.resolve("paused-consumer.log"));
        System.out.println("[crash] paused node " + oldNode + " lost message " + SLOW + " after " + redeliveredAfter
                + " ms of pause; re-registered as " + nodeOf(paused.pid()));

        CrashSupport.Seen redelivered = here.stream().filter(s -> s.n() == SLOW).findFirst().orElseThrow();
        assertTrue(redelivered.redelivered());
        assertEquals(2, redelivered.deliveryCount());
        assertTrue(log.contains("PBX-1030"), "the resumed node noticed it had been declared dead");
        assertTrue(log.contains("PBX-1021"), "its late acknowledgement deleted nothing and said so");
        assertNotEquals(oldNode, nodeOf(paused.pid()));
        List<Integer> pausedProcessed = CrashSupport.processed(paused).stream().map(CrashSupport.Seen::n).toList();
        assertTrue(pausedProcessed.contains(SLOW), "the resumed node finished the message: a duplicate");
        List<Integer> all = new ArrayList<>(pausedProcessed);
        here.forEach(s -> all.add(s.n()));
        assertEquals(CrashSupport.range(1, N), new TreeSet<>(all), "nothing lost");
        assertEquals(N + 1, all.size(), "exactly one duplicate, the message in flight during the pause: " + all);
        assertEquals(0, CrashSupport.rowsIn(db, QUEUE));
    }

    private String nodeOf(long pid) throws Exception {
        try (java.sql.Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT node_id FROM pb_node WHERE node_id LIKE '" + pid + "-%'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }
}
