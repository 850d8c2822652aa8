package dev.postbox.benchmarks.system;

import dev.postbox.benchmarks.client.JmsClient;
import dev.postbox.benchmarks.client.MessagingClient;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * A system measured through the standard {@code jakarta.jms} API only: every scenario runs through
 * {@link JmsClient} on the {@link ConnectionFactory} given here. Adding a JMS system means writing one class
 * that implements this interface (see the module README).
 */
public interface JmsBenchmarkSystem extends BenchmarkSystem {

    /** The factory the scenarios use; valid between {@link #start} and {@link #stop()}. */
    ConnectionFactory connectionFactory();

    /** The provider's queue for a name; the default asks the session. */
    default Queue queue(Session session, String name) throws JMSException {
        return session.createQueue(name);
    }

    @Override
    default MessagingClient client() {
        return new JmsClient(connectionFactory(), this::queue);
    }
}
