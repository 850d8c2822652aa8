package dev.postbox.jms.selector;

/**
 * Classifies runtime values: Byte, Short, Integer and Long are exact numerics (evaluated as {@code long}),
 * Float and Double approximate numerics (evaluated as {@code double}).
 */
final class NumericValues {

    private NumericValues() {
    }

    static boolean isExact(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    static boolean isApproximate(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    static boolean isNumeric(Object value) {
        return isExact(value) || isApproximate(value);
    }

    /** Whether a value has one of the types a selector can evaluate: String, Boolean or a numeric type. */
    static boolean isSelectable(Object value) {
        return value instanceof String || value instanceof Boolean || isNumeric(value);
    }

    static long longValue(Object exact) {
        return ((Number) exact).longValue();
    }

    static double doubleValue(Object numeric) {
        return ((Number) numeric).doubleValue();
    }
}
