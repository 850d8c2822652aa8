package dev.postbox.ra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.management.BrokerUserManagement;
import dev.postbox.ra.inbound.PostboxActivationSpec;
import dev.postbox.ra.outbound.PostboxManagedConnectionFactory;
import dev.postbox.ra.testing.FakeConnectionManager;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An adapter that requires authentication: pooled connections and MDB activations present stored users. */
@Timeout(60)
class AuthenticationTest {

    private ServerEnvironment server;
    private PostboxResourceAdapter adapter;
    private ConnectionFactory connections;

    @BeforeEach
    void startSecuredAdapter() throws Exception {
        server = ServerEnvironment.create();
        adapter = server.newAdapter();
        adapter.setRequireAuthentication(true);
        adapter.start(server.context());
        new BrokerUserManagement(adapter.broker()).putUser("orders", "orders-password");
        PostboxManagedConnectionFactory factory = new PostboxManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        connections = (ConnectionFactory) factory.createConnectionFactory(new FakeConnectionManager());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void pooledConnectionsWithWrongOrMissingCredentialsAreRefusedWithJmsSecurityException() throws Exception {
        JMSSecurityException wrong = assertThrows(JMSSecurityException.class,
                () -> connections.createConnection("orders", "guess"));
        assertTrue(wrong.getMessage().startsWith("PBX-2037 Postbox refused the credentials"), wrong.getMessage());
        assertThrows(JMSSecurityException.class, connections::createConnection);
        assertThrows(JMSSecurityRuntimeException.class, () -> connections.createContext("orders", "guess"));
        connections.createConnection("orders", "orders-password").close();
        try (JMSContext context = connections.createContext("orders", "orders-password")) {
            context.createProducer().send(context.createQueue("secured"), "accepted");
        }
        assertEquals(1, server.messagesOn("secured"));
    }

    @Test
    void anMdbWithoutValidCredentialsFailsToActivateAndOneWithThemReceives() throws Exception {
        RecordingMessageEndpointFactory endpoints = server.endpointFactory().transacted(false);
        PostboxActivationSpec anonymous = ServerEnvironment.queueSpec(adapter, "secured.in");
        jakarta.resource.spi.SecurityException refused = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> adapter.endpointActivation(endpoints, anonymous));
        assertTrue(refused.getMessage().startsWith("PBX-2035 MDB activation on secured.in refused"),
                refused.getMessage());

        PostboxActivationSpec authenticated = ServerEnvironment.queueSpec(adapter, "secured.in");
        authenticated.setUser("orders");
        authenticated.setPassword("orders-password");
        adapter.endpointActivation(endpoints, authenticated);
        server.send(adapter, "secured.in", "for the MDB");
        await().atMost(Duration.ofSeconds(15)).until(() -> endpoints.deliveries().size() == 1);
        assertEquals("for the MDB", endpoints.deliveries().get(0).text());
    }
}
