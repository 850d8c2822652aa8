package dev.postbox.jms.selector;

/** The kinds of selector token. Keywords are matched case-insensitively, ASCII letters only. */
enum TokenType {
    IDENTIFIER("identifier"),
    STRING("string literal"),
    EXACT("numeric literal"),
    /** The decimal literal 9223372036854775808, valid only as the operand of unary minus (as in Java). */
    EXACT_TWO_TO_THE_63("numeric literal"),
    APPROXIMATE("numeric literal"),
    TRUE("TRUE"),
    FALSE("FALSE"),
    NULL("NULL"),
    NOT("NOT"),
    AND("AND"),
    OR("OR"),
    BETWEEN("BETWEEN"),
    LIKE("LIKE"),
    IN("IN"),
    IS("IS"),
    ESCAPE("ESCAPE"),
    LEFT_PAREN("'('"),
    RIGHT_PAREN("')'"),
    COMMA("','"),
    PLUS("'+'"),
    MINUS("'-'"),
    TIMES("'*'"),
    DIVIDE("'/'"),
    EQUAL("'='"),
    NOT_EQUAL("'<>'"),
    LESS("'<'"),
    LESS_OR_EQUAL("'<='"),
    GREATER("'>'"),
    GREATER_OR_EQUAL("'>='"),
    END("the end of the selector");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The keyword token type for a word, or null when the word is not one of the eleven reserved words. */
    static TokenType keyword(String word) {
        if (word.length() < 2 || word.length() > 7 || !isAsciiLetters(word)) {
            return null;
        }
        return switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "TRUE" -> TRUE;
            case "FALSE" -> FALSE;
            case "NULL" -> NULL;
            case "NOT" -> NOT;
            case "AND" -> AND;
            case "OR" -> OR;
            case "BETWEEN" -> BETWEEN;
            case "LIKE" -> LIKE;
            case "IN" -> IN;
            case "IS" -> IS;
            case "ESCAPE" -> ESCAPE;
            default -> null;
        };
    }

    private static boolean isAsciiLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
