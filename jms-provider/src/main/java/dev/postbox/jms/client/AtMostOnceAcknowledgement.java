package dev.postbox.jms.client;

import dev.postbox.jms.engine.Delivery;

/**
 * {@link dev.postbox.jms.PostboxAcknowledgeMode#AT_MOST_ONCE_ACKNOWLEDGE}: messages are removed by the
 * claim itself, so nothing is left to acknowledge or redeliver.
 */
final class AtMostOnceAcknowledgement implements AcknowledgementPolicy {

    private static final System.Logger LOG = System.getLogger(AtMostOnceAcknowledgement.class.getName());

    @Override
    public boolean acknowledgesOnClaim() {
        return true;
    }

    @Override
    public void received(Delivery delivery) {
        // Removed from the store when it was claimed.
    }

    @Override
    public void afterListener(Delivery delivery, Throwable failure) {
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "PBX-1090 Message {0} on {1} dropped: the listener threw {2} in"
                    + " at-most-once mode, where messages are never redelivered", delivery.id(),
                    delivery.destination().name(), Failures.describe(failure));
        }
    }

    @Override
    public java.util.List<Delivery> pendingAcknowledgements() {
        return java.util.List.of();
    }

    @Override
    public void recover() {
        // Nothing is held back for redelivery in this mode.
    }

    @Override
    public void close() {
        // Nothing is held: every message left the store when it was claimed.
    }
}
