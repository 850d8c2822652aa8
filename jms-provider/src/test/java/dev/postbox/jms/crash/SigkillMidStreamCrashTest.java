package dev.postbox.jms.crash;

import static dev.postbox.jms.crash.CrashSupport.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.crash.CrashSupport.Seen;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A consumer JVM is killed with SIGKILL in the middle of a stream of numbered messages; the test JVM then
 * drains the queue. Proves, on PostgreSQL with heartbeat 200 ms / node timeout 2 s / poll 250 ms:
 * <ul>
 *   <li>nothing is lost: every number is received at least once;</li>
 *   <li>the messages redelivered are exactly the ones the killed node held in flight at the kill (read from
 *       {@code pb_message.claimed_by} right after the kill), each with {@code JMSRedelivered=true} and its
 *       {@code JMSXDeliveryCount} one higher; no other message is redelivered;</li>
 *   <li>duplicates (processed by both consumers) are a subset of that in-flight set, whose size is bounded
 *       by the consumer's unacknowledged window: 1 for a listener in AUTO_ACKNOWLEDGE or CLIENT_ACKNOWLEDGE
 *       acknowledging each message (the engine claims one message per receive: no prefetch), {@code k} for
 *       CLIENT_ACKNOWLEDGE acknowledging every {@code k} messages;</li>
 *   <li>the first redelivery arrives no earlier than nodeTimeout − heartbeat after the kill (a node is not
 *       declared dead early) and within nodeTimeout + heartbeat + poll interval (+ slack for a loaded CI
 *       machine).</li>
 * </ul>
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SigkillMidStreamCrashTest {

    private static final int N = 300;
    private static final String QUEUE = "work";
    private static final long HEARTBEAT = 200;
    private static final long TIMEOUT = 2_000;
    private static final long POLL = 250;
    /** Scheduling noise allowed on a shared 2-core machine. */
    private static final long SLACK = 1_500;

    private final ChildJvms children = new ChildJvms();
    private TestDatabase db;
    private ChildArgs args;
    private Connection connection;
    private Map<String, Integer> numbersById;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        args = ChildArgs.of().with("url", db.url()).with("queue", QUEUE).with("heartbeat", HEARTBEAT)
                .with("timeout", TIMEOUT).with("poll", POLL);
        connection = args.factory().createConnection();
        numbersById = CrashSupport.sendNumbered(connection, QUEUE, 1, N);
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
    void clientAcknowledgeEachMessageKilledAtARandomPoint() throws Exception {
        Outcome outcome = killAndDrain("client-ack1", args.copy().with("mode", "client").with("ackEvery", 1)
                .with("processMillis", 8), 100);
        assertTrue(outcome.inFlight.size() <= 1, "window of CLIENT_ACKNOWLEDGE acking each message: " + outcome);
        outcome.assertGuarantees();
    }

    @Test
    void autoAcknowledgeListenerKilledAtARandomPoint() throws Exception {
        Outcome outcome = killAndDrain("auto-listener", args.copy().with("mode", "auto-listener")
                .with("processMillis", 8), 100);
        assertTrue(outcome.inFlight.size() <= 1, "window of an AUTO_ACKNOWLEDGE listener: " + outcome);
        outcome.assertGuarantees();
    }

    @Test
    void clientAcknowledgeEveryTenMessagesKilledWhileSevenAreUnacknowledged() throws Exception {
        // acknowledged up to 150; 151..156 processed, 157 being processed when the JVM dies
        Outcome outcome = killAndDrain("client-ack10", args.copy().with("mode", "client").with("ackEvery", 10)
                .with("holdOn", 157), 0);
        outcome.assertGuarantees();
        assertEquals(CrashSupport.range(151, 157), outcome.inFlight.keySet(), outcome.toString());
        assertEquals(CrashSupport.range(151, 156), outcome.duplicates, outcome.toString());
        assertTrue(outcome.firstRedeliveryMillis >= 0, outcome.toString());
    }

    @Test
    void clientAcknowledgeWithPrefetchKilledMidStreamRedeliversThePrefetchedButDuplicatesOnlyTheOneInHand()
            throws Exception {
        int prefetch = 64;
        Outcome outcome = killAndDrain("client-ack1-prefetch", args.copy().with("mode", "client").with("ackEvery", 1)
                .with("processMillis", 8).with("prefetch", prefetch), 100);
        outcome.assertGuarantees();
        assertTrue(outcome.inFlight.size() <= prefetch, "at most one prefetch batch in flight: " + outcome);
        assertTrue(outcome.duplicates.size() <= 1, "only the message being processed can be seen twice: " + outcome);
    }

    @Test
    void atMostOnceConsumerKilledWhileProcessingLosesThatMessageAndDuplicatesNothing() throws Exception {
        // 1..156 processed; 157 taken from the store and being processed when the JVM dies
        ChildJvm child = children.start("at-most-once", CrashConsumerMain.class,
                args.copy().with("mode", "at-most-once").with("holdOn", 157).toList());
        child.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(30));
        child.awaitLine(l -> l.startsWith("HOLDING "), Duration.ofSeconds(30));
        child.kill();
        assertTrue(CrashSupport.claimedByProcess(db, child.pid(), numbersById).isEmpty(),
                "nothing is held in flight: a message leaves the store when it is taken");
        List<Seen> first = CrashSupport.processed(child);

        connection.start();
        List<Seen> second = new ArrayList<>();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            while (second.size() < N - 157) {
                Message message = consumer.receive(10_000);
                assertTrue(message != null, "the rest of the queue arrives: " + second.size() + " so far");
                second.add(Seen.of(message));
            }
            // Past nodeTimeout + heartbeat + poll: a message held by the dead node would be back by now.
            assertEquals(null, consumer.receive(TIMEOUT + HEARTBEAT + 2 * POLL + SLACK),
                    "nothing is redelivered after the kill");
        }
        List<Integer> numbers = new ArrayList<>();
        first.forEach(s -> numbers.add(s.n()));
        second.forEach(s -> numbers.add(s.n()));
        assertEquals(numbers.size(), new HashSet<>(numbers).size(), "no message processed twice: " + numbers);
        Set<Integer> lost = new TreeSet<>(CrashSupport.range(1, N));
        lost.removeAll(numbers);
        assertEquals(Set.of(157), lost, "exactly the message in the hands of the killed consumer is lost");
        second.forEach(s -> assertFalse(s.redelivered(), "never redelivered: " + s));
    }

    /** Starts the consumer, kills it after {@code processedBeforeKill} messages (or once it holds one), drains. */
    private Outcome killAndDrain(String name, ChildArgs consumerArgs, int processedBeforeKill) throws Exception {
        ChildJvm child = children.start(name, CrashConsumerMain.class, consumerArgs.toList());
        child.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(30));
        if (processedBeforeKill > 0) {
            child.awaitCount("MSG ", processedBeforeKill, Duration.ofSeconds(30));
        } else {
            child.awaitLine(l -> l.startsWith("HOLDING "), Duration.ofSeconds(30));
        }
        long killedAt = child.kill();
        Map<Integer, Integer> inFlight = CrashSupport.claimedByProcess(db, child.pid(), numbersById);
        List<Seen> first = CrashSupport.processed(child);

        List<Seen> second = new ArrayList<>();
        Set<Integer> missing = new TreeSet<>(CrashSupport.range(1, N));
        first.forEach(s -> missing.remove(s.n()));
        connection.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                Message message = consumer.receive(500);
                if (message != null) {
                    Seen seen = Seen.of(message);
                    second.add(seen);
                    missing.remove(seen.n());
                }
            }
            // anything else still coming (it would be an unexpected redelivery)
            for (Message m = consumer.receive(POLL * 2); m != null; m = consumer.receive(POLL * 2)) {
                second.add(Seen.of(m));
            }
        }
        Outcome outcome = new Outcome(name, N, first, second, inFlight, killedAt);
        System.out.println("[crash] " + outcome);
        return outcome;
    }

    /** What the two consumers saw. */
    private static final class Outcome {
        final String name;
        final Map<Integer, Integer> inFlight; // number -> delivery count at the kill
        final List<Seen> first;
        final List<Seen> second;
        final Set<Integer> duplicates;
        final long firstRedeliveryMillis;
        final int total;

        Outcome(String name, int total, List<Seen> first, List<Seen> second, Map<Integer, Integer> inFlight,
                long killedAt) {
            this.name = name;
            this.total = total;
            this.first = first;
            this.second = second;
            this.inFlight = new TreeMap<>(inFlight);
            Set<Integer> firstNumbers = first.stream().map(Seen::n).collect(Collectors.toSet());
            this.duplicates = second.stream().map(Seen::n).filter(firstNumbers::contains)
                    .collect(Collectors.toCollection(TreeSet::new));
            this.firstRedeliveryMillis = second.stream().filter(Seen::redelivered).mapToLong(Seen::nanos).min()
                    .stream().map(t -> millis(t - killedAt)).findFirst().orElse(-1);
        }

        void assertGuarantees() {
            Set<Integer> all = new HashSet<>();
            first.forEach(s -> all.add(s.n()));
            second.forEach(s -> all.add(s.n()));
            assertEquals(CrashSupport.range(1, total), new TreeSet<>(all), "every number received: " + this);
            assertFalse(inFlight.containsKey(-1), "the killed node held only test messages: " + this);
            first.forEach(s -> assertFalse(s.redelivered(), "no redelivery before the kill: " + s));

            Map<Integer, Seen> redelivered = new TreeMap<>();
            for (Seen s : second) {
                if (s.redelivered()) {
                    redelivered.put(s.n(), s);
                }
                assertEquals(s.redelivered(), s.deliveryCount() >= 2, "JMSRedelivered iff count >= 2: " + s);
            }
            // A message read as claimed right after the kill may still be acknowledged by a COMMIT the killed
            // JVM had already sent: only messages in flight at the kill can come back, not necessarily all.
            assertTrue(inFlight.keySet().containsAll(redelivered.keySet()),
                    "only messages in flight at the kill are redelivered: " + this);
            redelivered.forEach((n, seen) -> assertEquals(inFlight.get(n) + 1, seen.deliveryCount(),
                    "delivery count of " + n + " grows by one"));
            assertTrue(inFlight.keySet().containsAll(duplicates), "duplicates only among the in-flight: " + this);
            assertEquals(second.size(), second.stream().map(Seen::n).distinct().count(),
                    "the second consumer sees each message once: " + this);
            if (!inFlight.isEmpty()) {
                assertTrue(firstRedeliveryMillis >= TIMEOUT - HEARTBEAT - 100,
                        "not redelivered before the node could be declared dead: " + this);
                assertTrue(firstRedeliveryMillis <= TIMEOUT + HEARTBEAT + POLL + SLACK,
                        "redelivered within timeout + heartbeat + poll (+ slack): " + this);
            }
        }

        @Override
        public String toString() {
            return name + ": first consumer processed " + first.size() + ", second " + second.size()
                    + ", in flight at the kill " + inFlight + ", duplicates " + duplicates
                    + ", first redelivery " + firstRedeliveryMillis + " ms after the kill";
        }
    }
}
