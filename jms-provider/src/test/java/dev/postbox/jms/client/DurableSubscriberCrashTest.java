package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.client.topics.ChildJvm;
import dev.postbox.jms.client.topics.SubscriptionChild;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A durable subscriber whose JVM is killed (SIGKILL) while it holds unacknowledged messages loses nothing:
 * once its node is declared dead, the subscription can be reopened with the same client identifier and
 * delivers every message that was not acknowledged, the in-flight ones flagged as redelivered (sections
 * 4.2.9 and 9.1: only durable subscriptions reliably recover unacknowledged messages; redelivered messages
 * have JMSRedelivered set and JMSXDeliveryCount incremented).
 */
@Timeout(240)
class DurableSubscriberCrashTest extends TopicTestBase {

    private static final String CLIENT = "crash-client";
    private static final String SUBSCRIPTION = "journal";
    private static final int PUBLISHED = 100;
    private static final int RECEIVED_BEFORE_CRASH = 23;
    private static final int ACKNOWLEDGE_EVERY = 5;

    @Test
    void aKilledDurableSubscriberLosesNoUnacknowledgedMessage() throws Exception {
        PostboxConnectionFactory factory = factory(TestDatabase.Kind.POSTGRESQL);
        Connection publisher = connect(factory);
        Session publishing = publisher.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = publishing.createTopic("crash-journal");
        createSubscription(factory, topic);
        List<String> published = IntStream.range(0, PUBLISHED).mapToObj(i -> "entry-" + i).toList();
        MessageProducer producer = publishing.createProducer(topic);
        for (String text : published) {
            producer.send(publishing.createTextMessage(text));
        }
        publishing.commit();

        List<String> gotBeforeCrash;
        try (ChildJvm subscriber = ChildJvm.start("crashing-subscriber", SubscriptionChild.class, database.url(),
                "consume-then-hang", CLIENT, SUBSCRIPTION, "crash-journal", String.valueOf(RECEIVED_BEFORE_CRASH),
                String.valueOf(ACKNOWLEDGE_EVERY))) {
            subscriber.awaitLine("HOLDING", Duration.ofSeconds(90));
            gotBeforeCrash = subscriber.output().stream().filter(line -> line.startsWith("GOT ")).toList();
            subscriber.kill();
        }
        int acknowledged = RECEIVED_BEFORE_CRASH / ACKNOWLEDGE_EVERY * ACKNOWLEDGE_EVERY;
        assertEquals(published.subList(0, RECEIVED_BEFORE_CRASH).stream().map(text -> "GOT " + text + " false")
                .toList(), gotBeforeCrash);
        assertEquals(PUBLISHED - acknowledged, storedOn("durable:" + CLIENT + ":" + SUBSCRIPTION),
                "acknowledged messages are gone, the others are kept");

        Connection successor = connect(factory);
        successor.setClientID(CLIENT);
        successor.start();
        Session session = successor.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, () -> session.createDurableConsumer(topic, SUBSCRIPTION),
                "until the dead node is declared dead, its consumer still counts as active");
        MessageConsumer reopened = reopenOnceTheDeadNodeIsReaped(session, topic);

        List<Message> redelivery = receive(reopened, PUBLISHED - acknowledged);
        assertEquals(published.subList(acknowledged, PUBLISHED), texts(redelivery), "nothing lost, in order");
        for (int i = 0; i < redelivery.size(); i++) {
            boolean wasInFlight = i < RECEIVED_BEFORE_CRASH - acknowledged;
            assertEquals(wasInFlight, redelivery.get(i).getJMSRedelivered(), text(redelivery.get(i)));
            assertEquals(wasInFlight ? 2 : 1, redelivery.get(i).getIntProperty("JMSXDeliveryCount"));
        }
        redelivery.get(redelivery.size() - 1).acknowledge();
        assertEquals(List.of(), drain(reopened), "nothing delivered twice after the crash");
        assertEquals(0, storedOn("durable:" + CLIENT + ":" + SUBSCRIPTION));
    }

    /** Creates the durable subscription (inactive) so that it keeps what is published next. */
    private void createSubscription(PostboxConnectionFactory factory, Topic topic) throws JMSException {
        try (Connection creator = factory.createConnection()) {
            creator.setClientID(CLIENT);
            creator.createSession(false, Session.AUTO_ACKNOWLEDGE).createDurableConsumer(topic, SUBSCRIPTION).close();
        }
    }

    /** Opens the subscription as soon as the killed node's consumer no longer counts (node timeout 2 s). */
    private static MessageConsumer reopenOnceTheDeadNodeIsReaped(Session session, Topic topic) {
        AtomicReference<MessageConsumer> opened = new AtomicReference<>();
        Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS).until(() -> {
            try {
                opened.set(session.createDurableConsumer(topic, SUBSCRIPTION));
                return true;
            } catch (IllegalStateException stillHeld) {
                return false;
            }
        });
        return opened.get();
    }
}
