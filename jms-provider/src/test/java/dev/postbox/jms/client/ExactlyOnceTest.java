package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transacted session's JDBC connection: the application's SQL, the session's sends and its
 * acknowledgements commit in one database transaction, or none of them happens. (Kill tests:
 * {@code ExactlyOnceCrashTest}.)
 */
@Timeout(120)
class ExactlyOnceTest extends ClientTestBase {

    private PostboxSession transactedSession(Connection connection) throws Exception {
        return (PostboxSession) connection.createSession(Session.SESSION_TRANSACTED);
    }

    private void createAppTable() throws Exception {
        try (java.sql.Connection c = database.connect(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE shipment (order_text VARCHAR(100) NOT NULL)");
        }
    }

    private static void insertShipment(PostboxSession session, String text) throws Exception {
        try (PreparedStatement insert = session.getJdbcConnection().prepareStatement(
                "INSERT INTO shipment (order_text) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitStoresTheRowTheReplyAndTheAcknowledgementTogether(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        createAppTable();
        PostboxSession session = transactedSession(connection);
        Queue orders = session.createQueue("orders");
        send(session, orders, "order 1");
        session.commit();
        connection.start();

        Message order = session.createConsumer(orders).receive(ARRIVES_MILLIS);
        insertShipment(session, text(order));
        session.createProducer(session.createQueue("shipped")).send(session.createTextMessage("shipped 1"));
        assertEquals(0, queryLong("SELECT COUNT(*) FROM shipment"), "not visible before the commit");
        assertEquals(0, storedOn("shipped"));

        session.commit();

        assertEquals(1, queryLong("SELECT COUNT(*) FROM shipment"));
        assertEquals(1, storedOn("shipped"));
        assertEquals(0, storedOn("orders"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rollbackUndoesTheRowAndTheSendAndRedeliversTheMessage(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        createAppTable();
        PostboxSession session = transactedSession(connection);
        Queue orders = session.createQueue("orders");
        send(session, orders, "order 2");
        session.commit();
        connection.start();
        MessageConsumer consumer = session.createConsumer(orders);

        Message first = consumer.receive(ARRIVES_MILLIS);
        insertShipment(session, text(first));
        session.createProducer(session.createQueue("shipped")).send(session.createTextMessage("shipped 2"));
        session.rollback();

        assertEquals(0, queryLong("SELECT COUNT(*) FROM shipment"));
        assertEquals(0, storedOn("shipped"));
        Message again = consumer.receive(ARRIVES_MILLIS);
        assertEquals("order 2", text(again));
        assertTrue(again.getJMSRedelivered());
        insertShipment(session, text(again));
        session.commit();
        assertEquals(1, queryLong("SELECT COUNT(*) FROM shipment"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCommitThatCannotAcknowledgeRollsBackTheApplicationsWorkToo(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        createAppTable();
        PostboxSession session = transactedSession(connection);
        Queue orders = session.createQueue("orders");
        send(session, orders, "order 3");
        session.commit();
        connection.start();
        Message order = session.createConsumer(orders).receive(ARRIVES_MILLIS);
        insertShipment(session, text(order));
        // Another node took the message over meanwhile (as if this one had been declared dead).
        try (java.sql.Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE pb_message SET claimed_by = 'another-node'");
        }

        TransactionRolledBackException rolledBack = assertThrows(TransactionRolledBackException.class,
                session::commit);
        assertTrue(rolledBack.getMessage().contains("with the application's work"), rolledBack.getMessage());
        assertEquals(0, queryLong("SELECT COUNT(*) FROM shipment"), "the row rolled back with the messages");
        assertEquals(1, storedOn("orders"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSessionOwnsTheConnectionsTransactionAndLifetime(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        createAppTable();
        PostboxSession session = transactedSession(connection);
        java.sql.Connection jdbc = session.getJdbcConnection();
        assertSame(jdbc, session.getJdbcConnection(), "one connection for the session's life");
        assertFalse(jdbc.getAutoCommit());
        assertThrows(SQLException.class, jdbc::commit);
        assertThrows(SQLException.class, jdbc::rollback);
        assertThrows(SQLException.class, jdbc::close);
        assertThrows(SQLException.class, () -> jdbc.setAutoCommit(true));

        insertShipment(session, "never committed");
        session.close();
        assertEquals(0, queryLong("SELECT COUNT(*) FROM shipment"), "closing the session rolls back");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyTransactedSessionsAndContextsLendTheirConnection(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        PostboxSession auto = (PostboxSession) connection.createSession(Session.AUTO_ACKNOWLEDGE);
        IllegalStateException refused = assertThrows(IllegalStateException.class, auto::getJdbcConnection);
        assertEquals("getJdbcConnection() is only available on a transacted session", refused.getMessage());

        try (PostboxJMSContext context = (PostboxJMSContext) factory(kind).createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertThrows(IllegalStateRuntimeException.class, context::getJdbcConnection);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTransactedContextCommitsItsConnectionWithItsMessages(TestDatabase.Kind kind) throws Exception {
        var factory = factory(kind);
        createAppTable();
        try (PostboxJMSContext context = (PostboxJMSContext) factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            try (PreparedStatement insert = context.getJdbcConnection().prepareStatement(
                    "INSERT INTO shipment (order_text) VALUES ('from a context')")) {
                insert.executeUpdate();
            }
            context.createProducer().send(context.createQueue("shipped"), "sent with the row");
            context.commit();
        }
        assertEquals(1, queryLong("SELECT COUNT(*) FROM shipment"));
        assertEquals(1, storedOn("shipped"));
        assertNull(queryString("SELECT order_text FROM shipment WHERE order_text <> 'from a context'"));
    }
}
