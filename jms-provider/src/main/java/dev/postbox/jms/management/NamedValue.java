package dev.postbox.jms.management;

/**
 * A typed value shown as text: a message property, a map message entry or a stream message item.
 *
 * @param name property or entry name (the position for stream items)
 * @param type Java type name (String, Integer, Boolean, byte[], …) or "null"
 * @param value the value as text (byte arrays in hex)
 */
public record NamedValue(String name, String type, String value) {
}
