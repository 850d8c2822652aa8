package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxAcknowledgeMode;
import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
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
 * {@link PostboxAcknowledgeMode#AT_MOST_ONCE_ACKNOWLEDGE}: a message leaves the store in the transaction
 * that hands it over and never comes back, whatever the consumer does afterwards. (The kill test is in
 * {@code SigkillMidStreamCrashTest}.)
 */
@Timeout(120)
class AtMostOnceTest extends ClientTestBase {

    private static final int AT_MOST_ONCE = PostboxAcknowledgeMode.AT_MOST_ONCE_ACKNOWLEDGE;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReceivedMessageIsAlreadyGoneFromTheStoreAndRecoverBringsNothingBack(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(AT_MOST_ONCE);
        assertEquals(AT_MOST_ONCE, session.getAcknowledgeMode());
        assertFalse(session.getTransacted());
        Queue queue = session.createQueue("metrics");
        send(session, queue, "m1", "m2");
        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);

        Message first = consumer.receive(ARRIVES_MILLIS);
        assertEquals("m1", text(first));
        assertEquals(1, storedOn("metrics"), "m1 was deleted by the claim, m2 is waiting");
        assertFalse(first.getJMSRedelivered());
        session.recover();
        first.acknowledge();
        assertEquals("m2", text(consumer.receive(ARRIVES_MILLIS)));
        assertEquals(0, storedOn("metrics"));
        assertNull(consumer.receive(QUIET_MILLIS), "nothing is redelivered after recover()");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerThatThrowsLosesTheMessageInsteadOfSeeingItAgain(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, AT_MOST_ONCE);
        Queue queue = session.createQueue("ticks");
        List<String> seen = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            String text = textOf(message);
            seen.add(text);
            if (text.equals("bad")) {
                throw new IllegalStateException("listener failure");
            }
        });
        connection.start();
        Session producer = connect(factoryOfDatabase()).createSession(Session.AUTO_ACKNOWLEDGE);
        send(producer, producer.createQueue("ticks"), "t1", "bad", "t2");

        eventually(() -> seen.size() == 3);
        remains("no redelivery of the failed message", () -> seen.size() == 3);
        assertEquals(List.of("t1", "bad", "t2"), seen);
        assertEquals(0, storedOn("ticks"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aContextInAtMostOnceModeConsumesAndOtherModeNumbersAreRefused(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        try (JMSContext context = factory.createContext(AT_MOST_ONCE)) {
            assertEquals(AT_MOST_ONCE, context.getSessionMode());
            context.createProducer().send(context.createQueue("ctx"), "once");
            assertEquals("once", context.createConsumer(context.createQueue("ctx")).receiveBody(String.class,
                    ARRIVES_MILLIS));
            assertEquals(0, storedOn("ctx"));
        }
        JMSRuntimeException invalidContext = assertThrows(JMSRuntimeException.class,
                () -> factory.createContext(99));
        assertTrue(invalidContext.getMessage().contains("AT_MOST_ONCE_ACKNOWLEDGE (100)"), invalidContext.getMessage());
        Connection connection = connect(factory);
        JMSException invalid = assertThrows(JMSException.class, () -> connection.createSession(99));
        assertTrue(invalid.getMessage().startsWith("Invalid session mode 99"), invalid.getMessage());
    }

    private PostboxConnectionFactory factoryOfDatabase() {
        return dev.postbox.jms.testing.Brokers.factory(database);
    }
}
