package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connection start and stop (Jakarta Messaging 3.1, Connection.start/stop, section 6.1.5). */
@Timeout(120)
class ConnectionStartStopTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewConnectionDeliversNothingUntilStarted(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("stopped");
        send(session, queue, "waiting");
        MessageConsumer consumer = session.createConsumer(queue);

        assertNull(consumer.receiveNoWait());
        assertNull(consumer.receive(QUIET_MILLIS), "receive on a stopped connection times out");

        connection.start();
        assertEquals("waiting", text(consumer.receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReceiveBlockedWhileStoppedReturnsTheMessageOnceRestarted(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("restart");
        MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        connection.stop();
        Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        send(sender, queue, "after restart");

        CompletableFuture<Message> blocked = CompletableFuture.supplyAsync(() -> receiveQuietly(consumer));
        assertThrows(TimeoutException.class, () -> blocked.get(QUIET_MILLIS, TimeUnit.MILLISECONDS),
                "a stopped connection must not deliver");

        connection.start();
        assertEquals("after restart", text(blocked.get(ARRIVES_MILLIS, TimeUnit.MILLISECONDS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void startAndStopAreIgnoredWhenAlreadyInThatState(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.stop();
        connection.start();
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("twice");
        send(session, queue, "one");
        assertEquals("one", text(session.createConsumer(queue).receive(ARRIVES_MILLIS)));
        connection.stop();
        connection.stop();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noReceiveConsumesAMessageAfterStopHasReturned(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("busy");
        Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        String[] backlog = new String[100];
        java.util.Arrays.fill(backlog, "x");
        MessageConsumer consumer = session.createConsumer(queue);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger received = new AtomicInteger();
        Thread receiver = new Thread(() -> {
            while (!done.get()) {
                if (receiveQuietly(consumer, 50) != null) {
                    received.incrementAndGet();
                }
            }
        });
        connection.start();
        receiver.start();
        for (int round = 0; round < 5; round++) {
            int before = received.get();
            send(sender, queue, backlog);
            eventually(() -> received.get() > before + 3);
            connection.stop();
            // AUTO_ACKNOWLEDGE deletes a message before receive returns it: the store shows every delivery.
            long atStop = storedOn("busy");
            remains("no receive may consume a message once stop() returned", () -> storedOn("busy") == atStop);
            connection.start();
        }
        done.set(true);
        receiver.join(ARRIVES_MILLIS);
        assertFalse(receiver.isAlive());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void stopWaitsForRunningListenersAndDeliveryResumesOnStart(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("listened");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            delivered.add(textOf(message));
            entered.countDown();
            awaitQuietly(release);
        });
        Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        send(sender, queue, "first");
        connection.start();
        assertTrue(entered.await(ARRIVES_MILLIS, TimeUnit.MILLISECONDS));

        CompletableFuture<Void> stopping = inBackground(connection::stop);
        assertThrows(TimeoutException.class, () -> stopping.get(QUIET_MILLIS, TimeUnit.MILLISECONDS),
                "stop() must wait for the running listener");
        release.countDown();
        stopping.get(ARRIVES_MILLIS, TimeUnit.MILLISECONDS);

        send(sender, queue, "second");
        remains("nothing is delivered while stopped", () -> delivered.equals(List.of("first")));

        connection.start();
        eventually(() -> delivered.size() == 2);
        assertEquals(List.of("first", "second"), delivered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sendingWorksOnAStoppedConnection(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("sent-while-stopped");
        send(session, queue, "a", "b");
        assertEquals(2, storedOn("sent-while-stopped"));
        connection.start();
        assertEquals(List.of("a", "b"), texts(receive(session.createConsumer(queue), 2)));
    }

    static Message receiveQuietly(MessageConsumer consumer) {
        return receiveQuietly(consumer, ARRIVES_MILLIS);
    }

    static Message receiveQuietly(MessageConsumer consumer, long timeout) {
        try {
            return consumer.receive(timeout);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(ARRIVES_MILLIS * 3, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
