package dev.postbox.jms.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The type-tagged value encoding shared by the stored forms of properties, map bodies and stream bodies
 * (see the package documentation for the byte layout). Tags are persisted: never renumber them.
 */
final class TypedValueCodec {

    static final int TAG_NULL = 0;
    static final int TAG_BOOLEAN = 1;
    static final int TAG_BYTE = 2;
    static final int TAG_SHORT = 3;
    static final int TAG_INT = 4;
    static final int TAG_LONG = 5;
    static final int TAG_FLOAT = 6;
    static final int TAG_DOUBLE = 7;
    static final int TAG_STRING = 8;
    /** A byte[]: int length, then the bytes. Map and stream bodies only. */
    static final int TAG_BYTES = 9;
    /** A char: two bytes, high byte first. Map and stream bodies only. */
    static final int TAG_CHAR = 10;

    private TypedValueCodec() {
    }

    /** Writes one type-tagged value. */
    static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(TAG_NULL);
        } else if (value instanceof Boolean b) {
            out.writeByte(TAG_BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Byte b) {
            out.writeByte(TAG_BYTE);
            out.writeByte(b);
        } else if (value instanceof Short s) {
            out.writeByte(TAG_SHORT);
            out.writeShort(s);
        } else if (value instanceof Integer i) {
            out.writeByte(TAG_INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(TAG_LONG);
            out.writeLong(l);
        } else {
            writeOtherValue(out, value);
        }
    }

    private static void writeOtherValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Float f) {
            out.writeByte(TAG_FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Double d) {
            out.writeByte(TAG_DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte(TAG_STRING);
            writeString(out, s);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(TAG_BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof Character c) {
            out.writeByte(TAG_CHAR);
            out.writeChar(c);
        } else {
            throw new IllegalArgumentException("Unsupported value type " + value.getClass().getName());
        }
    }

    /** Reads one value written by {@link #writeValue}. */
    static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case TAG_NULL -> null;
            case TAG_BOOLEAN -> in.readBoolean();
            case TAG_BYTE -> in.readByte();
            case TAG_SHORT -> in.readShort();
            case TAG_INT -> in.readInt();
            case TAG_LONG -> in.readLong();
            case TAG_FLOAT -> in.readFloat();
            case TAG_DOUBLE -> in.readDouble();
            case TAG_STRING -> readString(in);
            case TAG_BYTES -> readBytes(in);
            case TAG_CHAR -> in.readChar();
            default -> throw new IOException("Unknown value tag " + tag);
        };
    }

    /** Writes a string as an int byte count and its UTF-8 bytes. */
    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads what {@link #writeString} wrote. */
    static String readString(DataInputStream in) throws IOException {
        return new String(readLengthPrefixed(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return readLengthPrefixed(in);
    }

    private static byte[] readLengthPrefixed(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Negative length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("Truncated value: expected " + length + " bytes, found " + bytes.length);
        }
        return bytes;
    }
}
