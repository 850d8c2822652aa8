package dev.postbox.jms.client;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.MessageFilter;
import dev.postbox.jms.engine.SubscriptionRequest;
import dev.postbox.jms.selector.Selector;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.SubscriptionInfo;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Topic;
import java.util.Objects;
import java.util.UUID;

/**
 * Creates the consumers of a session's topic subscriptions: non-durable, shared, durable and shared
 * durable. A topic consumer reads its subscription's stored messages; the subscription's selector and
 * noLocal are applied when a message is published.
 */
final class TopicSubscribing {

    private final PostboxSession session;
    private final PostboxConnection connection;
    private final Broker broker;

    TopicSubscribing(PostboxSession session) {
        this.session = session;
        this.connection = session.connection();
        this.broker = session.broker();
    }

    /** A consumer of a non-durable, unshared subscription (it ends with the consumer). */
    PostboxMessageConsumer consumer(Destination destination, String selector, boolean noLocal) throws JMSException {
        PostboxDestination target = topicOf(destination);
        Selector.parse(selector);
        return subscribe(target, null, false, false, selector, noLocal);
    }

    /** A consumer of a shared non-durable subscription. */
    PostboxMessageConsumer shared(Topic topic, String name, String selector) throws JMSException {
        PostboxDestination target = topicOf(topic);
        Selector.parse(selector);
        checkName(name);
        return subscribe(target, name, false, true, selector, false);
    }

    /**
     * The consumer of an unshared durable subscription. The arguments are checked before the connection's
     * client id, which must be set.
     */
    PostboxMessageConsumer durable(Topic topic, String name, String selector, boolean noLocal) throws JMSException {
        PostboxDestination target = durableTopicOf(topic);
        Selector.parse(selector);
        checkName(name);
        if (connection.clientIdOrNull() == null) {
            throw new IllegalStateException("An unshared durable subscription needs the connection's client ID;"
                    + " set it with setClientID or on the connection factory");
        }
        return subscribe(target, name, true, false, selector, noLocal);
    }

    /** A consumer of a shared durable subscription. */
    PostboxMessageConsumer sharedDurable(Topic topic, String name, String selector) throws JMSException {
        PostboxDestination target = durableTopicOf(topic);
        Selector.parse(selector);
        checkName(name);
        return subscribe(target, name, true, true, selector, false);
    }

    /**
     * Deletes a durable subscription of this connection's client id, unless a message this session consumed
     * from it is still unacknowledged or part of the open transaction (Session.unsubscribe: "erroneous").
     */
    void unsubscribe(String name) throws JMSException {
        checkName(name);
        String clientId = connection.clientIdOrNull();
        try {
            for (Delivery pending : session.pendingAcknowledgements()) {
                if (isFromDurableSubscription(pending, clientId, name)) {
                    throw new IllegalStateException("Durable subscription " + name + " cannot be deleted while a"
                            + " message received from it is unacknowledged or part of the session's transaction");
                }
            }
            broker.unsubscribe(clientId, name);
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    private static boolean isFromDurableSubscription(Delivery delivery, String clientId, String name) {
        SubscriptionInfo info = delivery.destination().subscription();
        return info != null && info.durable() && name.equals(info.subscriptionName())
                && Objects.equals(clientId, info.clientId());
    }

    /** Creates (or joins) the subscription; the arguments were checked. */
    private PostboxMessageConsumer subscribe(PostboxDestination target, String name, boolean durable, boolean shared,
            String selector, boolean noLocal) throws JMSException {
        connection.fixClientId();
        DestinationRecord topic = resolveTopic(target);
        String consumerId = UUID.randomUUID().toString();
        try {
            DestinationRecord subscription = broker.subscribe(new SubscriptionRequest(topic, name,
                    connection.clientIdOrNull(), durable, shared, selector, noLocal, connection.identity(),
                    connection.id()), consumerId);
            return new PostboxMessageConsumer(session, target, subscription, MessageFilter.ALL,
                    blankToNull(selector), noLocal, new PostboxMessageConsumer.Subscription(topic, consumerId));
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    private static PostboxDestination topicOf(Destination destination) throws JMSException {
        PostboxDestination target = PostboxDestination.of(destination);
        if (!target.isTopic()) {
            throw new InvalidDestinationException(target + " is not a topic");
        }
        return target;
    }

    /**
     * A topic a durable subscription may be created on. "By definition, it does not make sense to create a
     * durable subscription to a temporary topic" (section 4.2.7): Postbox detects it.
     */
    private static PostboxDestination durableTopicOf(Topic topic) throws JMSException {
        PostboxDestination target = topicOf(topic);
        if (target.isTemporary()) {
            throw new InvalidDestinationException("A durable subscription cannot be created on temporary topic "
                    + target + ": it would end with the topic's connection");
        }
        return target;
    }

    /** The stored topic, checked for this connection's right to consume a temporary one. */
    private DestinationRecord resolveTopic(PostboxDestination target) throws JMSException {
        try {
            if (target.isTemporary()) {
                DestinationRecord record = broker.findDestination(DestinationKind.TOPIC, target.name())
                        .orElseThrow(() -> new InvalidDestinationException(target + " no longer exists"));
                if (!connection.owns(record)) {
                    throw new InvalidDestinationException("Only the connection that created " + target
                            + " may consume from it");
                }
                return record;
            }
            return broker.topic(target.name());
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    private static void checkName(String name) throws JMSException {
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException("A subscription name must not be null or empty");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
