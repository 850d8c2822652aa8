package dev.postbox.jms.client;

import static dev.postbox.jms.client.RuntimeTranslation.run;

import dev.postbox.jms.message.PropertyValues;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A Postbox {@code JMSProducer}: settings, properties and header values applied to each message it sends
 * through its context's session. Lightweight and, as the specification allows, not thread-safe. Header
 * values ({@code JMSCorrelationID}, {@code JMSType}, {@code JMSReplyTo}) override the message's only when
 * they were set on the producer (null means "not set").
 */
public final class PostboxJMSProducer implements JMSProducer {

    private final PostboxJMSContext context;
    private final ProducerProperties properties = new ProducerProperties();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableMessageTimestamp;
    private CompletionListener completionListener;
    private String correlationId;
    private byte[] correlationIdBytes;
    private String type;
    private Destination replyTo;

    PostboxJMSProducer(PostboxJMSContext context) {
        this.context = context;
    }

    // ----- send -----

    /**
     * Sends a message with this producer's settings, properties and headers.
     *
     * @throws MessageFormatRuntimeException when the message is null
     * @throws InvalidDestinationRuntimeException when the destination is null or not usable
     * @throws jakarta.jms.MessageNotWriteableRuntimeException when the producer has properties and the
     *     message's properties are read-only
     */
    @Override
    public JMSProducer send(Destination destination, Message message) {
        checkDestination(destination);
        if (message == null) {
            throw new MessageFormatRuntimeException("Message must not be null");
        }
        run(() -> applyTo(message));
        SendSettings settings = new SendSettings(deliveryMode, priority, timeToLive, deliveryDelay, disableMessageId,
                disableMessageTimestamp);
        context.send(destination, message, settings, completionListener);
        return this;
    }

    /** Sends a TextMessage; a null body sends a TextMessage with no text. */
    @Override
    public JMSProducer send(Destination destination, String body) {
        checkDestination(destination);
        return send(destination, context.createTextMessage(body));
    }

    /**
     * Sends a MapMessage; a null body sends one without entries; an invalid value type is a
     * MessageFormatRuntimeException.
     */
    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        checkDestination(destination);
        MapMessage message = context.createMapMessage();
        if (body != null) {
            run(() -> {
                for (Map.Entry<String, Object> entry : body.entrySet()) {
                    message.setObject(entry.getKey(), entry.getValue());
                }
            });
        }
        return send(destination, message);
    }

    /** Sends a BytesMessage; a null body sends one with no bytes. */
    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        checkDestination(destination);
        BytesMessage message = context.createBytesMessage();
        if (body != null) {
            run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    /** Sends an ObjectMessage; a null body sends one with no object. */
    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        checkDestination(destination);
        return send(destination, context.createObjectMessage(body));
    }

    private static void checkDestination(Destination destination) {
        if (destination == null) {
            throw new InvalidDestinationRuntimeException("Destination must not be null");
        }
    }

    private void applyTo(Message message) throws JMSException {
        properties.applyTo(message);
        if (correlationIdBytes != null) {
            message.setJMSCorrelationIDAsBytes(correlationIdBytes);
        } else if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        if (type != null) {
            message.setJMSType(type);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
    }

    // ----- settings -----

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        this.disableMessageId = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageId;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        this.disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    /** Sets the delivery mode; anything but PERSISTENT or NON_PERSISTENT is a JMSRuntimeException. */
    @Override
    public JMSProducer setDeliveryMode(int mode) {
        run(() -> PostboxMessageProducer.checkDeliveryMode(mode));
        this.deliveryMode = mode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    /** Sets the priority; outside 0 to 9 is a JMSRuntimeException. */
    @Override
    public JMSProducer setPriority(int value) {
        run(() -> PostboxMessageProducer.checkPriority(value));
        this.priority = value;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long value) {
        this.timeToLive = value;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long value) {
        this.deliveryDelay = value;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    /** A listener makes the following sends asynchronous; null makes them synchronous again. */
    @Override
    public JMSProducer setAsync(CompletionListener listener) {
        this.completionListener = listener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return completionListener;
    }

    // ----- properties -----

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        properties.set(name, value);
        return this;
    }

    /** Sets a property of a boxed primitive or String type; any other type is a MessageFormatRuntimeException. */
    @Override
    public JMSProducer setProperty(String name, Object value) {
        properties.set(name, value);
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        properties.clear();
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return properties.get(name, PropertyValues::toBoolean);
    }

    @Override
    public byte getByteProperty(String name) {
        return properties.get(name, PropertyValues::toByte);
    }

    @Override
    public short getShortProperty(String name) {
        return properties.get(name, PropertyValues::toShort);
    }

    @Override
    public int getIntProperty(String name) {
        return properties.get(name, PropertyValues::toInt);
    }

    @Override
    public long getLongProperty(String name) {
        return properties.get(name, PropertyValues::toLong);
    }

    @Override
    public float getFloatProperty(String name) {
        return properties.get(name, PropertyValues::toFloat);
    }

    @Override
    public double getDoubleProperty(String name) {
        return properties.get(name, PropertyValues::toDouble);
    }

    @Override
    public String getStringProperty(String name) {
        return PropertyValues.toStringValue(properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    /** A live, unmodifiable view of the property names. */
    @Override
    public Set<String> getPropertyNames() {
        return properties.names();
    }

    // ----- header values -----

    /** Sets the correlation ID as bytes (kept as a copy); {@link #getJMSCorrelationID()} decodes them as UTF-8. */
    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIdBytes = correlationID == null ? null : correlationID.clone();
        this.correlationId = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        if (correlationIdBytes != null) {
            return new String(correlationIdBytes, StandardCharsets.UTF_8);
        }
        return correlationId;
    }

    @Override
    public JMSProducer setJMSType(String type) {
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
