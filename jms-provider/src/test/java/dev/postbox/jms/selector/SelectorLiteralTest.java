package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorLiteralTest {

    private static Token onlyToken(String text) {
        List<Token> tokens = SelectorLexer.tokenize(text);
        assertEquals(2, tokens.size(), () -> "expected one token and the end in " + tokens);
        return tokens.get(0);
    }

    @ParameterizedTest(name = "{0} is the exact numeric {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            0                        | 0
            57                       | 57
            57L                      | 57
            57l                      | 57
            2147483648               | 2147483648
            9223372036854775807      | 9223372036854775807
            9223372036854775807L     | 9223372036854775807
            1_000_000                | 1000000
            1__0                     | 10
            0x1F                     | 31
            0X1f                     | 31
            0x1FL                    | 31
            0x7fff_ffff_ffff_ffff    | 9223372036854775807
            0xFFFFFFFF               | 4294967295
            0xFFFFFFFFFFFFFFFF       | -1
            0x8000000000000000L      | -9223372036854775808
            017                      | 15
            0_17                     | 15
            00                       | 0
            0L                       | 0
            01777777777777777777777  | -1
            0b101                    | 5
            0B1_01L                  | 5
            """)
    void integerLiteralsInJavaSyntaxAreExactNumerics(String literal, long expected) {
        Token token = onlyToken(literal);

        assertEquals(TokenType.EXACT, token.type());
        assertEquals(expected, token.value());
    }

    @ParameterizedTest(name = "{0} is the approximate numeric {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            7E3                      | 7000.0
            7e3                      | 7000.0
            7e+3                     | 7000.0
            7E-3                     | 0.007
            57.9E2                   | 5790.0
            7.                       | 7.0
            95.7                     | 95.7
            .5                       | 0.5
            6.2                      | 6.2
            1.e2                     | 100.0
            1.1d                     | 1.1
            1D                       | 1.0
            1f                       | 1.0
            1.5F                     | 1.5
            1_0.5_0                  | 10.5
            09.5                     | 9.5
            0.0                      | 0.0
            0e0                      | 0.0
            1.7976931348623157E308   | 1.7976931348623157E308
            4.9e-324                 | 4.9E-324
            0x1.8p1                  | 3.0
            0x.8p0                   | 0.5
            0X1P-2D                  | 0.25
            0x1p3f                   | 8.0
            """)
    void floatingPointLiteralsInJavaSyntaxAreApproximateNumerics(String literal, double expected) {
        Token token = onlyToken(literal);

        assertEquals(TokenType.APPROXIMATE, token.type());
        assertEquals(expected, token.value());
    }

    @Test
    void aFloatLiteralIsRoundedToFloatThenWidenedAsInJava() {
        assertEquals((double) 1.1f, onlyToken("1.1F").value());
        assertEquals(1.1d, onlyToken("1.1").value());
    }

    @ParameterizedTest(name = "x = {0} holds for {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -957                       | -957
            +62                        | 62
            - 957                      | -957
            -9223372036854775808       | -9223372036854775808
            -9223372036854775808L      | -9223372036854775808
            - -5                       | 5
            -0x1                       | -1
            """)
    void signedExactLiteralsCompareWithLongValues(String literal, long value) {
        assertEquals(TruthValue.TRUE, evaluate("x = " + literal, "x", value));
    }

    @ParameterizedTest(name = "x = {0} holds for {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -57.9E2   | -5790.0
            +6.2      | 6.2
            -95.7     | -95.7
            -.5       | -0.5
            """)
    void signedApproximateLiteralsCompareWithDoubleValues(String literal, double value) {
        assertEquals(TruthValue.TRUE, evaluate("x = " + literal, "x", value));
    }

    @ParameterizedTest(name = "{0} is invalid")
    @ValueSource(strings = {"09", "08", "0x", "0xG", "0b", "0b2", "1_", "1__", "0x_1", "0_", "1e", "1e+", "1.2.3",
        "1..2", "5AND", "1L5", "1.5L", "1_.5", "1._5", "0x1.8", "1e5L", "12abc", "5é",
        "99999999999999999999", "0x1_0000_0000_0000_0000", "02000000000000000000000", "1e400", "1e-400",
        "3.5e38f", "1e-50f", "0x1p99999"})
    void malformedOrOutOfRangeNumericLiteralsAreInvalid(String literal) {
        String message = invalid("x = " + literal);

        assertTrue(message.contains("numeric literal '" + literal + "'"), message);
        assertTrue(message.endsWith("at column 5"), message);
    }

    @Test
    void twoToTheSixtyThreeIsOnlyValidAfterAUnaryMinus() {
        assertTrue(invalid("x = 9223372036854775808").contains("only after a unary minus"));
        assertTrue(invalid("x = -(9223372036854775808)").contains("out of range"));
        assertTrue(invalid("x = -9223372036854775809").contains("out of range"));
    }

    @ParameterizedTest(name = "{0} is the string [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            'literal'          | literal
            'literal''s'       | literal's
            ''                 | ""
            ''''               | '
            ''''''             | ''
            'a b  c'           | a b  c
            ' x '              | " x "
            'Grüße 😀'         | Grüße 😀
            'a\\nb'            | a\\nb
            '%_'               | %_
            'it''s ''quoted''' | it's 'quoted'
            '-- not a comment' | -- not a comment
            """)
    void stringLiteralsUseSingleQuotesWithDoubledQuotesAsEscape(String literal, String expected) {
        Token token = onlyToken(literal);

        assertEquals(TokenType.STRING, token.type());
        assertEquals(expected, token.value());
    }

    @Test
    void aStringLiteralMayContainLineBreaksAndTabs() {
        assertEquals("line1\r\nline2\tend", onlyToken("'line1\r\nline2\tend'").value());
    }

    @Test
    void aStringLiteralComparesWithAStringValue() {
        assertEquals(TruthValue.TRUE, evaluate("s = 'literal''s'", "s", "literal's"));
        assertEquals(TruthValue.FALSE, evaluate("s = 'literal''s'", "s", "literals"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'abc", "'abc''", "'", "a = 'x", "a = 'x'' AND b = 1"})
    void anUnterminatedStringLiteralIsInvalid(String text) {
        assertTrue(invalid(text).contains("unterminated string literal"));
    }

    @Test
    void doubleQuotesDoNotDelimitStringLiterals() {
        assertTrue(invalid("a = \"x\"").contains("single quotes"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            TRUE   | TRUE
            true   | TRUE
            True   | TRUE
            tRuE   | TRUE
            FALSE  | FALSE
            false  | FALSE
            False  | FALSE
            fAlSe  | FALSE
            """)
    void booleanLiteralsAreCaseInsensitive(String literal, TruthValue expected) {
        assertEquals(expected, evaluate(literal));
        assertEquals(expected, evaluate("flag = " + literal, "flag", true));
    }

    @Test
    void numericLiteralsNeedNoSpacesAroundOperators() {
        assertEquals(TruthValue.TRUE, evaluate("x=1+2*3", "x", 7));
        assertEquals(TruthValue.TRUE, evaluate("x>.5", "x", 1));
        assertEquals(TruthValue.TRUE, evaluate("x=1e2", "x", 100));
    }

    @Test
    void anExponentSignBelongsToTheLiteralButOtherSignsAreOperators() {
        assertEquals(TruthValue.TRUE, evaluate("x = 1e+2+3", "x", 103));
        assertEquals(TruthValue.TRUE, evaluate("x = 0x1e+2", "x", 32), "in hexadecimal, e is a digit");
        assertEquals(TruthValue.TRUE, evaluate("x = 2L-1", "x", 1));
    }
}
