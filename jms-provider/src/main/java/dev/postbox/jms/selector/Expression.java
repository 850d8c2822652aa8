package dev.postbox.jms.selector;

/**
 * A node of a parsed selector. Nodes are immutable and evaluate without side effects, so one tree can be
 * evaluated from many threads at once.
 */
sealed interface Expression permits Condition, Literal, Identifier, UnaryArithmetic, Arithmetic {

    /**
     * The value of this expression for one message: a String, a Boolean, a numeric value (Long or Double, or the
     * boxed type an identifier was set with), or null for NULL / unknown.
     */
    Object evaluate(SelectorContext context);

    /** The type this expression is known to have before any message is seen. */
    ValueType type();
}
