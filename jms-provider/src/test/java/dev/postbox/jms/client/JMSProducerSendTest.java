package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class JMSProducerSendTest {

    private ContextFixture fixture;
    private JMSContext context;
    private Queue queue;
    private JMSConsumer consumer;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private JMSProducer producer(TestDatabase.Kind kind) {
        fixture = new ContextFixture(kind);
        context = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        queue = context.createQueue("produced");
        consumer = context.createConsumer(queue);
        return context.createProducer();
    }

    private Message receive() {
        Message message = consumer.receive(5_000);
        assertNotNull(message, "no message arrived");
        return message;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSentMessageCarriesTheProducersPropertiesSettingsAndHeaders(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        Queue replyTo = context.createQueue("replies");
        long before = System.currentTimeMillis();
        producer.setProperty("customer", "acme").setProperty("amount", 42L).setJMSCorrelationID("corr")
                .setJMSType("order").setJMSReplyTo(replyTo).setPriority(7).setTimeToLive(60_000)
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(queue, "body");
        TextMessage received = (TextMessage) receive();
        assertEquals("body", received.getText());
        assertEquals("acme", received.getStringProperty("customer"));
        assertEquals(42L, received.getLongProperty("amount"));
        assertEquals("corr", received.getJMSCorrelationID());
        assertEquals("order", received.getJMSType());
        assertEquals(replyTo, received.getJMSReplyTo());
        assertEquals(7, received.getJMSPriority());
        assertEquals(DeliveryMode.NON_PERSISTENT, received.getJMSDeliveryMode());
        assertEquals(queue, received.getJMSDestination());
        assertTrue(received.getJMSMessageID().startsWith("ID:"));
        assertTrue(received.getJMSTimestamp() >= before);
        assertEquals(received.getJMSTimestamp() + 60_000, received.getJMSExpiration());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void headerValuesOverrideTheMessagesOnlyWhenSetOnTheProducer(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        TextMessage own = context.createTextMessage("own headers");
        own.setJMSCorrelationID("message-corr");
        own.setJMSType("message-type");
        producer.send(queue, own);
        Message first = receive();
        assertEquals("message-corr", first.getJMSCorrelationID());
        assertEquals("message-type", first.getJMSType());

        producer.setJMSCorrelationIDAsBytes(new byte[] {(byte) 0xCA, (byte) 0xFE}).setJMSType("producer-type");
        producer.send(queue, own);
        Message second = receive();
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, second.getJMSCorrelationIDAsBytes());
        assertEquals("producer-type", second.getJMSType());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyBodyTypeIsSentAsItsMessageType(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "widget");
        map.put("count", 3);
        map.put("raw", new byte[] {1, 2});
        producer.send(queue, "text").send(queue, map).send(queue, "bytes".getBytes(StandardCharsets.UTF_8))
                .send(queue, (Serializable) new BigDecimal("12.50"));

        assertEquals("text", assertInstanceOf(TextMessage.class, receive()).getText());
        MapMessage mapMessage = assertInstanceOf(MapMessage.class, receive());
        assertEquals("widget", mapMessage.getString("name"));
        assertEquals(3, mapMessage.getInt("count"));
        assertArrayEquals(new byte[] {1, 2}, mapMessage.getBytes("raw"));
        BytesMessage bytesMessage = assertInstanceOf(BytesMessage.class, receive());
        assertArrayEquals("bytes".getBytes(StandardCharsets.UTF_8), bytesMessage.getBody(byte[].class));
        assertEquals(new BigDecimal("12.50"), assertInstanceOf(ObjectMessage.class, receive()).getObject());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNullBodySendsAMessageOfTheTypeWithoutBody(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        producer.send(queue, (String) null).send(queue, (Map<String, Object>) null).send(queue, (byte[]) null)
                .send(queue, (Serializable) null);
        assertNull(assertInstanceOf(TextMessage.class, receive()).getText());
        assertTrue(!assertInstanceOf(MapMessage.class, receive()).getMapNames().hasMoreElements());
        assertEquals(0, assertInstanceOf(BytesMessage.class, receive()).getBodyLength());
        assertNull(assertInstanceOf(ObjectMessage.class, receive()).getObject());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNullOrForeignDestinationIsAnInvalidDestinationForEverySend(TestDatabase.Kind kind) {
        JMSProducer producer = producer(kind);
        Destination unknownKind = new Destination() { };
        for (Destination invalid : new Destination[] {null, unknownKind}) {
            assertThrows(InvalidDestinationRuntimeException.class,
                    () -> producer.send(invalid, context.createMessage()));
            assertThrows(InvalidDestinationRuntimeException.class, () -> producer.send(invalid, "text"));
            assertThrows(InvalidDestinationRuntimeException.class, () -> producer.send(invalid, Map.of("a", 1)));
            assertThrows(InvalidDestinationRuntimeException.class, () -> producer.send(invalid, new byte[1]));
            assertThrows(InvalidDestinationRuntimeException.class, () -> producer.send(invalid, (Serializable) 1));
        }
        assertNull(consumer.receiveNoWait());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNullMessageOrAnInvalidMapValueIsAMessageFormatError(TestDatabase.Kind kind) {
        JMSProducer producer = producer(kind);
        assertThrows(MessageFormatRuntimeException.class, () -> producer.send(queue, (Message) null));
        Map<String, Object> invalid = Map.of("list", new ArrayList<>(List.of(1)));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.send(queue, invalid));
        assertNull(consumer.receiveNoWait());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReceivedMessageCanBeResentUnlessTheProducerMustSetProperties(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        producer.send(queue, "original");
        Message received = receive();
        producer.send(queue, received);
        assertEquals("original", receive().getBody(String.class));

        producer.setProperty("stamp", 1);
        assertThrows(MessageNotWriteableRuntimeException.class, () -> producer.send(queue, received));
        assertNull(consumer.receiveNoWait());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void disabledMessageIdsAndTimestampsAreLeftEmpty(TestDatabase.Kind kind) {
        JMSProducer producer = producer(kind);
        producer.setDisableMessageID(true).setDisableMessageTimestamp(true).send(queue, "anonymous");
        Message received = receive();
        assertNull(assertDoesNotThrowGet(received::getJMSMessageID));
        assertEquals(0L, assertDoesNotThrowGet(received::getJMSTimestamp));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDeliveryDelayHoldsTheMessageBackUntilItsDeliveryTime(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        TextMessage delayed = context.createTextMessage("later");
        long before = System.currentTimeMillis();
        producer.setDeliveryDelay(1_500).send(queue, delayed);
        assertTrue(delayed.getJMSDeliveryTime() >= before + 1_500);
        assertNull(consumer.receiveNoWait());
        Message received = receive();
        assertTrue(System.currentTimeMillis() >= delayed.getJMSDeliveryTime());
        assertEquals(delayed.getJMSDeliveryTime(), received.getJMSDeliveryTime());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void higherPriorityMessagesAreReceivedFirst(TestDatabase.Kind kind) {
        JMSProducer producer = producer(kind);
        context.stop();
        producer.setPriority(1).send(queue, "low").setPriority(8).send(queue, "high");
        context.start();
        assertEquals("high", consumer.receiveBody(String.class, 5_000));
        assertEquals("low", consumer.receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aJMSProducerPublishesToEverySubscriptionOfATopic(TestDatabase.Kind kind) {
        JMSProducer producer = producer(kind);
        Topic topic = context.createTopic("news");
        JMSConsumer first = context.createConsumer(topic);
        JMSConsumer second = context.createSharedDurableConsumer(topic, "archive");
        producer.setPriority(7).send(topic, "published");
        assertEquals("published", first.receiveBody(String.class, 10_000));
        assertEquals("published", second.receiveBody(String.class, 10_000));
    }

    private static <T> T assertDoesNotThrowGet(JmsGetter<T> getter) {
        try {
            return getter.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @FunctionalInterface
    private interface JmsGetter<T> {
        T get() throws Exception;
    }
}
