package dev.postbox.jms.selector;

import java.util.Objects;

/** Unary plus or minus; the operand must be numeric, else the result is unknown. */
record UnaryArithmetic(boolean negative, Expression operand) implements Expression {

    UnaryArithmetic {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public Object evaluate(SelectorContext context) {
        Object value = operand.evaluate(context);
        if (NumericValues.isExact(value)) {
            return negative ? Long.valueOf(-NumericValues.longValue(value)) : value;
        }
        if (NumericValues.isApproximate(value)) {
            return negative ? Double.valueOf(-NumericValues.doubleValue(value)) : value;
        }
        return null;
    }

    @Override
    public ValueType type() {
        return ValueType.NUMERIC;
    }
}
