package dev.postbox.jms.selector;

import java.util.List;

/** {@code a OR b OR ...}, evaluated left to right, stopping at the first TRUE. */
record Or(List<Condition> operands) implements Condition {

    Or {
        operands = List.copyOf(operands);
    }

    @Override
    public TruthValue test(SelectorContext context) {
        TruthValue result = TruthValue.FALSE;
        for (int i = 0; i < operands.size(); i++) {
            result = result.or(operands.get(i).test(context));
            if (result == TruthValue.TRUE) {
                return result;
            }
        }
        return result;
    }
}
