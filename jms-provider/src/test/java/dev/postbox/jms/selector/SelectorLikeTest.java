package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorLikeTest {

    /** The result of {@code v LIKE 'pattern'} (the pattern given as the text between the quotes). */
    private static TruthValue like(String pattern, String value) {
        return evaluate("v LIKE '" + pattern.replace("'", "''") + "'", "v", value);
    }

    private static TruthValue like(String pattern, String escape, String value) {
        return evaluate("v LIKE '" + pattern.replace("'", "''") + "' ESCAPE '" + escape.replace("'", "''") + "'",
                "v", value);
    }

    @ParameterizedTest(name = "{0} LIKE ''{1}'' is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            123     | 12%3  | TRUE
            12993   | 12%3  | TRUE
            1234    | 12%3  | FALSE
            lose    | l_se  | TRUE
            loose   | l_se  | FALSE
            """)
    void theSpecExamplesHold(String value, String pattern, TruthValue expected) {
        assertEquals(expected, like(pattern, value));
        assertEquals(expected.not(), evaluate("v NOT LIKE '" + pattern + "'", "v", value));
    }

    @Test
    void theSpecEscapeExampleMatchesALiteralUnderscore() {
        assertEquals(TruthValue.TRUE, evaluate("underscored LIKE '\\_%' ESCAPE '\\'", "underscored", "_foo"));
        assertEquals(TruthValue.FALSE, evaluate("underscored LIKE '\\_%' ESCAPE '\\'", "underscored", "bar"));
        assertEquals(TruthValue.TRUE, evaluate("underscored LIKE '_%' ESCAPE '\\'", "underscored", "bar"),
                "without the escape, _ is a wildcard");
    }

    @ParameterizedTest(name = "''{1}'' LIKE ''{0}'' is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            %       | ""        | TRUE
            %       | anything  | TRUE
            %%      | ""        | TRUE
            %%%     | abc       | TRUE
            a%      | abc       | TRUE
            a%      | a         | TRUE
            a%      | ba        | FALSE
            %c      | abc       | TRUE
            %c      | abcd      | FALSE
            %b%     | abc       | TRUE
            %b%     | b         | TRUE
            %b%     | ac        | FALSE
            a%b%c   | abc       | TRUE
            a%b%c   | aXbYc     | TRUE
            a%b%c   | acb       | FALSE
            a%a     | a         | FALSE
            a%a     | aa        | TRUE
            %ab     | aab       | TRUE
            %aab    | aaab      | TRUE
            ""      | ""        | TRUE
            ""      | a         | FALSE
            abc     | abc       | TRUE
            abc     | ABC       | FALSE
            abc     | abcd      | FALSE
            _       | a         | TRUE
            _       | ""        | FALSE
            _       | ab        | FALSE
            __      | ab        | TRUE
            _%      | ""        | FALSE
            _%      | a         | TRUE
            %_      | abc       | TRUE
            %_      | ""        | FALSE
            a_c%    | abcdef    | TRUE
            %_b_%   | abc       | TRUE
            %_b_%   | bc        | FALSE
            """)
    void percentMatchesAnySequenceAndUnderscoreExactlyOneCharacter(String pattern, String value,
            TruthValue expected) {
        assertEquals(expected, like(pattern, value));
    }

    @ParameterizedTest(name = "''{1}'' LIKE ''{0}'' is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a.c        | abc         | FALSE
            a.c        | a.c         | TRUE
            .*         | anything    | FALSE
            .*         | .*          | TRUE
            a+         | aa          | FALSE
            a+         | a+          | TRUE
            a?         | a           | FALSE
            a?         | a?          | TRUE
            [abc]      | a           | FALSE
            [abc]      | [abc]       | TRUE
            (x)        | x           | FALSE
            (x)        | (x)         | TRUE
            a{2}       | aa          | FALSE
            a{2}       | a{2}        | TRUE
            ^a$        | a           | FALSE
            ^a$        | ^a$         | TRUE
            "a|b"      | a           | FALSE
            "a|b"      | "a|b"       | TRUE
            \\d        | 5           | FALSE
            \\d        | \\d         | TRUE
            \\         | \\          | TRUE
            $1         | $1          | TRUE
            \\Q%\\E    | \\Qxyz\\E   | TRUE
            \\Q%\\E    | xyz         | FALSE
            "%.*+?[](){}^$|\\%" | "x.*+?[](){}^$|\\y" | TRUE
            """)
    void regularExpressionMetacharactersStandForThemselves(String pattern, String value, TruthValue expected) {
        assertEquals(expected, like(pattern, value));
    }

    @ParameterizedTest(name = "''{2}'' LIKE ''{0}'' ESCAPE ''{1}'' is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            100\\%     | \\   | 100%     | TRUE
            100\\%     | \\   | 1000     | FALSE
            a\\_b      | \\   | a_b      | TRUE
            a\\_b      | \\   | axb      | FALSE
            \\\\       | \\   | \\       | TRUE
            %\\%       | \\   | 50%      | TRUE
            %\\%       | \\   | 50       | FALSE
            !%%        | !    | %abc     | TRUE
            !%%        | !    | abc      | FALSE
            !!_        | !    | !x       | TRUE
            %%         | %    | %        | TRUE
            %%         | %    | x        | FALSE
            %_         | %    | _        | TRUE
            __         | _    | _        | TRUE
            $%         | $    | %        | TRUE
            .%         | .    | %        | TRUE
            .%         | .    | x        | FALSE
            a😀_b      | 😀   | a_b      | TRUE
            """)
    void anEscapeCharacterMakesWildcardsAndItselfLiteral(String pattern, String escape, String value,
            TruthValue expected) {
        assertEquals(expected, like(pattern, escape, value));
    }

    @ParameterizedTest(name = "''{1}'' LIKE ''{0}'' is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            _       | 😀     | TRUE
            __      | 😀     | FALSE
            a_b     | a😀b   | TRUE
            %😀%    | x😀y   | TRUE
            Gr__e   | Grüße  | TRUE
            价_     | 价格    | TRUE
            """)
    void underscoreMatchesOneUnicodeCodePoint(String pattern, String value, TruthValue expected) {
        assertEquals(expected, like(pattern, value));
    }

    @Test
    void wildcardsMatchLineTerminatorsToo() {
        assertEquals(TruthValue.TRUE, like("a%b", "a\nline\r\nb"));
        assertEquals(TruthValue.TRUE, like("a_b", "a\nb"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing LIKE 'a%'      | UNKNOWN
            missing NOT LIKE 'a%'  | UNKNOWN
            n LIKE '5'             | FALSE
            n NOT LIKE '5'         | TRUE
            n LIKE '%'             | FALSE
            b LIKE 'true'          | FALSE
            NOT missing LIKE '%'   | UNKNOWN
            s like 'a%'            | TRUE
            s NOT like 'a%'        | FALSE
            s LIKE 'a%' AND n = 5  | TRUE
            """)
    void likeIsUnknownForNullAndFalseForANonString(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, "n", 5, "b", true, "s", "abc"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v LIKE 'a' ESCAPE ''", "v LIKE 'a' ESCAPE 'ab'", "v LIKE 'a' ESCAPE",
        "v LIKE 'a' ESCAPE 1", "v LIKE 'abc\\' ESCAPE '\\'", "v LIKE 'a\\b' ESCAPE '\\'", "v LIKE '\\' ESCAPE '\\'",
        "v LIKE '%%%' ESCAPE '%'", "v LIKE 5", "v LIKE w", "v LIKE", "5 LIKE 'a'", "'a' LIKE 'a'",
        "JMSPriority LIKE '1'", "v + 1 LIKE 'a'", "v LIKE 'a' ESCAPE '!' ESCAPE '!'", "v NOT LIKE",
        "v LIKE ('a')", "v LIKE 'a' || 'b'"})
    void malformedLikeIsInvalid(String text) {
        invalid(text);
    }

    @Test
    void anEscapeFollowedByAnOrdinaryCharacterIsAnInvalidEscapeSequence() {
        String message = invalid("v LIKE 'a\\b' ESCAPE '\\'");

        assertTrue(message.contains("must be followed by '_', '%' or itself at column 8"), message);
    }

    @Test
    void theEscapeMustBeExactlyOneCharacter() {
        assertTrue(invalid("v LIKE 'a' ESCAPE 'ab'").contains("ESCAPE string must be exactly one character"));
    }

    @Test
    void aPathologicalPatternMatchesInPolynomialTime() {
        String value = "a".repeat(20_000);
        LikePattern pattern = LikePattern.compile("%a%a%a%a%a%a%a%a%a%a%b", LikePattern.NO_ESCAPE);

        assertFalse(pattern.matches(value));
        assertTrue(pattern.matches(value + "b"));
    }

    @Test
    void aCompiledPatternRejectsATrailingEscapeDirectly() {
        assertThrows(IllegalArgumentException.class, () -> LikePattern.compile("ab!", '!'));
    }

    @Test
    void aCompiledPatternShowsItsSource() {
        assertEquals("a%b", LikePattern.compile("a%b", LikePattern.NO_ESCAPE).toString());
    }
}
