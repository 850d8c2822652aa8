package dev.postbox.jms.management;

import java.util.List;

/**
 * A message body as an operator sees it. Bodies are never deserialized: an ObjectMessage shows only its
 * size.
 *
 * @param type NONE, TEXT, BYTES, MAP, STREAM or OBJECT
 * @param size encoded size in bytes
 * @param encoding how {@code content} is to be read: "text", "hex", "entries" (see {@code entries}), or
 *     "none"
 * @param content the text, a hex excerpt, or a summary such as "ObjectMessage (812 bytes)"
 * @param truncated true when {@code content} or {@code entries} is only the beginning of the body
 * @param entries the entries of map and stream bodies, else empty
 */
public record BodyPreview(String type, int size, String encoding, String content, boolean truncated,
        List<NamedValue> entries) {
}
