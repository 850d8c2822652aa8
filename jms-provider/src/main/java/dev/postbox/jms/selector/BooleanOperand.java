package dev.postbox.jms.selector;

import java.util.Objects;

/**
 * A boolean literal or an identifier used where a condition is expected, such as {@code TRUE} or
 * {@code isUrgent AND ...}: TRUE or FALSE for a Boolean value, UNKNOWN for null and for any other value.
 */
record BooleanOperand(Expression value) implements Condition {

    BooleanOperand {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public TruthValue test(SelectorContext context) {
        return TruthValue.of(value.evaluate(context));
    }
}
