package dev.postbox.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The properties of one message and their read-only state. Not thread-safe. */
final class MessageProperties {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    /** Sets an application property, applying the name, type and read-only rules. */
    void set(String name, Object value) throws JMSException {
        PropertyNames.check(name);
        if (!PropertyValues.isValidPropertyType(value)) {
            throw new MessageFormatException("Invalid value type " + value.getClass().getName() + " for property "
                    + name + ": only Boolean, Byte, Short, Integer, Long, Float, Double and String are allowed");
        }
        if (readOnly) {
            throw new MessageNotWriteableException("Message properties are read-only; call clearProperties() first");
        }
        values.put(name, PropertyNames.coerce(name, value));
    }

    /** Sets a property for the provider: no name or read-only checks; typed JMSX values are normalised. */
    void putProvider(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (!PropertyValues.isValidPropertyType(value)) {
            throw new IllegalArgumentException("Invalid value type " + value.getClass().getName() + " for property "
                    + name);
        }
        Class<?> type = PropertyNames.jmsxType(name);
        Object stored = value;
        if (type == Integer.class && value instanceof Number n) {
            stored = n.intValue();
        } else if (type == Long.class && value instanceof Number n) {
            stored = n.longValue();
        }
        values.put(name, stored);
    }

    Object get(String name) {
        return name == null ? null : values.get(name);
    }

    boolean exists(String name) {
        return name != null && values.containsKey(name);
    }

    /** Removes every property and makes the properties writable. */
    void clear() {
        values.clear();
        readOnly = false;
    }

    /** A snapshot of the names, so the caller may change properties while enumerating. */
    Enumeration<String> names() {
        return Collections.enumeration(new ArrayList<>(values.keySet()));
    }

    /** The live map as an unmodifiable view. */
    Map<String, Object> view() {
        return Collections.unmodifiableMap(values);
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    boolean isReadOnly() {
        return readOnly;
    }
}
