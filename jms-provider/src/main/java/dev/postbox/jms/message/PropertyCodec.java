package dev.postbox.jms.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of message properties: a format byte, the entry count, then per entry the name and a
 * type-tagged value (see the package documentation). The format is persisted; change it only by adding a
 * new format byte.
 */
public final class PropertyCodec {

    static final int FORMAT_V1 = 1;

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
                if (!PropertyValues.isValidPropertyType(e.getValue())) {
                    throw new IllegalArgumentException("Property " + e.getKey() + " has an invalid value type");
                }
                TypedValueCodec.writeString(out, e.getKey());
                TypedValueCodec.writeValue(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes what {@link #encode} wrote; null or empty gives an empty map.
     *
     * @throws IllegalArgumentException when the bytes are not a valid stored property set
     */
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
                String name = TypedValueCodec.readString(in);
                Object value = TypedValueCodec.readValue(in);
                if (!PropertyValues.isValidPropertyType(value)) {
                    throw new IOException("Property " + name + " holds a body-only value type");
                }
                properties.put(name, value);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Corrupt stored message properties", e);
        }
        return properties;
    }
}
