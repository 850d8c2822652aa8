package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Delivery order by priority, message expiry and delivery delay (sections 3.4.9-3.4.13, 6.2.9, 7.9). */
@Timeout(120)
class DeliveryTest extends ClientTestBase {

    /** A poll interval far longer than any wait here: consumers must be woken, not find messages by polling. */
    private static final long NO_POLL_MILLIS = 60_000;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void higherPrioritiesAreDeliveredFirstAndEqualPrioritiesInSendOrder(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("priorities");
        MessageProducer producer = session.createProducer(queue);
        List<String> expected = new ArrayList<>();
        int[] priorities = {0, 9, 4, 5, 9, 1, 4, 0, 7, 3, 8, 2, 6};
        for (int i = 0; i < priorities.length; i++) {
            producer.send(session.createTextMessage(priorities[i] + "-" + i), DeliveryMode.PERSISTENT, priorities[i], 0);
        }
        for (int priority = 9; priority >= 0; priority--) {
            for (int i = 0; i < priorities.length; i++) {
                if (priorities[i] == priority) {
                    expected.add(priority + "-" + i);
                }
            }
        }
        connection.start();
        List<Message> received = receive(session.createConsumer(queue), priorities.length);
        assertEquals(expected, texts(received));
        for (Message message : received) {
            assertEquals(Integer.parseInt(text(message).split("-")[0]), message.getJMSPriority());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerGetsMessagesInPriorityOrder(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("listener-priorities");
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("low"), DeliveryMode.PERSISTENT, 1, 0);
        producer.send(session.createTextMessage("high"), DeliveryMode.PERSISTENT, 8, 0);
        producer.send(session.createTextMessage("normal"), DeliveryMode.PERSISTENT, 4, 0);
        List<String> delivered = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> delivered.add(textOf(message)));
        connection.start();
        eventually(() -> delivered.size() == 3);
        assertEquals(List.of("high", "normal", "low"), delivered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anExpiredMessageIsNeverReceived(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("expiring");
        MessageProducer producer = session.createProducer(queue);
        Message shortLived = session.createTextMessage("expires");
        producer.send(shortLived, DeliveryMode.PERSISTENT, 9, 300);
        producer.send(session.createTextMessage("stays"));
        eventually(() -> System.currentTimeMillis() > shortLived.getJMSExpiration());

        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals("stays", text(consumer.receive(ARRIVES_MILLIS)));
        assertNull(consumer.receive(QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anExpiredMessageIsNeverGivenToAListener(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("expiring-listener");
        MessageProducer producer = session.createProducer(queue);
        Message shortLived = session.createTextMessage("expires");
        producer.send(shortLived, DeliveryMode.NON_PERSISTENT, 9, 300);
        producer.send(session.createTextMessage("stays"));
        List<String> delivered = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> delivered.add(textOf(message)));
        eventually(() -> System.currentTimeMillis() > shortLived.getJMSExpiration());
        connection.start();
        eventually(() -> delivered.size() == 1);
        remains("the expired message never comes", () -> delivered.size() == 1);
        assertEquals(List.of("stays"), delivered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageThatExpiresOnAnIdleQueueIsRemoved(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("idle");
        session.createProducer(queue).send(session.createTextMessage("forgotten"), DeliveryMode.PERSISTENT, 4, 200);
        assertEquals(1, storedOn("idle"));
        eventually(() -> storedOn("idle") == 0);
        connection.start();
        assertNull(session.createConsumer(queue).receiveNoWait());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anExpiredMessageMovesToTheExpiryQueueWhenOneIsConfigured(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setExpiryQueue("expired");
        Connection connection = connect(factory);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("with-expiry-queue");
        session.createProducer(queue).send(session.createTextMessage("late"), DeliveryMode.PERSISTENT, 4, 200);
        eventually(() -> storedOn("expired") == 1);
        connection.start();
        assertNull(session.createConsumer(queue).receiveNoWait());
        assertEquals("late", text(session.createConsumer(session.createQueue("expired")).receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDelayedMessageIsNotDeliveredBeforeItsDeliveryTimeAndWakesAWaitingReceive(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setPollIntervalMillis(NO_POLL_MILLIS);
        Connection connection = connect(factory);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("delayed");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(700);
        Message sent = session.createTextMessage("later");
        producer.send(sent);
        producer.setDeliveryDelay(0);
        producer.send(session.createTextMessage("now"));

        assertEquals("now", text(consumer.receive(ARRIVES_MILLIS)), "an earlier-sent delayed message waits");
        Message later = consumer.receive(ARRIVES_MILLIS);
        long arrived = System.currentTimeMillis();
        assertEquals("later", text(later));
        assertTrue(arrived >= sent.getJMSDeliveryTime(), "delivered before its JMSDeliveryTime");
        assertTrue(arrived < sent.getJMSDeliveryTime() + 5_000, "the waiting receive was not woken");
        assertEquals(sent.getJMSDeliveryTime(), later.getJMSDeliveryTime());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDelayedMessageReachesAnIdleListenerAtItsDeliveryTime(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setPollIntervalMillis(NO_POLL_MILLIS);
        Connection connection = connect(factory);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("delayed-listener");
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> arrivals.add(System.currentTimeMillis()));
        connection.start();
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(500);
        Message sent = session.createTextMessage("later");
        producer.send(sent);
        eventually(() -> arrivals.size() == 1);
        assertTrue(arrivals.get(0) >= sent.getJMSDeliveryTime(), "delivered before its JMSDeliveryTime");
        assertTrue(arrivals.get(0) < sent.getJMSDeliveryTime() + 5_000, "the idle listener was not woken");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDelayedSendInATransactionCountsTheDelayFromTheSendNotTheCommit(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("delayed-tx");
        MessageProducer producer = transacted.createProducer(queue);
        producer.setDeliveryDelay(300);
        Message sent = transacted.createTextMessage("delayed");
        long before = System.currentTimeMillis();
        producer.send(sent);
        assertTrue(sent.getJMSDeliveryTime() >= before + 300);
        transacted.commit();
        MessageConsumer consumer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        Message received = consumer.receive(ARRIVES_MILLIS);
        assertTrue(System.currentTimeMillis() >= sent.getJMSDeliveryTime());
        assertEquals(sent.getJMSDeliveryTime(), received.getJMSDeliveryTime());
    }
}
