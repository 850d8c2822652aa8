package dev.postbox.jms.message;

import dev.postbox.jms.selector.SelectorContext;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Postbox message without a body, and the base of every typed message: headers, properties,
 * read-only state and the acknowledgement hook. Not thread-safe, as the specification allows.
 */
public class PostboxMessage implements Message, SelectorContext {

    /** The delivery count property set by the provider on every received message. */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";

    private static final Set<String> RESERVED_WORDS = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

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

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private boolean readOnlyProperties;
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
        readOnlyProperties = false;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.containsKey(name);
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
    public String getStringProperty(String name) {
        return PropertyValues.toStringValue(properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return Collections.enumeration(properties.keySet());
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        if (!PropertyValues.isValidPropertyType(value)) {
            throw new MessageFormatException("Invalid property value type " + value.getClass().getName()
                    + " for property " + name + ": only boxed primitives and String are allowed");
        }
        putProperty(name, value);
    }

    private void putProperty(String name, Object value) throws JMSException {
        checkPropertyName(name);
        if (readOnlyProperties) {
            throw new MessageNotWriteableException("Message properties are read-only; call clearProperties() first");
        }
        properties.put(name, value);
    }

    static void checkPropertyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new IllegalArgumentException("Property name is not a valid identifier: " + name);
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                throw new IllegalArgumentException("Property name is not a valid identifier: " + name);
            }
        }
        if (RESERVED_WORDS.contains(name.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("Property name is a reserved word: " + name);
        }
    }

    /** The properties as stored (live view, read-only). */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Sets a property bypassing the read-only check: for provider-set properties such as JMSX ones. */
    public void putProviderProperty(String name, Object value) {
        properties.put(name, value);
    }

    // ----- body -----

    @Override
    public void clearBody() throws JMSException {
        readOnlyBody = false;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return true;
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

    // ----- read-only state -----

    /** Marks body and properties read-only, as for a received message. */
    public void setReadOnly(boolean readOnly) {
        this.readOnlyBody = readOnly;
        this.readOnlyProperties = readOnly;
    }

    /** True when the body may not be written. */
    protected boolean isReadOnlyBody() {
        return readOnlyBody;
    }

    /** Throws {@link MessageNotWriteableException} when the body is read-only. */
    protected void checkWritableBody() throws MessageNotWriteableException {
        if (readOnlyBody) {
            throw new MessageNotWriteableException("Message body is read-only; call clearBody() first");
        }
    }

    /**
     * Encodes the body for storage. Subclasses override; a plain message has no body.
     *
     * @return the body bytes, or null for no body
     */
    public byte[] encodeBody() throws JMSException {
        return null;
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
