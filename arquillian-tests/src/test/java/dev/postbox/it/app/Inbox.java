package dev.postbox.it.app;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the test MDBs received, and a way for tests to wait for it. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Inbox {

    /**
     * One delivery an MDB saw.
     *
     * @param listener which MDB
     * @param messageId JMSMessageID
     * @param text body
     * @param deliveryCount JMSXDeliveryCount
     * @param redelivered JMSRedelivered
     * @param thread the delivery thread
     */
    public record Received(String listener, String messageId, String text, int deliveryCount, boolean redelivered,
            String thread) implements java.io.Serializable {
    }

    private final List<Received> received = new ArrayList<>();

    /** Records a delivery of a text message as the given listener saw it. */
    public void record(String listener, jakarta.jms.Message message) {
        try {
            add(new Received(listener, message.getJMSMessageID(), ((jakarta.jms.TextMessage) message).getText(),
                    message.getIntProperty("JMSXDeliveryCount"), message.getJMSRedelivered(),
                    Thread.currentThread().getName()));
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a delivery. */
    public synchronized void add(Received delivery) {
        received.add(delivery);
        notifyAll();
    }

    /** Every delivery of a message text, in order. */
    public synchronized List<Received> deliveriesOf(String text) {
        return received.stream().filter(r -> r.text().equals(text)).toList();
    }

    /**
     * Waits until at least {@code count} deliveries of a text arrived.
     *
     * @return the deliveries seen when the wait ended
     */
    public synchronized List<Received> await(String text, int count, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (deliveriesOf(text).size() < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return deliveriesOf(text);
    }
}
