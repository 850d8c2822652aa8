package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Local transactions: Session.commit and rollback (section 6.2.8, 8.7). */
@Timeout(120)
class TransactedSessionTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitStoresTheSendsAndAcknowledgesTheReceivesTogether(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue in = plain.createQueue("in");
        Queue out = plain.createQueue("out");
        send(plain, in, "request");

        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        assertEquals("request", text(transacted.createConsumer(in).receive(ARRIVES_MILLIS)));
        transacted.createProducer(out).send(transacted.createTextMessage("reply"));
        MessageConsumer outside = plain.createConsumer(out);
        assertNull(outside.receive(QUIET_MILLIS), "an uncommitted send is not delivered");
        assertEquals(1, storedOn("in"), "an uncommitted receive is not acknowledged");

        transacted.commit();
        assertEquals(0, storedOn("in"));
        assertEquals("reply", text(outside.receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rollbackRedeliversInTheOriginalOrderMarkedRedelivered(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("rolled-back");
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "a", "b", "c");
        MessageConsumer consumer = transacted.createConsumer(queue);
        for (Message first : receive(consumer, 3)) {
            assertFalse(first.getJMSRedelivered());
            assertEquals(1, first.getIntProperty("JMSXDeliveryCount"));
        }
        transacted.rollback();

        List<Message> again = receive(consumer, 3);
        assertEquals(List.of("a", "b", "c"), texts(again));
        for (Message message : again) {
            assertTrue(message.getJMSRedelivered());
            assertEquals(2, message.getIntProperty("JMSXDeliveryCount"));
        }
        transacted.commit();
        assertEquals(0, storedOn("rolled-back"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rolledBackSendsAreNeverDelivered(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("discarded");
        MessageProducer producer = transacted.createProducer(queue);
        producer.send(transacted.createTextMessage("never"));
        transacted.rollback();
        producer.send(transacted.createTextMessage("kept"));
        transacted.commit();

        MessageConsumer consumer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        assertEquals("kept", text(consumer.receive(ARRIVES_MILLIS)));
        assertNull(consumer.receive(QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitAndRollbackNeedATransactedSessionAndRecoverRefusesOne(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
            Session session = connection.createSession(false, mode);
            assertThrows(IllegalStateException.class, session::commit);
            assertThrows(IllegalStateException.class, session::rollback);
        }
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        assertThrows(IllegalStateException.class, transacted::recover);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingATransactedSessionRollsItBack(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("close-rollback");
        Queue out = transacted.createQueue("close-rollback-out");
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "received");
        assertEquals("received", text(transacted.createConsumer(queue).receive(ARRIVES_MILLIS)));
        transacted.createProducer(out).send(transacted.createTextMessage("sent"));
        transacted.close();

        Session next = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message again = next.createConsumer(queue).receive(ARRIVES_MILLIS);
        assertEquals("received", text(again));
        assertTrue(again.getJMSRedelivered());
        assertNull(next.createConsumer(out).receive(QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitInsideAListenerCoversTheCurrentMessage(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("listener-commit");
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "a", "b", "c");
        List<String> delivered = new CopyOnWriteArrayList<>();
        transacted.createConsumer(queue).setMessageListener(message -> {
            delivered.add(textOf(message));
            commitQuietly(transacted);
        });
        connection.start();
        eventually(() -> delivered.size() == 3);
        eventually(() -> storedOn("listener-commit") == 0);
        transacted.close();
        remains("committed messages are never redelivered", () -> storedOn("listener-commit") == 0);
        assertEquals(List.of("a", "b", "c"), delivered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rollbackInsideAListenerRedeliversTheCurrentMessage(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("listener-rollback");
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "m");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        transacted.createConsumer(queue).setMessageListener(message -> {
            try {
                deliveries.add(textOf(message) + "/" + message.getJMSRedelivered() + "/"
                        + message.getIntProperty("JMSXDeliveryCount"));
                if (message.getJMSRedelivered()) {
                    transacted.commit();
                } else {
                    transacted.rollback();
                }
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        connection.start();
        eventually(() -> deliveries.size() == 2);
        eventually(() -> storedOn("listener-rollback") == 0);
        assertEquals(List.of("m/false/1", "m/true/2"), deliveries);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerThatThrowsGetsTheNextMessageAndTheTransactionStaysOpen(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("listener-throws");
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "fails", "commits");
        List<String> delivered = new CopyOnWriteArrayList<>();
        transacted.createConsumer(queue).setMessageListener(message -> {
            String text = textOf(message);
            delivered.add(text);
            if (text.equals("fails")) {
                throw new java.lang.IllegalStateException("listener failure");
            }
            commitQuietly(transacted);
        });
        connection.start();
        eventually(() -> delivered.size() == 2);
        eventually(() -> storedOn("listener-throws") == 0);
        remains("the failed message was committed with the next one", () -> delivered.size() == 2);
        assertEquals(List.of("fails", "commits"), delivered);
    }

    private static void commitQuietly(Session session) {
        try {
            session.commit();
        } catch (JMSException e) {
            throw new java.lang.IllegalStateException(e);
        }
    }
}
