package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unshared non-durable subscriptions (sections 4.2.2 and 8.3.1; Session.createConsumer, TopicSession
 * .createSubscriber): what a subscriber gets, selectors, noLocal, and the subscription's lifetime.
 */
@Timeout(120)
class NonDurableSubscriptionTest extends TopicTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSubscriberGetsOnlyMessagesPublishedWhileItIsSubscribed(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("news");
        publish(session, topic, "before");
        MessageConsumer subscriber = session.createConsumer(topic);
        publish(session, topic, "during");
        assertEquals(List.of("during"), drain(subscriber));
        subscriber.close();
        publish(session, topic, "between");

        MessageConsumer again = session.createConsumer(topic);
        publish(session, topic, "after");
        assertEquals(List.of("after"), drain(again), "a new subscription starts empty");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everySubscriberGetsEveryMessageInPublishOrder(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection first = connect(factory);
        Connection second = connect(factory);
        first.start();
        second.start();
        Session one = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session two = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session three = second.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = one.createTopic("prices");
        List<MessageConsumer> subscribers = List.of(one.createConsumer(topic), two.createConsumer(topic),
                three.createConsumer(topic), one.createConsumer(topic));
        publish(second.createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "1", "2", "3", "4", "5");

        for (MessageConsumer subscriber : subscribers) {
            assertEquals(List.of("1", "2", "3", "4", "5"), texts(receive(subscriber, 5)));
            assertNull(subscriber.receive(QUIET_MILLIS / 4));
        }
        assertEquals(4, subscriptionsOf("prices"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aListenerOnASubscriptionGetsEachPublishedMessage(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("ticks");
        List<String> heard = new CopyOnWriteArrayList<>();
        session.createConsumer(topic).setMessageListener(message -> heard.add(textOf(message)));
        connection.start();
        publish(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "a", "b", "c");
        eventually(() -> heard.size() == 3);
        assertEquals(List.of("a", "b", "c"), heard);
        eventually(() -> copiesOn("ticks") == 0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachSubscriptionAppliesItsOwnSelector(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("weather");
        MessageConsumer everything = session.createConsumer(topic);
        MessageConsumer rain = session.createConsumer(topic, "kind = 'rain'");
        MessageConsumer urgent = session.createConsumer(topic, "JMSPriority > 6 OR JMSType = 'alert'", false);
        MessageConsumer empty = session.createConsumer(topic, "");
        var producer = session.createProducer(topic);
        producer.send(textWith(session, "drizzle", "kind", "rain"));
        producer.send(textWith(session, "storm", "kind", "wind"), DeliveryMode.PERSISTENT, 9, 0);
        TextMessage typed = textWith(session, "flood", "kind", "rain");
        typed.setJMSType("alert");
        producer.send(typed);
        producer.send(session.createTextMessage("sun"));

        assertEquals(List.of("storm", "drizzle", "flood", "sun"), texts(receive(everything, 4)),
                "priority 9 is delivered first");
        assertEquals(List.of("drizzle", "flood"), drain(rain));
        assertEquals(List.of("storm", "flood"), drain(urgent));
        assertEquals(4, drain(empty).size(), "an empty selector selects everything");
        assertEquals("kind = 'rain'", rain.getMessageSelector());
        assertNull(empty.getMessageSelector());
        assertEquals(0, copiesOn("weather"), "messages a selector refused were never stored for it");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInvalidSelectorIsRefusedWhenTheSubscriptionIsCreated(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("selective");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("bad-selectors");
        String invalid = "price >< 3";
        assertThrows(InvalidSelectorException.class, () -> session.createConsumer(topic, invalid));
        assertThrows(InvalidSelectorException.class, () -> session.createConsumer(topic, invalid, true));
        assertThrows(InvalidSelectorException.class,
                () -> ((jakarta.jms.TopicSession) session).createSubscriber(topic, invalid, false));
        assertThrows(InvalidSelectorException.class, () -> session.createSharedConsumer(topic, "s", invalid));
        assertThrows(InvalidSelectorException.class, () -> session.createDurableConsumer(topic, "d", invalid, false));
        assertThrows(InvalidSelectorException.class,
                () -> session.createDurableSubscriber(topic, "d", invalid, false));
        assertThrows(InvalidSelectorException.class, () -> session.createSharedDurableConsumer(topic, "sd", invalid));
        assertEquals(0, subscriptions(), "no subscription was created");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noLocalSkipsMessagesOfItsOwnConnectionAndKeepsOthers(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection own = connect(factory);
        Connection other = connect(factory);
        own.start();
        Session session = own.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("chat");
        MessageConsumer quiet = session.createConsumer(topic, null, true);
        MessageConsumer all = session.createConsumer(topic);
        publish(session, topic, "own session");
        publish(own.createSession(true, Session.SESSION_TRANSACTED), topic, "uncommitted");
        Session ownTransacted = own.createSession(true, Session.SESSION_TRANSACTED);
        publish(ownTransacted, topic, "own transacted session");
        ownTransacted.commit();
        publish(other.createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "other connection");

        assertEquals(List.of("other connection"), drain(quiet));
        assertEquals(List.of("own session", "own transacted session", "other connection"), drain(all));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noLocalWorksTheSameOnAConnectionWithAClientId(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection own = connect(factory);
        own.setClientID("talker");
        Connection other = connect(factory);
        other.setClientID("listener");
        own.start();
        Session session = own.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("chat-ids");
        TopicSubscriber quiet = ((jakarta.jms.TopicSession) session).createSubscriber(topic, null, true);
        publish(session, topic, "mine");
        publish(other.createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "theirs");
        assertEquals(List.of("theirs"), drain(quiet));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingASubscriberRemovesItsSubscriptionWithTheUnreadMessages(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("transient");
        MessageConsumer first = session.createConsumer(topic);
        MessageConsumer second = session.createConsumer(topic, "x IS NULL");
        publish(session, topic, "unread", "unread too");
        assertEquals(2, subscriptionsOf("transient"));
        assertEquals(4, copiesOn("transient"));

        first.close();
        assertEquals(1, subscriptionsOf("transient"));
        assertEquals(2, copiesOn("transient"));
        second.close();
        assertEquals(0, subscriptionsOf("transient"));
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"));
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_subscription_consumer"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingTheSessionOrTheConnectionRemovesItsSubscriptions(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection connection = connect(factory);
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = session.createTopic("short-lived");
        session.createConsumer(topic);
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        assertEquals(2, subscriptionsOf("short-lived"));
        session.close();
        assertEquals(1, subscriptionsOf("short-lived"));
        connection.close();
        assertEquals(0, subscriptionsOf("short-lived"));

        Session publisher = connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        publish(publisher, topic, "nobody listens");
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"), "a topic without subscriptions keeps nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTopicSubscriberReportsItsTopicSelectorAndNoLocal(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("reporter");
        jakarta.jms.TopicSession session = (jakarta.jms.TopicSession) connection.createSession(false,
                Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("reported");
        TopicSubscriber plain = session.createSubscriber(topic);
        assertEquals(topic, plain.getTopic());
        assertFalse(plain.getNoLocal());
        assertNull(plain.getMessageSelector());
        TopicSubscriber local = session.createSubscriber(topic, "a = 1", true);
        assertTrue(local.getNoLocal());
        assertEquals("a = 1", local.getMessageSelector());
        TopicSubscriber durable = session.createDurableSubscriber(topic, "kept", "b = 2", true);
        assertEquals(topic, durable.getTopic());
        assertTrue(durable.getNoLocal());
        assertEquals("b = 2", durable.getMessageSelector());
        TopicSubscriber durableDefaults = session.createDurableSubscriber(topic, "defaults");
        assertFalse(durableDefaults.getNoLocal());
        assertNull(durableDefaults.getMessageSelector());

        plain.close();
        assertThrows(IllegalStateException.class, plain::getTopic);
        assertThrows(IllegalStateException.class, plain::getNoLocal);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void publishedMessagesNameTheTopicAsTheirDestination(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("addressed");
        MessageConsumer subscriber = session.createConsumer(topic);
        publish(session, topic, "m");
        Message received = subscriber.receive(ARRIVES_MILLIS);
        assertEquals(topic, received.getJMSDestination());
        assertFalse(received.getJMSRedelivered());
        assertEquals(1, received.getIntProperty("JMSXDeliveryCount"));
    }
}
