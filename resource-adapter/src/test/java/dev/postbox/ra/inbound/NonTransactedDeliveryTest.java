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

import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory.Delivery;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory.Step;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.jms.Message;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Delivery to an endpoint without container-managed transactions: the adapter acknowledges after
 * onMessage returns, and redelivers (then dead-letters) when any step of the delivery fails.
 */
@Timeout(90)
class NonTransactedDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private ServerEnvironment server;
    private PostboxResourceAdapter adapter;
    private RecordingMessageEndpointFactory endpoints;

    @BeforeEach
    void startAdapter() throws Exception {
        server = ServerEnvironment.create();
        adapter = server.start();
        endpoints = server.endpointFactory().transacted(false);
    }

    @AfterEach
    void stopAdapter() throws Exception {
        server.close();
        assertTrue(endpoints.violations().isEmpty(), "JCA protocol violations: " + endpoints.violations());
    }

    private PostboxActivationSpec activate(String queue) throws ResourceException {
        PostboxActivationSpec spec = ServerEnvironment.queueSpec(adapter, queue);
        spec.setRedeliveryDelay(0L);
        adapter.endpointActivation(endpoints, spec);
        return spec;
    }

    @Test
    void aMessageIsDeliveredOnceAsBeforeDeliveryOnMessageAfterDeliveryRelease() throws Exception {
        activate("nt.once");

        server.send(adapter, "nt.once", "hello");

        await().atMost(WAIT).until(() -> server.messagesOn("nt.once") == 0);
        await().atMost(WAIT).until(() -> endpoints.calls().size() == 4);
        assertEquals(Map.of(1, List.of(BEFORE_DELIVERY, ON_MESSAGE, AFTER_DELIVERY, RELEASE)),
                endpoints.stepsByEndpoint());
        Delivery delivery = endpoints.deliveries().get(0);
        assertEquals("hello", delivery.text());
        assertFalse(delivery.redelivered());
        assertEquals(1, delivery.deliveryCount());
        assertTrue(delivery.thread().startsWith("fake-work-"), "delivered on a WorkManager thread");
    }

    @Test
    void aThrowingOnMessageIsRedeliveredWithGrowingCountThenDeadLetteredWithTheReason() throws Exception {
        PostboxActivationSpec spec = ServerEnvironment.queueSpec(adapter, "nt.poison");
        spec.setRedeliveryDelay(0L);
        spec.setMaxDeliveryAttempts(3);
        endpoints.failNext(ON_MESSAGE, Integer.MAX_VALUE);
        adapter.endpointActivation(endpoints, spec);

        server.send(adapter, "nt.poison", "poison");

        await().atMost(WAIT).until(() -> server.messagesOn("nt.poison.DLQ") == 1);
        List<Delivery> deliveries = endpoints.deliveriesOf("poison");
        assertEquals(List.of(1, 2, 3), deliveries.stream().map(Delivery::deliveryCount).toList());
        assertEquals(List.of(false, true, true), deliveries.stream().map(Delivery::redelivered).toList());
        assertEquals(0, server.messagesOn("nt.poison"));
        Message dead = server.receive(adapter, "nt.poison.DLQ", 5_000);
        assertNotNull(dead);
        String reason = dead.getStringProperty("JMS_Postbox_DeadLetterReason");
        assertTrue(reason.contains("onMessage fails on purpose"), reason);
        assertTrue(reason.contains("after 3 delivery attempts"), reason);
        assertEquals("nt.poison", dead.getStringProperty("JMS_Postbox_DeadLetterOrigin"));
        assertEveryBeforeDeliveryIsPairedWithOneAfterDelivery();
    }

    @Test
    void aFailingBeforeDeliveryIsNotFollowedByAfterDeliveryAndTheMessageComesBack() throws Exception {
        endpoints.failNext(BEFORE_DELIVERY, 1);
        activate("nt.before");

        server.send(adapter, "nt.before", "retry-me");

        await().atMost(WAIT).until(() -> server.messagesOn("nt.before") == 0);
        await().atMost(WAIT).until(() -> endpoints.stepsByEndpoint().size() == 2
                && endpoints.stepsByEndpoint().get(2).size() == 4);
        assertEquals(List.of(BEFORE_DELIVERY, RELEASE), endpoints.stepsByEndpoint().get(1),
                "no onMessage and no afterDelivery after a failed beforeDelivery");
        assertEquals(List.of(BEFORE_DELIVERY, ON_MESSAGE, AFTER_DELIVERY, RELEASE), endpoints.stepsByEndpoint().get(2));
        assertEquals(1, endpoints.deliveriesOf("retry-me").size());
    }

    @Test
    void aBeforeDeliveryThrowingAnUncheckedExceptionAlsoGivesTheMessageBack() throws Exception {
        endpoints.failNext(BEFORE_DELIVERY, 1, () -> new IllegalStateException("container refuses"));
        activate("nt.before.unchecked");

        server.send(adapter, "nt.before.unchecked", "retry-me");

        await().atMost(WAIT).until(() -> endpoints.deliveriesOf("retry-me").size() == 1);
        await().atMost(WAIT).until(() -> server.messagesOn("nt.before.unchecked") == 0);
        assertEquals(List.of(BEFORE_DELIVERY, RELEASE), endpoints.stepsByEndpoint().get(1));
    }

    @Test
    void aFailingAfterDeliveryCountsAsAFailedDelivery() throws Exception {
        endpoints.failNext(AFTER_DELIVERY, 1);
        activate("nt.after");

        server.send(adapter, "nt.after", "again");

        await().atMost(WAIT).until(() -> endpoints.deliveriesOf("again").size() == 2);
        await().atMost(WAIT).until(() -> server.messagesOn("nt.after") == 0);
        List<Delivery> deliveries = endpoints.deliveriesOf("again");
        assertTrue(deliveries.get(1).redelivered());
        assertEquals(2, deliveries.get(1).deliveryCount());
        assertEveryBeforeDeliveryIsPairedWithOneAfterDelivery();
    }

    @Test
    void anAfterDeliveryThrowingAnUncheckedExceptionCountsAsAFailedDeliveryAndLeavesNothingClaimed()
            throws Exception {
        endpoints.failNext(AFTER_DELIVERY, 1, () -> new IllegalStateException("container failure in afterDelivery"));
        activate("nt.after.unchecked");

        server.send(adapter, "nt.after.unchecked", "again");

        await().atMost(WAIT).until(() -> endpoints.deliveriesOf("again").size() == 2);
        await().atMost(WAIT).until(() -> server.messagesOn("nt.after.unchecked") == 0);
        assertTrue(endpoints.deliveriesOf("again").get(1).redelivered());
    }

    @Test
    void noMoreThanMaxSessionDeliveriesRunAtOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        endpoints.listener(message -> gate.await(20, TimeUnit.SECONDS));
        PostboxActivationSpec spec = ServerEnvironment.queueSpec(adapter, "nt.concurrent");
        spec.setMaxSession(3);
        adapter.endpointActivation(endpoints, spec);

        server.send(adapter, "nt.concurrent", texts("parallel", 10));

        await().atMost(WAIT).until(() -> endpoints.runningDeliveries() == 3);
        await().during(Duration.ofMillis(3 * ServerEnvironment.POLL_INTERVAL_MILLIS)).atMost(WAIT)
                .until(() -> endpoints.runningDeliveries() <= 3);
        gate.countDown();
        await().atMost(WAIT).until(() -> server.messagesOn("nt.concurrent") == 0);
        assertEquals(10, endpoints.deliveries().size());
        assertEquals(3, endpoints.mostConcurrentDeliveries());
    }

    @Test
    void deactivationWaitsForRunningDeliveriesAndLeavesNoMessageClaimed() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        endpoints.listener(message -> gate.await(20, TimeUnit.SECONDS));
        PostboxActivationSpec spec = ServerEnvironment.queueSpec(adapter, "nt.deactivate");
        spec.setMaxSession(4);
        adapter.endpointActivation(endpoints, spec);
        server.send(adapter, "nt.deactivate", texts("pending", 20));
        await().atMost(WAIT).until(() -> endpoints.runningDeliveries() == 4);

        CompletableFuture<Void> deactivation = CompletableFuture.runAsync(
                () -> adapter.endpointDeactivation(endpoints, spec));
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> !deactivation.isDone());
        gate.countDown();
        deactivation.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(0, endpoints.runningDeliveries());
        assertEquals(0, server.claimedOn("nt.deactivate"), "nothing is left claimed by the stopped endpoint");
        int delivered = endpoints.deliveries().size();
        assertEquals(20 - delivered, server.messagesOn("nt.deactivate"), "the undelivered messages wait");
        await().during(Duration.ofMillis(4 * ServerEnvironment.POLL_INTERVAL_MILLIS)).atMost(WAIT)
                .until(() -> endpoints.deliveries().size() == delivered);
        assertEveryBeforeDeliveryIsPairedWithOneAfterDelivery();
    }

    @Test
    void anApplicationUndeployedAndDeployedAgainGetsWhatWasSentMeanwhile() throws Exception {
        PostboxActivationSpec first = activate("nt.redeploy");
        server.send(adapter, "nt.redeploy", "before");
        await().atMost(WAIT).until(() -> endpoints.deliveries().size() == 1);
        adapter.endpointDeactivation(endpoints, first);

        server.send(adapter, "nt.redeploy", "while undeployed");
        await().during(Duration.ofMillis(4 * ServerEnvironment.POLL_INTERVAL_MILLIS)).atMost(WAIT)
                .until(() -> endpoints.deliveries().size() == 1);
        assertEquals(1, server.messagesOn("nt.redeploy"), "kept while no endpoint is active");

        RecordingMessageEndpointFactory redeployed = server.endpointFactory().transacted(false);
        PostboxActivationSpec second = ServerEnvironment.queueSpec(adapter, "nt.redeploy");
        adapter.endpointActivation(redeployed, second);
        await().atMost(WAIT).until(() -> redeployed.deliveries().size() == 1);
        assertEquals("while undeployed", redeployed.deliveries().get(0).text());
        assertEquals(1, redeployed.deliveries().get(0).deliveryCount(), "never delivered before");
        await().atMost(WAIT).until(() -> server.messagesOn("nt.redeploy") == 0);
        assertEquals(List.of("before"), endpoints.deliveries().stream().map(Delivery::text).toList());
        adapter.endpointDeactivation(redeployed, second);
        assertTrue(redeployed.violations().isEmpty(), "JCA protocol violations: " + redeployed.violations());
    }

    @Test
    void anIdleActivationRunsOnlyAShortWorkOrTwoPerPollInterval() throws Exception {
        activate("nt.idle");
        assertTrue(server.workManager().awaitQuiescence(WAIT));
        int before = server.workManager().scheduledCount();
        long window = 8 * ServerEnvironment.POLL_INTERVAL_MILLIS;

        await().pollDelay(Duration.ofMillis(window)).atMost(WAIT).until(() -> true);

        int works = server.workManager().scheduledCount() - before;
        // one work per poll wake-up, plus one more when a wake-up lands while that work is looking
        assertTrue(works <= 2 * (window / ServerEnvironment.POLL_INTERVAL_MILLIS) + 2,
                works + " works in " + window + " ms with a " + ServerEnvironment.POLL_INTERVAL_MILLIS + " ms poll");
        assertTrue(server.workManager().awaitQuiescence(WAIT), "the idle works end by themselves");
        assertEquals(0, endpoints.endpointsCreated());
    }

    @Test
    void anUnavailableEndpointIsRetriedWithoutSpinningAndGetsTheMessageUncounted() throws Exception {
        endpoints.unavailable(true);
        activate("nt.unavailable");
        server.send(adapter, "nt.unavailable", "patient");
        await().atMost(WAIT).until(() -> endpoints.createAttempts() >= 1);

        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        int attempts = endpoints.createAttempts();
        endpoints.unavailable(false);

        assertTrue(attempts <= 10, attempts + " createEndpoint attempts in one second: the adapter spins");
        await().atMost(WAIT).until(() -> endpoints.deliveriesOf("patient").size() == 1);
        assertEquals(1, endpoints.deliveriesOf("patient").get(0).deliveryCount(),
                "refusals of an unavailable endpoint are not delivery attempts");
    }

    @Test
    void aDeliveryWorkRejectedByTheServerIsRetriedAndTheEndpointStillGetsMessages() throws Exception {
        server.workManager().rejectNext(1);
        PostboxActivationSpec spec = ServerEnvironment.queueSpec(adapter, "nt.rejected");
        spec.setMaxSession(1);
        adapter.endpointActivation(endpoints, spec);

        server.send(adapter, "nt.rejected", "eventually");

        await().atMost(WAIT).until(() -> endpoints.deliveriesOf("eventually").size() == 1);
        long start = System.nanoTime();
        adapter.endpointDeactivation(endpoints, spec);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "deactivation did not hang");
    }

    private void assertEveryBeforeDeliveryIsPairedWithOneAfterDelivery() {
        endpoints.stepsByEndpoint().forEach((endpoint, steps) -> {
            long before = endpoints.calls().stream()
                    .filter(c -> c.endpoint() == endpoint && c.step() == BEFORE_DELIVERY && !c.failed()).count();
            long after = steps.stream().filter(s -> s == Step.AFTER_DELIVERY).count();
            assertEquals(before, after, "endpoint " + endpoint + ": " + steps);
        });
    }

    private static String[] texts(String prefix, int count) {
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = prefix + "-" + i;
        }
        return texts;
    }
}
