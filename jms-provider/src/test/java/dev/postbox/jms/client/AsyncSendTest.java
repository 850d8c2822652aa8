package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Asynchronous send with a CompletionListener (MessageProducer.send(..., CompletionListener), section 7.3). */
@Timeout(120)
class AsyncSendTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void completionListenersAreCalledInSendOrderOnAnotherThread(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("async");
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("m" + i), recorder);
            expected.add("m" + i);
        }
        eventually(() -> recorder.completed.size() == 20);
        assertEquals(expected, recorder.completed);
        assertTrue(recorder.threads.stream().noneMatch(t -> t == Thread.currentThread()));
        assertTrue(recorder.idsSeen.stream().allMatch(id -> id != null && id.startsWith("ID:")),
                "the send headers are set when onCompletion runs");
        assertEquals(expected, texts(receive(session.createConsumer(queue), 20)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void mixedSynchronousAndAsynchronousSendsKeepTheirOrder(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("mixed");
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            producer.send(session.createTextMessage("async" + i), recorder);
            producer.send(session.createTextMessage("sync" + i));
            expected.add("async" + i);
            expected.add("sync" + i);
        }
        assertEquals(expected, texts(receive(session.createConsumer(queue), 20)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingTheProducerWaitsForIncompleteSends(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("close-producer");
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder();
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("m" + i), recorder);
        }
        producer.close();
        assertEquals(20, recorder.completed.size(), "every callback returned before close() did");
        assertEquals(20, storedOn("close-producer"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingTheSessionOrConnectionWaitsForIncompleteSends(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("close-session");
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder();
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("m" + i), recorder);
        }
        session.close();
        assertEquals(20, recorder.completed.size());

        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer second = other.createProducer(queue);
        for (int i = 0; i < 20; i++) {
            second.send(other.createTextMessage("n" + i), recorder);
        }
        connection.close();
        assertEquals(40, recorder.completed.size());
        assertEquals(40, storedOn("close-session"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitAndRollbackWaitForIncompleteSends(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("async-tx");
        MessageProducer producer = transacted.createProducer(queue);
        Recorder recorder = new Recorder();
        for (int i = 0; i < 10; i++) {
            producer.send(transacted.createTextMessage("committed" + i), recorder);
        }
        transacted.commit();
        assertEquals(10, recorder.completed.size());
        assertEquals(10, storedOn("async-tx"), "every asynchronous send was part of the commit");
        for (int i = 0; i < 10; i++) {
            producer.send(transacted.createTextMessage("rolled back" + i), recorder);
        }
        transacted.rollback();
        assertEquals(20, recorder.completed.size());
        transacted.commit();
        assertEquals(10, storedOn("async-tx"), "every asynchronous send was part of the rollback");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSendToATemporaryQueueDeletedBeforeTheSendIsRefusedInTheCallingThread(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temporary = session.createTemporaryQueue();
        MessageProducer producer = session.createProducer(temporary);
        temporary.delete();
        Recorder recorder = new Recorder();
        assertThrows(InvalidDestinationException.class,
                () -> producer.send(session.createTextMessage("refused"), recorder));
        assertEquals(List.of(), recorder.completed);
        assertEquals(List.of(), recorder.failed, "a failure thrown is not reported again");
    }

    /** The send is queued behind another whose completion holds the session's completion thread. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSendThatFailsLaterIsReportedToOnException(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temporary = session.createTemporaryQueue();
        CountDownLatch release = new CountDownLatch(1);
        Recorder blocker = new Recorder() {
            @Override
            public void onCompletion(Message message) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.onCompletion(message);
            }
        };
        session.createProducer(session.createQueue("async-blocker"))
                .send(session.createTextMessage("holds the completion thread"), blocker);
        Recorder recorder = new Recorder();
        Message message = session.createTextMessage("lost");
        session.createProducer(temporary).send(message, recorder);
        temporary.delete();
        release.countDown();
        eventually(() -> recorder.failed.size() == 1);
        assertEquals(0, recorder.completed.size());
        assertTrue(recorder.failed.get(0) instanceof JMSException);
        assertEquals(message, recorder.failedMessages.get(0));
        eventually(() -> blocker.completed.size() == 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCompletionListenerMayNotCloseOrCommitItsOwnObjects(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue("callbacks");
        MessageProducer producer = session.createProducer(queue);
        List<Class<?>> failures = new CopyOnWriteArrayList<>();
        producer.send(session.createTextMessage("m"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                failures.add(failureOf(producer::close));
                failures.add(failureOf(session::commit));
                failures.add(failureOf(session::rollback));
                failures.add(failureOf(session::close));
                failures.add(failureOf(connection::close));
            }

            @Override
            public void onException(Message message, Exception exception) {
                failures.add(exception.getClass());
            }
        });
        eventually(() -> failures.size() == 5);
        assertEquals(List.of(IllegalStateException.class, IllegalStateException.class, IllegalStateException.class,
                IllegalStateException.class, IllegalStateException.class), failures);
        session.commit();
        assertEquals(1, storedOn("callbacks"));
        MessageConsumer consumer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        connection.start();
        assertNotNull(consumer.receive(ARRIVES_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCompletionListenerMayCloseAConsumerOfItsSession(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("callback-closes-consumer");
        MessageConsumer consumer = session.createConsumer(queue);
        List<Class<?>> outcomes = new CopyOnWriteArrayList<>();
        session.createProducer(queue).send(session.createTextMessage("m"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                outcomes.add(failureOf(consumer::close));
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcomes.add(exception.getClass());
            }
        });
        eventually(() -> outcomes.size() == 1);
        assertEquals(java.util.Collections.singletonList(null), outcomes,
                "only closing its own connection, session or producer is forbidden");
    }

    /** Records completion callbacks. */
    static class Recorder implements CompletionListener {
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<String> idsSeen = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final List<Exception> failed = new CopyOnWriteArrayList<>();
        final List<Message> failedMessages = new CopyOnWriteArrayList<>();

        @Override
        public void onCompletion(Message message) {
            threads.add(Thread.currentThread());
            try {
                idsSeen.add(message.getJMSMessageID());
            } catch (JMSException e) {
                idsSeen.add(null);
            }
            completed.add(textOf(message));
        }

        @Override
        public void onException(Message message, Exception exception) {
            failedMessages.add(message);
            failed.add(exception);
        }
    }
}
