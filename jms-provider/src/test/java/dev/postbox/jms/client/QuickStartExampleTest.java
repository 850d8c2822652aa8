package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JMSContext example of docs/jms-java-se.md, as written there (only the URL differs). */
@Timeout(60)
class QuickStartExampleTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theDocumentedJmsContextExampleSendsAndReceives(TestDatabase.Kind kind) {
        try (TestDatabase database = TestDatabase.create(kind)) {
            PostboxConnectionFactory postbox = new PostboxConnectionFactory(database.url());
            postbox.setShutdownDelayMillis(0);
            ConnectionFactory factory = postbox;
            String body;
            try (JMSContext context = factory.createContext()) {
                Queue orders = context.createQueue("orders");
                context.createProducer()
                        .setProperty("customer", "acme")
                        .send(orders, "hello");

                JMSConsumer consumer = context.createConsumer(orders);
                body = consumer.receiveBody(String.class, 5_000);
            }
            assertEquals("hello", body);
        }
    }
}
