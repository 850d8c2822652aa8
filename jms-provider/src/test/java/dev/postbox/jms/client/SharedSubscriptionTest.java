package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shared subscriptions (sections 8.3.2 and 8.3.4; Session.createSharedConsumer and
 * createSharedDurableConsumer): competing consumers, identity by name and optional client identifier,
 * the namespaces of the subscription kinds, and their lifetimes.
 */
@Timeout(120)
class SharedSubscriptionTest extends TopicTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void consumersOfASharedSubscriptionEachGetDifferentMessages(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = Brokers.oneAtATime(factory(kind)); // alternating receives
        Connection first = connect(factory);
        Connection second = connect(factory);
        first.start();
        second.start();
        Topic topic = first.createSession().createTopic("jobs");
        MessageConsumer one = first.createSession(false, Session.AUTO_ACKNOWLEDGE).createSharedConsumer(topic, "work");
        MessageConsumer two = second.createSession(false, Session.AUTO_ACKNOWLEDGE).createSharedConsumer(topic, "work");
        MessageConsumer watcher = first.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        List<String> published = IntStream.range(0, 20).mapToObj(i -> "job " + i).toList();
        publish(first.createSession(), topic, published.toArray(String[]::new));

        List<String> byOne = new ArrayList<>();
        List<String> byTwo = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byOne.add(text(one.receive(ARRIVES_MILLIS)));
            byTwo.add(text(two.receive(ARRIVES_MILLIS)));
        }
        assertNull(one.receiveNoWait());
        assertNull(two.receiveNoWait());
        List<String> together = new ArrayList<>(byOne);
        together.addAll(byTwo);
        assertEquals(published, together.stream().sorted((a, b) -> Integer.compare(number(a), number(b)))
                .collect(Collectors.toList()), "each message went to exactly one consumer");
        assertEquals(published, texts(receive(watcher, 20)), "another subscription gets its own copy of each");
        assertEquals(1, queryLong("SELECT COUNT(*) FROM pb_destination WHERE name = 'shared::work'"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void consumersOfASharedDurableSubscriptionEachGetDifferentMessages(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(Brokers.oneAtATime(factory(kind))); // alternating receives
        connection.start();
        Session one = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Session two = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = one.createTopic("batch");
        MessageConsumer first = one.createSharedDurableConsumer(topic, "batch-workers");
        MessageConsumer second = two.createSharedDurableConsumer(topic, "batch-workers");
        publish(connection.createSession(), topic, "a", "b", "c", "d");
        Message a = first.receive(ARRIVES_MILLIS);
        Message b = second.receive(ARRIVES_MILLIS);
        Message c = first.receive(ARRIVES_MILLIS);
        Message d = second.receive(ARRIVES_MILLIS);
        assertEquals(List.of("a", "b", "c", "d"), texts(List.of(a, b, c, d)));
        two.rollback();
        assertEquals(List.of("b", "d"), texts(receive(first, 2)), "rolled back messages go to any consumer");
        a.acknowledge();
        assertEquals(0, storedOn("shared-durable::batch-workers"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theClientIdentifierIsOptionalAndScopesTheName(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection anonymous = connect(factory);
        Connection identified = connect(factory);
        identified.setClientID("team-a");
        anonymous.start();
        identified.start();
        Session anonymousSession = anonymous.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session identifiedSession = identified.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = anonymousSession.createTopic("scoped");
        MessageConsumer global = anonymousSession.createSharedDurableConsumer(topic, "reports");
        MessageConsumer teamA = identifiedSession.createSharedDurableConsumer(topic, "reports");
        MessageConsumer globalNonDurable = anonymousSession.createSharedConsumer(topic, "reports");
        MessageConsumer teamANonDurable = identifiedSession.createSharedConsumer(topic, "reports");
        publish(anonymousSession, topic, "quarterly");

        for (MessageConsumer consumer : List.of(global, teamA, globalNonDurable, teamANonDurable)) {
            assertEquals(List.of("quarterly"), drain(consumer), "four separate subscriptions");
        }
        assertTrue(subscriptionExists("shared-durable::reports"));
        assertTrue(subscriptionExists("shared-durable:team-a:reports"));
        assertTrue(subscriptionExists("shared::reports"));
        assertTrue(subscriptionExists("shared:team-a:reports"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDifferentTopicOrSelectorForAnActiveSharedSubscriptionIsRefused(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("definitions");
        Topic other = session.createTopic("other-definitions");
        MessageConsumer shared = session.createSharedConsumer(topic, "s", "a = 1");
        MessageConsumer sharedDurable = session.createSharedDurableConsumer(topic, "sd", "a = 1");
        assertThrows(JMSException.class, () -> session.createSharedConsumer(topic, "s"));
        assertThrows(JMSException.class, () -> session.createSharedConsumer(topic, "s", "a = 2"));
        assertThrows(JMSException.class, () -> session.createSharedConsumer(other, "s", "a = 1"));
        assertThrows(JMSException.class, () -> session.createSharedDurableConsumer(topic, "sd"));
        assertThrows(JMSException.class, () -> session.createSharedDurableConsumer(other, "sd", "a = 1"));

        MessageConsumer sameDefinition = session.createSharedConsumer(topic, "s", "a = 1");
        session.createSharedDurableConsumer(topic, "sd", "a = 1").close();
        var producer = session.createProducer(topic);
        Message matching = session.createTextMessage("matching");
        matching.setIntProperty("a", 1);
        producer.send(matching);
        assertEquals(1, drain(shared).size() + drain(sameDefinition).size());
        assertEquals(1, drain(sharedDurable).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewTopicOrSelectorReplacesAnInactiveSharedDurableSubscription(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("reshaped");
        session.createSharedDurableConsumer(topic, "shape", "size = 'S'").close();
        var producer = session.createProducer(topic);
        producer.send(textWith(session, "small", "size", "S"));
        assertEquals(1, storedOn("shared-durable::shape"));

        MessageConsumer large = session.createSharedDurableConsumer(topic, "shape", "size = 'L'");
        assertEquals(0, storedOn("shared-durable::shape"), "the old subscription was deleted with its messages");
        producer.send(textWith(session, "small again", "size", "S"));
        producer.send(textWith(session, "large", "size", "L"));
        assertEquals(List.of("large"), drain(large));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void durableAndSharedDurableSubscriptionsCannotShareANameAndClientIdentifier(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("namespaces");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("namespaced");
        session.createDurableConsumer(topic, "unshared-first").close();
        assertThrows(JMSException.class, () -> session.createSharedDurableConsumer(topic, "unshared-first"),
                "an (inactive) unshared durable subscription holds the name");
        MessageConsumer sharedFirst = session.createSharedDurableConsumer(topic, "shared-first");
        assertThrows(JMSException.class, () -> session.createDurableConsumer(topic, "shared-first"));
        sharedFirst.close();
        assertThrows(JMSException.class, () -> session.createDurableSubscriber(topic, "shared-first"),
                "an inactive shared durable subscription holds the name too");
        assertTrue(subscriptionExists("durable:namespaces:unshared-first"));
        assertTrue(subscriptionExists("shared-durable:namespaces:shared-first"));
        assertEquals(2, subscriptions());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSharedNonDurableSubscriptionIsSeparateFromDurableOnesOfTheSameName(TestDatabase.Kind kind)
            throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("separate");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("same-names");
        MessageConsumer durable = session.createDurableConsumer(topic, "n");
        MessageConsumer sharedNonDurable = session.createSharedConsumer(topic, "n");
        MessageConsumer sharedDurable = session.createSharedDurableConsumer(topic, "m");
        MessageConsumer sharedNonDurableM = session.createSharedConsumer(topic, "m");
        publish(session, topic, "copied four times");
        for (MessageConsumer consumer : List.of(durable, sharedNonDurable, sharedDurable, sharedNonDurableM)) {
            assertEquals(List.of("copied four times"), drain(consumer));
        }
        durable.close();
        session.unsubscribe("n");
        assertTrue(subscriptionExists("shared:separate:n"), "unsubscribe leaves the shared non-durable one alone");
        sharedNonDurable.close();
        assertFalse(subscriptionExists("shared:separate:n"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSharedNonDurableSubscriptionEndsWithItsLastConsumer(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("fleeting");
        MessageConsumer one = session.createSharedConsumer(topic, "pool");
        MessageConsumer two = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createSharedConsumer(topic, "pool");
        publish(session, topic, "kept while a consumer remains");
        one.close();
        assertTrue(subscriptionExists("shared::pool"));
        assertEquals(List.of("kept while a consumer remains"), drain(two));
        publish(session, topic, "dropped with the subscription");
        two.close();
        assertFalse(subscriptionExists("shared::pool"));
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"));

        MessageConsumer later = session.createSharedConsumer(topic, "pool");
        publish(session, topic, "new");
        assertEquals(List.of("new"), drain(later), "a new subscription of the same name starts empty");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSharedDurableSubscriptionOutlivesItsConsumersUntilUnsubscribed(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection first = connect(factory);
        Session session = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("lasting");
        session.createSharedDurableConsumer(topic, "archive").close();
        publish(session, topic, "while nobody reads");
        first.close();

        Connection second = connect(factory);
        second.start();
        Session again = second.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = again.createSharedDurableConsumer(topic, "archive");
        assertEquals(List.of("while nobody reads"), drain(consumer));
        assertThrows(jakarta.jms.IllegalStateException.class, () -> again.unsubscribe("archive"));
        consumer.close();
        again.unsubscribe("archive");
        assertFalse(subscriptionExists("shared-durable::archive"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sharedConsumersReportTheirSelectorAndNoNoLocal(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("reporting");
        MessageConsumer shared = session.createSharedConsumer(topic, "s", "x = 1");
        assertEquals("x = 1", shared.getMessageSelector());
        assertFalse(((TopicSubscriber) shared).getNoLocal());
        assertEquals(topic, ((TopicSubscriber) shared).getTopic());
        assertNull(session.createSharedDurableConsumer(topic, "sd", "").getMessageSelector());
    }

    private static int number(String job) {
        return Integer.parseInt(job.substring(job.indexOf(' ') + 1));
    }
}
