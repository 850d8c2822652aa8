package dev.postbox.jms.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of message properties: a format byte, the entry count, then per entry the name and a
 * type-tagged value. The format is persisted; change it only by adding a new format byte.
 */
public final class PropertyCodec {

    static final int FORMAT_V1 = 1;

    static final int TAG_NULL = 0;
    static final int TAG_BOOLEAN = 1;
    static final int TAG_BYTE = 2;
    static final int TAG_SHORT = 3;
    static final int TAG_INT = 4;
    static final int TAG_LONG = 5;
    static final int TAG_FLOAT = 6;
    static final int TAG_DOUBLE = 7;
    static final int TAG_STRING = 8;

    private PropertyCodec() {
    }

    /** Encodes properties; returns null for none. */
    public static byte[] encode(Map<String, Object> properties) {
        if (properties.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + properties.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            out.writeInt(properties.size());
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                writeString(out, e.getKey());
                writeValue(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes what {@link #encode} wrote; null gives an empty map. */
    public static Map<String, Object> decode(byte[] encoded) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (encoded == null || encoded.length == 0) {
            return properties;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_V1) {
                throw new IllegalArgumentException("Unknown property format " + format);
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = readString(in);
                properties.put(name, readValue(in));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Corrupt stored message properties", e);
        }
        return properties;
    }

    /** Writes one type-tagged value (also used by the map and stream body codecs). */
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
        } else if (value instanceof Float f) {
            out.writeByte(TAG_FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Double d) {
            out.writeByte(TAG_DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte(TAG_STRING);
            writeString(out, s);
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
            default -> throw new IOException("Unknown value tag " + tag);
        };
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Negative string length");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
