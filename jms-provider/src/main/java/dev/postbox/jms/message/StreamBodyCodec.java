package dev.postbox.jms.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link jakarta.jms.StreamMessage} body: a format byte, the value count, then each
 * type-tagged value in order (see the package documentation). Persisted; change it only by adding a new
 * format byte.
 */
public final class StreamBodyCodec {

    static final int FORMAT_V1 = 1;

    private StreamBodyCodec() {
    }

    /** Encodes the stream values; returns null for an empty stream (no body). */
    public static byte[] encode(List<Object> values) {
        if (values.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + values.size() * 12);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            out.writeInt(values.size());
            for (Object value : values) {
                TypedValueCodec.writeValue(out, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes what {@link #encode} wrote; null or empty gives an empty list. */
    public static List<Object> decode(byte[] encoded) throws MessageFormatException {
        List<Object> values = new ArrayList<>();
        if (encoded == null || encoded.length == 0) {
            return values;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_V1) {
                throw new IOException("Unknown stream body format " + format);
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                values.add(TypedValueCodec.readValue(in));
            }
        } catch (IOException e) {
            throw MapBodyCodec.corrupt("stream", e);
        }
        return values;
    }
}
