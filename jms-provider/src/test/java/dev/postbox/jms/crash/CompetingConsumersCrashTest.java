package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.crash.CrashSupport.Seen;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
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
 * Three consumer JVMs compete on one PostgreSQL queue fed by a producer JVM. Proves:
 * <ul>
 *   <li>without crashes, every message is consumed exactly once across JVMs (SKIP LOCKED claims never hand
 *       one row to two nodes), nothing is lost, nothing is redelivered, and each JVM gets a share (≥ 10 %);</li>
 *   <li>when one consumer JVM is killed with SIGKILL while it processes a message, the other two finish the
 *       rest, and the killed JVM's in-flight message is redelivered once (count 2) to one of them after the
 *       node timeout; no other message is redelivered or duplicated.</li>
 * </ul>
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompetingConsumersCrashTest {

    private static final String QUEUE = "jobs";
    private static final int FIRST_BATCH = 300;
    private static final int SECOND_BATCH_END = 450;

    private final ChildJvms children = new ChildJvms();
    private TestDatabase db;
    private ChildArgs args;
    private Connection connection;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        args = ChildArgs.of().with("url", db.url()).with("queue", QUEUE).with("heartbeat", 200)
                .with("timeout", 2_000).with("poll", 250);
        connection = args.factory().createConnection(); // migrates the schema before the children start
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
    void threeConsumerJvmsShareTheWorkExactlyOnceAndTheSurvivorsFinishAKilledOnesMessage() throws Exception {
        ChildArgs consumerArgs = args.copy().with("mode", "client").with("ackEvery", 1).with("processMillis", 5);
        List<ChildJvm> consumers = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            consumers.add(children.start("competing-" + name, CrashConsumerMain.class, consumerArgs.toList()));
        }
        for (ChildJvm consumer : consumers) {
            consumer.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(40));
        }
        ChildJvm producer = children.start("competing-producer", ProducerMain.class,
                args.copy().with("from", 1).with("to", FIRST_BATCH).toList());
        assertEquals(0, producer.awaitExit(Duration.ofSeconds(60)), "producer finished");
        assertEquals(FIRST_BATCH, producer.linesStartingWith("SENT ").size());
        Awaitility.await("all of the first batch processed").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> consumers.stream().mapToInt(c -> CrashSupport.processed(c).size()).sum() >= FIRST_BATCH);

        List<Seen> all = new ArrayList<>();
        List<Integer> shares = new ArrayList<>();
        for (ChildJvm consumer : consumers) {
            List<Seen> seen = CrashSupport.processed(consumer);
            shares.add(seen.size());
            all.addAll(seen);
        }
        System.out.println("[crash] competing consumers, shares of " + FIRST_BATCH + ": " + shares);
        assertEquals(FIRST_BATCH, all.size(), "nothing consumed twice: " + shares);
        assertEquals(CrashSupport.range(1, FIRST_BATCH), new TreeSet<>(all.stream().map(Seen::n).toList()));
        all.forEach(s -> assertFalse(s.redelivered(), "no redelivery without a crash: " + s));
        shares.forEach(share -> assertTrue(share >= FIRST_BATCH / 10, "every JVM gets a share: " + shares));

        // second batch: consumer a hangs in its next message and is killed -9 there
        ChildJvm victim = consumers.get(0);
        int victimBefore = CrashSupport.processed(victim).size();
        victim.send("hold");
        Map<String, Integer> ids = CrashSupport.sendNumbered(connection, QUEUE, FIRST_BATCH + 1, SECOND_BATCH_END);
        ChildJvm.Line holding = victim.awaitLine(l -> l.startsWith("HOLDING "), Duration.ofSeconds(20));
        int held = Integer.parseInt(holding.text().split(" ")[1]);
        victim.kill();
        Map<Integer, Integer> inFlight = CrashSupport.claimedByProcess(db, victim.pid(), ids);
        assertEquals(Map.of(held, 1), inFlight, "the victim held exactly the message it was processing");

        List<ChildJvm> survivors = consumers.subList(1, 3);
        Awaitility.await("the survivors finish the second batch").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> survivors.stream().flatMap(c -> CrashSupport.processed(c).stream())
                        .filter(s -> s.n() > FIRST_BATCH).count() >= SECOND_BATCH_END - FIRST_BATCH);
        List<Seen> second = survivors.stream().flatMap(c -> CrashSupport.processed(c).stream())
                .filter(s -> s.n() > FIRST_BATCH).toList();
        List<Seen> victimSecond = CrashSupport.processed(victim).subList(victimBefore,
                CrashSupport.processed(victim).size());
        System.out.println("[crash] killed consumer held " + held + "; of the second batch the victim processed "
                + victimSecond.size() + ", the survivors " + survivors.stream().map(c -> CrashSupport.processed(c)
                        .stream().filter(s -> s.n() > FIRST_BATCH).count()).toList());
        assertEquals(List.of(), victimSecond, "the victim hung in its first message of the batch");
        assertEquals(SECOND_BATCH_END - FIRST_BATCH, second.size(), "nothing of the second batch twice");
        assertEquals(CrashSupport.range(FIRST_BATCH + 1, SECOND_BATCH_END),
                new TreeSet<>(second.stream().map(Seen::n).toList()), "the survivors processed everything");
        for (Seen s : second) {
            if (s.n() == held) {
                assertTrue(s.redelivered(), "the killed JVM's message is redelivered: " + s);
                assertEquals(2, s.deliveryCount(), s.toString());
            } else {
                assertFalse(s.redelivered(), "no other redelivery: " + s);
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> CrashSupport.rowsIn(db, QUEUE) == 0);
    }
}
