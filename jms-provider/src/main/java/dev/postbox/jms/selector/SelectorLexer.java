package dev.postbox.jms.selector;

import java.util.ArrayList;
import java.util.List;

/** Splits selector text into tokens (Jakarta Messaging 3.1, section 3.8.1.1). */
final class SelectorLexer {

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    private SelectorLexer(String source) {
        this.source = source;
    }

    /**
     * The tokens of the text, ending with an {@link TokenType#END} token.
     *
     * @throws SelectorSyntaxException for a character that starts no token, or a malformed literal
     */
    static List<Token> tokenize(String source) {
        SelectorLexer lexer = new SelectorLexer(source);
        lexer.run();
        return lexer.tokens;
    }

    /** Selector whitespace, as in Java: space, horizontal tab, form feed and the line terminators CR and LF. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
    }

    /** Whether the text consists of selector whitespace only (including the empty text). */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        while (true) {
            while (position < source.length() && isWhitespace(source.charAt(position))) {
                position++;
            }
            if (position >= source.length()) {
                tokens.add(new Token(TokenType.END, position, position, null));
                return;
            }
            Token token = next();
            tokens.add(token);
            position = token.end();
        }
    }

    private Token next() {
        char c = source.charAt(position);
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || (c == '.' && position + 1 < source.length() && isDigit(source.charAt(position + 1)))) {
            return NumericLiteral.scan(source, position);
        }
        int codePoint = source.codePointAt(position);
        if (Character.isJavaIdentifierStart(codePoint)) {
            return word();
        }
        return operator(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token string() {
        StringBuilder value = new StringBuilder();
        int i = position + 1;
        while (i < source.length()) {
            int close = source.indexOf('\'', i);
            if (close < 0) {
                break;
            }
            value.append(source, i, close);
            if (close + 1 < source.length() && source.charAt(close + 1) == '\'') {
                value.append('\'');
                i = close + 2;
            } else {
                return new Token(TokenType.STRING, position, close + 1, value.toString());
            }
        }
        throw new SelectorSyntaxException(position, "unterminated string literal");
    }

    private Token word() {
        int end = position;
        while (end < source.length()) {
            int codePoint = source.codePointAt(end);
            if (!Character.isJavaIdentifierPart(codePoint)) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        String word = source.substring(position, end);
        TokenType keyword = TokenType.keyword(word);
        return keyword != null
                ? new Token(keyword, position, end, null)
                : new Token(TokenType.IDENTIFIER, position, end, word);
    }

    private Token operator(char c) {
        char next = position + 1 < source.length() ? source.charAt(position + 1) : '\0';
        return switch (c) {
            case '(' -> single(TokenType.LEFT_PAREN);
            case ')' -> single(TokenType.RIGHT_PAREN);
            case ',' -> single(TokenType.COMMA);
            case '+' -> single(TokenType.PLUS);
            case '-' -> single(TokenType.MINUS);
            case '*' -> single(TokenType.TIMES);
            case '/' -> single(TokenType.DIVIDE);
            case '=' -> single(TokenType.EQUAL);
            case '<' -> next == '>' ? pair(TokenType.NOT_EQUAL)
                    : next == '=' ? pair(TokenType.LESS_OR_EQUAL) : single(TokenType.LESS);
            case '>' -> next == '=' ? pair(TokenType.GREATER_OR_EQUAL) : single(TokenType.GREATER);
            default -> throw unexpectedCharacter(c, next);
        };
    }

    private Token single(TokenType type) {
        return new Token(type, position, position + 1, null);
    }

    private Token pair(TokenType type) {
        return new Token(type, position, position + 2, null);
    }

    private SelectorSyntaxException unexpectedCharacter(char c, char next) {
        if (c == '!' && next == '=') {
            return new SelectorSyntaxException(position, "'!=' is not a selector operator (use '<>')");
        }
        if (c == '"') {
            return new SelectorSyntaxException(position,
                    "unexpected character '\"' (string literals are enclosed in single quotes)");
        }
        int codePoint = source.codePointAt(position);
        String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? String.format("U+%04X", codePoint)
                : "'" + new String(Character.toChars(codePoint)) + "'";
        return new SelectorSyntaxException(position, "unexpected character " + shown);
    }
}
