package dev.postbox.jms.selector;

import java.util.Objects;

/** A string, exact numeric (Long), approximate numeric (Double) or boolean literal. */
record Literal(Object value) implements Expression {

    Literal {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Object evaluate(SelectorContext context) {
        return value;
    }

    @Override
    public ValueType type() {
        return ValueType.ofLiteral(value);
    }
}
