package dev.postbox.jms.selector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.jms.InvalidSelectorException;

/** Shared helpers for the selector tests. */
final class SelectorTestSupport {

    private SelectorTestSupport() {
    }

    /** Parses a selector that the test expects to be valid. */
    static Selector selector(String text) {
        try {
            return Selector.parse(text);
        } catch (InvalidSelectorException e) {
            return fail("expected a valid selector: " + e.getMessage(), e);
        }
    }

    /** The three-valued result of a selector for a context. */
    static TruthValue evaluate(String text, SelectorContext context) {
        return selector(text).evaluate(context);
    }

    /** The three-valued result for a context made of alternating names and values. */
    static TruthValue evaluate(String text, Object... namesAndValues) {
        return evaluate(text, MapSelectorContext.of(namesAndValues));
    }

    /** Whether the selector matches a context made of alternating names and values. */
    static boolean matches(String text, Object... namesAndValues) {
        return selector(text).matches(MapSelectorContext.of(namesAndValues));
    }

    /** Asserts that the text is an invalid selector and returns the exception's message. */
    static String invalid(String text) {
        return assertThrows(InvalidSelectorException.class, () -> Selector.parse(text),
                () -> "expected an invalid selector: " + text).getMessage();
    }
}
