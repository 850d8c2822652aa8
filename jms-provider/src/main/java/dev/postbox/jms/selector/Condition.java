package dev.postbox.jms.selector;

/** A conditional expression: it evaluates to TRUE, FALSE or UNKNOWN. */
sealed interface Condition extends Expression
        permits Comparison, Between, In, Like, IsNull, And, Or, Not, BooleanOperand {

    TruthValue test(SelectorContext context);

    @Override
    default Object evaluate(SelectorContext context) {
        return test(context).toBoolean();
    }

    @Override
    default ValueType type() {
        return ValueType.BOOLEAN;
    }
}
