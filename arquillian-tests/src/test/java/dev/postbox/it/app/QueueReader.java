package dev.postbox.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Reads one message from a queue (outside any transaction) and returns what tests look at. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueueReader {

    /**
     * A received message.
     *
     * @param text the body
     * @param redelivered JMSRedelivered
     * @param deliveryCount JMSXDeliveryCount
     * @param properties every property as a string
     */
    public record Read(String text, boolean redelivered, int deliveryCount, Map<String, String> properties)
            implements Serializable {
    }

    @Resource(lookup = "jms/postbox")
    ConnectionFactory connectionFactory;

    /** Receives one message (or null after the timeout). */
    public Read receive(String queueName, long timeoutMillis) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            connection.start();
            Message message = consumer.receive(timeoutMillis);
            if (message == null) {
                return null;
            }
            Map<String, String> properties = new HashMap<>();
            for (Object property : Collections.list(message.getPropertyNames())) {
                String name = (String) property;
                properties.put(name, String.valueOf(message.getObjectProperty(name)));
            }
            return new Read(((TextMessage) message).getText(), message.getJMSRedelivered(),
                    message.getIntProperty("JMSXDeliveryCount"), properties);
        }
    }
}
