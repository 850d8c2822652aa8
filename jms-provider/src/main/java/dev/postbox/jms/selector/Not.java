package dev.postbox.jms.selector;

import java.util.Objects;

/** {@code NOT operand}. */
record Not(Condition operand) implements Condition {

    Not {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public TruthValue test(SelectorContext context) {
        return operand.test(context).not();
    }
}
