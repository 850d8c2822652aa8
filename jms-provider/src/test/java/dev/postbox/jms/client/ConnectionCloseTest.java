package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Closing connections, sessions and consumers (Connection.close, Session.close, MessageConsumer.close). */
@Timeout(120)
class ConnectionCloseTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingTwiceIsHarmlessAndClosesTheSessions(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.close();
        connection.close();
        session.close();
        assertThrows(IllegalStateException.class, session::createTextMessage);
        assertThrows(IllegalStateException.class, () -> connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingTheConnectionMakesABlockedReceiveReturnNull(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("empty"));
        connection.start();
        CompletableFuture<Message> blocked = CompletableFuture.supplyAsync(
                () -> ConnectionStartStopTest.receiveQuietly(consumer, 0));
        assertThrows(TimeoutException.class, () -> blocked.get(QUIET_MILLIS, TimeUnit.MILLISECONDS));
        connection.close();
        assertNull(blocked.get(ARRIVES_MILLIS, TimeUnit.MILLISECONDS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingAConsumerEndsAReceiveBlockedOnAStoppedConnection(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("stopped-close");
        send(session, queue, "stays");
        MessageConsumer consumer = session.createConsumer(queue);
        CompletableFuture<Message> blocked = CompletableFuture.supplyAsync(
                () -> ConnectionStartStopTest.receiveQuietly(consumer, 0));
        assertThrows(TimeoutException.class, () -> blocked.get(QUIET_MILLIS, TimeUnit.MILLISECONDS));
        consumer.close();
        assertNull(blocked.get(ARRIVES_MILLIS, TimeUnit.MILLISECONDS), "a closed consumer's receive returns null");
        assertEquals(1, storedOn("stopped-close"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingASessionMakesABlockedReceiveReturnNull(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("empty"));
        connection.start();
        CompletableFuture<Message> blocked = CompletableFuture.supplyAsync(
                () -> ConnectionStartStopTest.receiveQuietly(consumer, 0));
        assertThrows(TimeoutException.class, () -> blocked.get(QUIET_MILLIS, TimeUnit.MILLISECONDS));
        session.close();
        assertNull(blocked.get(ARRIVES_MILLIS, TimeUnit.MILLISECONDS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closeWaitsForARunningListenerWhichKeepsTheFullServicesOfItsSession(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue("closing");
        Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        send(sender, queue, "in progress");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> commitFailure = new AtomicReference<>();
        session.createConsumer(queue).setMessageListener(message -> {
            entered.countDown();
            ConnectionStartStopTest.awaitQuietly(release);
            try {
                session.commit();
            } catch (Throwable e) {
                commitFailure.set(e);
            }
        });
        connection.start();
        assertTrue(entered.await(ARRIVES_MILLIS, TimeUnit.MILLISECONDS));

        CompletableFuture<Void> closing = inBackground(connection::close);
        assertThrows(TimeoutException.class, () -> closing.get(QUIET_MILLIS, TimeUnit.MILLISECONDS),
                "close() must wait for the running listener");
        release.countDown();
        closing.get(ARRIVES_MILLIS, TimeUnit.MILLISECONDS);
        assertNull(commitFailure.get(), () -> "commit inside the listener failed during close: " + commitFailure);
        assertEquals(0, storedOn("closing"), "the listener's commit took effect");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerMayNotCloseOrStopItsOwnConnectionOrCloseItsOwnSession(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("self");
        List<Class<?>> failures = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        session.createConsumer(queue).setMessageListener(message -> {
            failures.add(failureOf(connection::close));
            failures.add(failureOf(connection::stop));
            failures.add(failureOf(session::close));
            done.countDown();
        });
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "m");
        connection.start();
        assertTrue(done.await(ARRIVES_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(List.of(IllegalStateException.class, IllegalStateException.class, IllegalStateException.class),
                failures);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerMayCloseItsOwnConsumer(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("self-close");
        MessageConsumer consumer = session.createConsumer(queue);
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        consumer.setMessageListener(message -> {
            delivered.add(textOf(message));
            try {
                consumer.close();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "first", "second");
        connection.start();
        eventually(() -> delivered.size() == 1);
        remains("a closed consumer gets no more messages", () -> delivered.size() == 1);
        assertNull(failure.get());
        assertEquals(List.of("first"), delivered);
        assertEquals(1, storedOn("self-close"), "the first message was acknowledged when onMessage returned");
        MessageConsumer next = session.createConsumer(queue);
        assertEquals("second", text(next.receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void consumerCloseWaitsForItsListenerRunningInAnotherThread(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("consumer-close");
        MessageConsumer consumer = session.createConsumer(queue);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        consumer.setMessageListener(message -> {
            entered.countDown();
            ConnectionStartStopTest.awaitQuietly(release);
        });
        send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), queue, "m");
        connection.start();
        assertTrue(entered.await(ARRIVES_MILLIS, TimeUnit.MILLISECONDS));
        CompletableFuture<Void> closing = inBackground(consumer::close);
        assertThrows(TimeoutException.class, () -> closing.get(QUIET_MILLIS, TimeUnit.MILLISECONDS));
        release.countDown();
        closing.get(ARRIVES_MILLIS, TimeUnit.MILLISECONDS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingASessionRedeliversItsUnacknowledgedMessagesToTheNextConsumer(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("unacked");
        send(session, queue, "a", "b");
        assertEquals(List.of("a", "b"), texts(receive(session.createConsumer(queue), 2)));
        session.close();

        Session next = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        List<Message> again = receive(next.createConsumer(queue), 2);
        assertEquals(List.of("a", "b"), texts(again));
        for (Message message : again) {
            assertTrue(message.getJMSRedelivered());
            assertEquals(2, message.getIntProperty("JMSXDeliveryCount"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingAConnectionDoesNotAcknowledgeClientAcknowledgedMessages(TestDatabase.Kind kind) throws Exception {
        jakarta.jms.ConnectionFactory factory = factory(kind);
        Connection first = connect(factory);
        first.start();
        Session session = first.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("client-close");
        send(session, queue, "kept");
        assertEquals("kept", text(session.createConsumer(queue).receive(ARRIVES_MILLIS)));
        first.close();

        Connection second = connect(factory);
        second.start();
        Message again = second.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue)
                .receive(ARRIVES_MILLIS);
        assertEquals("kept", text(again));
        assertTrue(again.getJMSRedelivered());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void acknowledgingAMessageOfAClosedSessionThrowsIllegalStateException(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("late-ack");
        send(session, queue, "m");
        Message message = session.createConsumer(queue).receive(ARRIVES_MILLIS);
        connection.close();
        assertThrows(IllegalStateException.class, message::acknowledge);
    }
}
