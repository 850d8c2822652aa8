package dev.postbox.jms.selector;

/**
 * Reads one numeric literal in Java syntax (JLS 17, sections 3.10.1 and 3.10.2), as section 3.8.1.1 asks:
 * decimal, hexadecimal ({@code 0x}), octal (leading {@code 0}) and binary ({@code 0b}) integers with an optional
 * {@code L} suffix and underscores between digits; decimal and hexadecimal floating-point literals with an
 * optional {@code F} or {@code D} suffix. Every exact literal is a {@code long} (the spec supports the range of
 * Java long, so no {@code L} is needed); every approximate literal a {@code double} ({@code F} literals are
 * rounded to float first, then widened, as Java would).
 */
final class NumericLiteral {

    private static final String TWO_TO_THE_63 = "9223372036854775808";

    private final String lexeme;
    private final int start;
    private final int end;

    private NumericLiteral(String source, int start, int end) {
        this.lexeme = source.substring(start, end);
        this.start = start;
        this.end = end;
    }

    /** Scans the literal starting at {@code start}, which holds a digit, or a '.' followed by a digit. */
    static Token scan(String source, int start) {
        return new NumericLiteral(source, start, lexemeEnd(source, start)).token();
    }

    /** The longest run of characters that can belong to one literal; the validation comes afterwards. */
    private static int lexemeEnd(String source, int start) {
        boolean hex = source.length() > start + 1 && source.charAt(start) == '0'
                && (source.charAt(start + 1) == 'x' || source.charAt(start + 1) == 'X');
        int i = start;
        while (i < source.length()) {
            char c = source.charAt(i);
            boolean sign = (c == '+' || c == '-') && isExponentMarker(source.charAt(i - 1), hex);
            if (!sign && c != '.' && !Character.isJavaIdentifierPart(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isExponentMarker(char c, boolean hex) {
        return hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E';
    }

    private Token token() {
        if (lexeme.length() > 1 && lexeme.charAt(0) == '0') {
            char radix = lexeme.charAt(1);
            if (radix == 'x' || radix == 'X') {
                return hasAny(lexeme, ".pP") ? hexadecimalFloat() : radixInteger(2, 16);
            }
            if (radix == 'b' || radix == 'B') {
                return radixInteger(2, 2);
            }
        }
        char last = lexeme.charAt(lexeme.length() - 1);
        if (hasAny(lexeme, ".eE") || isFloatSuffix(last)) {
            return decimalFloat();
        }
        return decimalInteger();
    }

    private Token decimalInteger() {
        int digitsEnd = integerDigitsEnd();
        if (lexeme.charAt(0) == '0' && digitsEnd > 1) {
            int first = 1;
            while (first < digitsEnd && lexeme.charAt(first) == '_') {
                first++;
            }
            return radixInteger(first, 8);
        }
        requireDigits(0, digitsEnd, 10);
        String digits = withoutUnderscores(0, digitsEnd);
        try {
            return new Token(TokenType.EXACT, start, end, Long.parseLong(digits));
        } catch (NumberFormatException e) {
            if (digits.equals(TWO_TO_THE_63)) {
                return new Token(TokenType.EXACT_TWO_TO_THE_63, start, end, null);
            }
            throw outOfRange();
        }
    }

    /** An octal, hexadecimal or binary integer, whose digits start at {@code first}: any 64-bit pattern. */
    private Token radixInteger(int first, int radix) {
        int digitsEnd = integerDigitsEnd();
        requireDigits(first, digitsEnd, radix);
        try {
            long value = Long.parseUnsignedLong(withoutUnderscores(first, digitsEnd), radix);
            return new Token(TokenType.EXACT, start, end, value);
        } catch (NumberFormatException e) {
            throw outOfRange();
        }
    }

    private int integerDigitsEnd() {
        char last = lexeme.charAt(lexeme.length() - 1);
        return last == 'l' || last == 'L' ? lexeme.length() - 1 : lexeme.length();
    }

    private Token decimalFloat() {
        int bodyEnd = floatBodyEnd();
        int exponent = indexOfAny(lexeme, "eE", 0, bodyEnd);
        int mantissaEnd = exponent < 0 ? bodyEnd : exponent;
        requireMantissa(0, mantissaEnd, 10);
        if (exponent >= 0) {
            requireExponent(exponent + 1, bodyEnd);
        }
        return approximate(hasNonZeroDigit(0, mantissaEnd));
    }

    private Token hexadecimalFloat() {
        int bodyEnd = floatBodyEnd();
        int exponent = indexOfAny(lexeme, "pP", 2, bodyEnd);
        if (exponent < 0) {
            throw invalid();
        }
        requireMantissa(2, exponent, 16);
        requireExponent(exponent + 1, bodyEnd);
        return approximate(hasNonZeroDigit(2, exponent));
    }

    private int floatBodyEnd() {
        return isFloatSuffix(lexeme.charAt(lexeme.length() - 1)) ? lexeme.length() - 1 : lexeme.length();
    }

    /** Digits, optionally with a '.', with at least one digit on one side of it. */
    private void requireMantissa(int from, int to, int radix) {
        int dot = lexeme.indexOf('.', from);
        if (dot < 0 || dot >= to) {
            requireDigits(from, to, radix);
            return;
        }
        boolean whole = dot > from;
        boolean fraction = dot + 1 < to;
        if (!whole && !fraction) {
            throw invalid();
        }
        if (whole) {
            requireDigits(from, dot, radix);
        }
        if (fraction) {
            requireDigits(dot + 1, to, radix);
        }
    }

    private void requireExponent(int from, int to) {
        int digits = from < to && (lexeme.charAt(from) == '+' || lexeme.charAt(from) == '-') ? from + 1 : from;
        requireDigits(digits, to, 10);
    }

    private Token approximate(boolean nonZero) {
        String text = withoutUnderscores(0, lexeme.length());
        boolean isFloat = lexeme.endsWith("f") || lexeme.endsWith("F");
        double value;
        try {
            value = isFloat ? Float.parseFloat(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (Double.isInfinite(value) || (value == 0 && nonZero)) {
            throw outOfRange();
        }
        return new Token(TokenType.APPROXIMATE, start, end, value);
    }

    /** Java's Digits production: at least one digit, underscores only between digits. */
    private void requireDigits(int from, int to, int radix) {
        if (from >= to || digit(lexeme.charAt(from), radix) < 0 || digit(lexeme.charAt(to - 1), radix) < 0) {
            throw invalid();
        }
        for (int i = from; i < to; i++) {
            char c = lexeme.charAt(i);
            if (c != '_' && digit(c, radix) < 0) {
                throw invalid();
            }
        }
    }

    /** The value of an ASCII digit in the radix, or -1 (non-ASCII digits are not Java literal digits). */
    private static int digit(char c, int radix) {
        int value;
        if (c >= '0' && c <= '9') {
            value = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            value = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            value = c - 'A' + 10;
        } else {
            return -1;
        }
        return value < radix ? value : -1;
    }

    private boolean hasNonZeroDigit(int from, int to) {
        for (int i = from; i < to; i++) {
            if (digit(lexeme.charAt(i), 16) > 0) {
                return true;
            }
        }
        return false;
    }

    private String withoutUnderscores(int from, int to) {
        StringBuilder digits = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = lexeme.charAt(i);
            if (c != '_') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static boolean isFloatSuffix(char c) {
        return c == 'f' || c == 'F' || c == 'd' || c == 'D';
    }

    private static boolean hasAny(String text, String characters) {
        return indexOfAny(text, characters, 0, text.length()) >= 0;
    }

    private static int indexOfAny(String text, String characters, int from, int to) {
        for (int i = from; i < to; i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private SelectorSyntaxException invalid() {
        return new SelectorSyntaxException(start, "invalid numeric literal '" + shortLexeme() + "'");
    }

    private SelectorSyntaxException outOfRange() {
        return new SelectorSyntaxException(start, "numeric literal '" + shortLexeme() + "' is out of range");
    }

    private String shortLexeme() {
        return lexeme.length() <= 40 ? lexeme : lexeme.substring(0, 40) + "...";
    }
}
