package dev.postbox.ra.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.QueueInfo;
import dev.postbox.jms.management.UserManagement;
import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.inbound.PostboxActivationSpec;
import dev.postbox.ra.testing.FakeInitialContextFactory;
import dev.postbox.ra.testing.RecordingMessageEndpointFactory;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The administered objects: queue and topic names, equality, and the adapter's management API (queues, users). */
@Timeout(60)
class AdminObjectsTest {

    @Test
    void aQueueOrTopicNameIsCheckedWhenSet() {
        PostboxQueueAdminObject queue = new PostboxQueueAdminObject();
        PostboxTopicAdminObject topic = new PostboxTopicAdminObject();

        IllegalArgumentException badQueue = assertThrows(IllegalArgumentException.class,
                () -> queue.setName("orders in"));
        IllegalArgumentException badTopic = assertThrows(IllegalArgumentException.class, () -> topic.setName(""));

        assertTrue(badQueue.getMessage().startsWith("PBX-2050"), badQueue.getMessage());
        assertTrue(badQueue.getMessage().contains("orders in"), badQueue.getMessage());
        assertTrue(badTopic.getMessage().startsWith("PBX-2050"), badTopic.getMessage());
        assertNull(queue.getQueueName(), "the bad name was not kept");
        queue.setName("orders.in-1");
        topic.setName("news:eu");
        assertEquals("orders.in-1", queue.getQueueName());
        assertEquals("news:eu", topic.getTopicName());
    }

    @Test
    void adminObjectsWithTheSameNameAndKindAreEqual() throws Exception {
        assertEquals(queue("a"), queue("a"));
        assertEquals(queue("a").hashCode(), queue("a").hashCode());
        assertNotEquals(queue("a"), queue("b"));
        assertEquals(topic("a"), topic("a"));
        assertNotEquals(queue("a"), topic("a"), "a queue is not a topic of the same name");
        assertEquals("queue://a", queue("a").toString());
        assertEquals("topic://a", topic("a").toString());
    }

    @Test
    void adminObjectsSurviveSerializationForJndi() throws Exception {
        assertEquals(queue("kept"), roundTrip(queue("kept")));
        assertEquals(topic("kept"), roundTrip(topic("kept")));
    }

    @Test
    void theManagementObjectListsQueuesThroughAStartedAdapter() throws Exception {
        try (ServerEnvironment server = ServerEnvironment.create()) {
            PostboxResourceAdapter adapter = server.start();
            server.send(adapter, "admin.listed", "one", "two");
            PostboxManagementAdminObject management = new PostboxManagementAdminObject();
            management.setResourceAdapter(adapter);

            List<QueueInfo> queues = management.listQueues();

            QueueInfo listed = queues.stream().filter(q -> q.name().equals("admin.listed")).findFirst().orElseThrow();
            assertEquals(2, listed.total());
            assertEquals("QUEUE", listed.kind());
            adapter.stop();
            ManagementException stopped = assertThrows(ManagementException.class, management::listQueues);
            assertTrue(stopped.getMessage().startsWith("PBX-2052"), stopped.getMessage());
        }
    }

    @Test
    void theManagementObjectManagesUsersThroughAStartedAdapter() throws Exception {
        try (ServerEnvironment server = ServerEnvironment.create()) {
            PostboxResourceAdapter adapter = server.start();
            PostboxManagementAdminObject management = new PostboxManagementAdminObject();
            management.setResourceAdapter(adapter);
            UserManagement users = management;

            users.putUser("operator", "first password");
            users.putUser("operator", "second password");
            users.putUser("auditor", "auditor password");

            assertEquals(List.of("auditor", "operator"), users.listUsers());
            assertTrue(users.deleteUser("auditor"));
            assertFalse(users.deleteUser("auditor"), "deleting twice finds no user");
            assertEquals(List.of("operator"), users.listUsers());
            assertThrows(ManagementException.InvalidRequest.class, () -> users.putUser("", "long enough"));
            assertThrows(ManagementException.InvalidRequest.class, () -> users.putUser("eve", "short"));
            adapter.stop();
            ManagementException stopped = assertThrows(ManagementException.class, users::listUsers);
            assertTrue(stopped.getMessage().startsWith("PBX-2052"), stopped.getMessage());
        }
    }

    @Test
    void anUnassociatedManagementObjectSaysSo() {
        ManagementException e = assertThrows(ManagementException.class,
                () -> new PostboxManagementAdminObject().listQueues());
        assertTrue(e.getMessage().startsWith("PBX-2051"), e.getMessage());
    }

    @Test
    void theManagementObjectRefusesAnotherVendorsAdapter() {
        PostboxManagementAdminObject management = new PostboxManagementAdminObject();

        assertThrows(NotSupportedException.class, () -> management.setResourceAdapter(foreignAdapter()));
    }

    @Test
    void anEndpointConsumesTheQueueItsDestinationLookupNames() throws Exception {
        try (ServerEnvironment server = ServerEnvironment.create()) {
            PostboxResourceAdapter adapter = server.start();
            FakeInitialContextFactory.bind("jms/admin-orders", queue("admin.orders"));
            try {
                RecordingMessageEndpointFactory endpoints = server.endpointFactory();
                PostboxActivationSpec spec = new PostboxActivationSpec();
                spec.setDestinationLookup("jms/admin-orders");
                spec.setResourceAdapter(adapter);
                adapter.endpointActivation(endpoints, spec);

                server.send(adapter, "admin.orders", "looked up");

                await().atMost(Duration.ofSeconds(15)).until(() -> endpoints.deliveriesOf("looked up").size() == 1);
            } finally {
                FakeInitialContextFactory.unbind("jms/admin-orders");
            }
        }
    }

    private static PostboxQueueAdminObject queue(String name) {
        PostboxQueueAdminObject queue = new PostboxQueueAdminObject();
        queue.setName(name);
        return queue;
    }

    private static PostboxTopicAdminObject topic(String name) {
        PostboxTopicAdminObject topic = new PostboxTopicAdminObject();
        topic.setName(name);
        return topic;
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static ResourceAdapter foreignAdapter() {
        return (ResourceAdapter) java.lang.reflect.Proxy.newProxyInstance(ResourceAdapter.class.getClassLoader(),
                new Class<?>[] {ResourceAdapter.class}, (proxy, method, args) -> {
                    throw new ResourceException("a foreign adapter does nothing");
                });
    }
}
