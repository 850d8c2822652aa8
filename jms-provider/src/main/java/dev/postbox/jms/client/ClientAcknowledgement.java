package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT_ACKNOWLEDGE: every delivered message stays in flight until {@code Message.acknowledge()}, which
 * acknowledges everything the session has delivered; {@code recover()} and close give them back. A
 * listener's message counts as consumed from the moment {@code onMessage} is called, so that
 * {@code acknowledge()} or {@code recover()} inside the listener include it.
 */
final class ClientAcknowledgement implements AcknowledgementPolicy {

    private final Broker broker;
    private final Object lock = new Object();
    private List<Delivery> unacknowledged = new ArrayList<>(); // guarded by lock

    ClientAcknowledgement(Broker broker) {
        this.broker = broker;
    }

    @Override
    public void received(Delivery delivery) {
        synchronized (lock) {
            unacknowledged.add(delivery);
        }
    }

    @Override
    public void beforeListener(Delivery delivery) {
        received(delivery);
    }

    @Override
    public void afterListener(Delivery delivery, Throwable failure) {
        // Nothing: the message stays unacknowledged until acknowledge(), recover() or close, even when the
        // listener threw (the next message is delivered, as for CLIENT_ACKNOWLEDGE the specification says).
    }

    @Override
    public void acknowledge() {
        List<Delivery> batch = take();
        try {
            broker.acknowledge(batch);
        } catch (RuntimeException e) {
            restore(batch);
            throw e;
        }
    }

    @Override
    public List<Delivery> pendingAcknowledgements() {
        synchronized (lock) {
            return List.copyOf(unacknowledged);
        }
    }

    @Override
    public void recover() {
        broker.redeliver(take(), null);
    }

    @Override
    public void close() {
        broker.redeliver(take(), null);
    }

    private List<Delivery> take() {
        synchronized (lock) {
            List<Delivery> taken = unacknowledged;
            unacknowledged = new ArrayList<>();
            return taken;
        }
    }

    private void restore(List<Delivery> batch) {
        synchronized (lock) {
            batch.addAll(unacknowledged);
            unacknowledged = batch;
        }
    }
}
