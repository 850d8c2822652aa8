package dev.postbox.ra.inbound;

import static dev.postbox.ra.testing.RecordingMessageEndpointFactory.Step.AFTER_DELIVERY;
import static dev.postbox.ra.testing.RecordingMessageEndpointFactory.Step.BEFORE_DELIVERY;
import static dev.postbox.ra.testing.RecordingMessageEndpointFactory.Step.ON_MESSAGE;
import static dev.postbox.ra.testing.RecordingMessageEndpointFactory.Step.RELEASE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.client.PostboxConnection;
import dev.postbox.jms.config.ConnectionOptions;
import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory.Delivery;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory.Step;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Delivery to an endpoint with container-managed transactions: the acknowledgement joins the container's
 * transaction on the shared JDBC connection, so the consume commits or rolls back with the bean's own
 * JDBC work, and beforeDelivery/afterDelivery stay paired whatever fails.
 */
@Timeout(120)
class TransactedDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private ServerEnvironment server;
    private PostboxResourceAdapter adapter;
    private RecordingMessageEndpointFactory endpoints;

    @BeforeEach
    void startAdapter() throws Exception {
        server = ServerEnvironment.create();
        adapter = server.start();
        endpoints = server.endpointFactory().transacted(true);
        server.execute("CREATE TABLE processed (text VARCHAR(100) NOT NULL)");
    }

    @AfterEach
    void stopAdapter() throws Exception {
        try {
            assertTrue(endpoints.violations().isEmpty(), "JCA protocol violations: " + endpoints.violations());
            assertEquals(0, server.dataSource().refusedLocalCompletions(),
                    "something committed or rolled back the transaction's enlisted connection itself");
            await().atMost(WAIT).until(() -> server.registry().begunCount()
                    == server.registry().committedCount() + server.registry().rolledBackCount());
        } finally {
            server.close();
        }
    }

    private PostboxActivationSpec activate(String queue, Consumer<PostboxActivationSpec> configure)
            throws ResourceException {
        PostboxActivationSpec spec = ServerEnvironment.queueSpec(adapter, queue);
        spec.setRedeliveryDelay(0L);
        configure.accept(spec);
        adapter.endpointActivation(endpoints, spec);
        return spec;
    }

    @Test
    void aCommittedDeliveryConsumesTheMessageInTheContainerTransaction() throws Exception {
        activate("tx.commit", spec -> { });

        server.send(adapter, "tx.commit", "paid");

        await().atMost(WAIT).until(() -> server.messagesOn("tx.commit") == 0);
        await().atMost(WAIT).until(() -> endpoints.calls().size() == 4);
        assertEquals(List.of(List.of(BEFORE_DELIVERY, ON_MESSAGE, AFTER_DELIVERY, RELEASE)),
                List.copyOf(endpoints.stepsByEndpoint().values()));
        assertEquals(1, server.registry().committedCount());
        assertEquals(0, server.registry().rolledBackCount());
        assertTrue(server.dataSource().enlistedCount() >= 1, "the acknowledgement used the enlisted connection");
    }

    @Test
    void aThrowingOnMessageRollsBackAndTheMessageIsRedelivered() throws Exception {
        endpoints.failNext(ON_MESSAGE, 1);
        activate("tx.throws", spec -> { });

        server.send(adapter, "tx.throws", "again");

        await().atMost(WAIT).until(() -> endpoints.deliveriesOf("again").size() == 2);
        await().atMost(WAIT).until(() -> server.messagesOn("tx.throws") == 0);
        Delivery second = endpoints.deliveriesOf("again").get(1);
        assertTrue(second.redelivered());
        assertEquals(2, second.deliveryCount());
        assertEquals(1, server.registry().rolledBackCount());
        assertEquals(1, server.registry().committedCount());
    }

    @Test
    void setRollbackOnlyRollsBackAndTheMessageIsRedelivered() throws Exception {
        endpoints.rollbackOnlyNext(1);
        activate("tx.rollback-only", spec -> { });

        server.send(adapter, "tx.rollback-only", "undo");

        await().atMost(WAIT).until(() -> endpoints.deliveriesOf("undo").size() == 2);
        await().atMost(WAIT).until(() -> server.messagesOn("tx.rollback-only") == 0);
        assertFalse(endpoints.deliveriesOf("undo").get(0).redelivered());
        assertTrue(endpoints.deliveriesOf("undo").get(1).redelivered());
        assertEquals(0, server.messagesOn("tx.rollback-only.DLQ"));
    }

    @Test
    void theBeansJdbcWorkAndTheConsumeCommitOrRollBackTogether() throws Exception {
        endpoints.listener(message -> {
            String text = ((TextMessage) message).getText();
            try (Connection c = server.dataSource().getConnection();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO processed (text) VALUES (?)")) {
                insert.setString(1, text);
                insert.executeUpdate();
            }
            if (text.startsWith("fail")) {
                throw new IllegalStateException("rejected order " + text);
            }
        });
        activate("tx.exactly", spec -> spec.setMaxDeliveryAttempts(2));

        server.send(adapter, "tx.exactly", "order-ok", "fail-order");

        await().atMost(WAIT).until(() -> server.messagesOn("tx.exactly.DLQ") == 1);
        await().atMost(WAIT).until(() -> server.messagesOn("tx.exactly") == 0);
        assertEquals(1, server.count("SELECT COUNT(*) FROM processed WHERE text = 'order-ok'"), "committed once");
        assertEquals(0, server.count("SELECT COUNT(*) FROM processed WHERE text = 'fail-order'"),
                "both rolled-back deliveries left no row");
        assertEquals(1, endpoints.deliveriesOf("order-ok").size(), "the committed order is not redelivered");
        assertEquals(2, endpoints.deliveriesOf("fail-order").size());
        Message dead = server.receive(adapter, "tx.exactly.DLQ", 5_000);
        assertNotNull(dead);
        assertTrue(dead.getStringProperty("JMS_Postbox_DeadLetterReason").contains("rejected order fail-order"),
                dead.getStringProperty("JMS_Postbox_DeadLetterReason"));
    }

    @Test
    void aBeanThatSendsOnInsideItsTransactionForwardsAndConsumesOnce() throws Exception {
        endpoints.listener(message -> {
            try (PostboxConnection connection = new PostboxConnection(adapter.broker(), ConnectionOptions.defaults(),
                    adapter.clientIds(), () -> { })) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("tx.forwarded"))
                        .send(session.createTextMessage("fwd:" + ((TextMessage) message).getText()));
            }
        });
        activate("tx.forward", spec -> { });

        server.send(adapter, "tx.forward", "parcel");

        await().atMost(WAIT).until(() -> server.messagesOn("tx.forward") == 0);
        assertEquals(1, endpoints.deliveriesOf("parcel").size(), "delivered once: " + endpoints.deliveries());
        TextMessage forwarded = (TextMessage) server.receive(adapter, "tx.forwarded", 5_000);
        assertNotNull(forwarded);
        assertEquals("fwd:parcel", forwarded.getText());
    }

    /** Where a transacted delivery fails, and how. */
    static Stream<Arguments> failurePoints() {
        return Stream.of(
                Arguments.of("beforeDelivery throws ResourceException",
                        (Consumer<RecordingMessageEndpointFactory>) f -> f.failNext(BEFORE_DELIVERY, 1)),
                Arguments.of("beforeDelivery throws an unchecked exception",
                        (Consumer<RecordingMessageEndpointFactory>) f -> f.failNext(BEFORE_DELIVERY, 1,
                                () -> new IllegalStateException("no transaction manager"))),
                Arguments.of("onMessage throws",
                        (Consumer<RecordingMessageEndpointFactory>) f -> f.failNext(ON_MESSAGE, 1)),
                Arguments.of("the bean marks the transaction rollback-only",
                        (Consumer<RecordingMessageEndpointFactory>) f -> f.rollbackOnlyNext(1)),
                Arguments.of("afterDelivery's commit fails",
                        (Consumer<RecordingMessageEndpointFactory>) f -> f.failNext(AFTER_DELIVERY, 1)),
                Arguments.of("afterDelivery throws an unchecked exception",
                        (Consumer<RecordingMessageEndpointFactory>) f -> f.failNext(AFTER_DELIVERY, 1,
                                () -> new IllegalStateException("EJB system exception"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failurePoints")
    void beforeAndAfterDeliveryArePairedOnEveryFailurePathAndTheMessageComesBack(String failure,
            Consumer<RecordingMessageEndpointFactory> failOnce) throws Exception {
        failOnce.accept(endpoints);
        activate("tx.paired", spec -> { });

        server.send(adapter, "tx.paired", "fragile");

        await().atMost(WAIT).until(() -> server.messagesOn("tx.paired") == 0);
        await().atMost(WAIT).until(() -> endpoints.stepsByEndpoint().values().stream()
                .allMatch(steps -> steps.contains(RELEASE)));
        endpoints.stepsByEndpoint().forEach((endpoint, steps) -> {
            long begun = endpoints.calls().stream().filter(c -> c.endpoint() == endpoint
                    && c.step() == BEFORE_DELIVERY && !c.failed()).count();
            long ended = steps.stream().filter(s -> s == Step.AFTER_DELIVERY).count();
            assertEquals(begun, ended, failure + ", endpoint " + endpoint + ": " + steps);
            assertEquals(RELEASE, steps.get(steps.size() - 1), failure + ": released last");
        });
        assertEquals(1, server.registry().committedCount(), failure + ": the retry committed");
        assertTrue(endpoints.deliveriesOf("fragile").size() >= 1, failure);
        await().atMost(WAIT).until(() -> server.activeConnections() == 0);
    }
}
