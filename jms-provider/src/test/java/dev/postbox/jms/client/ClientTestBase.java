package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

/**
 * Shared fixture of the facade behaviour tests: a fresh database per test, connections closed after it,
 * and small helpers to send, receive and look into the store with plain JDBC.
 */
abstract class ClientTestBase {

    /** Long enough for any message that should arrive; tests never wait this long when things work. */
    static final long ARRIVES_MILLIS = 10_000;
    /** How long a test waits to be reasonably sure that something does not happen. */
    static final long QUIET_MILLIS = 400;

    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    TestDatabase database;

    /** Creates the test database and a factory on it with test timings. */
    PostboxConnectionFactory factory(TestDatabase.Kind kind) {
        database = TestDatabase.create(kind);
        return Brokers.factory(database);
    }

    /** A connection (closed after the test) of a factory. */
    Connection connect(ConnectionFactory factory) throws JMSException {
        Connection connection = factory.createConnection();
        connections.add(connection);
        return connection;
    }

    /** A fresh database and a connection on it. */
    Connection connect(TestDatabase.Kind kind) throws JMSException {
        return connect(factory(kind));
    }

    @AfterEach
    void closeConnectionsAndDatabase() throws Exception {
        try {
            for (Connection connection : connections) {
                connection.close();
            }
        } finally {
            connections.clear();
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }

    /** Waits until a condition holds, failing after {@link #ARRIVES_MILLIS}. */
    static void eventually(Callable<Boolean> condition) {
        Awaitility.await().atMost(ARRIVES_MILLIS, TimeUnit.MILLISECONDS).until(condition);
    }

    /** Checks that a condition holds and keeps holding for {@link #QUIET_MILLIS}. */
    static void remains(String why, Callable<Boolean> condition) {
        Awaitility.await(why).during(QUIET_MILLIS, TimeUnit.MILLISECONDS)
                .atMost(QUIET_MILLIS + ARRIVES_MILLIS, TimeUnit.MILLISECONDS).until(condition);
    }

    /** Runs an action in another thread. */
    static CompletableFuture<Void> inBackground(ThrowingAction action) {
        return CompletableFuture.runAsync(() -> {
            try {
                action.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Runs an action expected to fail and returns the class of its exception (null when it did not fail). */
    static Class<?> failureOf(ThrowingAction action) {
        try {
            action.run();
            return null;
        } catch (Exception e) {
            return e.getClass();
        }
    }

    /** An action that may throw. */
    @FunctionalInterface
    interface ThrowingAction {
        void run() throws Exception;
    }

    /** Sends text messages with a new producer of the session. */
    static void send(Session session, Queue queue, String... texts) throws JMSException {
        try (MessageProducer producer = session.createProducer(queue)) {
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** Receives {@code count} messages, failing when one does not arrive. */
    static List<Message> receive(MessageConsumer consumer, int count) throws JMSException {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = consumer.receive(ARRIVES_MILLIS);
            assertNotNull(message, "message " + (i + 1) + " of " + count + " did not arrive");
            messages.add(message);
        }
        return messages;
    }

    /** The texts of text messages. */
    static List<String> texts(List<? extends Message> messages) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Message message : messages) {
            texts.add(text(message));
        }
        return texts;
    }

    /** The text of a text message (null for null). */
    static String text(Message message) throws JMSException {
        return message == null ? null : ((TextMessage) message).getText();
    }

    /** The text of a message inside a listener, where checked exceptions are a nuisance. */
    static String textOf(Message message) {
        try {
            return text(message);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages stored on a queue, in any state (available, in flight, delayed). */
    long storedOn(String queueName) throws Exception {
        return queryLong("SELECT COUNT(*) FROM pb_message m JOIN pb_destination d ON d.id = m.destination_id"
                + " WHERE d.name = ?", queueName);
    }

    /** A single number from the store, by plain JDBC. */
    long queryLong(String sql, Object... parameters) throws Exception {
        try (java.sql.Connection c = database.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A single string from the store, by plain JDBC (null when there is no row). */
    String queryString(String sql, Object... parameters) throws Exception {
        try (java.sql.Connection c = database.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
