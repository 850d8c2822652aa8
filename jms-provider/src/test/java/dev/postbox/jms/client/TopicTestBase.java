package dev.postbox.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixture of the publish/subscribe behaviour tests: publishing helpers and store queries about topics and
 * their subscriptions (a subscription is a {@code pb_destination} row of kind SUBSCRIPTION holding its own
 * copy of each message).
 */
abstract class TopicTestBase extends ClientTestBase {

    /** Publishes text messages with a new producer of the session. */
    static void publish(Session session, Topic topic, String... texts) throws JMSException {
        try (MessageProducer producer = session.createProducer(topic)) {
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /** A text message with one string property. */
    static TextMessage textWith(Session session, String text, String property, String value) throws JMSException {
        TextMessage message = session.createTextMessage(text);
        message.setStringProperty(property, value);
        return message;
    }

    /** Receives until nothing arrives for {@link #QUIET_MILLIS}; returns the texts. */
    static List<String> drain(MessageConsumer consumer) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Message message = consumer.receive(QUIET_MILLIS); message != null;
                message = consumer.receive(QUIET_MILLIS)) {
            texts.add(text(message));
        }
        return texts;
    }

    /** Subscriptions of every topic. */
    long subscriptions() throws Exception {
        return queryLong("SELECT COUNT(*) FROM pb_destination WHERE kind = 'SUBSCRIPTION'");
    }

    /** Subscriptions of one topic. */
    long subscriptionsOf(String topic) throws Exception {
        return queryLong("""
                SELECT COUNT(*) FROM pb_destination s JOIN pb_destination t ON t.id = s.topic_id
                 WHERE t.kind = 'TOPIC' AND t.name = ?""", topic);
    }

    /** Message copies held by the subscriptions of a topic, in any state. */
    long copiesOn(String topic) throws Exception {
        return queryLong("""
                SELECT COUNT(*) FROM pb_message m JOIN pb_destination s ON s.id = m.destination_id
                  JOIN pb_destination t ON t.id = s.topic_id WHERE t.kind = 'TOPIC' AND t.name = ?""", topic);
    }

    /** True when a subscription with this stored name ({@code durable:<client>:<name>} …) exists. */
    boolean subscriptionExists(String storedName) throws Exception {
        return queryLong("SELECT COUNT(*) FROM pb_destination WHERE kind = 'SUBSCRIPTION' AND name = ?",
                storedName) == 1;
    }
}
