package dev.postbox.jms.selector;

import java.util.Objects;

/** A binary arithmetic operation. */
record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {

    Arithmetic {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public Object evaluate(SelectorContext context) {
        Object leftValue = left.evaluate(context);
        if (leftValue == null) {
            return null;
        }
        return operator.apply(leftValue, right.evaluate(context));
    }

    @Override
    public ValueType type() {
        return ValueType.NUMERIC;
    }
}
