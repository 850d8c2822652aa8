package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class TopicSmokeTest {

    private TestDatabase database;

    @AfterEach
    void tearDown() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everySubscriberGetsEachPublishedMessageAndDurableOnesKeepThemWhileAway(TestDatabase.Kind kind)
            throws Exception {
        database = TestDatabase.create(kind);
        PostboxConnectionFactory factory = Brokers.factory(database);
        try (Connection c = factory.createConnection()) {
            c.setClientID("smoke");
            Session session = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic("news");
            MessageConsumer first = session.createConsumer(topic);
            MessageConsumer second = session.createConsumer(topic, "lang = 'en'");
            MessageConsumer durable = session.createDurableConsumer(topic, "archive");
            c.start();
            MessageProducer publisher = session.createProducer(topic);
            TextMessage en = session.createTextMessage("hello");
            en.setStringProperty("lang", "en");
            publisher.send(en);
            TextMessage fr = session.createTextMessage("bonjour");
            fr.setStringProperty("lang", "fr");
            publisher.send(fr);

            assertEquals("hello", ((TextMessage) first.receive(5_000)).getText());
            assertEquals("bonjour", ((TextMessage) first.receive(5_000)).getText());
            assertEquals("hello", ((TextMessage) second.receive(5_000)).getText());
            assertNull(second.receive(300), "the selector keeps bonjour out");
            assertEquals(topic, durable.receive(5_000).getJMSDestination());
            assertNotNull(durable.receive(5_000));

            durable.close();
            publisher.send(session.createTextMessage("while away"));
            assertThrows(jakarta.jms.InvalidDestinationException.class, () -> session.unsubscribe("missing"));
            MessageConsumer back = session.createDurableConsumer(topic, "archive");
            assertThrows(jakarta.jms.IllegalStateException.class, () -> session.unsubscribe("archive"),
                    "a durable subscription with an active consumer cannot be removed");
            assertEquals("while away", ((TextMessage) back.receive(5_000)).getText());
            back.close();
            session.unsubscribe("archive");
        }
    }
}
