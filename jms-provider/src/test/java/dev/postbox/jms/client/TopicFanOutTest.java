package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What publishing costs with many subscriptions: one stored copy per interested subscription, written in
 * the publishing transaction, and subscriptions that nobody reads do not hold back the others.
 */
@Timeout(180)
class TopicFanOutTest extends TopicTestBase {

    private static final int SUBSCRIPTIONS = 100;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onePublishStoresOneCopyPerSubscriptionInOneTransaction(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("broadcast");
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            session.createSharedDurableConsumer(topic, "s" + i, i % 2 == 0 ? null : "n = 1").close();
        }
        assertEquals(SUBSCRIPTIONS, subscriptionsOf("broadcast"));

        MessageProducer producer = session.createProducer(topic);
        var message = session.createTextMessage("to everyone");
        message.setIntProperty("n", 1);
        producer.send(message);
        assertEquals(SUBSCRIPTIONS, copiesOn("broadcast"));
        assertEquals(SUBSCRIPTIONS, queryLong("SELECT COUNT(DISTINCT destination_id) FROM pb_message"));
        assertEquals(1, queryLong("SELECT COUNT(DISTINCT message_id) FROM pb_message"));
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            assertEquals(1, queryLong("SELECT COUNT(DISTINCT xmin::text) FROM pb_message"),
                    "every copy was written by the same database transaction");
        }

        var selective = session.createTextMessage("to the unselective half");
        selective.setIntProperty("n", 2);
        producer.send(selective);
        assertEquals(SUBSCRIPTIONS + SUBSCRIPTIONS / 2, copiesOn("broadcast"));

        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        var atomic = transacted.createTextMessage("all or nothing");
        atomic.setIntProperty("n", 1);
        transacted.createProducer(topic).send(atomic);
        assertEquals(SUBSCRIPTIONS + SUBSCRIPTIONS / 2, copiesOn("broadcast"), "nothing before commit");
        transacted.commit();
        assertEquals(2 * SUBSCRIPTIONS + SUBSCRIPTIONS / 2, copiesOn("broadcast"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSubscriptionNobodyReadsDoesNotHoldBackTheOthers(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.setClientID("fan-out");
        Session publisher = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = publisher.createTopic("firehose");
        publisher.createDurableConsumer(topic, "forgotten").close();
        MessageProducer producer = publisher.createProducer(topic);
        for (int batch = 0; batch < 10; batch++) {
            for (int i = 0; i < 100; i++) {
                producer.send(publisher.createTextMessage("backlog " + batch + "-" + i));
            }
            publisher.commit();
        }
        assertEquals(1000, storedOn("durable:fan-out:forgotten"));

        Set<String> first = ConcurrentHashMap.newKeySet();
        Set<String> second = ConcurrentHashMap.newKeySet();
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createDurableConsumer(topic, "busy")
                .setMessageListener(message -> first.add(textOf(message)));
        connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE).createConsumer(topic)
                .setMessageListener(message -> second.add(textOf(message)));
        connection.start();
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            producer.send(publisher.createTextMessage("live " + i));
            if (i % 10 == 9) {
                publisher.commit();
            }
        }
        eventually(() -> first.size() == 100 && second.size() == 100);
        long drainedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1100, storedOn("durable:fan-out:forgotten"), "the unread subscription only grows");
        eventually(() -> storedOn("durable:fan-out:busy") == 0);
        assertTrue(first.stream().allMatch(text -> text.startsWith("live ")), "the readers got no backlog");
        assertTrue(drainedMillis < ARRIVES_MILLIS, "drained in " + drainedMillis + " ms");
    }
}
