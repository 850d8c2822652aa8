package dev.postbox.jms.message;

import dev.postbox.jms.selector.SelectorContext;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;

/**
 * A Postbox message without a body, and the base of every typed message: headers, properties,
 * read-only state and the acknowledgement hook. Not thread-safe, as the specification allows.
 */
public class PostboxMessage implements Message, SelectorContext {

    /** The delivery count property set by the provider on every received message. */
    public static final String JMSX_DELIVERY_COUNT = PropertyNames.JMSX_DELIVERY_COUNT;

    private String messageId;
    private long timestamp;
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    private final MessageProperties properties = new MessageProperties();
    private boolean readOnlyBody;
    private Acknowledger acknowledger;

    /** Creates an empty, writable message. */
    public PostboxMessage() {
    }

    /** The body format of this message. */
    public BodyType bodyType() {
        return BodyType.NONE;
    }

    // ----- headers -----

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps a copy of the bytes; {@link #getJMSCorrelationID()} then returns them decoded as UTF-8. */
    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIdBytes = correlationID == null ? null : correlationID.clone();
        this.correlationId = correlationID == null ? null : new String(correlationID, StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ----- properties -----

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return PropertyValues.toBoolean(properties.get(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return PropertyValues.toByte(properties.get(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return PropertyValues.toShort(properties.get(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return PropertyValues.toInt(properties.get(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return PropertyValues.toLong(properties.get(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return PropertyValues.toFloat(properties.get(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return PropertyValues.toDouble(properties.get(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return PropertyValues.toStringValue(properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    /** The names of the application and JMSX properties present; never header field names. */
    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    /** The properties as stored (live view, read-only). */
    public Map<String, Object> properties() {
        return properties.view();
    }

    /**
     * Sets a property bypassing the name and read-only checks: for properties the provider sets, such as
     * {@code JMSXDeliveryCount}, and for properties restored from storage. Typed JMSX properties are stored
     * as their table 3-3 type (a Long delivery count is stored as an int).
     *
     * @throws IllegalArgumentException when the value is not a boxed primitive or String
     */
    public void putProviderProperty(String name, Object value) {
        properties.putProvider(name, value);
    }

    // ----- body -----

    /** Empties the body and makes it writable; subclasses also discard their body content. */
    @Override
    public void clearBody() throws JMSException {
        setReadOnlyBody(false);
    }

    /** A plain message has no body: always null. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    /** A plain message has no body: always true. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return true;
    }

    /**
     * Encodes the body for storage (see the package documentation for each body type's format). Never changes
     * the message's state. Subclasses override; a plain message has no body.
     *
     * @return the body bytes, or null for no body
     */
    public byte[] encodeBody() throws JMSException {
        return null;
    }

    // ----- acknowledgement -----

    @Override
    public void acknowledge() throws JMSException {
        if (acknowledger != null) {
            acknowledger.acknowledge();
        }
    }

    /** Sets what {@link #acknowledge()} does; the delivering session calls this. */
    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    // ----- read-only state and copies -----

    /**
     * Marks body and properties read-only (as for a received message) or writable. A read-only Bytes or
     * Stream body is in read mode at its start, as after {@code reset()}.
     */
    public void setReadOnly(boolean readOnly) {
        properties.setReadOnly(readOnly);
        setReadOnlyBody(readOnly);
    }

    /**
     * A deep copy: same headers, properties, body and read-only state (a Bytes or Stream copy starts at the
     * beginning of its body); no acknowledger. Later changes to either message do not affect the other.
     */
    public PostboxMessage copy() throws JMSException {
        PostboxMessage copy = MessageCodec.decode(bodyType(), encodeBody(), PropertyCodec.encode(properties()));
        copy.setJMSMessageID(messageId);
        copy.setJMSTimestamp(timestamp);
        copy.correlationId = correlationId;
        copy.correlationIdBytes = correlationIdBytes == null ? null : correlationIdBytes.clone();
        copy.setJMSReplyTo(replyTo);
        copy.setJMSDestination(destination);
        copy.setJMSDeliveryMode(deliveryMode);
        copy.setJMSRedelivered(redelivered);
        copy.setJMSType(type);
        copy.setJMSExpiration(expiration);
        copy.setJMSDeliveryTime(deliveryTime);
        copy.setJMSPriority(priority);
        copy.properties.setReadOnly(properties.isReadOnly());
        copy.setReadOnlyBody(readOnlyBody);
        return copy;
    }

    /** Sets whether the body is read-only; Bytes and Stream messages also move to the start of the body. */
    protected void setReadOnlyBody(boolean readOnly) {
        this.readOnlyBody = readOnly;
    }

    /** True when the body may not be written (for Bytes and Stream messages: in read mode). */
    protected boolean isReadOnlyBody() {
        return readOnlyBody;
    }

    /** Throws {@link MessageNotWriteableException} when the body is read-only. */
    protected void checkWritableBody() throws MessageNotWriteableException {
        if (readOnlyBody) {
            throw new MessageNotWriteableException("Message body is read-only; call clearBody() first");
        }
    }

    /** Throws {@link MessageNotReadableException} when a Bytes or Stream body is in write mode. */
    protected void checkReadableBody() throws MessageNotReadableException {
        if (!readOnlyBody) {
            throw new MessageNotReadableException("Message body is write-only; call reset() first");
        }
    }

    // ----- selector -----

    @Override
    public Object identifierValue(String identifier) {
        return switch (identifier) {
            case "JMSDeliveryMode" -> deliveryMode == DeliveryMode.PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT";
            case "JMSPriority" -> priority;
            case "JMSMessageID" -> messageId;
            case "JMSTimestamp" -> timestamp;
            case "JMSCorrelationID" -> correlationId;
            case "JMSType" -> type;
            case "JMSDeliveryTime" -> deliveryTime;
            default -> properties.get(identifier);
        };
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination + "]";
    }
}
