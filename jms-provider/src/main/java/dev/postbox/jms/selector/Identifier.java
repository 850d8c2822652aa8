package dev.postbox.jms.selector;

import java.util.Objects;

/**
 * A header field or property reference. Its value comes from the {@link SelectorContext}; a value of a type a
 * selector cannot evaluate (anything but String, Boolean, Byte, Short, Integer, Long, Float, Double) is unknown.
 */
record Identifier(String name, ValueType type) implements Expression {

    Identifier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public Object evaluate(SelectorContext context) {
        Object value = context.identifierValue(name);
        return NumericValues.isSelectable(value) ? value : null;
    }
}
