package dev.postbox.jms.selector;

import java.util.Objects;

/** {@code identifier IS [NOT] NULL}: tests whether the message has a value for the identifier at all. */
record IsNull(Identifier identifier, boolean negated) implements Condition {

    IsNull {
        Objects.requireNonNull(identifier, "identifier");
    }

    @Override
    public TruthValue test(SelectorContext context) {
        boolean absent = context.identifierValue(identifier.name()) == null;
        return TruthValue.of(absent != negated);
    }
}
