package dev.postbox.demo;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Consumes the demo queue through the Postbox resource adapter and logs what it got. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "postbox"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "demo.greetings"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class GreetingListener implements MessageListener {

    private static final System.Logger LOG = System.getLogger(GreetingListener.class.getName());

    @Inject
    ReceivedGreetings received;

    @Override
    public void onMessage(Message message) {
        try {
            String text = message instanceof TextMessage t ? t.getText() : String.valueOf(message);
            LOG.log(System.Logger.Level.INFO, "Demo MDB consumed {0} (delivery {1}): {2}", message.getJMSMessageID(),
                    message.getIntProperty("JMSXDeliveryCount"), text);
            received.add(message.getJMSMessageID(), text);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read the demo message", e);
        }
    }
}
