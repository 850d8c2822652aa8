package dev.postbox.jms.selector;

import java.util.List;

/** {@code a AND b AND ...}, evaluated left to right, stopping at the first FALSE. */
record And(List<Condition> operands) implements Condition {

    And {
        operands = List.copyOf(operands);
    }

    @Override
    public TruthValue test(SelectorContext context) {
        TruthValue result = TruthValue.TRUE;
        for (int i = 0; i < operands.size(); i++) {
            result = result.and(operands.get(i).test(context));
            if (result == TruthValue.FALSE) {
                return result;
            }
        }
        return result;
    }
}
