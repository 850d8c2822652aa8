package dev.postbox.ra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postbox.ra.testing.FakeInitialContextFactory;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting and stopping the adapter: the data source, the configuration, and what stop releases. */
@Timeout(60)
class ResourceAdapterLifecycleTest {

    private final ServerEnvironment server = ServerEnvironment.create();

    @AfterEach
    void closeServer() throws Exception {
        server.close();
    }

    @Test
    void startsOnAGoodDataSourceRegistersItsNodeAndCarriesMessages() throws Exception {
        PostboxResourceAdapter adapter = server.start();

        assertTrue(adapter.broker().isRunning());
        assertEquals(1, server.registeredNodes(), "the node registered itself in pb_node");
        server.send(adapter, "lifecycle.q", "hello");
        TextMessage received = (TextMessage) server.receive(adapter, "lifecycle.q", 5_000);
        assertEquals("hello", received.getText());
    }

    @Test
    void aMissingJndiNameFailsTheStartWithPbx2001NamingIt() {
        PostboxResourceAdapter adapter = server.newAdapter();
        adapter.setDataSourceJndiName("jdbc/not-bound-here");

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(server.context()));

        assertTrue(e.getMessage().contains("PBX-2001"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc/not-bound-here"), e.getMessage());
        assertThrows(ResourceException.class, adapter::broker, "nothing was started");
        assertEquals(0, server.context().timers().size(), "no timer was taken");
    }

    @Test
    void aJndiNameBoundToSomethingElseThanADataSourceFailsWithPbx2001() {
        FakeInitialContextFactory.bind("jdbc/not-a-data-source", "a string");
        try {
            PostboxResourceAdapter adapter = server.newAdapter();
            adapter.setDataSourceJndiName("jdbc/not-a-data-source");

            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> adapter.start(server.context()));

            assertTrue(e.getMessage().contains("PBX-2001"), e.getMessage());
            assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        } finally {
            FakeInitialContextFactory.unbind("jdbc/not-a-data-source");
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheStartWithPbx2002AndGivesBackTheTimer() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:1/unreachable");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource unreachable = new HikariDataSource(config)) {
            FakeInitialContextFactory.bind("jdbc/unreachable", unreachable);
            PostboxResourceAdapter adapter = server.newAdapter();
            adapter.setDataSourceJndiName("jdbc/unreachable");

            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> adapter.start(server.context()));

            assertTrue(e.getMessage().contains("PBX-2002"), e.getMessage());
            assertTrue(e.getMessage().contains("jdbc/unreachable"), e.getMessage());
            assertTrue(server.context().timers().stream().allMatch(ResourceAdapterLifecycleTest::isCancelled),
                    "the timer taken for the broker is cancelled");
        } finally {
            FakeInitialContextFactory.unbind("jdbc/unreachable");
        }
    }

    @Test
    void aNodeTimeoutShorterThanTwoHeartbeatsFailsWithPbx2004NamingTheProperty() {
        PostboxResourceAdapter adapter = server.newAdapter();
        adapter.setHeartbeatIntervalMillis(1_000L);
        adapter.setNodeTimeoutMillis(1_500L);

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(server.context()));

        assertTrue(e.getMessage().contains("PBX-2004"), e.getMessage());
        assertTrue(e.getMessage().contains("nodeTimeoutMillis"), e.getMessage());
        assertThrows(ResourceException.class, adapter::broker, "nothing was started");
    }

    @Test
    void everyInvalidAdapterPropertyIsNamedInOnePbx2004() {
        PostboxResourceAdapter adapter = server.newAdapter();
        adapter.setPollIntervalMillis(0L);
        adapter.setMaxDeliveryAttempts(-1);
        adapter.setRedeliveryMultiplier(0.5);
        adapter.setHeartbeatIntervalMillis(null);

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(server.context()));

        for (String property : new String[] {"PBX-2004", "pollIntervalMillis", "maxDeliveryAttempts",
                "redeliveryMultiplier", "heartbeatIntervalMillis"}) {
            assertTrue(e.getMessage().contains(property), property + " in: " + e.getMessage());
        }
    }

    @Test
    void aServerWithoutTimersFailsTheStartWithPbx2005() {
        server.context().makeTimersUnavailable();
        PostboxResourceAdapter adapter = server.newAdapter();

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(server.context()));

        assertTrue(e.getMessage().contains("PBX-2005"), e.getMessage());
    }

    @Test
    void stopDeactivatesEndpointsClosesTheBrokerAndReturnsEveryConnection() throws Exception {
        PostboxResourceAdapter adapter = server.start();
        CountDownLatch inOnMessage = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        RecordingMessageEndpointFactory endpoints = server.endpointFactory().listener(message -> {
            inOnMessage.countDown();
            finish.await(10, TimeUnit.SECONDS);
        });
        adapter.endpointActivation(endpoints, ServerEnvironment.queueSpec(adapter, "lifecycle.stop"));
        server.send(adapter, "lifecycle.stop", "in-flight");
        assertTrue(inOnMessage.await(10, TimeUnit.SECONDS));

        // lets the delivery finish while stop() is waiting for it
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(finish::countDown);
        adapter.stop();

        assertEquals(0, endpoints.runningDeliveries(), "stop waited for the running delivery");
        assertEquals(endpoints.endpointsCreated(), endpoints.stepsByEndpoint().values().stream()
                .filter(steps -> steps.contains(RecordingMessageEndpointFactory.Step.RELEASE)).count(),
                "every endpoint was released");
        assertThrows(ResourceException.class, adapter::broker, "the broker is closed");
        assertEquals(0, server.registeredNodes(), "the node unregistered");
        assertTrue(server.context().timers().stream().allMatch(ResourceAdapterLifecycleTest::isCancelled),
                "the adapter's timer is cancelled");
        assertTrue(server.workManager().awaitQuiescence(Duration.ofSeconds(10)), "no work is left running");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.activeConnections() == 0);
        assertTrue(endpoints.violations().isEmpty(), endpoints.violations().toString());
    }

    @Test
    void stopIsIdempotentAndHarmlessBeforeStart() throws Exception {
        PostboxResourceAdapter neverStarted = server.newAdapter();
        assertDoesNotThrow(neverStarted::stop);

        PostboxResourceAdapter adapter = server.start();
        adapter.stop();
        assertDoesNotThrow(adapter::stop);
        assertThrows(ResourceException.class, () -> adapter.endpointActivation(server.endpointFactory(),
                ServerEnvironment.queueSpec(adapter, "after.stop")), "no activation on a stopped adapter");
    }

    private static boolean isCancelled(Timer timer) {
        TimerTask probe = new TimerTask() {
            @Override
            public void run() {
                // never runs: cancelled right away
            }
        };
        try {
            timer.schedule(probe, 60_000);
            probe.cancel();
            return false;
        } catch (IllegalStateException cancelled) {
            return true;
        }
    }
}
