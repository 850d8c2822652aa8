package dev.postbox.it.mdb;

import dev.postbox.it.app.Inbox;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Rolls back its first delivery of each message with setRollbackOnly, accepts the second. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "postbox"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.rollback")
})
public class RollbackOnlyListener implements MessageListener {

    @EJB
    Inbox inbox;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        inbox.record("rollback", message);
        try {
            if (message.getIntProperty("JMSXDeliveryCount") == 1) {
                context.setRollbackOnly();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
