package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorBetweenInTest {

    @ParameterizedTest(name = "age {0}: BETWEEN is {1}, NOT BETWEEN is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            14   | FALSE | TRUE
            15   | TRUE  | FALSE
            17   | TRUE  | FALSE
            19   | TRUE  | FALSE
            20   | FALSE | TRUE
            """)
    void betweenIncludesBothBoundsAsTheSpecExampleSays(int age, TruthValue between, TruthValue notBetween) {
        assertEquals(between, evaluate("age BETWEEN 15 AND 19", "age", age));
        assertEquals(between, evaluate("age >= 15 AND age <= 19", "age", age));
        assertEquals(notBetween, evaluate("age NOT BETWEEN 15 AND 19", "age", age));
        assertEquals(notBetween, evaluate("age < 15 OR age > 19", "age", age));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            age BETWEEN 14.5 AND 15.5               | TRUE
            d BETWEEN 15 AND 16                     | TRUE
            d BETWEEN 15.2 AND 15.2                 | TRUE
            age BETWEEN lo + 1 AND hi * 2           | TRUE
            age BETWEEN -1 AND +15                  | TRUE
            age + 1 BETWEEN 16 AND 16               | TRUE
            age BETWEEN 19 AND 15                   | FALSE
            age NOT BETWEEN 19 AND 15               | TRUE
            age BETWEEN 15 AND 19 AND lo = 13       | TRUE
            age BETWEEN 1 AND 2 OR lo BETWEEN 13 AND 13 | TRUE
            NOT age BETWEEN 1 AND 2                 | TRUE
            age between 15 and 19                   | TRUE
            age BETWEEN (1 + 1) AND (3 * 10)        | TRUE
            """)
    void betweenTakesArithmeticExpressions(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, "age", 15, "d", 15.2, "lo", 13, "hi", 10));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing BETWEEN 1 AND 2        | UNKNOWN
            missing NOT BETWEEN 1 AND 2    | UNKNOWN
            age BETWEEN missing AND 19     | UNKNOWN
            age NOT BETWEEN missing AND 19 | UNKNOWN
            age BETWEEN missing AND 10     | FALSE
            age NOT BETWEEN missing AND 10 | TRUE
            age BETWEEN 20 AND missing     | FALSE
            age NOT BETWEEN 20 AND missing | TRUE
            age BETWEEN 1 AND missing      | UNKNOWN
            """)
    void betweenWithANullOperandFollowsItsAndOrEquivalent(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, "age", 15));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            s BETWEEN 1 AND 2              | FALSE
            s NOT BETWEEN 1 AND 2          | FALSE
            b BETWEEN 1 AND 2              | FALSE
            s BETWEEN t AND t              | FALSE
            age BETWEEN s AND 20           | FALSE
            """)
    void betweenOnANonNumericValueIsFalseEitherWay(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, "s", "x", "t", "x", "b", true, "age", 15));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"age BETWEEN 'a' AND 'z'", "age BETWEEN 1 AND TRUE", "'x' BETWEEN 1 AND 2",
        "TRUE BETWEEN 1 AND 2", "age BETWEEN 1", "age BETWEEN AND 2", "age BETWEEN 1 OR 2",
        "age NOT BETWEEN 1 OR 2", "age BETWEEN 1 AND", "age BETWEEN (a = 1) AND 2", "age NOT 1",
        "JMSType BETWEEN 1 AND 2"})
    void malformedOrMistypedBetweenIsInvalid(String text) {
        invalid(text);
    }

    @ParameterizedTest(name = "Country {0}: IN is {1}, NOT IN is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            UK     | TRUE  | FALSE
            US     | TRUE  | FALSE
            France | TRUE  | FALSE
            Peru   | FALSE | TRUE
            uk     | FALSE | TRUE
            ''     | FALSE | TRUE
            """)
    void inMatchesAnyListedStringAsTheSpecExampleSays(String country, TruthValue in, TruthValue notIn) {
        assertEquals(in, evaluate("Country IN ('UK', 'US', 'France')", "Country", country));
        assertEquals(in, evaluate("(Country = 'UK') OR (Country = 'US') OR (Country = 'France')", "Country", country));
        assertEquals(notIn, evaluate("Country NOT IN ('UK', 'US', 'France')", "Country", country));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            c IN ('it''s')           | TRUE
            c IN ('x', 'x', 'it''s') | TRUE
            c IN ('')                | FALSE
            e IN ('')                | TRUE
            e NOT IN ('a')           | TRUE
            c in ('IT''S', 'it''s')  | TRUE
            c NoT iN ('x')           | TRUE
            c IN('it''s')            | TRUE
            NOT c IN ('x')           | TRUE
            c IN ('x') OR c IN ('it''s') | TRUE
            """)
    void inListsAreStringLiterals(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, "c", "it's", "e", ""));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing IN ('a')       | UNKNOWN
            missing NOT IN ('a')   | UNKNOWN
            n IN ('5')             | FALSE
            n NOT IN ('5')         | TRUE
            b IN ('true', 'TRUE')  | FALSE
            b NOT IN ('true')      | TRUE
            """)
    void inIsUnknownForNullAndFalseForANonString(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, "n", 5, "b", true));
    }

    @Test
    void aLongInListMatchesAnyOfItsElements() {
        String list = IntStream.range(0, 2000).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(", "));

        assertEquals(TruthValue.TRUE, evaluate("x IN (" + list + ")", "x", "v1999"));
        assertEquals(TruthValue.FALSE, evaluate("x IN (" + list + ")", "x", "v2000"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c IN ()", "c IN (1, 2)", "c IN ('a',)", "c IN 'a'", "c IN ('a' 'b')", "c IN (d)",
        "5 IN ('a')", "'a' IN ('a')", "c + 1 IN ('a')", "(c = 'a') IN ('a')", "JMSPriority IN ('1')",
        "c IN (NULL)", "c IN ('a'", "c NOT IN", "c IN ('a', TRUE)"})
    void malformedOrMistypedInIsInvalid(String text) {
        invalid(text);
    }

    @Test
    void inNeedsAnIdentifierOnItsLeft() {
        assertTrue(invalid("5 IN ('a')").contains("IN needs an identifier on its left at column 1"));
    }
}
