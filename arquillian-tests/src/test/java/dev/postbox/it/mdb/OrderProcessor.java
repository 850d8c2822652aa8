package dev.postbox.it.mdb;

import dev.postbox.it.app.Inbox;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes a business row for each order, through the same JDBC resource as Postbox; orders whose text
 * starts with "fail" throw after the write, so the write and the consume must roll back together.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "postbox"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.exactly"),
    @ActivationConfigProperty(propertyName = "maxDeliveryAttempts", propertyValue = "2")
})
public class OrderProcessor implements MessageListener {

    @PersistenceContext(unitName = "it")
    EntityManager em;

    @EJB
    Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("exactly", message);
        try {
            String text = ((TextMessage) message).getText();
            em.persist(new ProcessedOrder(text));
            em.flush();
            if (text.startsWith("fail")) {
                throw new IllegalStateException("order " + text + " rejected after its row was written");
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
