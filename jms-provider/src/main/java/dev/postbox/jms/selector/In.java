package dev.postbox.jms.selector;

import java.util.Objects;
import java.util.Set;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}: unknown when the identifier is NULL; otherwise evaluated as the
 * equivalent OR of {@code =} comparisons, so a non-string value is not IN (and is NOT IN) the list.
 */
record In(Identifier identifier, Set<String> values, boolean negated) implements Condition {

    In {
        Objects.requireNonNull(identifier, "identifier");
        values = Set.copyOf(values);
    }

    @Override
    public TruthValue test(SelectorContext context) {
        Object value = identifier.evaluate(context);
        if (value == null) {
            return TruthValue.UNKNOWN;
        }
        boolean found = value instanceof String s && values.contains(s);
        return TruthValue.of(found != negated);
    }
}
