package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Message selectors on queue consumers (section 3.8) and QueueBrowser (section 6.2.12). */
@Timeout(120)
class SelectorAndBrowserTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void competingConsumersGetOnlyTheMessagesTheirSelectorsAccept(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = sender.createQueue("colors");
        MessageProducer producer = sender.createProducer(queue);
        for (String color : new String[] {"red", "blue", "red", "green", "blue"}) {
            TextMessage message = sender.createTextMessage(color);
            message.setStringProperty("color", color);
            producer.send(message);
        }
        Session reds = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session blues = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer red = reds.createConsumer(queue, "color = 'red'");
        MessageConsumer blue = blues.createConsumer(queue, "color = 'blue'");
        assertEquals("color = 'red'", red.getMessageSelector());
        connection.start();

        assertEquals(List.of("red", "red"), texts(receive(red, 2)));
        assertEquals(List.of("blue", "blue"), texts(receive(blue, 2)));
        assertNull(red.receiveNoWait());
        assertNull(blue.receiveNoWait());
        assertEquals(1, storedOn("colors"), "a message no selector accepts stays on the queue");
        assertEquals("green", text(sender.createConsumer(queue).receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageOneListenersSelectorRejectsStaysAvailableToAnother(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = sender.createQueue("routing");
        List<String> small = new CopyOnWriteArrayList<>();
        List<String> large = new CopyOnWriteArrayList<>();
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue, "size < 10")
                .setMessageListener(message -> small.add(textOf(message)));
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue, "size >= 10")
                .setMessageListener(message -> large.add(textOf(message)));
        connection.start();
        MessageProducer producer = sender.createProducer(queue);
        for (int size : new int[] {1, 50, 3, 99, 10}) {
            TextMessage message = sender.createTextMessage("s" + size);
            message.setIntProperty("size", size);
            producer.send(message);
        }
        eventually(() -> small.size() + large.size() == 5);
        assertEquals(List.of("s1", "s3"), small);
        assertEquals(List.of("s50", "s99", "s10"), large);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void selectorsCanTestHeaderFields(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("headers");
        MessageProducer producer = session.createProducer(queue);
        TextMessage typed = session.createTextMessage("typed");
        typed.setJMSType("invoice");
        typed.setJMSCorrelationID("c-1");
        producer.send(typed, DeliveryMode.NON_PERSISTENT, 8, 0);
        producer.send(session.createTextMessage("plain"), DeliveryMode.PERSISTENT, 2, 0);

        assertSelects(session, queue, "JMSType = 'invoice'", "typed");
        assertSelects(session, queue, "JMSPriority > 5", "typed");
        assertSelects(session, queue, "JMSDeliveryMode = 'PERSISTENT'", "plain");
        assertSelects(session, queue, "JMSCorrelationID = 'c-1' AND JMSDeliveryMode = 'NON_PERSISTENT'", "typed");
        assertSelects(session, queue, "JMSMessageID = '" + typed.getJMSMessageID() + "'", "typed");
        assertSelects(session, queue, "JMSTimestamp >= " + typed.getJMSTimestamp() + " AND JMSPriority < 5", "plain");
        assertSelects(session, queue, "JMSXDeliveryCount = 1 AND JMSType IS NULL", "plain");
        MessageConsumer consumer = session.createConsumer(queue, "JMSPriority = 8");
        assertEquals("typed", text(consumer.receive(ARRIVES_MILLIS)));
    }

    private void assertSelects(Session session, Queue queue, String selector, String expected) throws Exception {
        QueueBrowser browser = session.createBrowser(queue, selector);
        List<String> matched = new ArrayList<>();
        for (Object message : Collections.list(browser.getEnumeration())) {
            matched.add(text((Message) message));
        }
        assertEquals(List.of(expected), matched, selector);
        browser.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInvalidSelectorIsRefusedWhenTheConsumerOrBrowserIsCreated(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        QueueSession session = (QueueSession) connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("invalid-selector");
        assertThrows(InvalidSelectorException.class, () -> session.createConsumer(queue, "color = "));
        assertThrows(InvalidSelectorException.class, () -> session.createConsumer(queue, "JMSRedelivered = TRUE"),
                "JMSRedelivered may not be used in selectors");
        assertThrows(InvalidSelectorException.class, () -> session.createReceiver(queue, "a LIKE 3"));
        assertThrows(InvalidSelectorException.class, () -> session.createBrowser(queue, "(a = 1"));
        assertNull(session.createConsumer(queue, null).getMessageSelector());
        assertNull(session.createConsumer(queue, "").getMessageSelector(), "an empty selector means none");
        assertNull(session.createBrowser(queue, "").getMessageSelector(), "an empty selector means none");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBrowserSeesMessagesInDeliveryOrderWithoutConsumingThem(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("browsed");
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("a"), DeliveryMode.PERSISTENT, 4, 0);
        producer.send(session.createTextMessage("urgent"), DeliveryMode.PERSISTENT, 9, 0);
        producer.send(session.createTextMessage("b"), DeliveryMode.PERSISTENT, 4, 0);
        QueueBrowser browser = session.createBrowser(queue);
        assertEquals(queue, browser.getQueue());
        assertNull(browser.getMessageSelector());

        assertEquals(List.of("urgent", "a", "b"), browse(browser));
        assertEquals(List.of("urgent", "a", "b"), browse(browser), "every enumeration starts at the head");
        assertEquals(3, storedOn("browsed"));
        connection.start();
        assertEquals(List.of("urgent", "a", "b"), texts(receive(session.createConsumer(queue), 3)));
        assertEquals(List.of(), browse(browser));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBrowserWithASelectorSeesOnlyMatchingMessagesAndAnEnumerationEndsCleanly(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("browsed-selector");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 250; i++) {
            TextMessage message = session.createTextMessage("m" + i);
            message.setBooleanProperty("even", i % 2 == 0);
            producer.send(message);
        }
        QueueBrowser browser = session.createBrowser(queue, "even = TRUE");
        assertEquals("even = TRUE", browser.getMessageSelector());
        List<String> seen = browse(browser);
        assertEquals(125, seen.size());
        assertEquals("m0", seen.get(0));
        assertEquals("m248", seen.get(124));
        Enumeration<?> enumeration = browser.getEnumeration();
        while (enumeration.hasMoreElements()) {
            enumeration.nextElement();
        }
        assertThrows(NoSuchElementException.class, enumeration::nextElement);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBrowserShowsNeitherExpiredNorInFlightMessages(TestDatabase.Kind kind) throws Exception {
        // prefetched messages are in flight too: with the default the consumer would have claimed "available"
        Connection connection = connect(Brokers.oneAtATime(factory(kind)));
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("browsed-states");
        MessageProducer producer = session.createProducer(queue);
        Message expiring = session.createTextMessage("expiring");
        producer.send(expiring, DeliveryMode.PERSISTENT, 4, 200);
        producer.send(session.createTextMessage("in flight"));
        producer.send(session.createTextMessage("available"));
        eventually(() -> System.currentTimeMillis() > expiring.getJMSExpiration());
        Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        assertEquals("in flight", text(client.createConsumer(queue).receive(ARRIVES_MILLIS)));
        assertEquals(List.of("available"), browse(session.createBrowser(queue)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBrowsedMessageCarriesTheDeliveryCountItsNextDeliveryWillHave(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("browsed-count");
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "m");
        Message fresh = (Message) transacted.createBrowser(queue).getEnumeration().nextElement();
        assertFalse(fresh.getJMSRedelivered());
        assertEquals(1, fresh.getIntProperty("JMSXDeliveryCount"));

        transacted.createConsumer(queue).receive(ARRIVES_MILLIS);
        transacted.rollback();
        QueueBrowser afterRollback = transacted.createBrowser(queue, "JMSXDeliveryCount = 2");
        Message browsed = (Message) afterRollback.getEnumeration().nextElement();
        assertTrue(browsed.getJMSRedelivered());
        assertEquals(2, browsed.getIntProperty("JMSXDeliveryCount"), "what the selector saw");
    }

    private static List<String> browse(QueueBrowser browser) throws Exception {
        List<String> texts = new ArrayList<>();
        Enumeration<?> messages = browser.getEnumeration();
        while (messages.hasMoreElements()) {
            texts.add(text((Message) messages.nextElement()));
        }
        return texts;
    }
}
