package dev.postbox.jms.selector;

/**
 * The static type checks done at parse time: wherever an operand's type is already known (a literal, an
 * arithmetic or conditional expression, a typed header field), an operand of the wrong type makes the selector
 * invalid. Identifiers of unknown type are checked per message instead.
 */
final class TypeRules {

    private TypeRules() {
    }

    /** The expression as a condition; it must be a conditional expression or an untyped identifier. */
    static Condition condition(Expression expression, int position) {
        if (expression instanceof Condition condition) {
            return condition;
        }
        if (!expression.type().allowsBoolean()) {
            throw new SelectorSyntaxException(position, "expected a conditional expression, found a "
                    + expression.type().description() + " expression");
        }
        return new BooleanOperand(expression);
    }

    /** Checks an operand of an arithmetic operator or of BETWEEN. */
    static Expression numeric(Expression operand, int position, String operator) {
        if (!operand.type().allowsNumeric()) {
            throw new SelectorSyntaxException(position, operator + " needs a numeric operand, found a "
                    + operand.type().description() + " expression");
        }
        return operand;
    }

    /**
     * Checks a comparison: ordering operators need numeric operands (strings and booleans compare with = and
     * {@code <>} only), and two operands of known, different types can never be equal.
     */
    static Comparison comparison(ComparisonOperator operator, Expression left, Expression right, int position) {
        if (operator.isOrdering()) {
            for (Expression operand : new Expression[] {left, right}) {
                if (!operand.type().allowsNumeric()) {
                    throw new SelectorSyntaxException(position, "'" + operator.symbol() + "' cannot compare "
                            + operand.type().description() + " values (only = and <> apply to strings and booleans)");
                }
            }
        } else if (left.type().isKnown() && right.type().isKnown() && left.type() != right.type()) {
            throw new SelectorSyntaxException(position, "'" + operator.symbol() + "' cannot compare a "
                    + left.type().description() + " with a " + right.type().description() + " value");
        }
        return new Comparison(operator, left, right);
    }

    /** The left operand of IN, LIKE or IS: it must be an identifier, and not one known to hold non-strings. */
    static Identifier identifier(Expression operand, int position, String keyword, boolean mustBeString) {
        if (!(operand instanceof Identifier identifier)) {
            throw new SelectorSyntaxException(position, keyword + " needs an identifier on its left");
        }
        if (mustBeString && identifier.type().isKnown() && identifier.type() != ValueType.STRING) {
            throw new SelectorSyntaxException(position, keyword + " needs a string identifier, but "
                    + identifier.name() + " is " + identifier.type().description());
        }
        return identifier;
    }
}
