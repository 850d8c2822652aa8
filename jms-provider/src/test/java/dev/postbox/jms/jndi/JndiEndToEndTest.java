package dev.postbox.jms.jndi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Hashtable;
import java.util.UUID;
import javax.naming.Context;
import javax.naming.InitialContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Messages sent and received through objects looked up in JNDI. */
@Timeout(60)
class JndiEndToEndTest {

    private TestDatabase database;
    private InitialContext initial;

    @AfterEach
    void tearDown() throws Exception {
        if (initial != null) {
            initial.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** An InitialContext whose ConnectionFactory (configured in jndi.properties) points at a fresh database. */
    private InitialContext initialContext(TestDatabase.Kind kind) throws Exception {
        database = TestDatabase.create(kind);
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, PostboxInitialContextFactory.class.getName());
        env.put("connectionFactory.ConnectionFactory", database.url());
        env.put("connectionFactory.ConnectionFactory.clientID", "jndi-client");
        initial = new InitialContext(env);
        return initial;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageSentThroughLookedUpObjectsIsReceived(TestDatabase.Kind kind) throws Exception {
        InitialContext naming = initialContext(kind);
        ConnectionFactory factory = (ConnectionFactory) naming.lookup("ConnectionFactory");
        Queue orders = (Queue) naming.lookup("jms/orders");
        try (JMSContext context = factory.createContext()) {
            assertEquals("jndi-client", context.getClientID());
            context.createProducer().setProperty("source", "jndi").send(orders, "ordered through JNDI");
            TextMessage received = (TextMessage) context.createConsumer(orders).receive(5_000);
            assertNotNull(received);
            assertEquals("ordered through JNDI", received.getText());
            assertEquals("jndi", received.getStringProperty("source"));
            assertEquals(orders, received.getJMSDestination());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDynamicQueueWorksWithTheClassicApiToo(TestDatabase.Kind kind) throws Exception {
        InitialContext naming = initialContext(kind);
        ConnectionFactory factory = (ConnectionFactory) naming.lookup("ConnectionFactory");
        Queue queue = (Queue) naming.lookup("dynamicQueues/invoices");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(queue).send(session.createTextMessage("invoice 1"));
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            assertEquals("invoice 1", ((TextMessage) consumer.receive(5_000)).getText());
        }
    }

    @Test
    void theJndiPropertiesOnTheClassPathAloneAreEnoughToSendAndReceive() throws Exception {
        initial = new InitialContext();
        ConnectionFactory factory = (ConnectionFactory) initial.lookup("ConnectionFactory");
        Queue queue = (Queue) initial.lookup("dynamicQueues/classpath-" + UUID.randomUUID());
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(queue, "configured by jndi.properties");
            assertEquals("configured by jndi.properties",
                    context.createConsumer(queue).receiveBody(String.class, 5_000));
        }
    }
}
