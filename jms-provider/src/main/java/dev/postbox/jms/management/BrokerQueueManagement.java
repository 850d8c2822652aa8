package dev.postbox.jms.management;

import dev.postbox.jms.engine.Broker;
import java.util.Collection;
import java.util.List;

/**
 * {@link QueueManagement} of a running broker node. Policy changes are read by every node's redelivery
 * decisions at once; a consumer opened before the change keeps the old limit for messages whose
 * previous consumers died (checked when claimed).
 */
public final class BrokerQueueManagement implements QueueManagement {

    private final QueueAdministration queues;
    private final MessageOperations messages;
    private final DeadLetterRetry retry;
    private final TopologyReader topology;

    /** Manages the destinations of this broker's store. */
    public BrokerQueueManagement(Broker broker) {
        this.queues = new QueueAdministration(broker);
        this.messages = new MessageOperations(broker);
        this.retry = new DeadLetterRetry(broker);
        this.topology = new TopologyReader(broker);
    }

    @Override
    public List<QueueInfo> listQueues() {
        return queues.listQueues();
    }

    @Override
    public QueueInfo getQueue(String name) {
        return queues.getQueue(name);
    }

    @Override
    public QueueInfo createQueue(String name, DeliveryPolicy policy) {
        return queues.createQueue(name, policy);
    }

    @Override
    public void deleteQueue(String name, boolean force) {
        queues.deleteQueue(name, force);
    }

    @Override
    public int purgeQueue(String name) {
        return queues.purgeQueue(name);
    }

    @Override
    public QueueInfo updatePolicy(String name, DeliveryPolicy policy) {
        return queues.updatePolicy(name, policy);
    }

    @Override
    public MessagePage browse(String queue, String after, int limit) {
        return messages.browse(queue, after, limit);
    }

    @Override
    public MessageInfo getMessage(String queue, long messageId) {
        return messages.getMessage(queue, messageId);
    }

    @Override
    public void deleteMessage(String queue, long messageId) {
        messages.deleteMessage(queue, messageId);
    }

    @Override
    public void moveMessage(String queue, long messageId, String targetQueue) {
        messages.moveMessage(queue, messageId, targetQueue);
    }

    @Override
    public RetryResult retryDeadLetters(String queue, Collection<Long> messageIds) {
        return retry.retry(queue, messageIds);
    }

    @Override
    public RetryResult retryAllDeadLetters(String queue) {
        return retry.retryAll(queue);
    }

    @Override
    public List<TopicInfo> listTopics() {
        return topology.listTopics();
    }

    @Override
    public List<NodeInfo> listNodes() {
        return topology.listNodes();
    }
}
