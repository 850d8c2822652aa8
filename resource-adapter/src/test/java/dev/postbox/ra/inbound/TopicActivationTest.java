package dev.postbox.ra.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Topic endpoints: each activation consumes a subscription (non-durable, durable, shared), with the JMS 2
 * activation properties subscriptionDurability, subscriptionName, clientId and shareSubscriptions.
 */
@Timeout(90)
class TopicActivationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private ServerEnvironment server;
    private PostboxResourceAdapter adapter;

    @BeforeEach
    void startAdapter() throws Exception {
        server = ServerEnvironment.create();
        adapter = server.start();
    }

    @AfterEach
    void stopAdapter() throws Exception {
        server.close();
    }

    private RecordingMessageEndpointFactory endpoints() {
        return server.endpointFactory().transacted(false);
    }

    private static List<String> texts(RecordingMessageEndpointFactory endpoints) {
        return endpoints.deliveries().stream().map(RecordingMessageEndpointFactory.Delivery::text).sorted().toList();
    }

    @Test
    void everyNonDurableEndpointGetsEveryMessageAndItsSubscriptionEndsWithTheActivation() throws Exception {
        RecordingMessageEndpointFactory first = endpoints();
        RecordingMessageEndpointFactory second = endpoints();
        PostboxActivationSpec firstSpec = ServerEnvironment.topicSpec(adapter, "prices");
        PostboxActivationSpec secondSpec = ServerEnvironment.topicSpec(adapter, "prices");
        adapter.endpointActivation(first, firstSpec);
        adapter.endpointActivation(second, secondSpec);
        assertEquals(2, server.subscriptions());

        server.publish(adapter, "prices", "a", "b", "c");

        await().atMost(WAIT).until(() -> first.deliveries().size() == 3 && second.deliveries().size() == 3);
        assertEquals(List.of("a", "b", "c"), texts(first));
        assertEquals(List.of("a", "b", "c"), texts(second));
        adapter.endpointDeactivation(first, firstSpec);
        adapter.endpointDeactivation(second, secondSpec);
        assertEquals(0, server.subscriptions(), "non-durable subscriptions are removed with their endpoint");
    }

    @Test
    void aDurableEndpointReceivesWhatWasPublishedWhileItWasNotDeployed() throws Exception {
        RecordingMessageEndpointFactory before = endpoints();
        PostboxActivationSpec spec = ServerEnvironment.topicSpec(adapter, "orders.events");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("billing");
        adapter.endpointActivation(before, spec);
        server.publish(adapter, "orders.events", "while deployed");
        await().atMost(WAIT).until(() -> before.deliveries().size() == 1);
        adapter.endpointDeactivation(before, spec);

        server.publish(adapter, "orders.events", "while undeployed 1", "while undeployed 2");

        RecordingMessageEndpointFactory after = endpoints();
        PostboxActivationSpec redeployed = ServerEnvironment.topicSpec(adapter, "orders.events");
        redeployed.setSubscriptionDurability("Durable");
        redeployed.setSubscriptionName("billing");
        adapter.endpointActivation(after, redeployed);
        await().atMost(WAIT).until(() -> after.deliveries().size() == 2);
        assertEquals(List.of("while undeployed 1", "while undeployed 2"), texts(after));
    }

    @Test
    void sharedDurableEndpointsSplitTheMessagesOfOneSubscription() throws Exception {
        RecordingMessageEndpointFactory first = endpoints();
        RecordingMessageEndpointFactory second = endpoints();
        for (RecordingMessageEndpointFactory endpoint : List.of(first, second)) {
            PostboxActivationSpec spec = ServerEnvironment.topicSpec(adapter, "audit");
            spec.setSubscriptionDurability("Durable");
            spec.setSubscriptionName("auditors");
            spec.setShareSubscriptions(true);
            spec.setClientId("audit-app");
            adapter.endpointActivation(endpoint, spec);
        }
        assertEquals(1, server.subscriptions());

        String[] texts = new String[40];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "event " + i;
        }
        server.publish(adapter, "audit", texts);

        await().atMost(WAIT).until(() -> first.deliveries().size() + second.deliveries().size() == texts.length);
        List<String> all = new java.util.ArrayList<>(texts(first));
        all.addAll(texts(second));
        assertEquals(texts.length, all.stream().distinct().count(), "each message went to one endpoint once");
    }

    @Test
    void aSecondActivationOfAnUnsharedDurableSubscriptionFailsNamingTheSubscription() throws Exception {
        PostboxActivationSpec spec = ServerEnvironment.topicSpec(adapter, "audit");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("single");
        spec.setClientId("audit-app");
        adapter.endpointActivation(endpoints(), spec);

        PostboxActivationSpec again = ServerEnvironment.topicSpec(adapter, "audit");
        again.setSubscriptionDurability("Durable");
        again.setSubscriptionName("single");
        again.setClientId("audit-app");
        ResourceException refused = assertThrows(ResourceException.class,
                () -> adapter.endpointActivation(endpoints(), again));
        assertTrue(refused.getMessage().contains("already has an active consumer"), refused.getMessage());
    }

    @Test
    void aDurableTopicEndpointWithoutSubscriptionNameIsRefusedAtDeployment() throws Exception {
        PostboxActivationSpec spec = ServerEnvironment.topicSpec(adapter, "audit");
        spec.setSubscriptionDurability("Durable");
        InvalidPropertyException refused = assertThrows(InvalidPropertyException.class, spec::validate);
        assertTrue(refused.getMessage().contains("subscriptionName must be set"), refused.getMessage());
        assertEquals("subscriptionName", refused.getInvalidPropertyDescriptors()[0].getName());
    }
}
