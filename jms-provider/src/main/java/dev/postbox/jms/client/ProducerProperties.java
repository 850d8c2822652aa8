package dev.postbox.jms.client;

import dev.postbox.jms.exception.JmsExceptions;
import dev.postbox.jms.message.PostboxMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.Map;
import java.util.Set;

/**
 * The message properties a {@code JMSProducer} sets on every message it sends. They are held by a
 * {@link PostboxMessage}, so names, value types, {@code JMSX} types and read conversions follow exactly the
 * rules of message properties ({@code PropertyNames}, {@code PropertyValues}): an invalid name throws
 * {@code IllegalArgumentException}, an invalid type or conversion {@code MessageFormatRuntimeException}, and a
 * missing property reads as a null value would (JMSProducer Javadoc).
 */
final class ProducerProperties {

    /** A read conversion of table 3-4. */
    @FunctionalInterface
    interface Conversion<T> {
        T convert(Object value) throws MessageFormatException;
    }

    private final PostboxMessage holder = new PostboxMessage();

    void set(String name, Object value) {
        try {
            holder.setObjectProperty(name, value);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    <T> T get(String name, Conversion<T> conversion) {
        try {
            return conversion.convert(holder.getObjectProperty(name));
        } catch (MessageFormatException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    Object get(String name) {
        return holder.getObjectProperty(name);
    }

    boolean exists(String name) {
        return holder.propertyExists(name);
    }

    void clear() {
        holder.clearProperties();
    }

    /** The names: a live, unmodifiable view (JMSProducer.getPropertyNames Javadoc). */
    Set<String> names() {
        return holder.properties().keySet();
    }

    /**
     * Sets every property on a message about to be sent.
     *
     * @throws jakarta.jms.MessageNotWriteableException when there are properties and the message's are read-only
     */
    void applyTo(Message message) throws JMSException {
        for (Map.Entry<String, Object> property : holder.properties().entrySet()) {
            message.setObjectProperty(property.getKey(), property.getValue());
        }
    }
}
