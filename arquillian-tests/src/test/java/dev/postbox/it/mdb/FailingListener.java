package dev.postbox.it.mdb;

import dev.postbox.it.app.Inbox;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Fails every delivery: the message is redelivered, then dead-lettered after 3 attempts. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "postbox"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.failing"),
    @ActivationConfigProperty(propertyName = "maxDeliveryAttempts", propertyValue = "3"),
    @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "100"),
    @ActivationConfigProperty(propertyName = "redeliveryMultiplier", propertyValue = "2.0")
})
public class FailingListener implements MessageListener {

    @EJB
    Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("failing", message);
        throw new IllegalStateException("boom on purpose");
    }
}
