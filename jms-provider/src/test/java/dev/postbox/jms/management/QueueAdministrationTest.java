package dev.postbox.jms.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Queue management on a real store: counts, creation, policies, purge, deletion, topics and nodes. */
@Timeout(120)
class QueueAdministrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void listsQueuesWithAvailableInFlightAndDelayedCountsAndTheirDeadLetterQueue(TestDatabase.Kind kind)
            throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.sendText("orders", "one", "two");
            Connection connection = f.connect();
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageProducer delayed = session.createProducer(session.createQueue("orders"));
            delayed.setDeliveryDelay(3_600_000);
            delayed.send(session.createTextMessage("later"));
            assertNotNull(session.createConsumer(session.createQueue("orders")).receive(10_000));

            QueueInfo orders = f.management.listQueues().stream().filter(q -> q.name().equals("orders"))
                    .findFirst().orElseThrow();

            assertEquals(1, orders.available());
            assertEquals(1, orders.inFlight());
            assertEquals(1, orders.delayed());
            assertEquals("orders.DLQ", orders.deadLetterQueue());
            assertEquals(DeliveryPolicy.DEFAULTS, orders.policy());
            assertEquals(10, orders.effectivePolicy().maxDeliveryAttempts());
            assertEquals("orders.DLQ", orders.effectivePolicy().deadLetterQueue());
            assertFalse(orders.isDeadLetterQueue());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void createsAQueueWithItsPolicyAndRefusesDuplicatesAndBadInput(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            DeliveryPolicy policy = new DeliveryPolicy(3, 100L, 2.0, 1_000L, "billing.failed", null);

            QueueInfo billing = f.management.createQueue("billing", policy);

            assertEquals(policy, billing.policy());
            assertEquals("billing.failed", billing.deadLetterQueue());
            assertEquals(0, billing.total());
            f.management.createQueue("billing.failed", null);
            assertEquals(List.of("billing"), f.queue("billing.failed").deadLetterQueueOf());
            ManagementException.Conflict twice = assertThrows(ManagementException.Conflict.class,
                    () -> f.management.createQueue("billing", null));
            assertEquals("Queue billing exists already", twice.getMessage());
            assertThrows(ManagementException.InvalidRequest.class, () -> f.management.createQueue("two words", null));
            assertThrows(ManagementException.InvalidRequest.class, () -> f.management.createQueue("temp-1", null));
            assertThrows(ManagementException.InvalidRequest.class, () -> f.management.createQueue(" ", null));
            ManagementException.InvalidRequest negative = assertThrows(ManagementException.InvalidRequest.class,
                    () -> f.management.createQueue("x", new DeliveryPolicy(-1, null, null, null, null, null)));
            assertTrue(negative.getMessage().contains("maxDeliveryAttempts"), negative.getMessage());
            assertThrows(ManagementException.InvalidRequest.class,
                    () -> f.management.createQueue("x", new DeliveryPolicy(null, null, 0.5, null, null, null)));
            assertThrows(ManagementException.InvalidRequest.class,
                    () -> f.management.createQueue("x", new DeliveryPolicy(null, 500L, null, 100L, null, null)));
            assertThrows(ManagementException.InvalidRequest.class,
                    () -> f.management.createQueue("x", new DeliveryPolicy(null, null, null, null, "x", null)));
            ManagementException.NotFound missing = assertThrows(ManagementException.NotFound.class,
                    () -> f.management.getQueue("nope"));
            assertEquals("Queue nope does not exist", missing.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUpdatedPolicyDecidesTheNextFailedDelivery(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.management.createQueue("payments", null);
            QueueInfo updated = f.management.updatePolicy("payments",
                    new DeliveryPolicy(1, null, null, null, "payments.dead", null));
            assertEquals(1, updated.effectivePolicy().maxDeliveryAttempts());
            assertEquals("payments.dead", updated.deadLetterQueue());
            f.sendText("payments", "pay-1");

            f.rollBack("payments", 1);

            assertEquals(0, f.queue("payments").total());
            QueueInfo dead = f.queue("payments.dead");
            assertEquals(1, dead.available());
            assertEquals(List.of("payments"), dead.deadLetterQueueOf());
            assertTrue(dead.isDeadLetterQueue());
            assertThrows(ManagementException.NotFound.class, () -> f.management.updatePolicy("nope", null));
            assertEquals(DeliveryPolicy.DEFAULTS, f.management.updatePolicy("payments", null).policy());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void purgesAQueueAndDeletesItOnlyWhenNothingIsInFlightUnlessForced(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.sendText("cleanup", "a", "b", "c");
            assertEquals(3, f.management.purgeQueue("cleanup"));
            assertEquals(0, f.queue("cleanup").total());

            f.sendText("cleanup", "d");
            Session session = f.connect().createSession(Session.CLIENT_ACKNOWLEDGE);
            assertNotNull(session.createConsumer(session.createQueue("cleanup")).receive(10_000));
            ManagementException.Conflict busy = assertThrows(ManagementException.Conflict.class,
                    () -> f.management.deleteQueue("cleanup", false));
            assertTrue(busy.getMessage().contains("1 message(s) in flight"), busy.getMessage());

            f.management.deleteQueue("cleanup", true);

            assertThrows(ManagementException.NotFound.class, () -> f.management.getQueue("cleanup"));
            assertThrows(ManagementException.NotFound.class, () -> f.management.purgeQueue("cleanup"));
            assertThrows(ManagementException.NotFound.class, () -> f.management.deleteQueue("cleanup", true));
        }
    }

    /**
     * The producer's node still knows the queue's id when the management node deletes it: the next send is
     * refused (nothing is stored for a queue that is gone), and the one after creates the queue again.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSendToAQueueDeletedByAnotherNodeFailsOnceAndTheNextCreatesTheQueueAgain(TestDatabase.Kind kind)
            throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            Session session = f.connect().createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("recreated"));
            producer.send(session.createTextMessage("before"));
            f.management.deleteQueue("recreated", true);

            assertThrows(InvalidDestinationException.class, () -> producer.send(session.createTextMessage("refused")));
            producer.send(session.createTextMessage("after"));

            assertEquals(1, f.queue("recreated").total());
            TextMessage received = (TextMessage) session.createConsumer(session.createQueue("recreated")).receive(10_000);
            assertEquals("after", received.getText());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void listsTopicsWithTheirSubscriptionsDepthAndActiveConsumers(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            Connection connection = f.factory.createConnection();
            connection.setClientID("billing-app");
            try (connection) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                Topic prices = session.createTopic("prices");
                session.createDurableSubscriber(prices, "history").close();
                session.createSharedConsumer(prices, "live");
                session.createProducer(prices).send(session.createTextMessage("1.00"));
                session.createProducer(prices).send(session.createTextMessage("1.10"));

                TopicInfo topic = f.management.listTopics().stream().filter(t -> t.name().equals("prices"))
                        .findFirst().orElseThrow();

                SubscriptionSummary history = topic.subscriptions().stream()
                        .filter(s -> s.name().equals("history")).findFirst().orElseThrow();
                assertTrue(history.durable());
                assertFalse(history.shared());
                assertEquals("billing-app", history.clientId());
                assertEquals(2, history.depth());
                assertEquals(0, history.activeConsumers());
                SubscriptionSummary live = topic.subscriptions().stream()
                        .filter(s -> s.name().equals("live")).findFirst().orElseThrow();
                assertTrue(live.shared());
                assertEquals(1, live.activeConsumers());
                assertTrue(f.management.listQueues().stream().noneMatch(q -> q.name().equals("prices")),
                        "topics are not queues");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void listsTheLiveNodesAndMarksItsOwn(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.connect();

            List<NodeInfo> nodes = f.management.listNodes();

            assertEquals(2, nodes.size(), nodes.toString());
            assertEquals(1, nodes.stream().filter(NodeInfo::self).count());
            for (NodeInfo node : nodes) {
                assertNotNull(node.host());
                assertNotNull(node.startedAt());
                assertFalse(node.lastHeartbeat().isBefore(node.startedAt()));
            }
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedAsUnavailable() {
        ManagementException.Unavailable down = assertThrows(ManagementException.Unavailable.class,
                () -> QueueManagement.forJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres"));

        assertTrue(down.getMessage().contains("cannot be reached"), down.getMessage());
    }
}
