package dev.postbox.ra.inbound;

import dev.postbox.jms.spi.InboundConsumer;
import dev.postbox.jms.spi.InboundConsumer.InboundMessage;
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
 * Delivers one message to one endpoint instance: {@code beforeDelivery}, {@code onMessage},
 * {@code afterDelivery} always paired, then acknowledges on success or redelivers on failure.
 */
final class EndpointInvoker {

    private static final System.Logger LOG = System.getLogger(EndpointInvoker.class.getName());
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final InboundConsumer consumer;

    EndpointInvoker(MessageEndpointFactory factory, InboundConsumer consumer) {
        this.factory = factory;
        this.consumer = consumer;
    }

    /**
     * Delivers a claimed message.
     *
     * @param stillActive false when the activation is stopping: the message is then given back unread
     */
    void deliver(InboundMessage message, BooleanSupplier stillActive) {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            consumer.release(message);
            return;
        }
        Throwable failure = null;
        try {
            if (!stillActive.getAsBoolean()) {
                consumer.release(message);
                return;
            }
            failure = invoke(endpoint, message);
        } finally {
            endpoint.release();
        }
        if (failure == null) {
            consumer.acknowledge(message);
        } else {
            LOG.log(Level.WARNING, RaMessages.DELIVERY_FAILED, message.delivery().message().content().messageId(),
                    consumer.destination(), failure.toString());
            consumer.redeliver(message, describe(failure));
        }
    }

    /** Runs one delivery; returns the failure, or null when onMessage returned and the work committed. */
    private Throwable invoke(MessageEndpoint endpoint, InboundMessage message) {
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
        } catch (NoSuchMethodException | ResourceException e) {
            return e;
        }
        Throwable failure = null;
        try {
            ((MessageListener) endpoint).onMessage(message.message());
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            try {
                endpoint.afterDelivery();
            } catch (ResourceException e) {
                failure = failure != null ? failure : e;
            }
        }
        return failure;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof java.lang.reflect.UndeclaredThrowableException
                || cause.getClass().getName().startsWith("jakarta.ejb."))) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return cause.getClass().getName() + (text == null ? "" : ": " + text);
    }
}
