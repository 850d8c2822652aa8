package dev.postbox.benchmarks.client;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * {@link MessagingClient} over any {@code jakarta.jms} provider. Every sender and receiver gets its own
 * {@link Connection} and {@link Session}; no provider-specific call is made here.
 */
public final class JmsClient implements MessagingClient {

    /** Message property carrying the sender's {@link System#nanoTime()}. */
    static final String SENT_NANOS = "benchSentNanos";

    private final ConnectionFactory factory;
    private final QueueLookup lookup;

    public JmsClient(ConnectionFactory factory, QueueLookup lookup) {
        this.factory = factory;
        this.lookup = lookup;
    }

    @Override
    public Sender sender(String queue, Mode mode) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            Session session = mode.transacted()
                    ? connection.createSession(true, Session.SESSION_TRANSACTED)
                    : connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return new JmsSender(connection, session, lookup.queue(session, queue));
        } catch (JMSException | RuntimeException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    @Override
    public Receiver receiver(String queue, Mode mode) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            Session session = mode.transacted()
                    ? connection.createSession(true, Session.SESSION_TRANSACTED)
                    : connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Receiver receiver = new JmsReceiver(connection, session, lookup.queue(session, queue));
            connection.start();
            return receiver;
        } catch (JMSException | RuntimeException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    private static void closeAfterFailure(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (JMSException e) {
            cause.addSuppressed(e);
        }
    }
}
