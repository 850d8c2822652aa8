package dev.postbox.jms.client.topics;

import dev.postbox.jms.testing.Brokers;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A subscriber in its own JVM, driven by the cross-JVM tests through {@link ChildJvm}. Arguments: the JDBC
 * URL, a role and the role's parameters. It reports on standard output, one line per event, and takes
 * commands ({@code STOP}) on standard input.
 *
 * <ul>
 * <li>{@code compete <subscription> <topic>}: consumes a shared durable subscription (no client id) until
 * STOP; prints READY, then {@code GOT <text>} per message, then DONE.
 * <li>{@code hold <clientId> <subscription> <topic>}: opens an unshared durable subscription and keeps it
 * open until STOP; prints HOLDING, then DONE.
 * <li>{@code try <clientId> <subscription> <topic>}: tries to open an unshared durable subscription and
 * prints OPENED or {@code REFUSED <exception class>: <message>}.
 * <li>{@code consume-then-hang <clientId> <subscription> <topic> <count> <ackEvery>}: receives
 * {@code count} messages with CLIENT_ACKNOWLEDGE, acknowledging after every {@code ackEvery}-th (prints
 * {@code GOT <text> <redelivered>} and {@code ACKED <n>}), then prints HOLDING and hangs with the rest
 * unacknowledged, to be killed.
 * </ul>
 */
public final class SubscriptionChild {

    private static final BufferedReader COMMANDS =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private SubscriptionChild() {
    }

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = Brokers.oneAtATime(Brokers.factory(args[0])); // counts what it received
        switch (args[1]) {
            case "compete" -> compete(factory, args[2], args[3]);
            case "hold" -> hold(factory, args[2], args[3], args[4]);
            case "try" -> tryToOpen(factory, args[2], args[3], args[4]);
            case "consume-then-hang" -> consumeThenHang(factory, args[2], args[3], args[4],
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("unknown role " + args[1]);
        }
        System.exit(0);
    }

    private static void compete(ConnectionFactory factory, String subscription, String topicName) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(topicName);
            MessageConsumer consumer = session.createSharedDurableConsumer(topic, subscription);
            connection.start();
            Thread stopper = new Thread(() -> awaitCommandQuietly("STOP"), "stop-command");
            stopper.start();
            say("READY");
            while (stopper.isAlive()) {
                Message message = consumer.receive(100);
                if (message != null) {
                    say("GOT " + ((TextMessage) message).getText());
                }
            }
        }
        say("DONE");
    }

    private static void hold(ConnectionFactory factory, String clientId, String subscription, String topicName)
            throws Exception {
        try (Connection connection = factory.createConnection()) {
            connection.setClientID(clientId);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createDurableConsumer(session.createTopic(topicName), subscription);
            say("HOLDING");
            awaitCommand("STOP");
        }
        say("DONE");
    }

    private static void tryToOpen(ConnectionFactory factory, String clientId, String subscription, String topicName)
            throws Exception {
        try (Connection connection = factory.createConnection()) {
            connection.setClientID(clientId);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createDurableConsumer(session.createTopic(topicName), subscription);
            say("OPENED");
        } catch (JMSException e) {
            say("REFUSED " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static void consumeThenHang(ConnectionFactory factory, String clientId, String subscription,
            String topicName, int count, int ackEvery) throws Exception {
        Connection connection = factory.createConnection();
        connection.setClientID(clientId);
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createDurableConsumer(session.createTopic(topicName), subscription);
        connection.start();
        for (int n = 1; n <= count; n++) {
            Message message = consumer.receive(30_000);
            if (message == null) {
                say("STARVED after " + (n - 1));
                return;
            }
            say("GOT " + ((TextMessage) message).getText() + " " + message.getJMSRedelivered());
            if (n % ackEvery == 0) {
                message.acknowledge();
                say("ACKED " + n);
            }
        }
        say("HOLDING");
        awaitCommand("never sent: the test kills this JVM");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void awaitCommand(String command) throws IOException {
        for (String line = COMMANDS.readLine(); line != null; line = COMMANDS.readLine()) {
            if (line.trim().equals(command)) {
                return;
            }
        }
    }

    private static void awaitCommandQuietly(String command) {
        try {
            awaitCommand(command);
        } catch (IOException e) {
            // Standard input closed: the test is gone, stop as if told to.
        }
    }
}
