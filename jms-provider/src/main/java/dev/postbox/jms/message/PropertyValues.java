package dev.postbox.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The type-conversion tables of Jakarta Messaging: section 3.5.4 (properties) and section 3.11.3 (map and
 * stream bodies, which add {@code char} and {@code byte[]}). A value written as one type may be read as the
 * types the tables mark; other reads throw {@link MessageFormatException}. A String that does not parse
 * throws {@link NumberFormatException}, and reading a null value as a primitive behaves as the primitive's
 * {@code valueOf((String) null)}: false for boolean, {@link NumberFormatException} for integral types,
 * {@link NullPointerException} for float, double and char.
 *
 * <p>Properties never hold {@code Character} or {@code byte[]} values, so one table serves both uses.
 */
public final class PropertyValues {

    private PropertyValues() {
    }

    /** True for the value types a property may hold (null included). */
    public static boolean isValidPropertyType(Object value) {
        return value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String;
    }

    /** True for the value types a map or stream body may hold: the property types plus Character and byte[]. */
    public static boolean isValidBodyValueType(Object value) {
        return isValidPropertyType(value) || value instanceof Character || value instanceof byte[];
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

    /** Reads a value as char: only a Character converts; null throws {@link NullPointerException}. */
    public static char toChar(Object value) throws MessageFormatException {
        if (value == null) {
            throw new NullPointerException("Cannot read a missing or null value as char");
        }
        if (value instanceof Character c) {
            return c;
        }
        throw cannotConvert(value, "char");
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

    /** Reads a property value as String (every property type converts); null stays null. */
    public static String toStringValue(Object value) {
        return value == null ? null : value.toString();
    }

    /** Reads a map or stream value as String: every type converts except byte[]; null stays null. */
    public static String toBodyString(Object value) throws MessageFormatException {
        if (value instanceof byte[]) {
            throw cannotConvert(value, "String");
        }
        return toStringValue(value);
    }

    /** Reads a value as byte[] (a copy): only a byte[] converts; null stays null. */
    public static byte[] toBytes(Object value) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw cannotConvert(value, "byte[]");
    }

    /** A copy of a value safe to hand out or keep: byte[] is cloned, other values are immutable. */
    static Object copyOf(Object value) {
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    static MessageFormatException cannotConvert(Object value, String target) {
        String type = value instanceof byte[] ? "byte[]" : value.getClass().getSimpleName();
        return new MessageFormatException("Cannot read a " + type + " value as " + target);
    }
}
