package dev.postbox.demo;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** Sends greetings to the demo queue through the Postbox connection factory of the server. */
@Stateless
public class GreetingSender {

    @Resource(lookup = "jms/postbox")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/demoQueue")
    Queue queue;

    /** Sends a text message; returns its JMSMessageID. */
    public String send(String text) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            TextMessage message = session.createTextMessage(text);
            session.createProducer(queue).send(message);
            return message.getJMSMessageID();
        }
    }
}
