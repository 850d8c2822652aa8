package dev.postbox.jms.management;

import dev.postbox.jms.message.BodyType;
import dev.postbox.jms.message.MapBodyCodec;
import dev.postbox.jms.message.StreamBodyCodec;
import jakarta.jms.MessageFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns stored bodies into readable previews. Never deserializes: an ObjectMessage shows only its size,
 * so that browsing cannot run code from a message.
 *
 * @param textChars most characters of a text body
 * @param bytes most bytes of a bytes body shown in hex
 * @param entries most entries of a map or stream body
 * @param hexDump true for an offset/hex/ASCII dump, false for a one-line hex excerpt
 */
record BodyRendering(int textChars, int bytes, int entries, boolean hexDump) {

    /** Short previews for message lists. */
    static final BodyRendering PREVIEW = new BodyRendering(200, 32, 10, false);
    /** The readable body of a single message. */
    static final BodyRendering FULL = new BodyRendering(256 * 1024, 16 * 1024, 2_000, true);

    private static final HexFormat HEX = HexFormat.of();

    BodyPreview render(int bodyTypeCode, byte[] body) {
        int size = body == null ? 0 : body.length;
        BodyType type;
        try {
            type = BodyType.ofCode(bodyTypeCode);
        } catch (IllegalArgumentException e) {
            return new BodyPreview("UNKNOWN", size, "none", "Unknown body type " + bodyTypeCode, false, List.of());
        }
        return switch (type) {
            case NONE -> new BodyPreview(type.name(), size, "none", "", false, List.of());
            case TEXT -> text(size, body);
            case BYTES -> new BodyPreview(type.name(), size, "hex", hex(body), size > bytes, List.of());
            case MAP -> map(size, body);
            case STREAM -> stream(size, body);
            case OBJECT -> new BodyPreview(type.name(), size, "none", "ObjectMessage (" + size + " bytes)", false,
                    List.of());
        };
    }

    private BodyPreview text(int size, byte[] body) {
        if (body == null) {
            return new BodyPreview(BodyType.TEXT.name(), 0, "none", "(null text)", false, List.of());
        }
        String text = new String(body, StandardCharsets.UTF_8);
        boolean truncated = text.length() > textChars;
        return new BodyPreview(BodyType.TEXT.name(), size, "text", truncated ? text.substring(0, textChars) : text,
                truncated, List.of());
    }

    private String hex(byte[] body) {
        if (body == null) {
            return "";
        }
        int shown = Math.min(body.length, bytes);
        if (!hexDump) {
            StringBuilder line = new StringBuilder(shown * 3);
            for (int i = 0; i < shown; i++) {
                line.append(i == 0 ? "" : " ").append(HEX.toHexDigits(body[i]));
            }
            return line.toString();
        }
        StringBuilder dump = new StringBuilder();
        for (int offset = 0; offset < shown; offset += 16) {
            dump.append(String.format("%08x ", offset));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = offset; i < offset + 16; i++) {
                dump.append(i % 8 == 0 ? "  " : " ").append(i < shown ? HEX.toHexDigits(body[i]) : "  ");
                if (i < shown) {
                    ascii.append(body[i] >= 0x20 && body[i] < 0x7f ? (char) body[i] : '.');
                }
            }
            dump.append("  |").append(ascii).append("|\n");
        }
        return dump.toString();
    }

    private BodyPreview map(int size, byte[] body) {
        Map<String, Object> decoded;
        try {
            decoded = MapBodyCodec.decode(body);
        } catch (MessageFormatException e) {
            return unreadable(BodyType.MAP, size, e);
        }
        List<NamedValue> shown = new ArrayList<>();
        for (Map.Entry<String, Object> entry : decoded.entrySet()) {
            if (shown.size() == entries) {
                break;
            }
            shown.add(Values.named(entry.getKey(), entry.getValue()));
        }
        return new BodyPreview(BodyType.MAP.name(), size, "entries", decoded.size() + " entries",
                decoded.size() > entries, shown);
    }

    private BodyPreview stream(int size, byte[] body) {
        List<Object> decoded;
        try {
            decoded = StreamBodyCodec.decode(body);
        } catch (MessageFormatException e) {
            return unreadable(BodyType.STREAM, size, e);
        }
        List<NamedValue> shown = new ArrayList<>();
        for (int i = 0; i < decoded.size() && i < entries; i++) {
            shown.add(Values.named(Integer.toString(i), decoded.get(i)));
        }
        return new BodyPreview(BodyType.STREAM.name(), size, "entries", decoded.size() + " items",
                decoded.size() > entries, shown);
    }

    private static BodyPreview unreadable(BodyType type, int size, Exception e) {
        return new BodyPreview(type.name(), size, "none", "Unreadable body: " + e.getMessage(), false, List.of());
    }
}
