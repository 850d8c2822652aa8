package dev.postbox.it.mdb;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Sends and receives inside container-managed (JTA) transactions, committed or rolled back. */
@Stateless
public class TxOperations {

    @Resource(lookup = "jms/postbox")
    ConnectionFactory connectionFactory;

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "it")
    EntityManager em;

    /** Sends in the caller's transaction; rolls it back when asked. */
    public void send(String queue, String text, boolean rollback) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }

    /** Sends with a JMSContext in the caller's transaction; rolls it back when asked. */
    public void sendWithContext(String queue, String text, boolean rollback) {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer().send(jms.createQueue(queue), text);
        }
        if (rollback) {
            context.setRollbackOnly();
        }
    }

    /** Receives one message in the caller's transaction (null if none); rolls it back when asked. */
    public String receive(String queue, boolean rollback) throws JMSException {
        String text;
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            Message message = consumer.receive(10_000);
            text = message == null ? null : ((TextMessage) message).getText();
        }
        if (rollback) {
            context.setRollbackOnly();
        }
        return text;
    }

    /** Writes a business row and sends a message in one transaction; rolls both back when asked. */
    public void writeAndSend(String queue, String text, boolean rollback) throws JMSException {
        em.persist(new ProcessedOrder(text));
        em.flush();
        send(queue, text, rollback);
    }
}
