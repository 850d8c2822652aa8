package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.client.topics.ChildJvm;
import dev.postbox.jms.client.topics.SubscriptionChild;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Subscriptions shared and guarded across JVMs on one PostgreSQL store: consumers in two JVMs compete on a
 * shared durable subscription, and an unshared durable subscription admits one active consumer in any
 * client ("The term consumer here means a TopicSubscriber, MessageConsumer or JMSConsumer object in any
 * client", Session.createDurableConsumer).
 */
@Timeout(240)
class CrossJvmSubscriptionTest extends TopicTestBase {

    private static final Duration CHILD_STARTS = Duration.ofSeconds(90);

    @Test
    void consumersInTwoJvmsShareADurableSubscriptionAndGetEachMessageOnce() throws Exception {
        PostboxConnectionFactory factory = factory(TestDatabase.Kind.POSTGRESQL);
        Connection connection = connect(factory);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = session.createTopic("cross-jvm-work");
        session.createSharedDurableConsumer(topic, "workers").close();
        try (ChildJvm first = ChildJvm.start("compete-1", SubscriptionChild.class, database.url(), "compete",
                "workers", "cross-jvm-work");
                ChildJvm second = ChildJvm.start("compete-2", SubscriptionChild.class, database.url(), "compete",
                        "workers", "cross-jvm-work")) {
            first.awaitLine("READY", CHILD_STARTS);
            second.awaitLine("READY", CHILD_STARTS);
            List<String> published = IntStream.range(0, 200).mapToObj(i -> "work-" + i).toList();
            MessageProducer producer = session.createProducer(topic);
            for (String text : published) {
                producer.send(session.createTextMessage(text));
            }
            session.commit();

            Awaitility.await().atMost(60, TimeUnit.SECONDS)
                    .until(() -> got(first).size() + got(second).size() >= published.size());
            first.send("STOP");
            second.send("STOP");
            first.awaitLine("DONE", Duration.ofSeconds(30));
            second.awaitLine("DONE", Duration.ofSeconds(30));
            assertEquals(0, first.awaitExit(Duration.ofSeconds(30)));
            assertEquals(0, second.awaitExit(Duration.ofSeconds(30)));

            List<String> all = new ArrayList<>(got(first));
            all.addAll(got(second));
            assertEquals(published.size(), all.size(), "no message was delivered twice");
            assertEquals(new HashSet<>(published), new HashSet<>(all), "every message was delivered");
            assertFalse(got(first).isEmpty(), "the first JVM took part");
            assertFalse(got(second).isEmpty(), "the second JVM took part");
            assertEquals(0, storedOn("shared-durable::workers"));
        }
    }

    @Test
    void aSecondJvmCannotOpenAnUnsharedDurableSubscriptionWhileTheFirstHoldsIt() throws Exception {
        PostboxConnectionFactory factory = factory(TestDatabase.Kind.POSTGRESQL);
        Connection local = connect(factory);
        local.setClientID("cross-jvm-client");
        Session session = local.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("cross-jvm-exclusive");
        try (ChildJvm holder = ChildJvm.start("hold", SubscriptionChild.class, database.url(), "hold",
                "cross-jvm-client", "exclusive", "cross-jvm-exclusive")) {
            holder.awaitLine("HOLDING", CHILD_STARTS);
            try (ChildJvm contender = ChildJvm.start("try", SubscriptionChild.class, database.url(), "try",
                    "cross-jvm-client", "exclusive", "cross-jvm-exclusive")) {
                String answer = contender.await(line -> line.startsWith("REFUSED") || line.startsWith("OPENED"),
                        CHILD_STARTS);
                assertTrue(answer.startsWith("REFUSED " + IllegalStateException.class.getName() + ":"), answer);
                assertEquals(0, contender.awaitExit(Duration.ofSeconds(30)));
            }
            assertThrows(IllegalStateException.class, () -> session.createDurableConsumer(topic, "exclusive"),
                    "this JVM is refused too");

            holder.send("STOP");
            holder.awaitLine("DONE", Duration.ofSeconds(30));
            assertEquals(0, holder.awaitExit(Duration.ofSeconds(30)));
        }
        MessageConsumer mine = session.createDurableConsumer(topic, "exclusive");
        local.start();
        publish(session, topic, "now mine");
        assertEquals(List.of("now mine"), drain(mine));
    }

    private static List<String> got(ChildJvm child) {
        List<String> texts = new ArrayList<>();
        for (String line : child.output()) {
            if (line.startsWith("GOT ")) {
                texts.add(line.substring(4));
            }
        }
        return texts;
    }
}
