package dev.postbox.it.badmdb;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * An MDB with three bad activation properties: its deployment must fail, naming each of them. Deployed only
 * by {@code AdapterConfigurationIT}, never by an Arquillian deployment.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "postbox"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.misconfigured"),
    @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Sometimes"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "0"),
    @ActivationConfigProperty(propertyName = "redeliveryMultiplier", propertyValue = "0.5")
})
public class MisconfiguredListener implements MessageListener {

    @Override
    public void onMessage(Message message) {
        throw new IllegalStateException("never deployed, never called");
    }
}
