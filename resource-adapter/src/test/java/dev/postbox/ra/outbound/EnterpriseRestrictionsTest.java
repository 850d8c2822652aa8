package dev.postbox.ra.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jakarta Messaging, "Restrictions on the use of Jakarta Messaging API in the Jakarta EE web container or
 * Enterprise Beans container": the handles refuse every listed method with an IllegalStateException,
 * and keep the allowed ones working.
 */
@Timeout(60)
class EnterpriseRestrictionsTest {

    private static ServerEnvironment server;
    private static PostboxResourceAdapter adapter;
    private static PostboxManagedConnection managed;

    private ConnectionHandle connection;
    private SessionHandle session;
    private Queue queue;
    private Topic topic;

    /** A restricted call on the handles of one test. */
    @FunctionalInterface
    interface Call {
        void on(EnterpriseRestrictionsTest handles) throws Exception;
    }

    @BeforeAll
    static void startAdapter() throws Exception {
        server = ServerEnvironment.create();
        adapter = server.start();
        PostboxManagedConnectionFactory factory = new PostboxManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        managed = (PostboxManagedConnection) factory.createManagedConnection(null, null);
    }

    @AfterAll
    static void stopAdapter() throws Exception {
        managed.destroy();
        server.close();
    }

    @BeforeEach
    void openHandles() throws Exception {
        connection = (ConnectionHandle) managed.getConnection(null, null);
        session = (SessionHandle) connection.createSession();
        queue = session.createQueue("restricted.q");
        topic = session.createTopic("restricted.t");
    }

    @AfterEach
    void cleanUp() throws Exception {
        connection.close();
        managed.cleanup();
    }

    static Stream<Arguments> forbiddenCalls() {
        return Stream.of(
                call("Connection.setClientID", h -> h.connection.setClientID("mine")),
                call("Connection.stop", h -> h.connection.stop()),
                call("Connection.setExceptionListener", h -> h.connection.setExceptionListener(e -> { })),
                call("Connection.createConnectionConsumer", h -> h.connection.createConnectionConsumer(
                        (jakarta.jms.Destination) h.queue, null, null, 1)),
                call("Connection.createSharedConnectionConsumer", h -> h.connection.createSharedConnectionConsumer(
                        h.topic, "sub", null, null, 1)),
                call("Connection.createDurableConnectionConsumer", h -> h.connection.createDurableConnectionConsumer(
                        h.topic, "sub", null, null, 1)),
                call("Connection.createSharedDurableConnectionConsumer",
                        h -> h.connection.createSharedDurableConnectionConsumer(h.topic, "sub", null, null, 1)),
                call("QueueConnection.createConnectionConsumer",
                        h -> ((QueueConnection) h.connection).createConnectionConsumer(h.queue, null, null, 1)),
                call("TopicConnection.createConnectionConsumer",
                        h -> ((TopicConnection) h.connection).createConnectionConsumer(h.topic, null, null, 1)),
                call("Session.setMessageListener", h -> h.session.setMessageListener(m -> { })),
                call("Session.getMessageListener", h -> h.session.getMessageListener()),
                call("MessageConsumer.setMessageListener",
                        h -> h.session.createConsumer(h.queue).setMessageListener(m -> { })),
                call("MessageConsumer.getMessageListener", h -> h.session.createConsumer(h.queue).getMessageListener()),
                call("QueueReceiver.setMessageListener",
                        h -> ((QueueSession) h.session).createReceiver(h.queue).setMessageListener(m -> { })));
    }

    private static Arguments call(String name, Call call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenCalls")
    void aRestrictedMethodThrowsIllegalStateException(String method, Call call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.on(this), method);
        assertTrue(e.getMessage().contains("Jakarta EE"), method + ": " + e.getMessage());
    }

    @Test
    void sessionRunThrowsTheRuntimeTwin() {
        assertThrows(IllegalStateRuntimeException.class, session::run);
    }

    @Test
    void theAllowedMethodsStillWork() throws Exception {
        assertNotNull(connection.getMetaData().getJMSProviderName());
        assertNull(connection.getClientID());
        connection.start();
        assertEquals(Session.AUTO_ACKNOWLEDGE, session.getAcknowledgeMode());
        session.createProducer(queue).send(session.createTextMessage("allowed"));
        MessageConsumer consumer = session.createConsumer(queue);
        TextMessage received = (TextMessage) consumer.receive(5_000);
        assertEquals("allowed", received.getText());
        assertNull(consumer.getMessageSelector());
    }
}
