package dev.postbox.jms.management;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database with two nodes on it: the applications' (a connection factory with test timings, used
 * to send and consume real messages) and the management's ({@link QueueManagement#forJdbcUrl}).
 */
final class ManagementFixture implements AutoCloseable {

    final TestDatabase database;
    final PostboxConnectionFactory factory;
    final StandaloneQueueManagement management;
    private final List<Connection> connections = new ArrayList<>();

    ManagementFixture(TestDatabase.Kind kind) {
        database = TestDatabase.create(kind);
        factory = Brokers.oneAtATime(Brokers.factory(database)); // counts in-flight messages
        management = QueueManagement.forJdbcUrl(database.url());
    }

    /** A started connection, closed with the fixture. */
    Connection connect() throws JMSException {
        Connection connection = factory.createConnection();
        connections.add(connection);
        connection.start();
        return connection;
    }

    /** Sends text messages to a queue. */
    void sendText(String queue, String... texts) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /**
     * Receives messages in a transacted session and rolls back each, until {@code count} were rolled back
     * (with a max-attempts policy of 1 each rollback dead-letters the message).
     */
    void rollBack(String queue, int count) throws JMSException {
        Session session = connect().createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        for (int i = 0; i < count; i++) {
            Message message = consumer.receive(10_000);
            if (message == null) {
                throw new AssertionError("message " + i + " did not arrive on " + queue);
            }
            session.rollback();
        }
        consumer.close();
    }

    QueueInfo queue(String name) {
        return management.getQueue(name);
    }

    @Override
    public void close() throws JMSException {
        try {
            for (Connection connection : connections) {
                connection.close();
            }
            management.close();
        } finally {
            database.close();
        }
    }
}
