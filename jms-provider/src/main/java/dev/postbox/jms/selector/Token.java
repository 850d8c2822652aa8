package dev.postbox.jms.selector;

/**
 * One token of a selector.
 *
 * @param start zero-based index of its first character
 * @param end   index after its last character
 * @param value the literal value (String, Long or Double) or identifier name; null for other tokens
 */
record Token(TokenType type, int start, int end, Object value) {

    /** How the token is named in an error message. */
    String describe(String source) {
        return switch (type) {
            case IDENTIFIER -> "identifier '" + value + "'";
            case STRING, EXACT, EXACT_TWO_TO_THE_63, APPROXIMATE -> type.description() + " "
                    + abbreviate(source.substring(start, end));
            default -> type.description();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
