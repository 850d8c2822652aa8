package dev.postbox.jms.selector;

/** The comparison operators {@code = <> < <= > >=} and their value semantics (Jakarta Messaging 3.1, 3.8.1.1). */
enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Whether the operator orders its operands, so that it only applies to numeric values. */
    boolean isOrdering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /**
     * Compares two values: UNKNOWN if either is null; FALSE for values of unlike types and for an ordering
     * comparison of strings or booleans; otherwise the comparison under Java numeric promotion.
     */
    TruthValue apply(Object left, Object right) {
        if (left == null || right == null) {
            return TruthValue.UNKNOWN;
        }
        if (left instanceof String || left instanceof Boolean) {
            return left.getClass() == right.getClass() ? equality(left.equals(right)) : TruthValue.FALSE;
        }
        if (!NumericValues.isNumeric(left) || !NumericValues.isNumeric(right)) {
            return TruthValue.FALSE;
        }
        if (NumericValues.isExact(left) && NumericValues.isExact(right)) {
            return TruthValue.of(compareLongs(NumericValues.longValue(left), NumericValues.longValue(right)));
        }
        return TruthValue.of(compareDoubles(NumericValues.doubleValue(left), NumericValues.doubleValue(right)));
    }

    private TruthValue equality(boolean equal) {
        return switch (this) {
            case EQUAL -> TruthValue.of(equal);
            case NOT_EQUAL -> TruthValue.of(!equal);
            default -> TruthValue.FALSE;
        };
    }

    private boolean compareLongs(long a, long b) {
        return switch (this) {
            case EQUAL -> a == b;
            case NOT_EQUAL -> a != b;
            case LESS -> a < b;
            case LESS_OR_EQUAL -> a <= b;
            case GREATER -> a > b;
            case GREATER_OR_EQUAL -> a >= b;
        };
    }

    private boolean compareDoubles(double a, double b) {
        return switch (this) {
            case EQUAL -> a == b;
            case NOT_EQUAL -> a != b;
            case LESS -> a < b;
            case LESS_OR_EQUAL -> a <= b;
            case GREATER -> a > b;
            case GREATER_OR_EQUAL -> a >= b;
        };
    }
}
