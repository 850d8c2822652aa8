package dev.postbox.jms.management;

import java.util.HexFormat;

/** Typed JMS values (properties, map and stream entries) as text. */
final class Values {

    private Values() {
    }

    static NamedValue named(String name, Object value) {
        if (value == null) {
            return new NamedValue(name, "null", "");
        }
        if (value instanceof byte[] bytes) {
            return new NamedValue(name, "byte[]", HexFormat.of().formatHex(bytes));
        }
        return new NamedValue(name, value.getClass().getSimpleName(), String.valueOf(value));
    }
}
