package dev.postbox.jms.selector;

/** A value of SQL-92 three-valued logic, with the AND, OR and NOT tables of Jakarta Messaging 3.1, section 3.8.1.2. */
enum TruthValue {
    TRUE,
    FALSE,
    UNKNOWN;

    static TruthValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** TRUE or FALSE for a {@link Boolean}; UNKNOWN for null and for any other value. */
    static TruthValue of(Object value) {
        if (value instanceof Boolean b) {
            return of(b.booleanValue());
        }
        return UNKNOWN;
    }

    TruthValue and(TruthValue other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    TruthValue or(TruthValue other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    TruthValue not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** This value as a selector value: {@link Boolean#TRUE}, {@link Boolean#FALSE}, or null for UNKNOWN. */
    Boolean toBoolean() {
        return switch (this) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case UNKNOWN -> null;
        };
    }
}
