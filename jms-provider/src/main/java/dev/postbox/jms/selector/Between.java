package dev.postbox.jms.selector;

import java.util.Objects;

/**
 * {@code value [NOT] BETWEEN low AND high}, evaluated exactly as the equivalences of section 3.8.1.1:
 * {@code value >= low AND value <= high}, and for NOT, {@code value < low OR value > high}.
 */
record Between(Expression value, Expression low, Expression high, boolean negated) implements Condition {

    Between {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    @Override
    public TruthValue test(SelectorContext context) {
        Object v = value.evaluate(context);
        Object lowValue = low.evaluate(context);
        Object highValue = high.evaluate(context);
        if (negated) {
            return ComparisonOperator.LESS.apply(v, lowValue).or(ComparisonOperator.GREATER.apply(v, highValue));
        }
        return ComparisonOperator.GREATER_OR_EQUAL.apply(v, lowValue)
                .and(ComparisonOperator.LESS_OR_EQUAL.apply(v, highValue));
    }
}
