package dev.postbox.admin.api;

import dev.postbox.jms.management.DeliveryPolicy;
import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.MessageInfo;
import dev.postbox.jms.management.MessagePage;
import dev.postbox.jms.management.NodeInfo;
import dev.postbox.jms.management.QueueInfo;
import dev.postbox.jms.management.QueueManagement;
import dev.postbox.jms.management.RetryResult;
import dev.postbox.jms.management.TopicInfo;
import dev.postbox.jms.management.UserManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A management API that records the calls it gets and answers with fixed data (one queue, "orders"; the
 * users put since it was made, starting with "alice").
 */
final class RecordingManagement implements QueueManagement, UserManagement {

    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    final List<String> calls = new ArrayList<>();
    private final TreeSet<String> users = new TreeSet<>(List.of("alice"));

    static QueueInfo queue(String name, DeliveryPolicy policy) {
        return new QueueInfo(name, "QUEUE", false, 3, 1, 2, name + ".DLQ", CREATED, policy,
                new DeliveryPolicy(10, 0L, 2.0, 300_000L, name + ".DLQ", ""), List.of());
    }

    private QueueInfo known(String name) {
        if (!name.equals("orders")) {
            throw new ManagementException.NotFound("Queue " + name + " does not exist");
        }
        return queue(name, DeliveryPolicy.DEFAULTS);
    }

    @Override
    public List<QueueInfo> listQueues() {
        calls.add("listQueues");
        return List.of(queue("orders", DeliveryPolicy.DEFAULTS));
    }

    @Override
    public QueueInfo getQueue(String name) {
        calls.add("getQueue " + name);
        return known(name);
    }

    @Override
    public QueueInfo createQueue(String name, DeliveryPolicy policy) {
        calls.add("createQueue " + name + " " + policy);
        return queue(name, policy == null ? DeliveryPolicy.DEFAULTS : policy);
    }

    @Override
    public void deleteQueue(String name, boolean force) {
        calls.add("deleteQueue " + name + " " + force);
        known(name);
    }

    @Override
    public int purgeQueue(String name) {
        calls.add("purgeQueue " + name);
        known(name);
        return 7;
    }

    @Override
    public QueueInfo updatePolicy(String name, DeliveryPolicy policy) {
        calls.add("updatePolicy " + name + " " + policy);
        known(name);
        return queue(name, policy);
    }

    @Override
    public MessagePage browse(String queue, String after, int limit) {
        calls.add("browse " + queue + " " + after + " " + limit);
        known(queue);
        return new MessagePage(List.of(), null);
    }

    @Override
    public MessageInfo getMessage(String queue, long messageId) {
        calls.add("getMessage " + queue + " " + messageId);
        throw new ManagementException.NotFound("Message " + messageId + " is not on queue " + queue);
    }

    @Override
    public void deleteMessage(String queue, long messageId) {
        calls.add("deleteMessage " + queue + " " + messageId);
    }

    @Override
    public void moveMessage(String queue, long messageId, String targetQueue) {
        calls.add("moveMessage " + queue + " " + messageId + " " + targetQueue);
    }

    @Override
    public RetryResult retryDeadLetters(String queue, Collection<Long> messageIds) {
        calls.add("retryDeadLetters " + queue + " " + messageIds);
        return new RetryResult(messageIds.size(), 0, List.of());
    }

    @Override
    public RetryResult retryAllDeadLetters(String queue) {
        calls.add("retryAllDeadLetters " + queue);
        return new RetryResult(5, 1, List.of("1 message(s) stay: in flight."));
    }

    @Override
    public List<TopicInfo> listTopics() {
        calls.add("listTopics");
        return List.of();
    }

    @Override
    public List<NodeInfo> listNodes() {
        calls.add("listNodes");
        return List.of(new NodeInfo("n1", "host-a", CREATED, CREATED.plusSeconds(5), true));
    }

    @Override
    public List<String> listUsers() {
        calls.add("listUsers");
        return List.copyOf(users);
    }

    @Override
    public void putUser(String name, String password) {
        calls.add("putUser " + name + " " + password);
        users.add(name);
    }

    @Override
    public boolean deleteUser(String name) {
        calls.add("deleteUser " + name);
        return users.remove(name);
    }
}
