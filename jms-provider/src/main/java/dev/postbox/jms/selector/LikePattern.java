package dev.postbox.jms.selector;

import java.util.Arrays;

/**
 * A compiled LIKE pattern: {@code _} matches exactly one character (Unicode code point), {@code %} any sequence,
 * every other character itself. Matching is done by hand, not with {@code java.util.regex}, so no character of
 * the pattern has any other meaning, and the worst case is proportional to pattern length times value length.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;
    /** {@link #compile} escape argument meaning "no ESCAPE clause". */
    static final int NO_ESCAPE = -1;

    private final String source;
    private final int[] elements;
    /** The pattern's only possible match when it has no wildcard, else null. */
    private final String literal;

    private LikePattern(String source, int[] elements, String literal) {
        this.source = source;
        this.elements = elements;
        this.literal = literal;
    }

    /**
     * Compiles a pattern. With an escape character, that character followed by {@code _}, {@code %} or itself
     * stands for the second character; any other use of it is an invalid escape sequence (as in SQL-92).
     *
     * @param escape the escape code point, or {@link #NO_ESCAPE}
     * @throws IllegalArgumentException for an invalid escape sequence
     */
    static LikePattern compile(String pattern, int escape) {
        int[] elements = new int[pattern.length()];
        int count = 0;
        boolean wildcard = false;
        StringBuilder literal = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escape) {
                cp = escaped(pattern, i, escape);
                i += Character.charCount(cp);
                literal.appendCodePoint(cp);
                elements[count++] = cp;
            } else if (cp == '_' || cp == '%') {
                wildcard = true;
                boolean repeatedSequence = cp == '%' && count > 0 && elements[count - 1] == ANY_SEQUENCE;
                if (!repeatedSequence) {
                    elements[count++] = cp == '_' ? ANY_ONE : ANY_SEQUENCE;
                }
            } else {
                literal.appendCodePoint(cp);
                elements[count++] = cp;
            }
        }
        return new LikePattern(pattern, Arrays.copyOf(elements, count), wildcard ? null : literal.toString());
    }

    private static int escaped(String pattern, int index, int escape) {
        if (index >= pattern.length()) {
            throw new IllegalArgumentException("the LIKE pattern ends with its escape character");
        }
        int next = pattern.codePointAt(index);
        if (next != '_' && next != '%' && next != escape) {
            throw new IllegalArgumentException(
                    "the escape character in the LIKE pattern must be followed by '_', '%' or itself");
        }
        return next;
    }

    /** Whether the whole value matches this pattern. */
    boolean matches(String value) {
        if (literal != null) {
            return literal.equals(value);
        }
        int s = 0;
        int p = 0;
        int starP = -1;
        int starS = 0;
        int length = value.length();
        while (s < length) {
            if (p < elements.length) {
                int element = elements[p];
                if (element == ANY_SEQUENCE) {
                    starP = p++;
                    starS = s;
                    continue;
                }
                int cp = value.codePointAt(s);
                if (element == ANY_ONE || element == cp) {
                    s += Character.charCount(cp);
                    p++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            starS += Character.charCount(value.codePointAt(starS));
            s = starS;
        }
        while (p < elements.length && elements[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == elements.length;
    }

    @Override
    public String toString() {
        return source;
    }
}
