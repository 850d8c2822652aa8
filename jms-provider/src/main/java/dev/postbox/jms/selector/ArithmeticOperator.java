package dev.postbox.jms.selector;

/** The binary arithmetic operators {@code + - * /} with Java {@code long}/{@code double} semantics. */
enum ArithmeticOperator {
    PLUS("+"),
    MINUS("-"),
    TIMES("*"),
    DIVIDE("/");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /**
     * Applies the operator: null (unknown) if either operand is null or not numeric, or for an exact division by
     * zero; a Long if both operands are exact; otherwise a Double (Java binary numeric promotion).
     */
    Object apply(Object left, Object right) {
        if (!NumericValues.isNumeric(left) || !NumericValues.isNumeric(right)) {
            return null;
        }
        if (NumericValues.isExact(left) && NumericValues.isExact(right)) {
            return applyExact(NumericValues.longValue(left), NumericValues.longValue(right));
        }
        return applyApproximate(NumericValues.doubleValue(left), NumericValues.doubleValue(right));
    }

    private Long applyExact(long a, long b) {
        if (this == DIVIDE && b == 0) {
            return null;
        }
        long result = switch (this) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
        };
        return result;
    }

    private Double applyApproximate(double a, double b) {
        double result = switch (this) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
        };
        return result;
    }
}
