package dev.postbox.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed Jakarta Messaging message selector (Jakarta Messaging 3.1, section 3.8.1).
 *
 * <p>Immutable and thread-safe: one instance may be evaluated from any number of threads at once. Two selectors
 * are equal when their texts are equal.
 */
public final class Selector {

    /** The longest selector text accepted, in characters. */
    public static final int MAX_LENGTH = 65_536;

    /** The deepest nesting accepted: parentheses, NOT, unary signs and arithmetic operators chained together. */
    public static final int MAX_DEPTH = 200;

    private final String text;
    /** Null for a selector that matches every message. */
    private final Condition condition;
    private final Set<String> identifiers;

    private Selector(String text, Condition condition, Set<String> identifiers) {
        this.text = text;
        this.condition = condition;
        this.identifiers = identifiers;
    }

    /**
     * Parses a selector. A null, empty or whitespace-only text gives a selector that matches every message.
     *
     * @param text the selector text, or null
     * @return the parsed selector
     * @throws InvalidSelectorException if the text is not a valid selector, or is longer than {@link #MAX_LENGTH}
     *                                  characters or nested deeper than {@link #MAX_DEPTH} levels; the message
     *                                  says what is wrong and at which column
     */
    public static Selector parse(String text) throws InvalidSelectorException {
        String source = text == null ? "" : text;
        if (SelectorLexer.isBlank(source)) {
            return new Selector(source, null, Set.of());
        }
        if (source.length() > MAX_LENGTH) {
            throw new InvalidSelectorException(SelectorSyntaxException.describe(source,
                    "the selector is " + source.length() + " characters long, more than " + MAX_LENGTH));
        }
        try {
            SelectorParser.Result result = SelectorParser.parse(source);
            return new Selector(source, result.condition(), result.identifiers());
        } catch (SelectorSyntaxException e) {
            throw e.toInvalidSelectorException(source);
        } catch (RuntimeException e) {
            InvalidSelectorException invalid = new InvalidSelectorException(
                    SelectorSyntaxException.describe(source, "the selector could not be parsed: " + e), null, e);
            invalid.initCause(e);
            throw invalid;
        }
    }

    /**
     * Whether the message the context describes is selected: true only when the selector evaluates to TRUE
     * (FALSE and UNKNOWN do not match). Never throws for missing or odd values, whatever their type.
     *
     * @param context the message's header fields and properties; not null
     */
    public boolean matches(SelectorContext context) {
        if (condition == null) {
            return true;
        }
        Objects.requireNonNull(context, "context");
        return condition.test(context) == TruthValue.TRUE;
    }

    /** The three-valued result for a message (TRUE for a selector that matches everything). */
    TruthValue evaluate(SelectorContext context) {
        return condition == null ? TruthValue.TRUE : condition.test(context);
    }

    /** Whether this selector matches every message (its text was null, empty or whitespace only). */
    public boolean isMatchAll() {
        return condition == null;
    }

    /** The selector text as given ({@code ""} for a null text). */
    public String text() {
        return text;
    }

    /** The identifiers the selector references, in order of first appearance; unmodifiable. */
    public Set<String> identifiers() {
        return identifiers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selector selector && text.equals(selector.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Selector[" + text + "]";
    }
}
