package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
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

/** AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE and CLIENT_ACKNOWLEDGE (section 6.2.10, Session, Message.acknowledge). */
@Timeout(120)
class AcknowledgeModeTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sessionsReportTheirModes(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session transacted = connection.createSession(true, Session.AUTO_ACKNOWLEDGE);
        assertTrue(transacted.getTransacted());
        assertEquals(Session.SESSION_TRANSACTED, transacted.getAcknowledgeMode());
        for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
            Session session = connection.createSession(false, mode);
            assertFalse(session.getTransacted());
            assertEquals(mode, session.getAcknowledgeMode());
            assertEquals(mode, connection.createSession(mode).getAcknowledgeMode());
        }
        assertEquals(Session.SESSION_TRANSACTED, connection.createSession(Session.SESSION_TRANSACTED)
                .getAcknowledgeMode());
        assertEquals(Session.AUTO_ACKNOWLEDGE, connection.createSession().getAcknowledgeMode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInvalidSessionModeIsRefused(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        assertThrows(JMSException.class, () -> connection.createSession(false, 99));
        assertThrows(JMSException.class, () -> connection.createSession(-1));
        assertThrows(JMSException.class, () -> connection.createSession(false, Session.SESSION_TRANSACTED),
                "a non-transacted session permits only AUTO, CLIENT and DUPS_OK acknowledgement");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void autoAcknowledgeRemovesAReceivedMessageBeforeReceiveReturns(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("auto");
        send(session, queue, "a", "b");
        assertEquals("a", text(session.createConsumer(queue).receive(ARRIVES_MILLIS)));
        assertEquals(1, storedOn("auto"));
        session.recover();
        assertEquals(1, storedOn("auto"), "recover has nothing to redeliver once receive acknowledged");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void autoAcknowledgeAcknowledgesAListenersMessageWhenOnMessageReturns(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("auto-listener");
        send(session, queue, "m");
        List<Long> storedDuringOnMessage = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> storedDuringOnMessage.add(storedQuietly("auto-listener")));
        connection.start();
        eventually(() -> storedDuringOnMessage.size() == 1);
        assertEquals(List.of(1L), storedDuringOnMessage, "still in flight while onMessage runs");
        eventually(() -> storedOn("auto-listener") == 0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dupsOkBatchesAcknowledgementsAndFlushesThemOnClose(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setDupsOkBatchSize(100);
        factory.setDupsOkBatchDelayMillis(600_000);
        Connection connection = connect(factory);
        connection.start();
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue queue = session.createQueue("dups");
        send(session, queue, "a", "b", "c");
        assertEquals(List.of("a", "b", "c"), texts(receive(session.createConsumer(queue), 3)));
        assertEquals(3, storedOn("dups"), "acknowledgements wait for the batch");
        session.close();
        assertEquals(0, storedOn("dups"), "closing the session flushes the batch");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dupsOkFlushesAFullBatchAndAfterTheBatchDelay(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setDupsOkBatchSize(2);
        factory.setDupsOkBatchDelayMillis(300);
        Connection connection = connect(factory);
        connection.start();
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue queue = session.createQueue("dups-batch");
        send(session, queue, "a", "b", "c");
        MessageConsumer consumer = session.createConsumer(queue);
        receive(consumer, 2);
        assertEquals(1, storedOn("dups-batch"), "a full batch is acknowledged at once");
        receive(consumer, 1);
        eventually(() -> storedOn("dups-batch") == 0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void clientAcknowledgeAcknowledgesEveryMessageTheSessionConsumedOnAnyConsumer(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue first = session.createQueue("client-1");
        Queue second = session.createQueue("client-2");
        send(session, first, "a", "b");
        send(session, second, "c");
        MessageConsumer one = session.createConsumer(first);
        MessageConsumer two = session.createConsumer(second);
        Message a = one.receive(ARRIVES_MILLIS);
        assertEquals("c", text(two.receive(ARRIVES_MILLIS)));
        assertEquals("b", text(one.receive(ARRIVES_MILLIS)));
        assertEquals(3, storedOn("client-1") + storedOn("client-2"), "nothing is acknowledged before acknowledge()");

        a.acknowledge();
        assertEquals(0, storedOn("client-1") + storedOn("client-2"));
        a.acknowledge();
        session.close();
        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertNull(other.createConsumer(first).receive(QUIET_MILLIS), "acknowledged messages are never redelivered");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void clientAcknowledgeCoversOnlyMessagesConsumedBeforeIt(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("client-partial");
        send(session, queue, "a", "b");
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(ARRIVES_MILLIS).acknowledge();
        assertEquals("b", text(consumer.receive(ARRIVES_MILLIS)));
        session.recover();
        Message again = consumer.receive(ARRIVES_MILLIS);
        assertEquals("b", text(again));
        assertTrue(again.getJMSRedelivered());
        assertNull(consumer.receive(QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void clientAcknowledgeInsideAListenerAcknowledgesTheCurrentMessage(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("client-listener");
        send(session, queue, "a", "b", "c");
        List<String> delivered = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            delivered.add(textOf(message));
            try {
                message.acknowledge();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
        eventually(() -> delivered.size() == 3);
        eventually(() -> storedOn("client-listener") == 0);
        session.close();
        remains("nothing is redelivered after close", () -> storedOn("client-listener") == 0);
        assertEquals(List.of("a", "b", "c"), delivered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void acknowledgeIsIgnoredInAutoAndTransactedSessions(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("ignored");
        Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        send(sender, queue, "t");
        Message message = transacted.createConsumer(queue).receive(ARRIVES_MILLIS);
        message.acknowledge();
        assertEquals(1, storedOn("ignored"), "acknowledge() does not commit a transacted receive");
        transacted.rollback();

        Session auto = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message autoMessage = auto.createConsumer(queue).receive(ARRIVES_MILLIS);
        autoMessage.acknowledge();
        assertEquals(0, storedOn("ignored"));
    }

    private long storedQuietly(String queue) {
        try {
            return storedOn(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
