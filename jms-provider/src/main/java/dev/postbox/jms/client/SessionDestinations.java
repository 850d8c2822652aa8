package dev.postbox.jms.client;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.PostboxTemporaryQueue;
import dev.postbox.jms.PostboxTemporaryTopic;
import dev.postbox.jms.PostboxTopic;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;

/**
 * A session's destinations: creates the stored queues and topics behind {@code createQueue}/{@code createTopic}
 * and the temporary ones, and resolves JMS destinations to stored ones, checking that only the connection
 * that created a temporary destination consumes from it.
 */
final class SessionDestinations {

    private final PostboxConnection connection;
    private final Broker broker;

    SessionDestinations(PostboxConnection connection, Broker broker) {
        this.connection = connection;
        this.broker = broker;
    }

    Queue queue(String queueName) throws JMSException {
        PostboxDestination.checkName(queueName);
        try {
            broker.queue(queueName);
        } catch (EngineException e) {
            throw e.toJMSException();
        }
        return new PostboxQueue(queueName);
    }

    Topic topic(String topicName) throws JMSException {
        PostboxDestination.checkName(topicName);
        try {
            broker.topic(topicName);
        } catch (EngineException e) {
            throw e.toJMSException();
        }
        return new PostboxTopic(topicName);
    }

    TemporaryQueue temporaryQueue() throws JMSException {
        try {
            DestinationRecord record = connection.createTemporaryQueueRecord();
            return new PostboxTemporaryQueue(record.name(), connection);
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    TemporaryTopic temporaryTopic() throws JMSException {
        try {
            DestinationRecord record = connection.createTemporaryTopicRecord();
            return new PostboxTemporaryTopic(record.name(), connection);
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    /** The stored topic behind a JMS topic (to publish to). */
    DestinationRecord resolveTopic(PostboxDestination destination) throws JMSException {
        try {
            if (destination.isTemporary()) {
                return broker.findDestination(DestinationKind.TOPIC, destination.name())
                        .orElseThrow(() -> new InvalidDestinationException(destination + " no longer exists"));
            }
            return broker.topic(destination.name());
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    /** The stored queue behind a JMS destination, checked for this connection's right to consume it. */
    DestinationRecord resolveQueue(PostboxDestination destination, boolean forConsuming) throws JMSException {
        try {
            if (destination.isTemporary()) {
                DestinationRecord record = broker.findDestination(DestinationKind.QUEUE, destination.name())
                        .orElseThrow(() -> new InvalidDestinationException(destination + " no longer exists"));
                if (forConsuming && !connection.owns(record)) {
                    throw new InvalidDestinationException("Only the connection that created " + destination
                            + " may consume from it");
                }
                return record;
            }
            return broker.queue(destination.name());
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }
}
