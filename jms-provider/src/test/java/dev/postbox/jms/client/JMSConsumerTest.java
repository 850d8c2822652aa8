package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class JMSConsumerTest {

    private ContextFixture fixture;
    private JMSContext context;
    private Queue queue;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private JMSProducer producer(TestDatabase.Kind kind) {
        fixture = new ContextFixture(kind);
        context = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        queue = context.createQueue("consumed");
        return context.createProducer();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyReceiveVariantReturnsTheNextMessageOrNull(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        JMSConsumer consumer = context.createConsumer(queue);
        producer.send(queue, "one").send(queue, "two").send(queue, "three");
        assertEquals("one", ((TextMessage) consumer.receive()).getText());
        assertEquals("two", ((TextMessage) consumer.receive(5_000)).getText());
        assertEquals("three", ((TextMessage) consumer.receiveNoWait()).getText());
        assertNull(consumer.receiveNoWait());
        assertNull(consumer.receive(200));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSelectorChoosesTheMessagesAndIsReportedAsGiven(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        JMSConsumer selective = context.createConsumer(queue, "colour = 'red'");
        assertEquals("colour = 'red'", selective.getMessageSelector());
        producer.setProperty("colour", "blue").send(queue, "blue").setProperty("colour", "red").send(queue, "red");
        assertEquals("red", selective.receiveBody(String.class, 5_000));
        assertNull(selective.receiveNoWait());
        selective.close();
        JMSConsumer all = context.createConsumer(queue, null, false);
        assertNull(all.getMessageSelector());
        assertEquals("blue", all.receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anEmptySelectorMeansNoSelector(TestDatabase.Kind kind) {
        producer(kind).send(queue, "any");
        JMSConsumer consumer = context.createConsumer(queue, "");
        assertNull(consumer.getMessageSelector(), "JMSConsumer.getMessageSelector Javadoc: empty string is none");
        assertEquals("any", consumer.receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void invalidSelectorsAndDestinationsAreReportedAsTheirRuntimeExceptions(TestDatabase.Kind kind) {
        producer(kind);
        assertThrows(InvalidSelectorRuntimeException.class, () -> context.createConsumer(queue, "=TEST 'test'"));
        assertThrows(InvalidSelectorRuntimeException.class,
                () -> context.createConsumer(queue, "a = ", true));
        assertThrows(InvalidSelectorRuntimeException.class, () -> context.createBrowser(queue, "a LIKE"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createConsumer(null));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createConsumer(null, "a = 1"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createBrowser(null));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createBrowser(null, null));
        assertThrows(JMSRuntimeException.class, () -> context.createQueue("not a valid name"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerReceivesInOrderUntilItIsRemoved(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        JMSConsumer consumer = context.createConsumer(queue);
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(10);
        MessageListener listener = m -> {
            received.add(text(m));
            all.countDown();
        };
        consumer.setMessageListener(listener);
        assertSame(listener, consumer.getMessageListener());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            producer.send(queue, "m" + i);
            expected.add("m" + i);
        }
        assertTrue(all.await(20, TimeUnit.SECONDS), "received " + received);
        assertEquals(expected, received);
        consumer.setMessageListener(null);
        assertNull(consumer.getMessageListener());
        producer.send(queue, "synchronous again");
        assertEquals("synchronous again", consumer.receiveBody(String.class, 5_000));
    }

    private static String text(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClosedConsumerCanBeClosedAgainButNotUsed(TestDatabase.Kind kind) {
        producer(kind).send(queue, "left for later");
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.close();
        assertDoesNotThrow(consumer::close);
        List<Executable> calls = List.of(consumer::receive, () -> consumer.receive(10), consumer::receiveNoWait,
                () -> consumer.receiveBody(String.class), () -> consumer.receiveBody(String.class, 10),
                () -> consumer.receiveBodyNoWait(String.class), consumer::getMessageSelector,
                consumer::getMessageListener, () -> consumer.setMessageListener(null));
        for (Executable call : calls) {
            assertThrows(IllegalStateRuntimeException.class, call);
        }
        assertEquals("left for later", context.createConsumer(queue).receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBrowserShowsTheQueueWithoutConsumingIt(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        producer.setProperty("last", false).send(queue, "1").send(queue, "2").setProperty("last", true)
                .send(queue, "3");
        QueueBrowser browser = context.createBrowser(queue);
        assertEquals(List.of("1", "2", "3"), browsed(browser));
        QueueBrowser lastOnly = context.createBrowser(queue, "last = TRUE");
        assertEquals("last = TRUE", lastOnly.getMessageSelector());
        assertEquals(List.of("3"), browsed(lastOnly));
        assertEquals("1", context.createConsumer(queue).receiveBody(String.class, 5_000));
    }

    private static List<String> browsed(QueueBrowser browser) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Object message : Collections.list(browser.getEnumeration())) {
            texts.add(text((Message) message));
        }
        return texts;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTemporaryQueueCannotBeDeletedWhileAConsumerIsOpen(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        TemporaryQueue temporary = context.createTemporaryQueue();
        JMSConsumer consumer = context.createConsumer(temporary);
        producer.send(temporary, "temporary");
        assertEquals("temporary", consumer.receiveBody(String.class, 5_000));
        assertThrows(JMSException.class, temporary::delete);
        consumer.close();
        temporary.delete();
        assertThrows(InvalidDestinationRuntimeException.class, () -> producer.send(temporary, "gone"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void consumersOfTopicSubscriptionsReceiveLikeQueueConsumers(TestDatabase.Kind kind) throws Exception {
        JMSProducer producer = producer(kind);
        Topic topic = context.createTopic("news");
        JMSConsumer subscriber = context.createConsumer(topic);
        JMSConsumer shared = context.createSharedConsumer(topic, "shared", "a = 1");
        CountDownLatch heard = new CountDownLatch(1);
        List<String> texts = Collections.synchronizedList(new ArrayList<>());
        fixture.track(context.createContext(JMSContext.AUTO_ACKNOWLEDGE)).createSharedDurableConsumer(topic, "sd")
                .setMessageListener(message -> {
                    texts.add(body(message));
                    heard.countDown();
                });
        producer.setProperty("a", 1).send(topic, "published");

        assertEquals("published", subscriber.receiveBody(String.class, 10_000));
        assertEquals("published", ((TextMessage) shared.receive(10_000)).getText());
        assertTrue(heard.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("published"), texts);
        assertEquals("a = 1", shared.getMessageSelector());
    }

    private static String body(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
