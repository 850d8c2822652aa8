package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.crash.CrashSupport.Seen;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A message that kills its consumer's JVM ({@code Runtime.halt(1)}) on every delivery, with innocent
 * messages before and behind it, {@code maxDeliveryAttempts=3}, and a supervisor (the test) restarting the
 * consumer JVM each time it dies. Proves, on PostgreSQL:
 * <ul>
 *   <li>the delivery count survives the crashes (it is incremented in the claiming UPDATE): the poison is
 *       delivered exactly 3 times (counts 1, 2, 3), then moved to {@code <queue>.DLQ} by the 4th claim, so
 *       exactly 3 JVMs die;</li>
 *   <li>its dead-letter reason says why: the consumer was lost, after 3 delivery attempts;</li>
 *   <li>no innocent message is dead-lettered, redelivered or reordered: each is processed exactly once, with
 *       {@code JMSXDeliveryCount=1}, in send order. Exactly once (not only at least once) because the engine
 *       claims one message per receive (nothing is prefetched behind the poison), each innocent is
 *       acknowledged (CLIENT_ACKNOWLEDGE, synchronously) before the next receive, and the JVM only ever dies
 *       while holding the poison. An innocent in flight at a crash would be at-least-once (redelivered once,
 *       with the lost-consumer failure but its own count).</li>
 * </ul>
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoisonMessageCrashTest {

    private static final String QUEUE = "orders";
    private static final int POISON = 11;
    private static final int LAST = 30;
    private static final int MAX_ATTEMPTS = 3;
    private static final int MAX_RESTARTS = 6;

    private final ChildJvms children = new ChildJvms();
    private TestDatabase db;
    private ChildArgs args;
    private Connection connection;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        args = ChildArgs.of().with("url", db.url()).with("queue", QUEUE).with("heartbeat", 200)
                .with("timeout", 2_000).with("poll", 250).with("maxAttempts", MAX_ATTEMPTS);
        connection = args.factory().createConnection();
        CrashSupport.sendNumbered(connection, QUEUE, 1, LAST);
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
    void aMessageThatKillsItsConsumerEveryTimeIsDeadLetteredAndTheOthersAreProcessedOnce() throws Exception {
        poisonAmongInnocents(1);
    }

    /**
     * With prefetch, the innocents fetched together with the poison are held by the JVM it kills: they come
     * back once, flagged redelivered with count 2, and are never charged again, because a batch claim keeps
     * only never-delivered messages behind its first (the poison then travels alone).
     */
    @Test
    void withPrefetchTheInnocentsFetchedWithThePoisonAreRedeliveredOnceAndNeverDeadLettered() throws Exception {
        poisonAmongInnocents(64);
    }

    private void poisonAmongInnocents(int prefetch) throws Exception {
        ChildArgs consumerArgs = args.copy().with("mode", "client").with("ackEvery", 1).with("haltOn", POISON)
                .with("prefetch", prefetch);
        List<ChildJvm> started = new ArrayList<>();
        List<Integer> poisonCounts = new ArrayList<>();
        ChildJvm survivor = null;
        for (int run = 1; run <= MAX_RESTARTS && survivor == null; run++) {
            ChildJvm child = children.start("poison-consumer-" + run, CrashConsumerMain.class, consumerArgs.toList());
            started.add(child);
            child.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(30));
            // it either dies on the poison, or outlives it: the poison is in the DLQ and every innocent processed
            org.awaitility.Awaitility.await("consumer " + run + " to die or finish").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !child.isAlive() || CrashSupport.rowsIn(db, QUEUE + ".DLQ") == 1
                            && CrashSupport.rowsIn(db, QUEUE) == 0);
            if (child.isAlive()) {
                survivor = child;
            } else {
                assertEquals(1, child.awaitExit(Duration.ofSeconds(5)), "halted by the poison");
                child.linesStartingWith("POISON ").forEach(l -> poisonCounts.add(Integer.parseInt(l.split(" ")[2])));
            }
        }
        assertNotNull(survivor, "a consumer outlived the poison within " + MAX_RESTARTS + " starts");
        assertEquals(MAX_ATTEMPTS + 1, started.size(), "JVMs started: 3 killed by the poison + the survivor");
        assertEquals(List.of(1, 2, 3), poisonCounts, "the poison's delivery count survived each crash");

        // innocents: each exactly once, first delivery, in order
        List<Seen> innocents = new ArrayList<>();
        for (ChildJvm child : started) {
            List<Seen> seen = CrashSupport.processed(child);
            List<Integer> order = seen.stream().map(Seen::n).toList();
            assertEquals(order.stream().sorted().toList(), order, child + " processed in send order");
            innocents.addAll(seen);
        }
        TreeSet<Integer> expected = CrashSupport.range(1, LAST).stream().filter(n -> n != POISON)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        assertEquals(expected.size(), innocents.size(), "no innocent processed twice: " + innocents);
        assertEquals(expected, new TreeSet<>(innocents.stream().map(Seen::n).toList()));
        innocents.forEach(s -> {
            if (prefetch == 1 || s.n() < POISON) {
                assertFalse(s.redelivered(), "innocent never redelivered: " + s);
                assertEquals(1, s.deliveryCount(), "innocent delivered once: " + s);
            } else {
                assertTrue(s.deliveryCount() <= 2, "an innocent prefetched with the poison is charged once: " + s);
                assertEquals(s.deliveryCount() == 2, s.redelivered(), s.toString());
            }
        });
        assertEquals(0, CrashSupport.rowsIn(db, QUEUE), "nothing left in " + QUEUE);

        // the dead-letter queue holds the poison only, with the reason
        connection.start();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer dlq = session.createConsumer(session.createQueue(QUEUE + ".DLQ"));
            Message dead = dlq.receive(5_000);
            assertNotNull(dead, "the poison is in " + QUEUE + ".DLQ");
            assertEquals(POISON, dead.getIntProperty("n"));
            String reason = dead.getStringProperty("JMS_Postbox_DeadLetterReason");
            System.out.println("[crash] dead-letter reason: " + reason);
            assertTrue(reason.contains("consumer lost"), reason);
            assertTrue(reason.contains("after 3 delivery attempts"), reason);
            assertEquals(QUEUE, dead.getStringProperty("JMS_Postbox_DeadLetterOrigin"));
            assertNull(dlq.receive(300), "nothing else dead-lettered");
        }
    }
}
