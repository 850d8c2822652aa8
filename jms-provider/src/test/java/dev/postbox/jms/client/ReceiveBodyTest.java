package dev.postbox.jms.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JMSConsumer.receiveBody, receiveBody(timeout) and receiveBodyNoWait, per their Javadoc. */
@Timeout(60)
class ReceiveBodyTest {

    /** A class outside the default deserialization allow list. */
    record Parcel(String content) implements Serializable {
    }

    private ContextFixture fixture;
    private JMSContext sender;
    private Queue queue;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private JMSConsumer consumer(TestDatabase.Kind kind, int mode) {
        fixture = new ContextFixture(kind);
        sender = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        queue = sender.createQueue("bodies");
        return fixture.open(mode).createConsumer(queue);
    }

    private void send(Object... bodies) {
        for (Object body : bodies) {
            if (body instanceof Message message) {
                sender.createProducer().send(queue, message);
            } else if (body instanceof String text) {
                sender.createProducer().send(queue, text);
            } else if (body instanceof byte[] bytes) {
                sender.createProducer().send(queue, bytes);
            } else {
                sender.createProducer().send(queue, (Serializable) body);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theBodyOfEachSupportedTypeIsReturnedAsAnyTypeItIsAssignableTo(TestDatabase.Kind kind) {
        JMSConsumer consumer = consumer(kind, JMSContext.AUTO_ACKNOWLEDGE);
        send("text", "text", "text", new byte[] {4, 2}, new byte[] {4, 2});
        sender.createProducer().send(queue, Map.of("k", "v")).send(queue, Map.of("k", "v"));
        send(new BigDecimal("1.5"), new BigDecimal("1.5"), new BigDecimal("1.5"), new BigDecimal("1.5"));

        assertEquals("text", consumer.receiveBody(String.class));
        assertEquals("text", consumer.receiveBody(CharSequence.class, 5_000));
        assertEquals("text", consumer.receiveBodyNoWait(Object.class));
        assertArrayEquals(new byte[] {4, 2}, consumer.receiveBody(byte[].class, 5_000));
        assertArrayEquals(new byte[] {4, 2}, (byte[]) consumer.receiveBody(Object.class, 5_000));
        assertEquals(Map.of("k", "v"), consumer.receiveBody(Map.class, 5_000));
        assertEquals(Map.of("k", "v"), consumer.receiveBody(Object.class, 5_000));
        assertEquals(new BigDecimal("1.5"), consumer.receiveBody(BigDecimal.class, 5_000));
        assertEquals(new BigDecimal("1.5"), consumer.receiveBody(Number.class, 5_000));
        assertEquals(new BigDecimal("1.5"), consumer.receiveBody(Serializable.class, 5_000));
        assertEquals(new BigDecimal("1.5"), consumer.receiveBody(Object.class, 5_000));
        assertNull(consumer.receiveBodyNoWait(Object.class));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class)
    void inAutoAcknowledgeARefusedMessageComesBackFirstAsIfNeverDelivered(TestDatabase.Kind kind) throws Exception {
        assertRefusedMessageComesBackUndelivered(consumer(kind, JMSContext.AUTO_ACKNOWLEDGE));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class)
    void inDupsOkAcknowledgeARefusedMessageComesBackFirstAsIfNeverDelivered(TestDatabase.Kind kind)
            throws Exception {
        assertRefusedMessageComesBackUndelivered(consumer(kind, JMSContext.DUPS_OK_ACKNOWLEDGE));
    }

    private void assertRefusedMessageComesBackUndelivered(JMSConsumer consumer) throws Exception {
        send("first", "second");
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, 5_000));
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBodyNoWait(byte[].class));
        Message first = consumer.receive(5_000);
        assertEquals("first", first.getBody(String.class));
        assertFalse(first.getJMSRedelivered());
        assertEquals(1, first.getIntProperty("JMSXDeliveryCount"));
        assertEquals("second", consumer.receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inClientAcknowledgeARefusedMessageCountsAsDeliveredUntilRecover(TestDatabase.Kind kind) throws Exception {
        fixture = new ContextFixture(kind);
        sender = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        queue = sender.createQueue("bodies");
        JMSContext client = fixture.open(JMSContext.CLIENT_ACKNOWLEDGE);
        JMSConsumer consumer = client.createConsumer(queue);
        send("first", "second");
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, 5_000));
        assertEquals("second", consumer.receiveBody(String.class, 5_000));
        client.recover();
        Message first = consumer.receive(5_000);
        assertEquals("first", first.getBody(String.class));
        assertTrue(first.getJMSRedelivered());
        assertEquals(2, first.getIntProperty("JMSXDeliveryCount"));
        assertEquals("second", consumer.receiveBody(String.class, 5_000));
        client.acknowledge();
        assertEquals(0, fixture.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inATransactionARefusedMessageCountsAsDeliveredUntilRollback(TestDatabase.Kind kind) throws Exception {
        fixture = new ContextFixture(kind);
        sender = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        queue = sender.createQueue("bodies");
        JMSContext transacted = fixture.open(JMSContext.SESSION_TRANSACTED);
        JMSConsumer consumer = transacted.createConsumer(queue);
        send("first", "second");
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, 5_000));
        assertEquals("second", consumer.receiveBody(String.class, 5_000));
        transacted.rollback();
        Message first = consumer.receive(5_000);
        assertEquals("first", first.getBody(String.class));
        assertTrue(first.getJMSRedelivered());
        assertEquals("second", consumer.receiveBody(String.class, 5_000));
        transacted.commit();
        assertEquals(0, fixture.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void messagesWithoutAReturnableBodyAreRefused(TestDatabase.Kind kind) throws Exception {
        JMSConsumer consumer = consumer(kind, JMSContext.AUTO_ACKNOWLEDGE);
        StreamMessage stream = sender.createStreamMessage();
        stream.writeInt(1);
        List<Message> refused = List.of(sender.createMessage(), stream, sender.createTextMessage(),
                sender.createBytesMessage(), sender.createMapMessage(), sender.createObjectMessage());
        for (Message message : refused) {
            send(message);
            assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Object.class, 5_000),
                    message.getClass().getSimpleName());
            Message stillThere = consumer.receive(5_000);
            assertEquals(message.getJMSMessageID(), stillThere.getJMSMessageID());
            assertEquals(1, stillThere.getIntProperty("JMSXDeliveryCount"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anObjectTheDeserializationPolicyRefusesIsAMessageFormatError(TestDatabase.Kind kind) {
        JMSConsumer consumer = consumer(kind, JMSContext.AUTO_ACKNOWLEDGE);
        send(new Parcel("contents"));
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Serializable.class, 5_000));
        assertInstanceOf(ObjectMessage.class, consumer.receive(5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutMessagesReceiveBodyReturnsNullAfterTheTimeoutOrAtOnce(TestDatabase.Kind kind) {
        JMSConsumer consumer = consumer(kind, JMSContext.AUTO_ACKNOWLEDGE);
        assertNull(consumer.receiveBodyNoWait(String.class));
        long start = System.nanoTime();
        assertNull(consumer.receiveBody(String.class, 300));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 250);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aWaitingReceiveBodyGetsAMessageSentLaterAndNullWhenClosed(TestDatabase.Kind kind) throws Exception {
        JMSConsumer consumer = consumer(kind, JMSContext.AUTO_ACKNOWLEDGE);
        AtomicReference<Object> outcome = new AtomicReference<>("not returned");
        Thread waiting = blockedReceiveBody(consumer, outcome);
        send("late");
        waiting.join(10_000);
        assertEquals("late", outcome.get());

        Thread closedMeanwhile = blockedReceiveBody(consumer, outcome);
        consumer.close();
        closedMeanwhile.join(10_000);
        assertNull(outcome.get());
        assertThrows(IllegalStateRuntimeException.class, () -> consumer.receiveBodyNoWait(String.class));
    }

    private static Thread blockedReceiveBody(JMSConsumer consumer, AtomicReference<Object> outcome) {
        Thread thread = new Thread(() -> outcome.set(consumer.receiveBody(String.class)));
        thread.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> thread.getState() == Thread.State.TIMED_WAITING
                || thread.getState() == Thread.State.WAITING);
        return thread;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void receiveBodyOnAConsumerWithAListenerIsIllegalStateAndAStoppedConnectionDeliversNothing(
            TestDatabase.Kind kind) {
        JMSConsumer consumer = consumer(kind, JMSContext.AUTO_ACKNOWLEDGE);
        consumer.setMessageListener(m -> { });
        assertThrows(IllegalStateRuntimeException.class, () -> consumer.receiveBody(String.class, 100));
        consumer.close();

        JMSContext stopped = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        stopped.setAutoStart(false);
        JMSConsumer waiting = stopped.createConsumer(queue);
        send("held");
        assertNull(waiting.receiveBodyNoWait(String.class));
        assertNull(waiting.receiveBody(String.class, 200));
        stopped.start();
        assertEquals("held", waiting.receiveBody(String.class, 5_000));
    }
}
