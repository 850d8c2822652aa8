package dev.postbox.ra.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.testing.FakeConnectionManager;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pooled physical connection: its handles, connection events, cleanup, destroy and its one session. */
@Timeout(60)
class PostboxManagedConnectionTest {

    private ServerEnvironment server;
    private PostboxResourceAdapter adapter;
    private PostboxManagedConnectionFactory factory;
    private PostboxManagedConnection managed;
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openManagedConnection() throws Exception {
        server = ServerEnvironment.create();
        adapter = server.start();
        factory = new PostboxManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        managed = (PostboxManagedConnection) factory.createManagedConnection(null, null);
        managed.addConnectionEventListener(new Recorder(events));
    }

    @AfterEach
    void close() throws Exception {
        try {
            managed.destroy();
        } finally {
            server.close();
        }
    }

    private ConnectionHandle handle() throws Exception {
        return (ConnectionHandle) managed.getConnection(null, null);
    }

    private void sendText(Session session, String queue, String text) throws Exception {
        session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
    }

    @Test
    void closingAHandleFiresExactlyOneConnectionClosedCarryingTheHandle() throws Exception {
        ConnectionHandle handle = handle();

        handle.close();
        handle.close();

        assertEquals(1, events.size());
        ConnectionEvent closed = events.get(0);
        assertEquals(ConnectionEvent.CONNECTION_CLOSED, closed.getId());
        assertSame(handle, closed.getConnectionHandle());
        assertSame(managed, closed.getSource());
    }

    @Test
    void everyHandleOfTheConnectionReportsItsOwnClose() throws Exception {
        ConnectionHandle first = handle();
        ConnectionHandle second = handle();

        second.close();
        first.close();

        assertEquals(List.of(second, first), events.stream().map(ConnectionEvent::getConnectionHandle).toList());
    }

    @Test
    void aRemovedListenerHearsNothing() throws Exception {
        List<ConnectionEvent> other = new CopyOnWriteArrayList<>();
        Recorder recorder = new Recorder(other);
        managed.addConnectionEventListener(recorder);
        managed.removeConnectionEventListener(recorder);

        handle().close();

        assertTrue(other.isEmpty());
        assertEquals(1, events.size());
    }

    @Test
    void cleanupInvalidatesEveryHandleAndItsSession() throws Exception {
        ConnectionHandle handle = handle();
        Session session = handle.createSession();

        managed.cleanup();

        assertThrows(IllegalStateException.class, handle::createSession);
        assertThrows(IllegalStateException.class, handle::getClientID);
        assertThrows(IllegalStateException.class, () -> session.createTextMessage("late"));
        handle.close();
        assertTrue(events.isEmpty(), "closing an invalidated handle is harmless and reports nothing");
    }

    @Test
    void cleanupDiscardsTheUncommittedSendsOfATransactedSession() throws Exception {
        Session session = handle().createSession(Session.SESSION_TRANSACTED);
        sendText(session, "mc.cleanup", "never committed");

        managed.cleanup();
        Session next = handle().createSession(Session.SESSION_TRANSACTED);
        sendText(next, "mc.cleanup", "committed");
        next.commit();

        assertEquals(1, server.messagesOn("mc.cleanup"), "only the second user's send was committed");
        assertEquals("committed", ((TextMessage) server.receive(adapter, "mc.cleanup", 2_000)).getText());
    }

    @Test
    void closingATransactedSessionDiscardsItsUncommittedSends() throws Exception {
        ConnectionHandle handle = handle();
        Session first = handle.createSession(Session.SESSION_TRANSACTED);
        sendText(first, "mc.session-close", "rolled back by close");
        first.close();

        Session second = handle.createSession(Session.SESSION_TRANSACTED);
        sendText(second, "mc.session-close", "committed");
        second.commit();

        assertEquals(1, server.messagesOn("mc.session-close"),
                "closing a transacted session rolls back its transaction in progress (Session.close)");
    }

    @Test
    void aSessionCreatedAfterClosingAnotherHasTheModeItAskedFor() throws Exception {
        ConnectionHandle handle = handle();
        handle.createSession(Session.SESSION_TRANSACTED).close();

        Session autoAck = handle.createSession(Session.AUTO_ACKNOWLEDGE);

        assertFalse(autoAck.getTransacted());
        assertEquals(Session.AUTO_ACKNOWLEDGE, autoAck.getAcknowledgeMode());
        sendText(autoAck, "mc.mode", "sent at once");
        assertEquals(1, server.messagesOn("mc.mode"));
    }

    @Test
    void aHandleAllowsOneOpenSessionAtATime() throws Exception {
        ConnectionHandle handle = handle();
        Session first = handle.createSession();

        assertThrows(IllegalStateException.class, handle::createSession);
        assertThrows(IllegalStateException.class, () -> handle.createSession(false, Session.AUTO_ACKNOWLEDGE));
        first.close();
        assertNotNull(handle.createSession());
    }

    @Test
    void closingAHandleClosesWhatItsSessionCreated() throws Exception {
        ConnectionHandle handle = handle();
        Session session = handle.createSession();
        MessageProducer producer = session.createProducer(session.createQueue("mc.children"));

        handle.close();

        assertThrows(IllegalStateException.class, () -> producer.send(session.createTextMessage("late")));
    }

    @Test
    void destroyClosesThePhysicalConnectionAndRefusesNewHandles() throws Exception {
        ConnectionHandle handle = handle();

        managed.destroy();

        assertFalse(managed.isUsable());
        assertThrows(IllegalStateException.class, () -> managed.physical().createSession());
        assertThrows(jakarta.resource.spi.IllegalStateException.class, () -> managed.getConnection(null, null));
        assertThrows(IllegalStateException.class, () -> handle.createSession().createTextMessage());
    }

    @Test
    void aHandleMovedToAnotherManagedConnectionReportsItsCloseThere() throws Exception {
        ConnectionHandle handle = handle();
        PostboxManagedConnection other = (PostboxManagedConnection) factory.createManagedConnection(null, null);
        List<ConnectionEvent> otherEvents = new CopyOnWriteArrayList<>();
        other.addConnectionEventListener(new Recorder(otherEvents));
        try {
            other.associateConnection(handle);
            handle.close();

            assertTrue(events.isEmpty(), "the first connection no longer owns the handle");
            assertEquals(1, otherEvents.size());
            assertSame(handle, otherEvents.get(0).getConnectionHandle());
        } finally {
            other.destroy();
        }
    }

    @Test
    void postboxOffersNeitherXaNorConnectorLocalTransactions() {
        assertThrows(NotSupportedException.class, managed::getXAResource);
        assertThrows(NotSupportedException.class, managed::getLocalTransaction);
    }

    @Test
    void metaDataDescribesPostboxAndTheUser() throws Exception {
        PostboxManagedConnection alice = (PostboxManagedConnection) factory.createManagedConnection(null,
                new PostboxConnectionRequestInfo("alice", "pw"));
        try {
            assertEquals("alice", alice.getMetaData().getUserName());
            assertTrue(alice.getMetaData().getEISProductName().toLowerCase().contains("postbox"));
        } finally {
            alice.destroy();
        }
    }

    @Test
    void aPooledConnectionIsReusedAfterItsHandleIsClosedAndCleanedUp() throws Exception {
        FakeConnectionManager pool = new FakeConnectionManager();
        ConnectionFactory connections = (ConnectionFactory) factory.createConnectionFactory(pool);
        try {
            try (Connection first = connections.createConnection()) {
                sendText(first.createSession(), "mc.pool", "one");
            }
            try (Connection second = connections.createConnection()) {
                assertInstanceOf(ConnectionHandle.class, second);
                sendText(second.createSession(), "mc.pool", "two");
            }
            assertEquals(1, pool.created().size(), "one physical connection served both");
            assertEquals(2, pool.events().size());
            assertEquals(2, server.messagesOn("mc.pool"));
        } finally {
            pool.destroyAll();
        }
    }

    /** Records connection events (identity equality: the connection removes listeners by equals). */
    private static final class Recorder implements ConnectionEventListener {
        private final List<ConnectionEvent> events;

        Recorder(List<ConnectionEvent> events) {
            this.events = events;
        }

        @Override
        public void connectionClosed(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            events.add(event);
        }
    }
}
