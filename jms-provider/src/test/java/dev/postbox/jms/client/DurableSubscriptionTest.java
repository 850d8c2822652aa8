package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicSession;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unshared durable subscriptions (sections 4.2.2, 6.1.2 and 8.3.3; Session.createDurableConsumer,
 * createDurableSubscriber and unsubscribe): client identifier, retention while inactive, one active
 * consumer, changing a subscription, and unsubscribing.
 */
@Timeout(120)
class DurableSubscriptionTest extends TopicTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnsharedDurableSubscriptionNeedsTheClientIdentifier(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("needs-id");
        assertThrows(IllegalStateException.class, () -> session.createDurableConsumer(topic, "d"));
        assertThrows(IllegalStateException.class, () -> session.createDurableConsumer(topic, "d", "a = 1", true));
        assertThrows(IllegalStateException.class, () -> session.createDurableSubscriber(topic, "d"));
        assertThrows(IllegalStateException.class, () -> session.createDurableSubscriber(topic, "d", null, false));
        assertEquals(0, subscriptions());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDurableSubscriptionKeepsMessagesWhileNoConsumerIsActive(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("keeper");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("orders");
        session.createDurableConsumer(topic, "audit").close();
        publish(session, topic, "one", "two", "three");
        assertEquals(3, storedOn("durable:keeper:audit"));

        MessageConsumer back = session.createDurableConsumer(topic, "audit");
        assertEquals(List.of("one", "two", "three"), drain(back));
        assertEquals(0, storedOn("durable:keeper:audit"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDurableSubscriptionWithoutConsumerPastTheConfiguredTimeIsRemovedWithItsMessages(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setInactiveDurableSubscriptionTimeoutMillis(500);
        Connection connection = connect(factory);
        connection.setClientID("forgetful");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("bulletins");
        MessageConsumer reader = session.createDurableConsumer(topic, "read");
        session.createDurableConsumer(topic, "unread").close();
        publish(session, topic, "one", "two");
        assertEquals(4, copiesOn("bulletins"));

        eventually(() -> !subscriptionExists("durable:forgetful:unread"));
        assertEquals(2, copiesOn("bulletins"), "the removed subscription's copies went with it");
        remains("a subscription with a consumer is kept however long", () -> subscriptionExists("durable:forgetful:read"));
        connection.start();
        assertEquals(List.of("one", "two"), drain(reader));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDurableSubscriberGetsAfterAConnectionRestartWhatWasPublishedMeanwhile(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection first = connect(factory);
        first.setClientID("restarter");
        Session session = first.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = session.createTopic("restarts");
        session.createDurableSubscriber(topic, "sub");
        publish(session, topic, "before restart");
        first.close();
        publish(connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "meanwhile");

        Connection second = connect(factory);
        second.setClientID("restarter");
        second.start();
        Session again = second.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertEquals(List.of("before restart", "meanwhile"), drain(again.createDurableSubscriber(topic, "sub")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnsharedDurableSubscriptionAdmitsOneActiveConsumer(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("single");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("exclusive");
        MessageConsumer active = session.createDurableConsumer(topic, "only");
        assertThrows(IllegalStateException.class, () -> other.createDurableConsumer(topic, "only"));
        assertThrows(IllegalStateException.class, () -> session.createDurableSubscriber(topic, "only"));
        assertThrows(IllegalStateException.class, () -> other.createDurableConsumer(topic, "only", "x = 1", true),
                "a changed definition is refused too while a consumer is active");
        publish(other, topic, "still flows");
        assertEquals(List.of("still flows"), drain(active));

        active.close();
        MessageConsumer next = other.createDurableConsumer(topic, "only");
        publish(other, topic, "to the next");
        assertEquals(List.of("to the next"), drain(next));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unsubscribingANonexistentSubscriptionThrowsInvalidDestinationException(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("nothing-here");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe("missing"));
        Topic topic = session.createTopic("elsewhere");
        session.createConsumer(topic);
        session.createSharedConsumer(topic, "shared-only");
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe("shared-only"),
                "a shared non-durable subscription is not a durable one");
        Session noClientId = connect(new PostboxConnectionFactory(database.url()))
                .createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createDurableConsumer(topic, "scoped").close();
        assertThrows(InvalidDestinationException.class, () -> noClientId.unsubscribe("scoped"),
                "a durable subscription of a client is found only with that client identifier");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unsubscribeDeletesTheSubscriptionAndItsMessages(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("leaver");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("leaving");
        session.createDurableConsumer(topic, "gone").close();
        publish(session, topic, "dropped with the subscription");
        session.unsubscribe("gone");
        assertFalse(subscriptionExists("durable:leaver:gone"));
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"));
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe("gone"));

        MessageConsumer fresh = session.createDurableConsumer(topic, "gone");
        assertNull(fresh.receive(QUIET_MILLIS), "a new subscription of the same name starts empty");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unsubscribingWithAnActiveConsumerIsRefused(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("busy");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("busy");
        MessageConsumer active = session.createDurableConsumer(topic, "in-use");
        JMSException refused = assertThrows(JMSException.class, () -> session.unsubscribe("in-use"));
        assertTrue(refused instanceof IllegalStateException, refused.toString());
        assertTrue(subscriptionExists("durable:busy:in-use"));
        active.close();
        session.unsubscribe("in-use");
        assertFalse(subscriptionExists("durable:busy:in-use"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unsubscribingWhileAReceivedMessageIsUnacknowledgedIsRefused(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("careful");
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic topic = session.createTopic("unacknowledged");
        MessageConsumer consumer = session.createDurableConsumer(topic, "pending");
        publish(session, topic, "not yet acknowledged");
        Message message = consumer.receive(ARRIVES_MILLIS);
        consumer.close();

        assertThrows(IllegalStateException.class, () -> session.unsubscribe("pending"));
        message.acknowledge();
        session.unsubscribe("pending");
        assertFalse(subscriptionExists("durable:careful:pending"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unsubscribingWhileAReceivedMessageIsInAPendingTransactionIsRefused(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("transactional");
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = session.createTopic("in-transaction");
        MessageConsumer consumer = session.createDurableConsumer(topic, "tx");
        publish(session, topic, "first", "second");
        session.commit();
        assertEquals("first", text(consumer.receive(ARRIVES_MILLIS)));
        consumer.close();
        assertThrows(IllegalStateException.class, () -> session.unsubscribe("tx"));
        session.rollback();
        session.unsubscribe("tx");
        assertFalse(subscriptionExists("durable:transactional:tx"));

        MessageConsumer again = session.createDurableConsumer(topic, "tx");
        publish(session, topic, "third");
        session.commit();
        assertEquals("third", text(again.receive(ARRIVES_MILLIS)));
        again.close();
        assertThrows(IllegalStateException.class, () -> session.unsubscribe("tx"));
        session.commit();
        session.unsubscribe("tx");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewSelectorReplacesAnInactiveDurableSubscription(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("changer");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("changing");
        session.createDurableConsumer(topic, "sub", "colour = 'red'", false).close();
        var producer = session.createProducer(topic);
        producer.send(textWith(session, "old red", "colour", "red"));
        producer.send(textWith(session, "old blue", "colour", "blue"));
        assertEquals(1, storedOn("durable:changer:sub"));

        MessageConsumer blue = session.createDurableConsumer(topic, "sub", "colour = 'blue'", false);
        assertEquals("colour = 'blue'", blue.getMessageSelector());
        producer.send(textWith(session, "new red", "colour", "red"));
        producer.send(textWith(session, "new blue", "colour", "blue"));
        assertEquals(List.of("new blue"), drain(blue), "the old subscription and its messages were deleted");
        blue.close();
        session.createDurableConsumer(topic, "sub", "colour = 'blue'", false).close();
        assertTrue(subscriptionExists("durable:changer:sub"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewNoLocalValueOrTopicReplacesAnInactiveDurableSubscription(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection connection = connect(factory);
        connection.setClientID("mover");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic first = session.createTopic("first-topic");
        Topic second = session.createTopic("second-topic");
        Session outsider = connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createDurableConsumer(first, "moving").close();
        publish(outsider, first, "kept until noLocal changes");

        session.createDurableConsumer(first, "moving", null, true).close();
        assertEquals(0, storedOn("durable:mover:moving"), "changing noLocal deleted the old messages");
        publish(outsider, first, "on the first topic");
        MessageConsumer moved = session.createDurableConsumer(second, "moving", null, true);
        publish(outsider, first, "first topic, after the move");
        publish(outsider, second, "second topic");
        assertEquals(List.of("second topic"), drain(moved));
        assertEquals(1, subscriptions());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void durableNoLocalSkipsMessagesOfEveryConnectionWithTheSameClientIdentifier(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection own = connect(factory);
        own.setClientID("self");
        Session session = own.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("echo");
        session.createDurableConsumer(topic, "no-echo", null, true).close();
        publish(session, topic, "from this connection");
        own.close();
        Connection sameClient = connect(factory);
        sameClient.setClientID("self");
        publish(sameClient.createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "from another connection of self");
        publish(connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "from someone else");

        sameClient.start();
        MessageConsumer consumer = sameClient.createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createDurableConsumer(topic, "no-echo", null, true);
        assertEquals(List.of("from someone else"), drain(consumer));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSameNameWithAnotherClientIdentifierIsAnotherSubscription(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection alice = connect(factory);
        alice.setClientID("alice");
        Connection bob = connect(factory);
        bob.setClientID("bob");
        alice.start();
        bob.start();
        Session aliceSession = alice.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = aliceSession.createTopic("mail");
        MessageConsumer aliceInbox = aliceSession.createDurableConsumer(topic, "inbox");
        MessageConsumer bobInbox = bob.createSession(false, Session.AUTO_ACKNOWLEDGE).createDurableConsumer(topic,
                "inbox");
        publish(aliceSession, topic, "hello");
        assertEquals(List.of("hello"), drain(aliceInbox));
        assertEquals(List.of("hello"), drain(bobInbox));
        aliceInbox.close();
        aliceSession.unsubscribe("inbox");
        assertTrue(subscriptionExists("durable:bob:inbox"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDurableSubscriptionOnATemporaryTopicIsRefused(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("temporary");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic temporary = session.createTemporaryTopic();
        assertThrows(InvalidDestinationException.class, () -> session.createDurableConsumer(temporary, "d"));
        assertThrows(InvalidDestinationException.class,
                () -> ((TopicSession) session).createDurableSubscriber(temporary, "d", null, false));
        assertThrows(InvalidDestinationException.class, () -> session.createSharedDurableConsumer(temporary, "sd"));
        assertEquals(0, subscriptions());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInvalidTopicOrNameIsRefusedBeforeTheClientIdentifierIsChecked(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("validated");
        assertThrows(InvalidDestinationException.class, () -> session.createDurableConsumer(null, "d"));
        assertThrows(InvalidDestinationException.class, () -> session.createDurableSubscriber(null, "d"));
        assertThrows(jakarta.jms.InvalidSelectorException.class,
                () -> session.createDurableConsumer(topic, "d", "=", false));
        assertThrows(InvalidDestinationException.class, () -> session.createSharedDurableConsumer(null, "d"));
        assertThrows(InvalidDestinationException.class, () -> session.createSharedConsumer(null, "s"));
        assertThrows(JMSException.class, () -> session.createSharedDurableConsumer(topic, null));
        assertThrows(JMSException.class, () -> session.createSharedConsumer(topic, ""));
        assertThrows(InvalidDestinationException.class, () -> session.unsubscribe(null));
        assertEquals(0, subscriptions());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoNodesRacingForAnUnsharedDurableSubscriptionGetOneConsumer(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory firstNode = factory(kind);
        PostboxConnectionFactory secondNode = dev.postbox.jms.testing.Brokers.factory(database);
        secondNode.setPollIntervalMillis(249); // other settings: another broker node on the same store
        Session first = racer(firstNode);
        Session second = racer(secondNode);
        Topic topic = first.createTopic("raced");
        java.util.concurrent.ExecutorService racers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                assertOneWins(first, second, topic, "raced-" + round, racers);
            }
        } finally {
            racers.shutdownNow();
        }
    }

    private void assertOneWins(Session first, Session second, Topic topic, String name,
            java.util.concurrent.ExecutorService racers) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        var one = racers.submit(() -> open(first, topic, name, start));
        var two = racers.submit(() -> open(second, topic, name, start));
        List<Object> outcomes = List.of(one.get(), two.get());
        assertEquals(1, outcomes.stream().filter(MessageConsumer.class::isInstance).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(IllegalStateException.class::isInstance).count(),
                outcomes.toString());
        assertEquals(1, queryLong("""
                SELECT COUNT(*) FROM pb_subscription_consumer c JOIN pb_destination d ON d.id = c.subscription_id
                 WHERE d.name = ?""", "durable:racer:" + name));
    }

    private Session racer(PostboxConnectionFactory node) throws JMSException {
        Connection connection = connect(node);
        connection.setClientID("racer");
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** The consumer, or the exception that refused it. */
    private static Object open(Session session, Topic topic, String name, java.util.concurrent.CyclicBarrier start) {
        try {
            start.await();
            return session.createDurableConsumer(topic, name);
        } catch (IllegalStateException refused) {
            return refused;
        } catch (Exception e) {
            return e;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void subscriptionNamesOf128LettersDigitsAndSeparatorsAreAccepted(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("names");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("named");
        String base = "Ünïcödé_Ωμέγα.名前-42_";
        String name = (base.repeat(128 / base.length() + 1)).substring(0, 128);
        assertEquals(128, name.length());
        MessageConsumer durable = session.createDurableConsumer(topic, name);
        MessageConsumer shared = session.createSharedConsumer(topic, name);
        MessageConsumer sharedDurable = session.createSharedDurableConsumer(topic, name + "-shared");
        publish(session, topic, "named");
        for (MessageConsumer consumer : List.of(durable, shared, sharedDurable)) {
            assertEquals(List.of("named"), drain(consumer));
        }
        durable.close();
        session.unsubscribe(name);
        assertFalse(subscriptionExists("durable:names:" + name));
    }
}
