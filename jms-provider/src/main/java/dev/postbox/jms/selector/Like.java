package dev.postbox.jms.selector;

import java.util.Objects;

/**
 * {@code identifier [NOT] LIKE 'pattern' [ESCAPE 'c']}: unknown when the identifier is NULL; a non-string value
 * does not match (a comparison of unlike types is false), so NOT LIKE is true for it.
 */
record Like(Identifier identifier, LikePattern pattern, boolean negated) implements Condition {

    Like {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public TruthValue test(SelectorContext context) {
        Object value = identifier.evaluate(context);
        if (value == null) {
            return TruthValue.UNKNOWN;
        }
        boolean matched = value instanceof String s && pattern.matches(s);
        return TruthValue.of(matched != negated);
    }
}
