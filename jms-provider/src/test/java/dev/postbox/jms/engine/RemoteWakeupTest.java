package dev.postbox.jms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two nodes on one PostgreSQL schema: a send on one wakes a waiting consumer on the other at once. */
@Timeout(60)
class RemoteWakeupTest {

    private TestDatabase database;

    @AfterEach
    void tearDown() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSendOnOneNodeWakesAConsumerWaitingOnAnotherNodeBeforeItsPoll() throws Exception {
        database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        PostboxConnectionFactory senderFactory = Brokers.factory(database);
        PostboxConnectionFactory receiverFactory = Brokers.factory(database);
        receiverFactory.setPollIntervalMillis(30_000);
        try (Connection sender = senderFactory.createConnection();
                Connection receiver = receiverFactory.createConnection()) {
            Session receiving = receiver.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = receiving.createConsumer(receiving.createQueue("wake.me"));
            receiver.start();
            assertEquals(null, consumer.receive(300), "queue starts empty");

            Session sending = sender.createSession(Session.AUTO_ACKNOWLEDGE);
            long sentAt = System.nanoTime();
            sending.createProducer(sending.createQueue("wake.me")).send(sending.createTextMessage("ping"));
            TextMessage received = (TextMessage) consumer.receive(20_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
            assertNotNull(received);
            assertEquals("ping", received.getText());
            assertTrue(millis < 10_000, "woken by the notification, not the 30 s poll: " + millis + " ms");
        }
    }
}
