package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Delivery from subscriptions works as from queues (sections 6.2.7, 6.2.10, 8.7 and 9.1): acknowledgement
 * modes, recover, local transactions over publishes and receives, redelivery and dead-lettering, expiry,
 * priority and delivery delay. Each subscription's copy is a separate message.
 */
@Timeout(120)
class SubscriptionDeliveryTest extends TopicTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void autoAcknowledgeRemovesOnlyTheReceivingSubscriptionsCopy(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("auto");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("copies");
        MessageConsumer reader = session.createDurableConsumer(topic, "reader");
        session.createDurableConsumer(topic, "idle").close();
        publish(session, topic, "m");
        assertEquals("m", text(reader.receive(ARRIVES_MILLIS)));
        assertEquals(0, storedOn("durable:auto:reader"));
        assertEquals(1, storedOn("durable:auto:idle"), "acknowledging one copy does not acknowledge another");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void clientAcknowledgeRecoverRedeliversFromTheSubscription(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("client-ack");
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = session.createTopic("recoverable");
        MessageConsumer consumer = session.createDurableConsumer(topic, "sub");
        publish(session, topic, "a", "b");
        receive(consumer, 2);
        session.recover();
        List<Message> again = receive(consumer, 2);
        assertEquals(List.of("a", "b"), texts(again));
        assertTrue(again.get(0).getJMSRedelivered());
        assertEquals(2, again.get(1).getIntProperty("JMSXDeliveryCount"));
        again.get(1).acknowledge();
        assertEquals(0, storedOn("durable:client-ack:sub"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unacknowledgedMessagesOfADurableSubscriptionComeBackAfterTheSessionCloses(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("closer");
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = session.createTopic("kept-on-close");
        MessageConsumer consumer = session.createDurableConsumer(topic, "sub");
        publish(session, topic, "unacknowledged");
        assertNotNull(consumer.receive(ARRIVES_MILLIS));
        session.close();

        MessageConsumer reopened = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createDurableConsumer(topic, "sub");
        Message back = reopened.receive(ARRIVES_MILLIS);
        assertEquals("unacknowledged", text(back));
        assertTrue(back.getJMSRedelivered());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dupsOkAcknowledgesSubscriptionMessagesLazily(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setDupsOkBatchSize(100);
        factory.setDupsOkBatchDelayMillis(600_000);
        Connection connection = connect(factory);
        connection.start();
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Topic topic = session.createTopic("lazy");
        MessageConsumer consumer = session.createSharedDurableConsumer(topic, "lazy");
        publish(session, topic, "a", "b");
        receive(consumer, 2);
        assertEquals(2, storedOn("shared-durable::lazy"));
        consumer.close();
        session.unsubscribe("lazy");
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTransactionCoversPublishesAndSubscriptionReceives(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("tx");
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = transacted.createTopic("transactional");
        MessageConsumer consumer = transacted.createDurableConsumer(topic, "sub");
        publish(transacted, topic, "rolled back");
        transacted.rollback();
        assertNull(consumer.receive(QUIET_MILLIS), "a rolled back publish never reaches a subscription");
        publish(transacted, topic, "committed");
        assertEquals(0, copiesOn("transactional"), "nothing is stored before commit");
        transacted.commit();

        assertEquals("committed", text(consumer.receive(ARRIVES_MILLIS)));
        transacted.rollback();
        Message again = consumer.receive(ARRIVES_MILLIS);
        assertEquals("committed", text(again));
        assertTrue(again.getJMSRedelivered());
        transacted.commit();
        assertEquals(0, copiesOn("transactional"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTransactionCommitsAfterItsNonDurableSubscriberClosed(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = transacted.createTopic("closed-before-commit");
        MessageConsumer subscriber = transacted.createConsumer(topic);
        MessageConsumer shared = transacted.createSharedConsumer(topic, "closing");
        publish(connection.createSession(), topic, "received in the transaction");
        assertNotNull(subscriber.receive(ARRIVES_MILLIS));
        assertNotNull(shared.receive(ARRIVES_MILLIS));
        Topic audit = transacted.createTopic("audit-trail");
        MessageConsumer auditReader = connection.createSession().createConsumer(audit);
        publish(transacted, audit, "sent in the same transaction");
        subscriber.close();
        shared.close();

        transacted.commit();
        assertEquals("sent in the same transaction", text(auditReader.receive(ARRIVES_MILLIS)),
                "closing a consumer has no effect on the transaction in progress");
        assertEquals(1, subscriptions(), "only the audit reader's subscription is left");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClientAcknowledgeSessionAcknowledgesAfterItsNonDurableSubscriberClosed(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = session.createTopic("closed-before-acknowledge");
        MessageConsumer subscriber = session.createConsumer(topic);
        publish(session, topic, "from the topic");
        Message fromTopic = subscriber.receive(ARRIVES_MILLIS);
        subscriber.close();
        fromTopic.acknowledge();
        session.recover();
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerThatKeepsFailingSendsTheCopyToTheTopicsDeadLetterQueue(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setMaxDeliveryAttempts(2);
        Connection connection = connect(factory);
        connection.setClientID("poisoned");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("events");
        List<String> attempts = new CopyOnWriteArrayList<>();
        session.createDurableConsumer(topic, "fragile").setMessageListener(message -> {
            attempts.add(textOf(message));
            throw new IllegalArgumentException("cannot handle " + textOf(message));
        });
        MessageConsumer healthy = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        connection.start();
        publish(connection.createSession(), topic, "poison");

        eventually(() -> storedOn("events.DLQ") == 1);
        assertEquals(List.of("poison", "poison"), attempts);
        assertEquals("poison", text(healthy.receive(ARRIVES_MILLIS)), "the other subscription's copy is unaffected");
        String reason = queryString("""
                SELECT m.dead_letter_reason FROM pb_message m JOIN pb_destination d ON d.id = m.destination_id
                 WHERE d.name = 'events.DLQ'""");
        assertTrue(reason.contains("cannot handle poison"), reason);
        assertTrue(reason.contains("2 delivery attempts"), reason);
        assertEquals("durable:poisoned:fragile", queryString("""
                SELECT m.dead_letter_origin FROM pb_message m JOIN pb_destination d ON d.id = m.destination_id
                 WHERE d.name = 'events.DLQ'"""));
        Session dlq = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message dead = dlq.createConsumer(dlq.createQueue("events.DLQ")).receive(ARRIVES_MILLIS);
        assertEquals("poison", text(dead));
        assertTrue(dead.getStringProperty("JMS_Postbox_DeadLetterReason").contains("cannot handle poison"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void redeliveriesFromASubscriptionWaitTheRedeliveryDelay(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setRedeliveryDelayMillis(500);
        Connection connection = connect(factory);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = session.createTopic("delayed-retry");
        MessageConsumer consumer = session.createSharedConsumer(topic, "retry");
        publish(session, topic, "retry me");
        assertNotNull(consumer.receive(ARRIVES_MILLIS));
        session.recover();
        long recovered = System.nanoTime();
        Message again = consumer.receive(ARRIVES_MILLIS);
        long waitedMillis = (System.nanoTime() - recovered) / 1_000_000;
        assertEquals("retry me", text(again));
        assertTrue(waitedMillis >= 400, "redelivered after about 500 ms, was " + waitedMillis);
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void expiredCopiesAreNotDeliveredFromASubscription(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("expiry");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("perishable");
        session.createDurableConsumer(topic, "late").close();
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("perishes"), DeliveryMode.PERSISTENT, 4, 300);
        producer.send(session.createTextMessage("lasts"));
        eventually(() -> storedOn("durable:expiry:late") == 1);

        connection.start();
        MessageConsumer consumer = session.createDurableConsumer(topic, "late");
        assertEquals(List.of("lasts"), drain(consumer));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSubscriptionDeliversHigherPrioritiesFirst(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("priorities");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("ranked");
        session.createDurableConsumer(topic, "ranked").close();
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("low"), DeliveryMode.PERSISTENT, 1, 0);
        producer.send(session.createTextMessage("normal"));
        producer.send(session.createTextMessage("high"), DeliveryMode.PERSISTENT, 9, 0);
        producer.send(session.createTextMessage("normal too"));
        assertEquals(List.of("high", "normal", "normal too", "low"),
                drain(session.createDurableConsumer(topic, "ranked")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDelayedMessageGoesOnlyToSubscriptionsThatExistedWhenItWasSent(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("scheduled");
        MessageConsumer early = session.createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.setDeliveryDelay(700);
        long sent = System.currentTimeMillis();
        producer.send(session.createTextMessage("later"));
        MessageConsumer late = session.createConsumer(topic);

        Message delivered = early.receive(ARRIVES_MILLIS);
        assertEquals("later", text(delivered));
        assertTrue(System.currentTimeMillis() - sent >= 650, "not delivered before its delivery time");
        assertNull(late.receive(QUIET_MILLIS), "the subscription did not exist when the message was sent");
        assertFalse(delivered.getJMSRedelivered());
    }
}
