package dev.postbox.jms.selector;

/** The static type of a selector expression, as far as it is known when the selector is parsed. */
enum ValueType {
    BOOLEAN("boolean"),
    NUMERIC("numeric"),
    STRING("string"),
    /** An identifier whose type is only known per message. */
    ANY("untyped");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** The type of a literal value (Boolean, Long, Double or String). */
    static ValueType ofLiteral(Object value) {
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof String) {
            return STRING;
        }
        return NUMERIC;
    }

    boolean allowsNumeric() {
        return this == NUMERIC || this == ANY;
    }

    boolean allowsBoolean() {
        return this == BOOLEAN || this == ANY;
    }

    boolean isKnown() {
        return this != ANY;
    }

    String description() {
        return description;
    }
}
