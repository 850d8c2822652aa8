package dev.postbox.jms.management;

import java.util.Collection;
import java.util.List;

/**
 * Management operations on a Postbox broker's queues, topics and nodes, for administration tools (the
 * admin application, scripts).
 *
 * <p>Implementations are thread-safe; every call is one or a few short store transactions and blocks
 * until they are done. Every method throws {@link ManagementException} with an operator-readable message:
 * {@link ManagementException.NotFound} for a missing queue or message, {@link ManagementException.InvalidRequest}
 * for bad input, {@link ManagementException.Conflict} when the state forbids the operation (messages in
 * flight, a queue that exists already) and {@link ManagementException.Unavailable} when the database cannot
 * be reached. Message bodies are never deserialized.
 */
public interface QueueManagement {

    /** Largest page of {@link #browse}. */
    int MAX_PAGE_SIZE = 500;

    /**
     * A management API on the store at a JDBC URL, for Java SE tools: it runs a broker node of this JVM
     * (shared with the connection factories of the same URL and default settings). Close it when done.
     */
    static StandaloneQueueManagement forJdbcUrl(String jdbcUrl) {
        return StandaloneQueueManagement.open(jdbcUrl);
    }

    // ----- queues -----

    /** All queues with their message counts, policy and dead-letter queue, by name. */
    List<QueueInfo> listQueues();

    /** One queue. */
    QueueInfo getQueue(String name);

    /**
     * Creates a queue.
     *
     * @param policy its delivery policy overrides, or null for the broker's defaults
     * @throws ManagementException.Conflict when it exists
     */
    QueueInfo createQueue(String name, DeliveryPolicy policy);

    /**
     * Deletes a queue with its messages.
     *
     * @param force delete even while messages are in flight (their consumers' acknowledgements then do
     *     nothing and the messages are lost)
     * @throws ManagementException.Conflict when messages are in flight and {@code force} is false
     */
    void deleteQueue(String name, boolean force);

    /** Deletes every message of a queue (in flight ones too); returns how many. */
    int purgeQueue(String name);

    /** Replaces a queue's delivery policy overrides (null fields: broker default); returns the queue. */
    QueueInfo updatePolicy(String name, DeliveryPolicy policy);

    // ----- messages -----

    /**
     * One page of a queue's messages (available, in flight and delayed) in delivery order.
     *
     * @param after the {@link MessagePage#next()} cursor of the previous page, or null for the first page
     * @param limit page size, 1 to {@value #MAX_PAGE_SIZE}
     */
    MessagePage browse(String queue, String after, int limit);

    /** One message of a queue with its readable body. */
    MessageInfo getMessage(String queue, long messageId);

    /**
     * Deletes one message.
     *
     * @throws ManagementException.Conflict when it is in flight
     */
    void deleteMessage(String queue, long messageId);

    /**
     * Moves one message to another existing queue as it is, available there at once.
     *
     * @throws ManagementException.Conflict when it is in flight
     */
    void moveMessage(String queue, long messageId, String targetQueue);

    /**
     * Returns dead-lettered messages of a queue to the queues they came from, with a fresh delivery count
     * and without their dead-letter details, and wakes the consumers there. Messages in flight, without a
     * dead-letter origin or whose origin no longer exists are skipped (see the result's notes).
     *
     * @param messageIds the messages to retry
     */
    RetryResult retryDeadLetters(String queue, Collection<Long> messageIds);

    /** {@link #retryDeadLetters} for every dead-lettered message of the queue. */
    RetryResult retryAllDeadLetters(String queue);

    // ----- topics and nodes -----

    /** All topics with their subscriptions, by name. */
    List<TopicInfo> listTopics();

    /** The live broker nodes sharing the store, by id. */
    List<NodeInfo> listNodes();
}
