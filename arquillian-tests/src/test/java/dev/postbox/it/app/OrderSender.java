package dev.postbox.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** Sends through the pooled Postbox connection factory of the server. */
@Stateless
public class OrderSender {

    @Resource(lookup = "jms/postbox")
    ConnectionFactory connectionFactory;

    /** Sends a text message to a queue; returns its JMSMessageID. */
    public String send(String queueName, String text) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            TextMessage message = session.createTextMessage(text);
            session.createProducer(session.createQueue(queueName)).send(message);
            return message.getJMSMessageID();
        }
    }
}
