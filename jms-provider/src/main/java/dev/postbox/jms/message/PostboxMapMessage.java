package dev.postbox.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message whose body is named primitive values, readable at any time and writable until received.
 * Conversions follow table 3-7 of the specification (see {@link PropertyValues}); a name not set reads as a
 * null value. Values are copied in and out, so later changes to a byte[] do not affect the message.
 */
public class PostboxMapMessage extends PostboxMessage implements MapMessage {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** Creates an empty map message. */
    public PostboxMapMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.MAP;
    }

    // ----- reading -----

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return PropertyValues.toBoolean(entry(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return PropertyValues.toByte(entry(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return PropertyValues.toShort(entry(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return PropertyValues.toChar(entry(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return PropertyValues.toInt(entry(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return PropertyValues.toLong(entry(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return PropertyValues.toFloat(entry(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return PropertyValues.toDouble(entry(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return PropertyValues.toBodyString(entry(name));
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return PropertyValues.toBytes(entry(name));
    }

    @Override
    public Object getObject(String name) {
        return PropertyValues.copyOf(entry(name));
    }

    /** A snapshot of the names, so the caller may change the map while enumerating. */
    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new ArrayList<>(entries.keySet()));
    }

    @Override
    public boolean itemExists(String name) {
        return name != null && entries.containsKey(name);
    }

    // ----- writing -----

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        checkWritableBody();
        checkName(name);
        Objects.checkFromIndexSize(offset, length, value.length);
        entries.put(name, java.util.Arrays.copyOfRange(value, offset, offset + length));
    }

    /** Accepts boxed primitives, Character, String, byte[] (copied) and null; other types throw MessageFormatException. */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        checkWritableBody();
        checkName(name);
        if (!PropertyValues.isValidBodyValueType(value)) {
            throw new MessageFormatException("A map message cannot hold a " + value.getClass().getName()
                    + " (entry " + name + ")");
        }
        entries.put(name, PropertyValues.copyOf(value));
    }

    // ----- body -----

    @Override
    public void clearBody() throws JMSException {
        entries.clear();
        super.clearBody();
    }

    /** A new {@link Map} holding copies of the entries; null when the map is empty. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (entries.isEmpty()) {
            return null;
        }
        if (!c.isAssignableFrom(Map.class)) {
            throw new MessageFormatException("A MapMessage body cannot be read as " + c.getName());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        entries.forEach((name, value) -> copy.put(name, PropertyValues.copyOf(value)));
        return c.cast(copy);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public boolean isBodyAssignableTo(Class c) {
        return entries.isEmpty() || c.isAssignableFrom(Map.class);
    }

    @Override
    public byte[] encodeBody() {
        return MapBodyCodec.encode(entries);
    }

    /** Restores the body from its stored form. */
    void decodeBody(byte[] body) throws JMSException {
        entries.clear();
        entries.putAll(MapBodyCodec.decode(body));
    }

    private Object entry(String name) {
        return name == null ? null : entries.get(name);
    }

    private void put(String name, Object value) throws JMSException {
        checkWritableBody();
        checkName(name);
        entries.put(name, value);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A map entry name must not be null or empty");
        }
    }
}
