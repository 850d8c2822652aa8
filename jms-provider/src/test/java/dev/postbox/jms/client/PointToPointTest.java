package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class PointToPointTest {

    private TestDatabase database;
    private Connection connection;

    private Connection connect(TestDatabase.Kind kind) throws Exception {
        database = TestDatabase.create(kind);
        PostboxConnectionFactory factory = Brokers.factory(database);
        connection = factory.createConnection();
        return connection;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSentTextMessageIsReceivedOnceAndRemovedOnAutoAcknowledge(TestDatabase.Kind kind) throws Exception {
        Connection c = connect(kind);
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("orders");
        MessageProducer producer = session.createProducer(queue);
        TextMessage sent = session.createTextMessage("hello");
        sent.setStringProperty("customer", "acme");
        producer.send(sent);
        assertNotNull(sent.getJMSMessageID());
        assertTrue(sent.getJMSMessageID().startsWith("ID:"));

        c.start();
        MessageConsumer consumer = session.createConsumer(queue);
        TextMessage received = (TextMessage) consumer.receive(5_000);
        assertNotNull(received);
        assertEquals("hello", received.getText());
        assertEquals("acme", received.getStringProperty("customer"));
        assertEquals(sent.getJMSMessageID(), received.getJMSMessageID());
        assertEquals(1, received.getIntProperty("JMSXDeliveryCount"));
        assertFalse(received.getJMSRedelivered());
        assertEquals(queue, received.getJMSDestination());
        assertNull(consumer.receiveNoWait());
        try (var rs = database.connect().createStatement().executeQuery("SELECT COUNT(*) FROM pb_message")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerReceivesMessagesInOrder(TestDatabase.Kind kind) throws Exception {
        Connection c = connect(kind);
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("events");
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(20);
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.setMessageListener(m -> {
            try {
                received.add(((TextMessage) m).getText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            all.countDown();
        });
        c.start();
        Session sender = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sender.createProducer(queue);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            producer.send(sender.createTextMessage("m" + i));
            expected.add("m" + i);
        }
        assertTrue(all.await(20, TimeUnit.SECONDS), "received " + received);
        assertEquals(expected, received);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void receiveWaitsForAMessageSentLater(TestDatabase.Kind kind) throws Exception {
        Connection c = connect(kind);
        c.start();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("later");
        MessageConsumer consumer = session.createConsumer(queue);
        Thread sender = new Thread(() -> {
            try (Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                s.createProducer(queue).send(s.createTextMessage("late"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        sender.start();
        Message m = consumer.receive(10_000);
        assertNotNull(m);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 9_000);
        sender.join();
    }
}
