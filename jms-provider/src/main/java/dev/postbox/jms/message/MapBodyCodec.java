package dev.postbox.jms.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of a {@link jakarta.jms.MapMessage} body: a format byte, the entry count, then per entry
 * the name and a type-tagged value (see the package documentation). Persisted; change it only by adding a
 * new format byte.
 */
public final class MapBodyCodec {

    static final int FORMAT_V1 = 1;

    private MapBodyCodec() {
    }

    /** Encodes map entries; returns null for an empty map (no body). */
    public static byte[] encode(Map<String, Object> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + entries.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            out.writeInt(entries.size());
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                TypedValueCodec.writeString(out, e.getKey());
                TypedValueCodec.writeValue(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes what {@link #encode} wrote; null or empty gives an empty map. */
    public static Map<String, Object> decode(byte[] encoded) throws MessageFormatException {
        Map<String, Object> entries = new LinkedHashMap<>();
        if (encoded == null || encoded.length == 0) {
            return entries;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_V1) {
                throw new IOException("Unknown map body format " + format);
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = TypedValueCodec.readString(in);
                entries.put(name, TypedValueCodec.readValue(in));
            }
        } catch (IOException e) {
            throw corrupt("map", e);
        }
        return entries;
    }

    static MessageFormatException corrupt(String kind, IOException cause) {
        MessageFormatException e = new MessageFormatException("Corrupt stored " + kind + " message body: "
                + cause.getMessage());
        e.initCause(cause);
        e.setLinkedException(cause);
        return e;
    }
}
