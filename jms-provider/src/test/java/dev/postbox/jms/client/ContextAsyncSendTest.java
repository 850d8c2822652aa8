package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.CompletionListener;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Asynchronous sends of the simplified API (Jakarta Messaging 3.1 section 7.3). */
@Timeout(60)
class ContextAsyncSendTest {

    private static final int COUNT = 25;

    private ContextFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Records callbacks in the order they arrive. */
    private static final class Recorder implements CompletionListener {
        final List<Object> events = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch done;

        Recorder(int expected) {
            this.done = new CountDownLatch(expected);
        }

        @Override
        public void onCompletion(Message message) {
            events.add(message);
            done.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            events.add(exception);
            done.countDown();
        }

        void await() throws InterruptedException {
            assertTrue(done.await(30, TimeUnit.SECONDS), "callbacks so far: " + events);
        }
    }

    private static List<String> texts(List<?> messages) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Object message : messages) {
            texts.add(assertInstanceOf(TextMessage.class, message).getText());
        }
        return texts;
    }

    private static List<String> numbered(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add("m" + i);
        }
        return texts;
    }

    private JMSContext open(TestDatabase.Kind kind, int mode) {
        if (fixture == null) {
            fixture = new ContextFixture(kind);
        }
        return fixture.open(mode);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void completionListenersAreCalledInSendOrderWithTheSentMessage(TestDatabase.Kind kind) throws Exception {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = context.createQueue("async-order");
        Recorder recorder = new Recorder(COUNT);
        JMSProducer producer = context.createProducer().setAsync(recorder).setProperty("batch", 7);
        List<TextMessage> sent = new ArrayList<>();
        for (String text : numbered(COUNT)) {
            TextMessage message = context.createTextMessage(text);
            sent.add(message);
            producer.send(queue, message);
        }
        recorder.await();
        assertEquals(numbered(COUNT), texts(recorder.events));
        for (int i = 0; i < COUNT; i++) {
            TextMessage completed = (TextMessage) recorder.events.get(i);
            assertSame(sent.get(i), completed);
            assertNotNull(completed.getJMSMessageID());
            assertEquals(7, completed.getIntProperty("batch"));
            assertEquals(queue, completed.getJMSDestination());
        }
        JMSConsumer consumer = context.createConsumer(queue);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            received.add(consumer.receiveBody(String.class, 5_000));
        }
        assertEquals(numbered(COUNT), received);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSynchronousSendDoesNotOvertakeEarlierAsynchronousSends(TestDatabase.Kind kind) {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = context.createQueue("async-then-sync");
        Recorder recorder = new Recorder(COUNT);
        JMSProducer async = context.createProducer().setAsync(recorder);
        for (String text : numbered(COUNT)) {
            async.send(queue, text);
        }
        context.createProducer().send(queue, "synchronous");
        assertEquals(COUNT, recorder.events.size(), "the synchronous send waited for the asynchronous ones");
        JMSConsumer consumer = context.createConsumer(queue);
        for (String expected : numbered(COUNT)) {
            assertEquals(expected, consumer.receiveBody(String.class, 5_000));
        }
        assertEquals("synchronous", consumer.receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitWaitsForTheAsynchronousSendsOfTheTransaction(TestDatabase.Kind kind) throws Exception {
        JMSContext transacted = open(kind, JMSContext.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("async-commit");
        Recorder recorder = new Recorder(COUNT);
        JMSProducer producer = transacted.createProducer().setAsync(recorder);
        for (String text : numbered(COUNT)) {
            producer.send(queue, text);
        }
        transacted.commit();
        assertEquals(COUNT, recorder.events.size(), "every callback returned before commit returned");
        assertEquals(COUNT, fixture.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rollbackWaitsForTheAsynchronousSendsAndDropsThem(TestDatabase.Kind kind) throws Exception {
        JMSContext transacted = open(kind, JMSContext.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("async-rollback");
        Recorder recorder = new Recorder(COUNT);
        JMSProducer producer = transacted.createProducer().setAsync(recorder);
        for (String text : numbered(COUNT)) {
            producer.send(queue, text);
        }
        transacted.rollback();
        assertEquals(COUNT, recorder.events.size());
        transacted.commit();
        assertEquals(0, fixture.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closeWaitsForTheAsynchronousSends(TestDatabase.Kind kind) throws Exception {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = context.createQueue("async-close");
        Recorder recorder = new Recorder(COUNT);
        JMSProducer producer = context.createProducer().setAsync(recorder);
        for (String text : numbered(COUNT)) {
            producer.send(queue, text);
        }
        context.close();
        assertEquals(COUNT, recorder.events.size());
        assertEquals(COUNT, fixture.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void invalidSendsThrowToTheCallerAndNeverReachTheListener(TestDatabase.Kind kind) throws Exception {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = context.createQueue("async-invalid");
        Recorder recorder = new Recorder(1);
        JMSProducer producer = context.createProducer().setAsync(recorder);
        assertThrows(InvalidDestinationRuntimeException.class, () -> producer.send(null, "no destination"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.send(queue, (Message) null));
        producer.send(queue, "valid");
        recorder.await();
        assertEquals(List.of("valid"), texts(recorder.events));
        context.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailureAfterTheSendReturnedReachesOnExceptionAsARuntimeException(TestDatabase.Kind kind)
            throws Exception {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = context.createQueue("async-blocker");
        TemporaryQueue temporary = context.createTemporaryQueue();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blockerDone = new CompletableFuture<>();
        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                awaitQuietly(release);
                blockerDone.complete(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                blockerDone.complete(exception);
            }
        }).send(queue, "holds the completion thread");
        Recorder recorder = new Recorder(1);
        TextMessage doomed = context.createTextMessage("to a queue deleted meanwhile");
        context.createProducer().setAsync(recorder).send(temporary, doomed);
        temporary.delete();
        release.countDown();
        recorder.await();
        assertInstanceOf(JMSRuntimeException.class, recorder.events.get(0));
        assertInstanceOf(TextMessage.class, blockerDone.get(10, TimeUnit.SECONDS));
        assertNull(context.createConsumer(queue).receive(5_000).getJMSCorrelationID());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
