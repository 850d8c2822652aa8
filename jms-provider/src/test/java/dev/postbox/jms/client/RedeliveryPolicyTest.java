package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Postbox's redelivery policy as seen through the JMS API: maximum delivery attempts, dead-letter queues
 * with the recorded reason, and redelivery delays growing by the multiplier.
 */
@Timeout(120)
class RedeliveryPolicyTest extends ClientTestBase {

    private static final String DEAD_LETTER_REASON = """
            SELECT m.dead_letter_reason FROM pb_message m JOIN pb_destination d ON d.id = m.destination_id
             WHERE d.name = ?""";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageWhoseListenerAlwaysThrowsEndsInTheDeadLetterQueueWithTheReason(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setMaxDeliveryAttempts(3);
        Connection connection = connect(factory);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("poison");
        send(session, queue, "poison", "fine");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            deliveries.add(textOf(message));
            if (textOf(message).equals("poison")) {
                throw new IllegalArgumentException("cannot parse order 17");
            }
        });
        connection.start();
        eventually(() -> storedOn("poison.DLQ") == 1);
        eventually(() -> storedOn("poison") == 0);
        assertEquals(List.of("poison", "poison", "poison", "fine"), deliveries);
        String reason = queryString(DEAD_LETTER_REASON, "poison.DLQ");
        assertNotNull(reason);
        assertTrue(reason.contains(IllegalArgumentException.class.getName()), reason);
        assertTrue(reason.contains("cannot parse order 17"), reason);
        assertTrue(reason.contains("3 delivery attempts"), reason);

        Session dlq = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message dead = dlq.createConsumer(dlq.createQueue("poison.DLQ")).receive(ARRIVES_MILLIS);
        assertEquals("poison", text(dead));
        assertEquals(1, dead.getIntProperty("JMSXDeliveryCount"), "the dead-letter queue delivers it afresh");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rollingBackUsesUpDeliveryAttemptsToo(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setMaxDeliveryAttempts(2);
        Connection connection = connect(factory);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("rollback-poison");
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "m");
        MessageConsumer consumer = transacted.createConsumer(queue);
        assertNotNull(consumer.receive(ARRIVES_MILLIS));
        transacted.rollback();
        Message second = consumer.receive(ARRIVES_MILLIS);
        assertEquals(2, second.getIntProperty("JMSXDeliveryCount"));
        transacted.rollback();
        assertNull(consumer.receive(QUIET_MILLIS));
        assertEquals(1, storedOn("rollback-poison.DLQ"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void redeliveriesWaitTheDelayGrowingByTheMultiplier(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setMaxDeliveryAttempts(0);
        factory.setRedeliveryDelayMillis(400);
        factory.setRedeliveryMultiplier(2.0);
        Connection connection = connect(factory);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("backoff");
        send(session, queue, "retried");
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            arrivals.add(System.currentTimeMillis());
            try {
                redelivered.add(message.getJMSRedelivered());
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
            if (arrivals.size() < 3) {
                throw new IllegalStateException("try again later");
            }
        });
        connection.start();
        eventually(() -> arrivals.size() == 3);
        long firstGap = arrivals.get(1) - arrivals.get(0);
        long secondGap = arrivals.get(2) - arrivals.get(1);
        assertTrue(firstGap >= 350, "first redelivery after about 400 ms, was " + firstGap);
        assertTrue(secondGap >= 750, "second redelivery after about 800 ms, was " + secondGap);
        assertEquals(List.of(false, true, true), redelivered);
        eventually(() -> storedOn("backoff") == 0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRecoveredMessageWaitsForTheRedeliveryDelay(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setRedeliveryDelayMillis(500);
        Connection connection = connect(factory);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("recover-delay");
        send(session, queue, "m");
        MessageConsumer consumer = session.createConsumer(queue);
        assertNotNull(consumer.receive(ARRIVES_MILLIS));
        long recoveredAt = System.currentTimeMillis();
        session.recover();
        Message again = consumer.receive(ARRIVES_MILLIS);
        assertTrue(System.currentTimeMillis() - recoveredAt >= 450, "redelivered before the redelivery delay");
        assertTrue(again.getJMSRedelivered());
    }
}
