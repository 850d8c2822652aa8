package dev.postbox.jms.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * Internal signal of an invalid selector, raised inside the lexer and parser and turned into an
 * {@link InvalidSelectorException} by {@link Selector#parse}; it never leaves this package.
 */
final class SelectorSyntaxException extends RuntimeException {

    private static final int QUOTED_TEXT_LIMIT = 200;

    private final int position;

    /**
     * @param position the zero-based index in the selector text the problem is reported at
     * @param detail what is wrong, e.g. "expected an expression"
     */
    SelectorSyntaxException(int position, String detail) {
        super(detail, null, false, false);
        this.position = position;
    }

    int position() {
        return position;
    }

    /** The public exception, with a message naming the selector, the problem and where it is. */
    InvalidSelectorException toInvalidSelectorException(String source) {
        return new InvalidSelectorException(describe(source, getMessage() + " at " + location(source, position)));
    }

    /** {@code Invalid selector "<text>": <detail>}, the text shortened when long. */
    static String describe(String source, String detail) {
        String quoted = source.length() <= QUOTED_TEXT_LIMIT
                ? source
                : source.substring(0, QUOTED_TEXT_LIMIT) + "...";
        return "Invalid selector \"" + quoted + "\": " + detail;
    }

    /** "column N" (one-based), or "line L, column C" once the text has had a line terminator. */
    static String location(String source, int position) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(position, source.length());
        for (int i = 0; i < end; i++) {
            char c = source.charAt(i);
            boolean crlf = c == '\r' && i + 1 < end && source.charAt(i + 1) == '\n';
            if (c == '\n' || (c == '\r' && !crlf)) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = position - lineStart + 1;
        return line == 1 ? "column " + column : "line " + line + ", column " + column;
    }
}
