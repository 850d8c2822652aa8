package dev.postbox.it.mdb;

import dev.postbox.it.app.Inbox;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;

/** Holds each delivery until 4 run at once (or a timeout), so the test can observe maxSession=4. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "postbox"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.concurrent"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class ConcurrentListener implements MessageListener {

    @EJB
    ConcurrencyProbe probe;

    @EJB
    Inbox inbox;

    @Override
    public void onMessage(Message message) {
        probe.enterAndAwaitPeers(4, Duration.ofSeconds(5));
        inbox.record("concurrent", message);
    }
}
