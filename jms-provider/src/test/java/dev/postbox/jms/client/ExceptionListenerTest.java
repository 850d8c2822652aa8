package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection.setExceptionListener: a connection that can no longer reach its store tells its exception
 * listener, one call at a time. The store is made unreachable for real: the H2 database is shut down
 * (and may not be re-created), the PostgreSQL database refuses connections and its sessions are killed.
 */
@Timeout(120)
class ExceptionListenerTest extends ClientTestBase {

    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aConsumingConnectionTellsItsExceptionListenerWhenTheStoreBecomesUnreachable(TestDatabase.Kind kind)
            throws Exception {
        try (Store store = Store.create(kind)) {
            PostboxConnectionFactory factory = Brokers.factory(store.url);
            factory.setConnectTimeoutMillis(300);
            Connection connection = factory.createConnection();
            List<JMSException> reported = new CopyOnWriteArrayList<>();
            ExceptionListener listener = reported::add;
            connection.setExceptionListener(listener);
            assertSame(listener, connection.getExceptionListener());
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("watched")).setMessageListener(message -> { });
            connection.start();
            remains("no problem while the store is reachable", reported::isEmpty);

            store.makeUnreachable();
            eventually(() -> !reported.isEmpty());
            assertTrue(reported.get(0) != null, "a JMSException describes the problem");
            try {
                connection.close();
            } catch (JMSException e) {
                // The store is gone: closing may report that it could not release everything.
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theExceptionListenerIsNeverCalledConcurrently(TestDatabase.Kind kind) throws Exception {
        PostboxConnection connection = (PostboxConnection) connect(kind);
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        connection.setExceptionListener(e -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (calls.incrementAndGet() == 1) {
                firstEntered.countDown();
                ConnectionStartStopTest.awaitQuietly(releaseFirst);
            }
            running.decrementAndGet();
        });
        connection.reportAsyncFailure(new EngineException.StoreUnavailable("first outage", null));
        ConnectionStartStopTest.awaitQuietly(firstEntered);
        connection.storeRecovered();
        connection.reportAsyncFailure(new EngineException.StoreUnavailable("second outage", null));
        remains("the second report waits for the first to return", () -> calls.get() == 1);
        releaseFirst.countDown();
        eventually(() -> calls.get() == 2);
        assertEquals(0, overlaps.get());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anOutageIsReportedOnceUntilTheStoreRecovers(TestDatabase.Kind kind) throws Exception {
        PostboxConnection connection = (PostboxConnection) connect(kind);
        List<String> reported = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(e -> reported.add(e.getMessage()));
        connection.reportAsyncFailure(new EngineException.StoreUnavailable("down", null));
        connection.reportAsyncFailure(new EngineException.StoreUnavailable("still down", null));
        eventually(() -> reported.size() == 1);
        remains("one report per outage", () -> reported.size() == 1);
        connection.storeRecovered();
        connection.reportAsyncFailure(new EngineException.StoreUnavailable("down again", null));
        eventually(() -> reported.size() == 2);
        assertEquals(List.of("down", "down again"), reported);
        connection.setExceptionListener(null);
        assertNull(connection.getExceptionListener());
    }

    /** A database the test can make unreachable. */
    private static final class Store implements AutoCloseable {
        final TestDatabase.Kind kind;
        final TestDatabase testDatabase;
        final String url;
        final String pgName;
        private java.sql.Connection keepAlive;

        private Store(TestDatabase.Kind kind, TestDatabase testDatabase, String url, String pgName) {
            this.kind = kind;
            this.testDatabase = testDatabase;
            this.url = url;
            this.pgName = pgName;
        }

        static Store create(TestDatabase.Kind kind) throws Exception {
            if (kind == TestDatabase.Kind.H2) {
                TestDatabase h2 = TestDatabase.create(kind);
                Store store = new Store(kind, h2, h2.url() + ";IFEXISTS=TRUE", null);
                store.keepAlive = h2.connect();
                return store;
            }
            String name = "pb_unreachable_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
            admin("CREATE DATABASE " + name);
            return new Store(kind, null, PG_SERVER + name + "?user=postgres", name);
        }

        void makeUnreachable() throws Exception {
            if (kind == TestDatabase.Kind.H2) {
                try (Statement s = keepAlive.createStatement()) {
                    s.execute("SHUTDOWN");
                }
                return;
            }
            admin("ALTER DATABASE " + pgName + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + pgName + "'");
        }

        @Override
        public void close() throws Exception {
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                admin("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
            } else if (!keepAlive.isClosed()) {
                keepAlive.close();
            }
        }

        private static void admin(String sql) throws Exception {
            try (java.sql.Connection c = DriverManager.getConnection(PG_SERVER + "postgres?user=postgres");
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
