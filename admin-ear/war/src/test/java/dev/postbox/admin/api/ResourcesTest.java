package dev.postbox.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.admin.api.view.QueueView;
import dev.postbox.admin.api.view.RetryView;
import dev.postbox.admin.api.view.UserView;
import dev.postbox.admin.service.QueueAdminService;
import dev.postbox.jms.management.DeliveryPolicy;
import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.QueueManagement;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resources turn requests into management calls and management records into views. */
class ResourcesTest {

    private final RecordingManagement management = new RecordingManagement();
    private final QueueAdminService service = new QueueAdminService(management);

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void listsQueuesWithDepthInFlightDelayedAndPolicies() {
        QueueView orders = new QueuesResource(service).list().get(0);

        assertEquals("orders", orders.name());
        assertEquals(3, orders.depth());
        assertEquals(1, orders.inFlight());
        assertEquals(2, orders.delayed());
        assertEquals(6, orders.total());
        assertEquals("orders.DLQ", orders.deadLetterQueue());
        assertEquals("2026-01-02T03:04:05Z", orders.createdAt());
        assertEquals(10, orders.effectivePolicy().maxDeliveryAttempts());
        assertEquals(null, orders.policy().maxDeliveryAttempts());
    }

    @Test
    void createsAQueueWithThePolicyOfTheBody() {
        QueueView created = new QueuesResource(service).create(json(
                "{'name': 'billing', 'policy': {'maxDeliveryAttempts': 3, 'redeliveryDelayMillis': 500,"
                + " 'redeliveryMultiplier': 1.5, 'deadLetterQueue': '', 'expiryQueue': null}}"));

        assertEquals(List.of("createQueue billing " + new DeliveryPolicy(3, 500L, 1.5, null, "", null)),
                management.calls);
        assertEquals(3, created.policy().maxDeliveryAttempts());
    }

    @Test
    void refusesBodiesWithMissingOrMistypedFields() {
        QueuesResource queues = new QueuesResource(service);
        assertThrows(ManagementException.InvalidRequest.class, () -> queues.create(json("{}")));
        assertThrows(ManagementException.InvalidRequest.class, () -> queues.create(null));
        assertThrows(ManagementException.InvalidRequest.class, () -> queues.create(json("{'name': 5}")));
        ManagementException.InvalidRequest typed = assertThrows(ManagementException.InvalidRequest.class,
                () -> queues.create(json("{'name': 'x', 'policy': {'maxDeliveryAttempts': 'three'}}")));
        assertEquals("\"maxDeliveryAttempts\" must be a number or null", typed.getMessage());
        assertThrows(ManagementException.InvalidRequest.class,
                () -> queues.create(json("{'name': 'x', 'policy': {'maxDeliveryAttempts': 1.5}}")));
        assertThrows(ManagementException.InvalidRequest.class, () -> queues.updatePolicy("orders", null));
        assertTrue(management.calls.isEmpty(), "nothing reached the broker");
    }

    @Test
    void purgeAnswersHowManyMessagesWentAndDeleteCanBeForced() {
        QueuesResource queues = new QueuesResource(service);

        assertEquals(json("{'purged': 7}"), queues.purge("orders"));
        queues.delete("orders", true);

        assertEquals(List.of("purgeQueue orders", "deleteQueue orders true"), management.calls);
        assertThrows(ManagementException.NotFound.class, () -> queues.get("nope"));
    }

    @Test
    void browsesWithTheDefaultPageSizeAndRefusesAWrongLimit() {
        MessagesResource messages = new MessagesResource(service);

        messages.browse("orders", null, null);
        messages.browse("orders", "4-120", " 20 ");

        assertEquals(List.of("browse orders null 50", "browse orders 4-120 20"), management.calls);
        assertThrows(ManagementException.InvalidRequest.class, () -> messages.browse("orders", null, "ten"));
    }

    @Test
    void movesAMessageToTheTargetOfTheBody() {
        JsonObject answer = new MessagesResource(service).move("orders", 42, json("{'target': 'archive'}"));

        assertEquals(json("{'moved': 42, 'target': 'archive'}"), answer);
        assertEquals(List.of("moveMessage orders 42 archive"), management.calls);
        assertThrows(ManagementException.InvalidRequest.class,
                () -> new MessagesResource(service).move("orders", 42, json("{}")));
    }

    @Test
    void retriesEitherTheListedDeadLettersOrAllOfThem() {
        DeadLettersResource retry = new DeadLettersResource(service);

        RetryView listed = retry.retry("orders.DLQ", json("{'ids': [3, 4]}"));
        RetryView all = retry.retry("orders.DLQ", json("{'all': true}"));

        assertEquals(2, listed.retried());
        assertEquals(new RetryView(5, 1, List.of("1 message(s) stay: in flight.")), all);
        assertEquals(List.of("retryDeadLetters orders.DLQ [3, 4]", "retryAllDeadLetters orders.DLQ"),
                management.calls);
        for (String bad : List.of("{}", "{'ids': [1], 'all': true}", "{'ids': ['x']}", "{'ids': 3}",
                "{'all': 'yes'}")) {
            assertThrows(ManagementException.InvalidRequest.class, () -> retry.retry("orders.DLQ", json(bad)), bad);
        }
    }

    @Test
    void putsListsAndDeletesUsersByName() {
        UsersResource users = new UsersResource(service);

        UserView stored = users.put("bob", json("{'password': 'bob password'}"));
        List<UserView> listed = users.list();
        users.delete("alice");

        assertEquals(new UserView("bob"), stored);
        assertEquals(List.of(new UserView("alice"), new UserView("bob")), listed);
        assertEquals(List.of("putUser bob bob password", "listUsers", "deleteUser alice"), management.calls);
        ManagementException.NotFound unknown = assertThrows(ManagementException.NotFound.class,
                () -> users.delete("alice"));
        assertEquals("User alice does not exist", unknown.getMessage());
    }

    @Test
    void refusesAUserBodyWithoutAPassword() {
        UsersResource users = new UsersResource(service);
        for (String bad : List.of("{}", "{'password': ''}", "{'password': 5}", "{'secret': 'long enough'}")) {
            assertThrows(ManagementException.InvalidRequest.class, () -> users.put("bob", json(bad)), bad);
        }
        assertThrows(ManagementException.InvalidRequest.class, () -> users.put("bob", null));
        assertTrue(management.calls.isEmpty(), "nothing reached the broker");
    }

    @Test
    void aManagementObjectWithoutUserManagementIsUnavailableForUsers() {
        QueueManagement queuesOnly = (QueueManagement) Proxy.newProxyInstance(QueueManagement.class.getClassLoader(),
                new Class<?>[] {QueueManagement.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        UsersResource users = new UsersResource(new QueueAdminService(queuesOnly));

        ManagementException.Unavailable e = assertThrows(ManagementException.Unavailable.class, users::list);
        assertTrue(e.getMessage().startsWith("PBX-3011"), e.getMessage());
    }
}
