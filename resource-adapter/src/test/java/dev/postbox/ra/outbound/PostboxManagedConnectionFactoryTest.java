package dev.postbox.ra.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.testing.FakeConnectionManager;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The managed connection factory: JCA equality, matching pooled connections, association, handles. */
@Timeout(60)
class PostboxManagedConnectionFactoryTest {

    private static ServerEnvironment server;
    private static PostboxResourceAdapter adapter;

    @BeforeAll
    static void startAdapter() throws Exception {
        server = ServerEnvironment.create();
        adapter = server.start();
    }

    @AfterAll
    static void stopAdapter() throws Exception {
        server.close();
    }

    private static PostboxManagedConnectionFactory factory(String clientId, String user, String password)
            throws ResourceException {
        PostboxManagedConnectionFactory factory = new PostboxManagedConnectionFactory();
        factory.setClientId(clientId);
        factory.setUser(user);
        factory.setPassword(password);
        factory.setResourceAdapter(adapter);
        return factory;
    }

    @Test
    void factoriesWithEqualConfigurationAreEqualWithEqualHashCodes() throws Exception {
        PostboxManagedConnectionFactory a = factory("client", "alice", "secret");
        PostboxManagedConnectionFactory b = factory("client", "alice", "secret");

        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(new PostboxManagedConnectionFactory(), new PostboxManagedConnectionFactory(),
                "two unconfigured factories");
        assertEquals(new PostboxManagedConnectionFactory().hashCode(), new PostboxManagedConnectionFactory().hashCode());
    }

    @Test
    void anyDifferentPropertyMakesFactoriesDifferent() throws Exception {
        PostboxManagedConnectionFactory base = factory("client", "alice", "secret");

        assertNotEquals(base, factory("other", "alice", "secret"));
        assertNotEquals(base, factory("client", "bob", "secret"));
        assertNotEquals(base, factory("client", "alice", "other"));
        assertNotEquals(base, factory(null, "alice", "secret"));
        PostboxManagedConnectionFactory unassociated = new PostboxManagedConnectionFactory();
        unassociated.setClientId("client");
        unassociated.setUser("alice");
        unassociated.setPassword("secret");
        assertNotEquals(base, unassociated, "associated with another (no) adapter");
        assertNotEquals(base, "a string");
    }

    @Test
    void matchingPicksAnUsableConnectionWithTheSameCredentials() throws Exception {
        PostboxManagedConnectionFactory factory = factory(null, "alice", "secret");
        PostboxManagedConnection alice = (PostboxManagedConnection) factory.createManagedConnection(null, null);
        PostboxManagedConnection bob = (PostboxManagedConnection) factory.createManagedConnection(null,
                new PostboxConnectionRequestInfo("bob", "pw"));
        try {
            Set<Object> pool = Set.of(alice, bob, "not a managed connection");

            assertSame(alice, factory.matchManagedConnections(pool, null, null), "default credentials");
            assertSame(alice, factory.matchManagedConnections(pool, null,
                    new PostboxConnectionRequestInfo("alice", "secret")));
            assertSame(bob, factory.matchManagedConnections(pool, null, new PostboxConnectionRequestInfo("bob", "pw")));
            assertNull(factory.matchManagedConnections(pool, null, new PostboxConnectionRequestInfo("bob", "wrong")));
            assertNull(factory.matchManagedConnections(pool, null, new PostboxConnectionRequestInfo("carol", "pw")));
            assertNull(factory.matchManagedConnections(Set.of(), null, null));
        } finally {
            alice.destroy();
            bob.destroy();
        }
    }

    @Test
    void matchingIgnoresDestroyedAndBrokenConnections() throws Exception {
        PostboxManagedConnectionFactory factory = factory(null, "alice", "secret");
        PostboxManagedConnection destroyed = (PostboxManagedConnection) factory.createManagedConnection(null, null);
        PostboxManagedConnection broken = (PostboxManagedConnection) factory.createManagedConnection(null, null);
        destroyed.destroy();
        broken.connectionFailed(new IllegalStateException("lost on purpose"));
        try {
            assertNull(factory.matchManagedConnections(Set.of(destroyed, broken), null, null));
        } finally {
            broken.destroy();
        }
    }

    @Test
    void matchingIgnoresConnectionsOfAnotherFactory() throws Exception {
        PostboxManagedConnectionFactory mine = factory(null, "alice", "secret");
        PostboxManagedConnectionFactory theirs = factory("client-x", "alice", "secret");
        PostboxManagedConnection foreign = (PostboxManagedConnection) theirs.createManagedConnection(null, null);
        try {
            assertNull(mine.matchManagedConnections(Set.of(foreign), null, null));
        } finally {
            foreign.destroy();
        }
    }

    @Test
    void aFactoryRefusesAForeignAdapterAndConnectionsWithoutAnAdapter() {
        PostboxManagedConnectionFactory factory = new PostboxManagedConnectionFactory();

        assertThrows(NotSupportedException.class, () -> factory.setResourceAdapter(new ForeignAdapter()));
        assertThrows(jakarta.resource.spi.IllegalStateException.class,
                () -> factory.createManagedConnection(null, null));
        assertThrows(NotSupportedException.class, factory::createConnectionFactory, "no unmanaged (Java SE) use");
    }

    @Test
    void theConnectionFactoryHandleServesAllThreeConnectionFactoryInterfaces() throws Exception {
        FakeConnectionManager pool = new FakeConnectionManager();
        Object handle = factory(null, null, null).createConnectionFactory(pool);
        try {
            QueueConnectionFactory queues = assertInstanceOf(QueueConnectionFactory.class, handle);
            assertInstanceOf(TopicConnectionFactory.class, handle);
            try (QueueConnection connection = queues.createQueueConnection()) {
                assertInstanceOf(ConnectionHandle.class, connection);
                connection.createQueueSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE).close();
            }
            assertEquals(1, pool.created().size());
        } finally {
            pool.destroyAll();
        }
    }

    /** Another vendor's adapter. */
    static final class ForeignAdapter implements ResourceAdapter {
        @Override
        public void start(jakarta.resource.spi.BootstrapContext ctx) {
            // not started in tests
        }

        @Override
        public void stop() {
            // nothing started
        }

        @Override
        public void endpointActivation(jakarta.resource.spi.endpoint.MessageEndpointFactory f,
                jakarta.resource.spi.ActivationSpec s) {
            // no endpoints
        }

        @Override
        public void endpointDeactivation(jakarta.resource.spi.endpoint.MessageEndpointFactory f,
                jakarta.resource.spi.ActivationSpec s) {
            // no endpoints
        }

        @Override
        public javax.transaction.xa.XAResource[] getXAResources(jakarta.resource.spi.ActivationSpec[] specs) {
            return new javax.transaction.xa.XAResource[0];
        }
    }
}
