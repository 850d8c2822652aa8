package dev.postbox.jms.client;

import dev.postbox.jms.engine.Delivery;
import jakarta.jms.JMSException;
import java.util.List;

/**
 * How a session acknowledges what it delivers; one implementation per acknowledgement mode, chosen when
 * the session is created. Called only from the session's thread of control (the application thread or
 * the session's delivery thread), except {@link #close()}.
 */
sealed interface AcknowledgementPolicy
        permits AutoAcknowledgement, DupsOkAcknowledgement, ClientAcknowledgement, TransactedAcknowledgement,
        AtMostOnceAcknowledgement {

    /** Whether messages are removed from the store by the claim itself (at most once). */
    default boolean acknowledgesOnClaim() {
        return false;
    }

    /**
     * Whether a message whose listener threw is redelivered at once (AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE):
     * then the consumer's prefetched messages go back too, so that it is the next one delivered.
     */
    default boolean redeliversAtOnceOnListenerFailure() {
        return false;
    }

    /** A message was returned by {@code receive}. */
    void received(Delivery delivery) throws JMSException;

    /** A message listener is about to be called for a delivery. */
    default void beforeListener(Delivery delivery) {
    }

    /**
     * A message listener returned ({@code failure} null) or threw.
     */
    void afterListener(Delivery delivery, Throwable failure) throws JMSException;

    /** {@code Message.acknowledge()}: meaningful only for CLIENT_ACKNOWLEDGE. */
    default void acknowledge() throws JMSException {
    }

    /**
     * The deliveries the session consumed and has not acknowledged (nor committed) yet, for
     * {@code Session.unsubscribe}, which must not delete a subscription such a message came from. Lazily
     * acknowledged ones (DUPS_OK) are acknowledged now instead of being reported.
     */
    List<Delivery> pendingAcknowledgements();

    /** {@code Session.recover()}: redeliver what is unacknowledged. */
    void recover() throws JMSException;

    /** Session close: acknowledges what must be, gives back the rest. */
    void close() throws JMSException;
}
