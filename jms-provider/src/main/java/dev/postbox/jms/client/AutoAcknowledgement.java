package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import java.util.List;

/**
 * AUTO_ACKNOWLEDGE: a received message is acknowledged before {@code receive} returns; a listener's
 * message when the listener returns normally, and redelivered when it throws (or when the listener calls
 * {@code recover()}).
 */
final class AutoAcknowledgement implements AcknowledgementPolicy {

    private final Broker broker;
    private Delivery inListener; // session thread only
    private boolean recoverRequested; // session thread only

    AutoAcknowledgement(Broker broker) {
        this.broker = broker;
    }

    @Override
    public void received(Delivery delivery) {
        broker.acknowledgeEventually(List.of(delivery));
    }

    @Override
    public void beforeListener(Delivery delivery) {
        inListener = delivery;
        recoverRequested = false;
    }

    @Override
    public boolean redeliversAtOnceOnListenerFailure() {
        return true;
    }

    @Override
    public void afterListener(Delivery delivery, Throwable failure) {
        inListener = null;
        if (failure != null) {
            broker.redeliver(List.of(delivery), Failures.describe(failure));
        } else if (recoverRequested) {
            broker.redeliver(List.of(delivery), null);
        } else {
            broker.acknowledgeEventually(List.of(delivery));
        }
        recoverRequested = false;
    }

    @Override
    public List<Delivery> pendingAcknowledgements() {
        Delivery current = inListener;
        return current == null ? List.of() : List.of(current);
    }

    @Override
    public void recover() {
        if (inListener != null) {
            recoverRequested = true;
        }
    }

    @Override
    public void close() {
        // Nothing is held: every message is acknowledged as it is delivered.
    }
}
