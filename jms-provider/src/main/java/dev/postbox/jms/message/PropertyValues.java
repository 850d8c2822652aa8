package dev.postbox.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The property type-conversion table of Jakarta Messaging section 3.5.4: which Java type a property
 * written as one type may be read as. Conversions the table does not allow throw
 * {@link MessageFormatException}; a String that does not parse throws {@link NumberFormatException}.
 */
public final class PropertyValues {

    private PropertyValues() {
    }

    /** True for the value types a property may hold. */
    public static boolean isValidPropertyType(Object value) {
        return value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String;
    }

    /** Reads a value as boolean. */
    public static boolean toBoolean(Object value) throws MessageFormatException {
        if (value == null || value instanceof String) {
            return Boolean.parseBoolean((String) value);
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw cannotConvert(value, "boolean");
    }

    /** Reads a value as byte. */
    public static byte toByte(Object value) throws MessageFormatException {
        if (value == null || value instanceof String) {
            return Byte.parseByte((String) value);
        }
        if (value instanceof Byte b) {
            return b;
        }
        throw cannotConvert(value, "byte");
    }

    /** Reads a value as short. */
    public static short toShort(Object value) throws MessageFormatException {
        if (value == null || value instanceof String) {
            return Short.parseShort((String) value);
        }
        if (value instanceof Byte || value instanceof Short) {
            return ((Number) value).shortValue();
        }
        throw cannotConvert(value, "short");
    }

    /** Reads a value as int. */
    public static int toInt(Object value) throws MessageFormatException {
        if (value == null || value instanceof String) {
            return Integer.parseInt((String) value);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return ((Number) value).intValue();
        }
        throw cannotConvert(value, "int");
    }

    /** Reads a value as long. */
    public static long toLong(Object value) throws MessageFormatException {
        if (value == null || value instanceof String) {
            return Long.parseLong((String) value);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw cannotConvert(value, "long");
    }

    /** Reads a value as float. */
    public static float toFloat(Object value) throws MessageFormatException {
        if (value == null) {
            throw new NullPointerException("Cannot read a missing or null value as float");
        }
        if (value instanceof String s) {
            return Float.parseFloat(s);
        }
        if (value instanceof Float f) {
            return f;
        }
        throw cannotConvert(value, "float");
    }

    /** Reads a value as double. */
    public static double toDouble(Object value) throws MessageFormatException {
        if (value == null) {
            throw new NullPointerException("Cannot read a missing or null value as double");
        }
        if (value instanceof String s) {
            return Double.parseDouble(s);
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        throw cannotConvert(value, "double");
    }

    /** Reads a value as String (every type converts). */
    public static String toStringValue(Object value) {
        return value == null ? null : value.toString();
    }

    static MessageFormatException cannotConvert(Object value, String target) {
        return new MessageFormatException("Cannot read a " + value.getClass().getSimpleName() + " value as " + target);
    }
}
