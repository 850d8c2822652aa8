package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Publishing: the TopicPublisher overloads, unidentified producers on topics, and the methods the legacy
 * domain-specific sessions and connections must refuse (section 9.2, table 9-1).
 */
@Timeout(120)
class TopicPublishingTest extends TopicTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyPublishOverloadDeliversWithTheHeadersItWasGiven(TestDatabase.Kind kind) throws Exception {
        TopicConnection connection = (TopicConnection) connect(kind);
        connection.start();
        TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("bulletins");
        TopicSubscriber subscriber = session.createSubscriber(topic);
        TopicPublisher publisher = session.createPublisher(topic);
        assertEquals(topic, publisher.getTopic());
        publisher.setPriority(2);
        publisher.publish(session.createTextMessage("defaults"));
        publisher.publish(session.createTextMessage("explicit"), DeliveryMode.NON_PERSISTENT, 3, 60_000);
        TopicPublisher anonymous = session.createPublisher(null);
        assertNull(anonymous.getTopic());
        anonymous.publish(topic, session.createTextMessage("to a topic"));
        anonymous.publish(topic, session.createTextMessage("to a topic, explicit"), DeliveryMode.PERSISTENT, 1, 0);

        java.util.Map<String, Message> received = new java.util.HashMap<>();
        for (Message message : receive(subscriber, 4)) {
            received.put(text(message), message);
        }
        Message defaults = received.get("defaults");
        Message explicit = received.get("explicit");
        Message anonymousDefaults = received.get("to a topic");
        Message anonymousExplicit = received.get("to a topic, explicit");
        assertEquals(DeliveryMode.PERSISTENT, defaults.getJMSDeliveryMode());
        assertEquals(2, defaults.getJMSPriority());
        assertEquals(0, defaults.getJMSExpiration());
        assertEquals(DeliveryMode.NON_PERSISTENT, explicit.getJMSDeliveryMode());
        assertEquals(3, explicit.getJMSPriority());
        assertTrue(explicit.getJMSExpiration() > 0);
        assertEquals(Message.DEFAULT_PRIORITY, anonymousDefaults.getJMSPriority());
        assertEquals(1, anonymousExplicit.getJMSPriority());
        assertEquals(topic, anonymousExplicit.getJMSDestination());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void publishersRefuseTheOverloadsThatDoNotFitThem(TestDatabase.Kind kind) throws Exception {
        TopicConnection connection = (TopicConnection) connect(kind);
        TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("strict");
        Message message = session.createTextMessage("m");
        TopicPublisher identified = session.createPublisher(topic);
        assertThrows(UnsupportedOperationException.class, () -> identified.publish(topic, message));
        assertThrows(UnsupportedOperationException.class, () -> identified.publish(topic, message, 2, 4, 0));
        TopicPublisher anonymous = session.createPublisher(null);
        assertThrows(UnsupportedOperationException.class, () -> anonymous.publish(message));
        assertThrows(UnsupportedOperationException.class, () -> anonymous.publish(message, 2, 4, 0));
        assertThrows(InvalidDestinationException.class, () -> anonymous.publish(null, message));
        assertThrows(InvalidDestinationException.class, () -> anonymous.publish(null, message, 2, 4, 0));
        identified.close();
        assertThrows(IllegalStateException.class, () -> identified.publish(message));
        assertThrows(IllegalStateException.class, identified::getTopic);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnidentifiedProducerSendsToTopicsQueuesAndTemporaryTopicsAlike(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("mixed-topic");
        Queue queue = session.createQueue("mixed-queue");
        TemporaryTopic temporary = session.createTemporaryTopic();
        MessageConsumer onTopic = session.createConsumer(topic);
        MessageConsumer onQueue = session.createConsumer(queue);
        MessageConsumer onTemporary = session.createConsumer(temporary);
        MessageProducer producer = session.createProducer(null);
        producer.send(topic, session.createTextMessage("topic"));
        producer.send(queue, session.createTextMessage("queue"));
        producer.send(temporary, session.createTextMessage("temporary topic"));
        producer.send(topic, session.createTextMessage("topic again"), DeliveryMode.NON_PERSISTENT, 6, 0);

        assertEquals(List.of("topic again", "topic"), drain(onTopic));
        assertEquals(List.of("queue"), drain(onQueue));
        Message viaTemporary = onTemporary.receive(ARRIVES_MILLIS);
        assertEquals("temporary topic", text(viaTemporary));
        assertEquals(temporary, viaTemporary.getJMSDestination());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTopicSessionRefusesThePointToPointMethods(TestDatabase.Kind kind) throws Exception {
        TopicConnection connection = (TopicConnection) connect(kind);
        TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = connection.createSession().createQueue("not-for-topic-sessions");
        assertThrows(IllegalStateException.class, () -> session.createQueue("q"));
        assertThrows(IllegalStateException.class, session::createTemporaryQueue);
        assertThrows(IllegalStateException.class, () -> session.createBrowser(queue));
        assertThrows(IllegalStateException.class, () -> session.createBrowser(queue, "a = 1"));
        Topic topic = session.createTopic("fine-for-topic-sessions");
        session.createSubscriber(topic).close();
        session.createTemporaryTopic();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aQueueSessionRefusesThePublishSubscribeMethods(TestDatabase.Kind kind) throws Exception {
        QueueConnection connection = (QueueConnection) connect(kind);
        connection.setClientID("queue-only");
        QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = connection.createSession().createTopic("not-for-queue-sessions");
        assertThrows(IllegalStateException.class, () -> session.createTopic("t"));
        assertThrows(IllegalStateException.class, session::createTemporaryTopic);
        assertThrows(IllegalStateException.class, () -> session.createDurableSubscriber(topic, "d"));
        assertThrows(IllegalStateException.class, () -> session.createDurableSubscriber(topic, "d", null, false));
        assertThrows(IllegalStateException.class, () -> session.createDurableConsumer(topic, "d"));
        assertThrows(IllegalStateException.class, () -> session.createDurableConsumer(topic, "d", null, false));
        assertThrows(IllegalStateException.class, () -> session.createSharedConsumer(topic, "s"));
        assertThrows(IllegalStateException.class, () -> session.createSharedConsumer(topic, "s", null));
        assertThrows(IllegalStateException.class, () -> session.createSharedDurableConsumer(topic, "s"));
        assertThrows(IllegalStateException.class, () -> session.createSharedDurableConsumer(topic, "s", null));
        assertThrows(IllegalStateException.class, () -> session.unsubscribe("d"));
        assertEquals(0, subscriptions());
        Queue queue = session.createQueue("fine-for-queue-sessions");
        session.createReceiver(queue).close();
        session.createBrowser(queue).close();
        session.createTemporaryQueue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aQueueConnectionRefusesTheSubscriptionConnectionConsumers(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        QueueConnection connection = factory.createQueueConnection();
        try {
            Topic topic = connection.createSession().createTopic("no-connection-consumers");
            assertThrows(IllegalStateException.class,
                    () -> connection.createSharedConnectionConsumer(topic, "s", null, null, 1));
            assertThrows(IllegalStateException.class,
                    () -> connection.createDurableConnectionConsumer(topic, "d", null, null, 1));
            assertThrows(IllegalStateException.class,
                    () -> connection.createSharedDurableConnectionConsumer(topic, "sd", null, null, 1));
        } finally {
            connection.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSessionOfAPlainConnectionMixesBothDomains(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("both");
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = session.createTopic("mixed");
        Queue queue = session.createQueue("mixed");
        MessageConsumer durable = session.createDurableConsumer(topic, "mixed");
        MessageConsumer receiver = session.createConsumer(queue);
        publish(session, topic, "to the topic");
        send(session, queue, "to the queue");
        session.commit();
        assertEquals("to the topic", text(durable.receive(ARRIVES_MILLIS)));
        assertEquals("to the queue", text(receiver.receive(ARRIVES_MILLIS)));
        session.commit();
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"));
    }
}
