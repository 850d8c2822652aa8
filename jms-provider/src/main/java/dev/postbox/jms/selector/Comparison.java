package dev.postbox.jms.selector;

import java.util.Objects;

/** {@code left op right} for one of {@code = <> < <= > >=}. */
record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Condition {

    Comparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public TruthValue test(SelectorContext context) {
        Object leftValue = left.evaluate(context);
        if (leftValue == null) {
            return TruthValue.UNKNOWN;
        }
        return operator.apply(leftValue, right.evaluate(context));
    }
}
