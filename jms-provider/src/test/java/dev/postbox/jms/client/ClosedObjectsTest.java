package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicSession;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Once closed, every method of a connection, session, producer, consumer or browser throws
 * IllegalStateException, except close, which may be called again (Connection.close, Session.close, ...).
 */
@Timeout(120)
class ClosedObjectsTest extends ClientTestBase {

    private static final CompletionListener IGNORED = new CompletionListener() {
        @Override
        public void onCompletion(Message message) {
        }

        @Override
        public void onException(Message message, Exception exception) {
        }
    };

    /** Asserts that every named call throws IllegalStateException. */
    static void assertEveryCallIsIllegal(Map<String, Executable> calls) {
        assertAll(calls.entrySet().stream().map(call -> (Executable) () ->
                assertThrows(IllegalStateException.class, call.getValue(), call.getKey())));
    }

    @Nested
    class WhenTheConnectionIsClosed {

        @ParameterizedTest
        @EnumSource(TestDatabase.Kind.class)
        void everyMethodButCloseThrowsIllegalStateException(TestDatabase.Kind kind) throws Exception {
            QueueConnection connection = (QueueConnection) connect(kind);
            Queue queue = connection.createSession().createQueue("q");
            connection.close();
            connection.close();
            Map<String, Executable> calls = new TreeMap<>();
            calls.put("createSession()", connection::createSession);
            calls.put("createSession(int)", () -> connection.createSession(Session.AUTO_ACKNOWLEDGE));
            calls.put("createSession(boolean, int)", () -> connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
            calls.put("createQueueSession", () -> connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE));
            calls.put("getClientID", connection::getClientID);
            calls.put("setClientID", () -> connection.setClientID("late"));
            calls.put("getMetaData", connection::getMetaData);
            calls.put("getExceptionListener", connection::getExceptionListener);
            calls.put("setExceptionListener", () -> connection.setExceptionListener(e -> { }));
            calls.put("start", connection::start);
            calls.put("stop", connection::stop);
            calls.put("createConnectionConsumer", () -> connection.createConnectionConsumer(queue, null, null, 1));
            calls.put("createSharedConnectionConsumer",
                    () -> connection.createSharedConnectionConsumer(null, "s", null, null, 1));
            calls.put("createDurableConnectionConsumer",
                    () -> connection.createDurableConnectionConsumer(null, "s", null, null, 1));
            calls.put("createSharedDurableConnectionConsumer",
                    () -> connection.createSharedDurableConnectionConsumer(null, "s", null, null, 1));
            assertEveryCallIsIllegal(calls);
        }
    }

    @Nested
    class WhenTheSessionIsClosed {

        @ParameterizedTest
        @EnumSource(TestDatabase.Kind.class)
        void everyMethodButCloseThrowsIllegalStateException(TestDatabase.Kind kind) throws Exception {
            Connection connection = connect(kind);
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue("q");
            Topic topic = session.createTopic("t");
            session.close();
            session.close();
            assertEveryCallIsIllegal(sessionCalls(session, queue, topic));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.Kind.class)
        void closingTheConnectionClosesItsSessionsAndTheirChildren(TestDatabase.Kind kind) throws Exception {
            Connection connection = connect(kind);
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Queue queue = session.createQueue("q");
            MessageConsumer consumer = session.createConsumer(queue);
            MessageProducer producer = session.createProducer(queue);
            QueueBrowser browser = session.createBrowser(queue);
            Topic topic = session.createTopic("t");
            Message message = session.createTextMessage();
            connection.close();
            assertEveryCallIsIllegal(sessionCalls(session, queue, topic));
            assertThrows(IllegalStateException.class, consumer::receiveNoWait);
            assertThrows(IllegalStateException.class, () -> producer.send(message));
            assertThrows(IllegalStateException.class, browser::getEnumeration);
            session.close();
        }

        private Map<String, Executable> sessionCalls(Session session, Queue queue, Topic topic) {
            QueueSession queueSession = (QueueSession) session;
            TopicSession topicSession = (TopicSession) session;
            Map<String, Executable> calls = new TreeMap<>();
            calls.put("createBytesMessage", session::createBytesMessage);
            calls.put("createMapMessage", session::createMapMessage);
            calls.put("createMessage", session::createMessage);
            calls.put("createObjectMessage()", session::createObjectMessage);
            calls.put("createObjectMessage(Serializable)", () -> session.createObjectMessage("x"));
            calls.put("createStreamMessage", session::createStreamMessage);
            calls.put("createTextMessage()", session::createTextMessage);
            calls.put("createTextMessage(String)", () -> session.createTextMessage("x"));
            calls.put("getTransacted", session::getTransacted);
            calls.put("getAcknowledgeMode", session::getAcknowledgeMode);
            calls.put("commit", session::commit);
            calls.put("rollback", session::rollback);
            calls.put("recover", session::recover);
            calls.put("getMessageListener", session::getMessageListener);
            calls.put("setMessageListener", () -> session.setMessageListener(m -> { }));
            calls.put("createProducer", () -> session.createProducer(queue));
            calls.put("createConsumer(d)", () -> session.createConsumer(queue));
            calls.put("createConsumer(d, s)", () -> session.createConsumer(queue, "a = 1"));
            calls.put("createConsumer(d, s, b)", () -> session.createConsumer(queue, null, false));
            calls.put("createSharedConsumer(t, n)", () -> session.createSharedConsumer(topic, "n"));
            calls.put("createSharedConsumer(t, n, s)", () -> session.createSharedConsumer(topic, "n", null));
            calls.put("createDurableSubscriber(t, n)", () -> session.createDurableSubscriber(topic, "n"));
            calls.put("createDurableSubscriber(t, n, s, b)",
                    () -> session.createDurableSubscriber(topic, "n", null, false));
            calls.put("createDurableConsumer(t, n)", () -> session.createDurableConsumer(topic, "n"));
            calls.put("createDurableConsumer(t, n, s, b)", () -> session.createDurableConsumer(topic, "n", null, false));
            calls.put("createSharedDurableConsumer(t, n)", () -> session.createSharedDurableConsumer(topic, "n"));
            calls.put("createSharedDurableConsumer(t, n, s)",
                    () -> session.createSharedDurableConsumer(topic, "n", null));
            calls.put("createBrowser(q)", () -> session.createBrowser(queue));
            calls.put("createBrowser(q, s)", () -> session.createBrowser(queue, null));
            calls.put("createQueue", () -> session.createQueue("other"));
            calls.put("createTopic", () -> session.createTopic("other"));
            calls.put("createTemporaryQueue", session::createTemporaryQueue);
            calls.put("createTemporaryTopic", session::createTemporaryTopic);
            calls.put("unsubscribe", () -> session.unsubscribe("n"));
            calls.put("createReceiver(q)", () -> queueSession.createReceiver(queue));
            calls.put("createReceiver(q, s)", () -> queueSession.createReceiver(queue, null));
            calls.put("createSender", () -> queueSession.createSender(queue));
            calls.put("createSubscriber(t)", () -> topicSession.createSubscriber(topic));
            calls.put("createSubscriber(t, s, b)", () -> topicSession.createSubscriber(topic, null, false));
            calls.put("createPublisher", () -> topicSession.createPublisher(topic));
            return calls;
        }
    }

    @Nested
    class WhenTheProducerIsClosed {

        @ParameterizedTest
        @EnumSource(TestDatabase.Kind.class)
        void everyMethodButCloseThrowsIllegalStateException(TestDatabase.Kind kind) throws Exception {
            Connection connection = connect(kind);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("q");
            QueueSender producer = (QueueSender) session.createProducer(queue);
            MessageProducer unidentified = session.createProducer(null);
            Message message = session.createTextMessage("x");
            producer.close();
            producer.close();
            unidentified.close();
            Map<String, Executable> calls = new TreeMap<>();
            calls.put("setDisableMessageID", () -> producer.setDisableMessageID(true));
            calls.put("getDisableMessageID", producer::getDisableMessageID);
            calls.put("setDisableMessageTimestamp", () -> producer.setDisableMessageTimestamp(true));
            calls.put("getDisableMessageTimestamp", producer::getDisableMessageTimestamp);
            calls.put("setDeliveryMode", () -> producer.setDeliveryMode(1));
            calls.put("getDeliveryMode", producer::getDeliveryMode);
            calls.put("setPriority", () -> producer.setPriority(1));
            calls.put("getPriority", producer::getPriority);
            calls.put("setTimeToLive", () -> producer.setTimeToLive(1));
            calls.put("getTimeToLive", producer::getTimeToLive);
            calls.put("setDeliveryDelay", () -> producer.setDeliveryDelay(1));
            calls.put("getDeliveryDelay", producer::getDeliveryDelay);
            calls.put("getDestination", producer::getDestination);
            calls.put("getQueue", producer::getQueue);
            calls.put("send(m)", () -> producer.send(message));
            calls.put("send(m, mode, priority, ttl)", () -> producer.send(message, 2, 4, 0));
            calls.put("send(m, listener)", () -> producer.send(message, IGNORED));
            calls.put("send(m, mode, priority, ttl, listener)", () -> producer.send(message, 2, 4, 0, IGNORED));
            calls.put("unidentified send(d, m)", () -> unidentified.send(queue, message));
            calls.put("unidentified send(d, m, mode, priority, ttl)", () -> unidentified.send(queue, message, 2, 4, 0));
            calls.put("unidentified send(d, m, listener)", () -> unidentified.send(queue, message, IGNORED));
            calls.put("unidentified send(d, m, mode, priority, ttl, listener)",
                    () -> unidentified.send(queue, message, 2, 4, 0, IGNORED));
            assertEveryCallIsIllegal(calls);
        }
    }

    @Nested
    class WhenTheConsumerIsClosed {

        @ParameterizedTest
        @EnumSource(TestDatabase.Kind.class)
        void everyMethodButCloseThrowsIllegalStateException(TestDatabase.Kind kind) throws Exception {
            Connection connection = connect(kind);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueReceiver consumer = (QueueReceiver) session.createConsumer(session.createQueue("q"), "a > 1");
            consumer.close();
            consumer.close();
            Map<String, Executable> calls = new TreeMap<>();
            calls.put("getMessageSelector", consumer::getMessageSelector);
            calls.put("getMessageListener", consumer::getMessageListener);
            calls.put("setMessageListener", () -> consumer.setMessageListener(m -> { }));
            calls.put("receive()", consumer::receive);
            calls.put("receive(long)", () -> consumer.receive(10));
            calls.put("receiveNoWait", consumer::receiveNoWait);
            calls.put("getQueue", consumer::getQueue);
            assertEveryCallIsIllegal(calls);
        }
    }

    @Nested
    class WhenTheBrowserIsClosed {

        @ParameterizedTest
        @EnumSource(TestDatabase.Kind.class)
        void everyMethodButCloseThrowsIllegalStateException(TestDatabase.Kind kind) throws Exception {
            Connection connection = connect(kind);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue("q"));
            browser.close();
            browser.close();
            Map<String, Executable> calls = new TreeMap<>();
            calls.put("getQueue", browser::getQueue);
            calls.put("getMessageSelector", browser::getMessageSelector);
            calls.put("getEnumeration", browser::getEnumeration);
            assertEveryCallIsIllegal(calls);
        }
    }
}
