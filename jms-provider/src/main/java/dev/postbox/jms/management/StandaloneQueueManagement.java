package dev.postbox.jms.management;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.client.BrokerRegistry;
import dev.postbox.jms.config.BrokerConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The management API of a Java SE tool ({@link QueueManagement#forJdbcUrl}): it holds the JVM's broker
 * node for the JDBC URL (started when needed, with default settings) until closed.
 */
public final class StandaloneQueueManagement implements QueueManagement, AutoCloseable {

    private final BrokerRegistry.Lease lease;
    private final QueueManagement management;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StandaloneQueueManagement(BrokerRegistry.Lease lease) {
        this.lease = lease;
        this.management = new BrokerQueueManagement(lease.broker());
    }

    static StandaloneQueueManagement open(String jdbcUrl) {
        InputRules.existingName(jdbcUrl, "JDBC URL");
        BrokerRegistry.Key key = new BrokerRegistry.Key(jdbcUrl, null, null, 4,
                Duration.ofMillis(PostboxConnectionFactory.DEFAULT_CONNECT_TIMEOUT_MILLIS), BrokerConfig.defaults());
        return OperationGuard.call("Open the store at " + key,
                () -> new StandaloneQueueManagement(BrokerRegistry.acquire(key, Duration.ZERO)));
    }

    private QueueManagement management() {
        if (closed.get()) {
            throw new ManagementException("This management object is closed");
        }
        return management;
    }

    @Override
    public List<QueueInfo> listQueues() {
        return management().listQueues();
    }

    @Override
    public QueueInfo getQueue(String name) {
        return management().getQueue(name);
    }

    @Override
    public QueueInfo createQueue(String name, DeliveryPolicy policy) {
        return management().createQueue(name, policy);
    }

    @Override
    public void deleteQueue(String name, boolean force) {
        management().deleteQueue(name, force);
    }

    @Override
    public int purgeQueue(String name) {
        return management().purgeQueue(name);
    }

    @Override
    public QueueInfo updatePolicy(String name, DeliveryPolicy policy) {
        return management().updatePolicy(name, policy);
    }

    @Override
    public MessagePage browse(String queue, String after, int limit) {
        return management().browse(queue, after, limit);
    }

    @Override
    public MessageInfo getMessage(String queue, long messageId) {
        return management().getMessage(queue, messageId);
    }

    @Override
    public void deleteMessage(String queue, long messageId) {
        management().deleteMessage(queue, messageId);
    }

    @Override
    public void moveMessage(String queue, long messageId, String targetQueue) {
        management().moveMessage(queue, messageId, targetQueue);
    }

    @Override
    public RetryResult retryDeadLetters(String queue, Collection<Long> messageIds) {
        return management().retryDeadLetters(queue, messageIds);
    }

    @Override
    public RetryResult retryAllDeadLetters(String queue) {
        return management().retryAllDeadLetters(queue);
    }

    @Override
    public List<TopicInfo> listTopics() {
        return management().listTopics();
    }

    @Override
    public List<NodeInfo> listNodes() {
        return management().listNodes();
    }

    /** Releases the broker node (it stops when no connection factory uses it). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            lease.release().run();
        }
    }
}
