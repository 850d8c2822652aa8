package dev.postbox.ra.inbound;

import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.spi.InboundConsumer;
import dev.postbox.jms.spi.InboundConsumer.InboundMessage;
import dev.postbox.ra.ApplicationCode;
import dev.postbox.ra.JtaTransactions;
import dev.postbox.ra.RaMessages;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.function.BooleanSupplier;

/**
 * Delivers one message to one endpoint instance, {@code beforeDelivery} and {@code afterDelivery} always
 * paired. With container-managed transactions the acknowledgement joins the endpoint's transaction before
 * {@code onMessage} (so the message is consumed exactly when the MDB's work commits, and redelivered when
 * it rolls back); otherwise it is acknowledged after {@code onMessage} returns normally.
 */
final class EndpointInvoker {

    private static final System.Logger LOG = System.getLogger(EndpointInvoker.class.getName());
    static final Method ON_MESSAGE;
    static final String ROLLED_BACK = "the message-driven bean's transaction rolled back (setRollbackOnly or a"
            + " failure at commit)";

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final InboundConsumer consumer;
    private final JtaTransactions transactions;
    private final boolean transacted;

    EndpointInvoker(MessageEndpointFactory factory, InboundConsumer consumer, JtaTransactions transactions)
            throws ResourceException {
        this.factory = factory;
        this.consumer = consumer;
        this.transactions = transactions;
        try {
            this.transacted = factory.isDeliveryTransacted(ON_MESSAGE) && consumer.supportsTransactions()
                    && transactions != null;
        } catch (NoSuchMethodException e) {
            throw new ResourceException("PBX-2044 The endpoint has no onMessage(Message) method", e);
        }
    }

    /**
     * Delivers a claimed message.
     *
     * @param stillActive false when the activation is stopping: the message is then given back unread
     * @throws UnavailableException when no endpoint instance can be had now: the message is untouched, and
     *     the caller gives it back ({@link InboundConsumer#release}) once it has paused its deliveries
     */
    void deliver(InboundMessage message, BooleanSupplier stillActive) throws UnavailableException {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnavailableException(describe(e), e);
        }
        try {
            if (!stillActive.getAsBoolean()) {
                consumer.release(message);
            } else if (transacted) {
                deliverInTransaction(endpoint, message);
            } else {
                deliverThenAcknowledge(endpoint, message);
            }
        } finally {
            endpoint.release();
        }
    }

    private void deliverThenAcknowledge(MessageEndpoint endpoint, InboundMessage message) {
        String failure = null;
        try (ApplicationCode inEndpoint = ApplicationCode.enter()) {
            endpoint.beforeDelivery(ON_MESSAGE);
        } catch (NoSuchMethodException | ResourceException | RuntimeException e) {
            // Not begun: no afterDelivery. The container may fail with an unchecked exception too; the
            // message must come back either way, or it stays claimed by this live node.
            redeliver(message, describe(e));
            return;
        }
        try {
            failure = onMessage(endpoint, message);
        } finally {
            String afterFailure = afterDelivery(endpoint);
            failure = failure != null ? failure : afterFailure;
        }
        if (failure == null) {
            consumer.acknowledge(message);
        } else {
            redeliver(message, failure);
        }
    }

    private void deliverInTransaction(MessageEndpoint endpoint, InboundMessage message) {
        String failure = null;
        try (ApplicationCode inEndpoint = ApplicationCode.enter()) {
            endpoint.beforeDelivery(ON_MESSAGE);
        } catch (NoSuchMethodException | ResourceException | RuntimeException e) {
            // Not begun: no afterDelivery. The container may fail with an unchecked exception too; the
            // message must come back either way, or it stays claimed by this live node.
            redeliver(message, describe(e));
            return;
        }
        boolean enlisted = false;
        try {
            if (transactions.current() == null) {
                failure = "no transaction was started for the container-managed message-driven bean";
            } else {
                if (!consumer.enlistAcknowledgement(message)) {
                    LOG.log(Level.WARNING, "PBX-2024 Message {0} was redelivered elsewhere while claimed here"
                            + " (this node was declared dead); it is processed again", messageId(message));
                }
                enlisted = true;
                failure = onMessage(endpoint, message);
            }
        } catch (EngineException e) {
            failure = describe(e);
        } finally {
            String afterFailure = afterDelivery(endpoint);
            failure = failure != null ? failure : afterFailure;
        }
        if (!enlisted) {
            redeliver(message, failure);
            return;
        }
        settle(message, failure);
    }

    /** The transaction has completed: if the acknowledgement rolled back with it, redeliver. */
    private void settle(InboundMessage message, String failure) {
        try {
            if (consumer.settleAfterTransaction(message, failure != null ? failure : ROLLED_BACK)) {
                LOG.log(Level.WARNING, RaMessages.DELIVERY_FAILED, messageId(message), consumer.destination(),
                        failure != null ? failure : ROLLED_BACK);
            }
        } catch (EngineException e) {
            LOG.log(Level.WARNING, "PBX-2025 Message {0} cannot be given back now; it returns when this node"
                    + " restarts or is declared dead: {1}", messageId(message), e.getMessage());
        }
    }

    /** Runs onMessage; returns the failure description, or null. */
    private static String onMessage(MessageEndpoint endpoint, InboundMessage message) {
        try (ApplicationCode inEndpoint = ApplicationCode.enter()) {
            ((MessageListener) endpoint).onMessage(message.message());
            return null;
        } catch (RuntimeException | Error e) {
            return describe(e);
        }
    }

    private static String afterDelivery(MessageEndpoint endpoint) {
        try (ApplicationCode inEndpoint = ApplicationCode.enter()) {
            endpoint.afterDelivery();
            return null;
        } catch (ResourceException | RuntimeException e) {
            return describe(e);
        }
    }

    private void redeliver(InboundMessage message, String failure) {
        LOG.log(Level.WARNING, RaMessages.DELIVERY_FAILED, messageId(message), consumer.destination(), failure);
        try {
            consumer.redeliver(message, failure);
        } catch (EngineException e) {
            LOG.log(Level.WARNING, "PBX-2025 Message {0} cannot be given back now; it returns when this node"
                    + " restarts or is declared dead: {1}", messageId(message), e.getMessage());
        }
    }

    private static String messageId(InboundMessage message) {
        return message.delivery().message().content().messageId();
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof java.lang.reflect.UndeclaredThrowableException
                || cause.getClass().getName().startsWith("jakarta.ejb."))) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return cause.getClass().getName() + (text == null ? "" : ": " + text);
    }
}
