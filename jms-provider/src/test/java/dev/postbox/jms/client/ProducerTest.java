package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** MessageProducer: the header fields set by send, defaults and their validation, unidentified producers. */
@Timeout(120)
class ProducerTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sendSetsTheHeaderFieldsOnTheMessageAndTheReceiverSeesThem(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("headers");
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(200);
        producer.setTimeToLive(60_000);
        producer.setPriority(7);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        TextMessage sent = session.createTextMessage("h");
        sent.setJMSType("order");
        sent.setJMSCorrelationID("corr-1");
        long before = System.currentTimeMillis();
        producer.send(sent);
        long after = System.currentTimeMillis();

        assertTrue(sent.getJMSMessageID().startsWith("ID:"));
        assertTrue(sent.getJMSTimestamp() >= before && sent.getJMSTimestamp() <= after, "timestamp is the send time");
        assertEquals(queue, sent.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, sent.getJMSDeliveryMode());
        assertEquals(7, sent.getJMSPriority());
        assertEquals(sent.getJMSTimestamp() + 60_000, sent.getJMSExpiration());
        assertEquals(sent.getJMSTimestamp() + 200, sent.getJMSDeliveryTime());

        Message received = session.createConsumer(queue).receive(ARRIVES_MILLIS);
        assertEquals(sent.getJMSMessageID(), received.getJMSMessageID());
        assertEquals(sent.getJMSTimestamp(), received.getJMSTimestamp());
        assertEquals(queue, received.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, received.getJMSDeliveryMode());
        assertEquals(7, received.getJMSPriority());
        assertEquals(sent.getJMSExpiration(), received.getJMSExpiration());
        assertEquals(sent.getJMSDeliveryTime(), received.getJMSDeliveryTime());
        assertEquals("order", received.getJMSType());
        assertEquals("corr-1", received.getJMSCorrelationID());
        assertNull(received.getJMSReplyTo());
        assertFalse(received.getJMSRedelivered());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aProducerStartsWithTheSpecifiedDefaults(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("defaults");
        MessageProducer producer = session.createProducer(queue);
        assertEquals(DeliveryMode.PERSISTENT, producer.getDeliveryMode());
        assertEquals(Message.DEFAULT_PRIORITY, producer.getPriority());
        assertEquals(Message.DEFAULT_TIME_TO_LIVE, producer.getTimeToLive());
        assertEquals(Message.DEFAULT_DELIVERY_DELAY, producer.getDeliveryDelay());
        assertFalse(producer.getDisableMessageID());
        assertFalse(producer.getDisableMessageTimestamp());
        assertEquals(queue, producer.getDestination());

        TextMessage sent = session.createTextMessage("d");
        producer.send(sent);
        assertEquals(DeliveryMode.PERSISTENT, sent.getJMSDeliveryMode());
        assertEquals(4, sent.getJMSPriority());
        assertEquals(0, sent.getJMSExpiration(), "no time to live: never expires");
        assertEquals(sent.getJMSTimestamp(), sent.getJMSDeliveryTime(), "no delivery delay: deliverable at once");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theArgumentsOfSendOverrideTheProducerDefaults(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("override");
        MessageProducer producer = session.createProducer(queue);
        TextMessage sent = session.createTextMessage("o");
        sent.setJMSPriority(1);
        producer.send(sent, DeliveryMode.NON_PERSISTENT, 9, 5_000);
        assertEquals(9, sent.getJMSPriority(), "send overwrites what the application set on the message");
        assertEquals(DeliveryMode.NON_PERSISTENT, sent.getJMSDeliveryMode());
        assertEquals(sent.getJMSTimestamp() + 5_000, sent.getJMSExpiration());
        Message received = session.createConsumer(queue).receive(ARRIVES_MILLIS);
        assertEquals(9, received.getJMSPriority());
        assertEquals(DeliveryMode.PERSISTENT, producer.getDeliveryMode(), "the producer defaults are unchanged");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void messageIdsAreUniqueAndCanBeDisabled(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("ids");
        Set<String> ids = new HashSet<>();
        for (int p = 0; p < 3; p++) {
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < 20; i++) {
                TextMessage message = session.createTextMessage("m");
                producer.send(message);
                assertTrue(message.getJMSMessageID().startsWith("ID:"));
                assertTrue(ids.add(message.getJMSMessageID()), "duplicate id " + message.getJMSMessageID());
            }
        }
        MessageProducer anonymous = session.createProducer(queue);
        anonymous.setDisableMessageID(true);
        anonymous.setDisableMessageTimestamp(true);
        assertTrue(anonymous.getDisableMessageID());
        assertTrue(anonymous.getDisableMessageTimestamp());
        TextMessage sent = session.createTextMessage("anonymous");
        sent.setJMSMessageID("ID:set-by-the-application");
        anonymous.send(sent);
        assertNull(sent.getJMSMessageID());
        assertEquals(0, sent.getJMSTimestamp());

        MessageConsumer consumer = session.createConsumer(queue);
        receive(consumer, 60);
        Message received = consumer.receive(ARRIVES_MILLIS);
        assertEquals("anonymous", text(received));
        assertNull(received.getJMSMessageID());
        assertEquals(0, received.getJMSTimestamp());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void invalidPrioritiesAndDeliveryModesAreRefused(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("invalid");
        MessageProducer producer = session.createProducer(queue);
        assertThrows(JMSException.class, () -> producer.setPriority(10));
        assertThrows(JMSException.class, () -> producer.setPriority(-1));
        assertThrows(JMSException.class, () -> producer.setDeliveryMode(0));
        TextMessage message = session.createTextMessage("x");
        assertThrows(JMSException.class, () -> producer.send(message, DeliveryMode.PERSISTENT, 10, 0));
        assertThrows(JMSException.class, () -> producer.send(message, 3, 4, 0));
        for (int priority = 0; priority <= 9; priority++) {
            producer.setPriority(priority);
            assertEquals(priority, producer.getPriority());
        }
        assertEquals(0, storedOn("invalid"), "refused sends store nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnidentifiedProducerNeedsADestinationOnEverySend(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("unidentified");
        MessageProducer producer = session.createProducer(null);
        assertNull(producer.getDestination());
        TextMessage message = session.createTextMessage("u");
        CompletionListener ignored = new Recording();

        assertThrows(UnsupportedOperationException.class, () -> producer.send(message));
        assertThrows(UnsupportedOperationException.class, () -> producer.send(message, 2, 4, 0));
        assertThrows(UnsupportedOperationException.class, () -> producer.send(message, ignored));
        assertThrows(InvalidDestinationException.class, () -> producer.send(null, message));
        assertThrows(InvalidDestinationException.class, () -> producer.send(null, message, ignored));

        producer.send(queue, message);
        assertEquals(queue, message.getJMSDestination());
        assertEquals("u", text(session.createConsumer(queue).receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aProducerWithADestinationRefusesAnotherOne(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("identified");
        MessageProducer producer = session.createProducer(queue);
        TextMessage message = session.createTextMessage("i");
        assertThrows(UnsupportedOperationException.class, () -> producer.send(queue, message));
        assertThrows(UnsupportedOperationException.class, () -> producer.send(queue, message, 2, 4, 0));
        assertThrows(UnsupportedOperationException.class, () -> producer.send(queue, message, new Recording()));
        assertThrows(MessageFormatException.class, () -> producer.send(null));
        assertThrows(IllegalArgumentException.class, () -> producer.send(message, (CompletionListener) null));
        assertEquals(0, storedOn("identified"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageOfAnotherProviderIsSentAndGetsTheSendHeaders(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("foreign");
        TextMessage foreign = ForeignTextMessage.create("from elsewhere");
        foreign.setStringProperty("origin", "other-provider");
        foreign.setJMSCorrelationID("c-7");
        session.createProducer(queue).send(foreign, DeliveryMode.PERSISTENT, 6, 0);

        assertNotNull(foreign.getJMSMessageID());
        assertTrue(foreign.getJMSMessageID().startsWith("ID:"));
        assertEquals(queue, foreign.getJMSDestination());
        assertEquals(6, foreign.getJMSPriority());
        assertTrue(foreign.getJMSTimestamp() > 0);

        Message received = session.createConsumer(queue).receive(ARRIVES_MILLIS);
        assertTrue(received instanceof TextMessage);
        assertEquals("from elsewhere", text(received));
        assertEquals("other-provider", received.getStringProperty("origin"));
        assertEquals("c-7", received.getJMSCorrelationID());
        assertEquals(foreign.getJMSMessageID(), received.getJMSMessageID());
        assertEquals(6, received.getJMSPriority());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReceivedMessageCanBeForwardedAsItIs(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue first = session.createQueue("forward-1");
        Queue second = session.createQueue("forward-2");
        TextMessage original = session.createTextMessage("hop");
        original.setIntProperty("hops", 1);
        session.createProducer(first).send(original);
        Message received = session.createConsumer(first).receive(ARRIVES_MILLIS);
        session.createProducer(second).send(received);
        assertEquals(second, received.getJMSDestination());
        Message forwarded = session.createConsumer(second).receive(ARRIVES_MILLIS);
        assertEquals("hop", text(forwarded));
        assertEquals(1, forwarded.getIntProperty("hops"));
        assertFalse(forwarded.getJMSMessageID().equals(original.getJMSMessageID()), "a forwarded message is a new send");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theApplicationMayReuseAMessageAfterSend(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("reuse");
        MessageProducer producer = session.createProducer(queue);
        TextMessage message = session.createTextMessage("first");
        producer.send(message);
        message.setText("second");
        producer.send(message);
        assertEquals(java.util.List.of("first", "second"), texts(receive(session.createConsumer(queue), 2)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nonPersistentMessagesAreDelivered(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("non-persistent");
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.send(session.createTextMessage("fast"));
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer inTransaction = transacted.createProducer(queue);
        inTransaction.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        inTransaction.send(transacted.createTextMessage("fast in a transaction"));
        transacted.commit();
        java.util.List<Message> received = receive(session.createConsumer(queue), 2);
        assertEquals(java.util.List.of("fast", "fast in a transaction"), texts(received));
        assertEquals(DeliveryMode.NON_PERSISTENT, received.get(0).getJMSDeliveryMode());
    }

    /** A completion listener that records nothing (for argument checks). */
    private static final class Recording implements CompletionListener {
        @Override
        public void onCompletion(Message message) {
        }

        @Override
        public void onException(Message message, Exception exception) {
        }
    }
}
