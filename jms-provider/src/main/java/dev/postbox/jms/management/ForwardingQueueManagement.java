package dev.postbox.jms.management;

import java.util.Collection;
import java.util.List;

/**
 * A {@link QueueManagement} that forwards every operation to another one: the base of the management
 * objects that only decide which broker node answers (a Java SE tool's, the resource adapter's).
 */
public abstract class ForwardingQueueManagement implements QueueManagement {

    /** The management API that answers; may throw {@link ManagementException} when there is none now. */
    protected abstract QueueManagement delegate();

    @Override
    public List<QueueInfo> listQueues() {
        return delegate().listQueues();
    }

    @Override
    public QueueInfo getQueue(String name) {
        return delegate().getQueue(name);
    }

    @Override
    public QueueInfo createQueue(String name, DeliveryPolicy policy) {
        return delegate().createQueue(name, policy);
    }

    @Override
    public void deleteQueue(String name, boolean force) {
        delegate().deleteQueue(name, force);
    }

    @Override
    public int purgeQueue(String name) {
        return delegate().purgeQueue(name);
    }

    @Override
    public QueueInfo updatePolicy(String name, DeliveryPolicy policy) {
        return delegate().updatePolicy(name, policy);
    }

    @Override
    public MessagePage browse(String queue, String after, int limit) {
        return delegate().browse(queue, after, limit);
    }

    @Override
    public MessageInfo getMessage(String queue, long messageId) {
        return delegate().getMessage(queue, messageId);
    }

    @Override
    public void deleteMessage(String queue, long messageId) {
        delegate().deleteMessage(queue, messageId);
    }

    @Override
    public void moveMessage(String queue, long messageId, String targetQueue) {
        delegate().moveMessage(queue, messageId, targetQueue);
    }

    @Override
    public RetryResult retryDeadLetters(String queue, Collection<Long> messageIds) {
        return delegate().retryDeadLetters(queue, messageIds);
    }

    @Override
    public RetryResult retryAllDeadLetters(String queue) {
        return delegate().retryAllDeadLetters(queue);
    }

    @Override
    public List<TopicInfo> listTopics() {
        return delegate().listTopics();
    }

    @Override
    public List<NodeInfo> listNodes() {
        return delegate().listNodes();
    }
}
