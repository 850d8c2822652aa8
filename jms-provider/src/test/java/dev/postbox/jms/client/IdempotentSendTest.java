package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The idempotency key property {@code JMS_Postbox_IdempotencyKey}: a producer that retries a send whose
 * outcome it does not know stores the message once.
 */
@Timeout(120)
class IdempotentSendTest extends ClientTestBase {

    private static final String KEY = "JMS_Postbox_IdempotencyKey";

    private static TextMessage keyed(Session session, String text, String key) throws Exception {
        TextMessage message = session.createTextMessage(text);
        message.setStringProperty(KEY, key);
        return message;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRetriedSendWithTheSameKeyIsStoredOncePerQueue(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue payments = session.createQueue("payments");
        Queue audit = session.createQueue("audit");
        MessageProducer producer = session.createProducer(null);

        producer.send(payments, keyed(session, "pay 42 (first try)", "payment-42"));
        producer.send(payments, keyed(session, "pay 42 (retry)", "payment-42"));
        producer.send(payments, keyed(session, "pay 43", "payment-43"));
        producer.send(audit, keyed(session, "audit 42", "payment-42"));

        assertEquals(2, storedOn("payments"));
        assertEquals(1, storedOn("audit"), "keys are per destination");
        connection.start();
        MessageConsumer consumer = session.createConsumer(payments);
        assertEquals("pay 42 (first try)", text(consumer.receive(ARRIVES_MILLIS)));
        assertEquals("pay 43", text(consumer.receive(ARRIVES_MILLIS)));
        assertNull(consumer.receive(QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKeyIsForgottenAfterTheRetentionAndWithinATransactionTheDuplicateIsDroppedToo(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setIdempotencyRetentionMillis(300);
        Connection connection = connect(factory);
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("keyed");
        MessageProducer producer = transacted.createProducer(queue);
        producer.send(keyed(transacted, "one", "k"));
        producer.send(keyed(transacted, "one again", "k"));
        transacted.commit();
        assertEquals(1, storedOn("keyed"));

        long sentAt = System.nanoTime();
        eventually(() -> System.nanoTime() - sentAt > 400_000_000L);
        producer.send(keyed(transacted, "one after the retention", "k"));
        transacted.commit();
        assertEquals(2, storedOn("keyed"));
    }
}
