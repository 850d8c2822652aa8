package dev.postbox.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Consumes {@code it.orders} through the Postbox adapter. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "postbox"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.orders")
})
public class OrderListener implements MessageListener {

    @EJB
    Inbox inbox;

    @Override
    public void onMessage(Message message) {
        try {
            inbox.add(new Inbox.Received("orders", message.getJMSMessageID(), ((TextMessage) message).getText(),
                    message.getIntProperty("JMSXDeliveryCount"), message.getJMSRedelivered(),
                    Thread.currentThread().getName()));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
