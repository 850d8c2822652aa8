package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
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
 * Session.recover and message listeners that throw (section 6.2.10, 8.7): what is redelivered, in which
 * order, and with which JMSRedelivered and JMSXDeliveryCount.
 */
@Timeout(120)
class RecoverTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void recoverRedeliversUnacknowledgedMessagesInTheirOriginalOrder(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("recover");
        send(session, queue, "a", "b", "c");
        MessageConsumer consumer = session.createConsumer(queue);
        receive(consumer, 3);
        session.recover();

        List<Message> again = receive(consumer, 3);
        assertEquals(List.of("a", "b", "c"), texts(again));
        for (Message message : again) {
            assertTrue(message.getJMSRedelivered());
            assertEquals(2, message.getIntProperty("JMSXDeliveryCount"));
        }
        session.recover();
        List<Message> third = receive(consumer, 3);
        assertEquals(List.of("a", "b", "c"), texts(third));
        assertEquals(3, third.get(0).getIntProperty("JMSXDeliveryCount"));
        third.get(2).acknowledge();
        assertNull(consumer.receive(QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void clientRecoverInsideAListenerRedeliversTheCurrentAndEarlierUnacknowledgedMessages(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("recover-listener");
        send(session, queue, "a", "b");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            String text = textOf(message);
            deliveries.add(text + "/" + redelivered(message));
            try {
                if (text.equals("b") && !message.getJMSRedelivered()) {
                    session.recover();
                } else if (text.equals("b")) {
                    message.acknowledge();
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
        eventually(() -> deliveries.size() == 4);
        eventually(() -> storedOn("recover-listener") == 0);
        assertEquals(List.of("a/false", "b/false", "a/true", "b/true"), deliveries);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class)
    void autoAcknowledgeRecoverInsideOnMessageRedeliversTheCurrentMessage(TestDatabase.Kind kind) throws Exception {
        recoverInsideOnMessageRedeliversTheCurrentMessage(kind, Session.AUTO_ACKNOWLEDGE);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class)
    void dupsOkRecoverInsideOnMessageRedeliversTheCurrentMessage(TestDatabase.Kind kind) throws Exception {
        recoverInsideOnMessageRedeliversTheCurrentMessage(kind, Session.DUPS_OK_ACKNOWLEDGE);
    }

    private void recoverInsideOnMessageRedeliversTheCurrentMessage(TestDatabase.Kind kind, int mode)
            throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, mode);
        Queue queue = session.createQueue("recover-auto");
        send(session, queue, "a", "b");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            deliveries.add(textOf(message) + "/" + redelivered(message));
            try {
                if (!message.getJMSRedelivered()) {
                    session.recover();
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
        eventually(() -> deliveries.size() == 4);
        eventually(() -> storedOn("recover-auto") == 0);
        assertEquals(List.of("a/false", "a/true", "b/false", "b/true"), deliveries);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dupsOkRecoverAcknowledgesWhatReceiveReturnedLikeAutoAcknowledge(TestDatabase.Kind kind) throws Exception {
        dev.postbox.jms.PostboxConnectionFactory factory = factory(kind);
        factory.setDupsOkBatchSize(100);
        factory.setDupsOkBatchDelayMillis(600_000);
        Connection connection = connect(factory);
        connection.start();
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue queue = session.createQueue("dups-recover");
        send(session, queue, "a", "b");
        MessageConsumer consumer = session.createConsumer(queue);
        receive(consumer, 2);
        assertEquals(2, storedOn("dups-recover"), "acknowledgements are pending");
        session.recover();
        assertEquals(0, storedOn("dups-recover"), "recover flushed the pending acknowledgements");
        assertNull(consumer.receive(QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAutoAcknowledgeListenerThatThrowsGetsTheMessageAgainAtOnceMarkedRedelivered(TestDatabase.Kind kind)
            throws Exception {
        listenerThatThrowsGetsTheMessageAgain(kind, Session.AUTO_ACKNOWLEDGE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDupsOkListenerThatThrowsGetsTheMessageAgainAtOnceMarkedRedelivered(TestDatabase.Kind kind)
            throws Exception {
        listenerThatThrowsGetsTheMessageAgain(kind, Session.DUPS_OK_ACKNOWLEDGE);
    }

    private void listenerThatThrowsGetsTheMessageAgain(TestDatabase.Kind kind, int mode) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, mode);
        Queue queue = session.createQueue("throws");
        send(session, queue, "a", "b");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            deliveries.add(textOf(message) + "/" + redelivered(message) + "/" + deliveryCount(message));
            if (textOf(message).equals("a") && !redelivered(message)) {
                throw new IllegalStateException("listener failure");
            }
        });
        connection.start();
        eventually(() -> deliveries.size() == 3);
        eventually(() -> storedOn("throws") == 0);
        assertEquals(List.of("a/false/1", "a/true/2", "b/false/1"), deliveries);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClientAcknowledgeListenerThatThrowsGetsTheNextMessage(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("client-throws");
        send(session, queue, "a", "b");
        List<String> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            deliveries.add(textOf(message) + "/" + redelivered(message));
            if (textOf(message).equals("a")) {
                throw new IllegalStateException("listener failure");
            }
        });
        connection.start();
        eventually(() -> deliveries.size() == 2);
        remains("the failed message waits for recover", () -> deliveries.size() == 2);
        assertEquals(List.of("a/false", "b/false"), deliveries);
        assertEquals(2, storedOn("client-throws"));

        connection.stop();
        session.recover();
        connection.start();
        eventually(() -> deliveries.size() == 4);
        assertEquals(List.of("a/false", "b/false", "a/true", "b/true"), deliveries);
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
