package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Commits whose outcome the client never learns: the database commits, then the session dies before the
 * answer arrives (seen for real while PostgreSQL restarts: {@code FATAL: terminating connection due to
 * administrator command} after a commit that took effect). Made deterministic with a loopback proxy that
 * forwards one COMMIT and then cuts the client off. The node stays alive throughout (its heartbeats go on
 * through its other pooled connections), so nothing is ever declared dead.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InDoubtCommitCrashTest {

    private static final String QUEUE = "in-doubt";

    private TestDatabase db;
    private CommitCuttingProxy proxy;
    private Connection viaProxy;
    private Connection direct;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        Assumptions.assumeTrue(db.url().startsWith("jdbc:postgresql://127.0.0.1:5432/"), "needs the local PostgreSQL");
        proxy = new CommitCuttingProxy("127.0.0.1", 5432);
        String proxied = db.url().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()) + "&prepareThreshold=0";
        ChildArgs settings = ChildArgs.of().with("heartbeat", 200).with("timeout", 2_000).with("poll", 250);
        direct = settings.copy().with("url", db.url()).factory().createConnection();
        viaProxy = settings.copy().with("url", proxied).factory().createConnection();
        direct.start();
        viaProxy.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (viaProxy != null) {
            viaProxy.close();
        }
        if (direct != null) {
            direct.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /**
     * A send whose commit answer is lost throws a JMSException although the message was stored: a failed
     * send is in doubt, and an application that retries it may send it twice (at-least-once).
     */
    @Test
    void aSendWhoseCommitAnswerIsLostFailsButTheMessageIsStored() throws Exception {
        try (Session session = viaProxy.createSession(Session.AUTO_ACKNOWLEDGE);
                Session receiving = direct.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            proxy.armCutAfterAutoCommitOf("insert into pb_message"); // a lone send is one auto-commit INSERT
            TextMessage message = session.createTextMessage("in doubt");
            JMSException failure = assertThrows(JMSException.class, () -> producer.send(message));
            assertTrue(proxy.awaitCut(5, TimeUnit.SECONDS));
            System.out.println("[crash] send with a lost commit answer: " + failure.getMessage());
            MessageConsumer consumer = receiving.createConsumer(receiving.createQueue(QUEUE));
            Message received = consumer.receive(5_000);
            assertNotNull(received, "the 'failed' send was stored");
            assertEquals("in doubt", received.getBody(String.class));
            assertNull(consumer.receive(300));
        }
    }

    /**
     * An acknowledgement whose commit answer is lost throws, the session keeps the message unacknowledged,
     * a retried {@code acknowledge()} returns normally, and the message is never redelivered.
     */
    @Test
    void anAcknowledgementWhoseCommitAnswerIsLostIsNotRedelivered() throws Exception {
        CrashSupport.sendNumbered(direct, QUEUE, 1, 1);
        try (Session session = viaProxy.createSession(Session.CLIENT_ACKNOWLEDGE);
                Session other = direct.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            Message message = consumer.receive(5_000);
            assertNotNull(message);
            proxy.armCutAfterAutoCommitOf("delete from pb_message"); // an acknowledgement is one auto-commit DELETE
            assertThrows(JMSException.class, message::acknowledge);
            assertTrue(proxy.awaitCut(5, TimeUnit.SECONDS));
            assertEquals(0, CrashSupport.rowsIn(db, QUEUE), "the acknowledgement took effect");
            message.acknowledge(); // the retry finds nothing left to delete and returns normally
            MessageConsumer second = other.createConsumer(other.createQueue(QUEUE));
            assertNull(second.receive(2_500), "not redelivered");
            assertNull(consumer.receive(500), "not redelivered");
        }
    }

    /**
     * The claim of a receive whose commit answer is lost: the receive sees a failure (and retries), but the
     * row was claimed by this node in the database. It should be delivered (or given back) once the store
     * answers again.
     */
    @Test
    void aClaimWhoseCommitAnswerIsLostIsStillDelivered() throws Exception {
        CrashSupport.sendNumbered(direct, QUEUE, 1, 1);
        try (Session session = viaProxy.createSession(Session.CLIENT_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            proxy.armCutAfterAutoCommitOf("delivery_count = delivery_count + 1"); // a claim is one auto-commit UPDATE
            Message received = null;
            int failures = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // 5 node timeouts
            while (received == null && System.nanoTime() < deadline) {
                try {
                    received = consumer.receive(1_000);
                } catch (JMSException e) {
                    failures++;
                }
            }
            assertTrue(proxy.awaitCut(1, TimeUnit.SECONDS), "the claim's commit was cut");
            assertNotNull(received, "the message is delivered after the store answers again (receive failures: "
                    + failures + "); rows: " + CrashSupport.describeRows(db) + "; nodes: " + CrashSupport.describeNodes(db));
            assertEquals(1, received.getIntProperty("n"));
        }
    }

    /**
     * AUTO_ACKNOWLEDGE {@code receive()} acknowledges before returning. When that acknowledgement's commit
     * took effect but its answer was lost, the message must still be handed to the application (it may
     * not exist anywhere else any more).
     */
    @Test
    void anAutoAcknowledgedReceiveWhoseAcknowledgementAnswerIsLostStillReturnsTheMessage() throws Exception {
        CrashSupport.sendNumbered(direct, QUEUE, 1, 1);
        try (Session session = viaProxy.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            proxy.armCutAfterAutoCommitOf("delete from pb_message");
            Message received = null;
            JMSException failure = null;
            try {
                received = consumer.receive(5_000);
            } catch (JMSException e) {
                failure = e;
            }
            assertTrue(proxy.awaitCut(1, TimeUnit.SECONDS), "the acknowledgement's commit was cut");
            if (received == null) {
                received = consumer.receive(3_000);
            }
            assertNotNull(received, "the message reaches the application (receive threw " + failure + "; rows left: "
                    + CrashSupport.describeRows(db) + ")");
        }
    }

    /**
     * An AUTO_ACKNOWLEDGE listener's acknowledgement that really failed (the COMMIT never reached the
     * database) leaves the row claimed: it should be retried or the message given back, not held forever.
     */
    @Test
    void anAutoAcknowledgeListenerWhoseAcknowledgementFailsDoesNotLeaveTheMessageClaimed() throws Exception {
        CrashSupport.sendNumbered(direct, QUEUE, 1, 1);
        java.util.List<Integer> processed = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Session session = viaProxy.createSession(Session.AUTO_ACKNOWLEDGE)) {
            proxy.armDropAutoCommitOf("delete from pb_message");
            session.createConsumer(session.createQueue(QUEUE)).setMessageListener(m -> {
                try {
                    processed.add(m.getIntProperty("n"));
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(proxy.awaitCut(10, TimeUnit.SECONDS), "the acknowledgement was dropped");
            org.awaitility.Awaitility.await("the message is acknowledged after all, or given back and processed again")
                    .atMost(java.time.Duration.ofSeconds(10))
                    .failFast("unexpected state", () -> processed.size() > 2)
                    .untilAsserted(() -> assertEquals(0, CrashSupport.claimedIn(db, QUEUE),
                            "rows still claimed: " + CrashSupport.describeRows(db) + "; processed " + processed));
        }
    }
}
