package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorComparisonTest {

    private static final MapSelectorContext VALUES = MapSelectorContext.of(
            "i", 5, "l", 5L, "sh", (short) 5, "by", (byte) 5, "f", 2.5f, "d", 2.5d,
            "str", "abc", "str2", "abd", "t", true, "fl", false,
            "big", 9_007_199_254_740_993L, "f11", 1.1f, "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
            "maxLong", Long.MAX_VALUE, "minLong", Long.MIN_VALUE, "orders", "2",
            "char", 'a', "decimal", new BigDecimal("1"), "atomic", new AtomicInteger(1), "list", List.of(1));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            i = 5         | TRUE
            i <> 5        | FALSE
            i <> 4        | TRUE
            i < 6         | TRUE
            i < 5         | FALSE
            i <= 5        | TRUE
            i <= 4        | FALSE
            i > 4         | TRUE
            i > 5         | FALSE
            i >= 5        | TRUE
            i >= 6        | FALSE
            5 = i         | TRUE
            6 > i         | TRUE
            1 < 2         | TRUE
            2 <= 1        | FALSE
            """)
    void everyComparisonOperatorComparesNumbers(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            l = i                          | TRUE
            sh = by                        | TRUE
            by = 5                         | TRUE
            i = 5.0                        | TRUE
            i = 5.000001                   | FALSE
            d = 2.5                        | TRUE
            f = 2.5                        | TRUE
            f = d                          | TRUE
            i > d                          | TRUE
            d < i                          | TRUE
            d >= 2.5                       | TRUE
            f11 = 1.1                      | FALSE
            f11 = 1.1F                     | TRUE
            f11 > 1.1                      | TRUE
            big = 9007199254740993         | TRUE
            big > 9007199254740992         | TRUE
            big = 9007199254740992.0       | TRUE
            maxLong = 9223372036854775807  | TRUE
            minLong < maxLong              | TRUE
            minLong = -9223372036854775808 | TRUE
            nan = nan                      | FALSE
            nan <> nan                     | TRUE
            nan < 1                        | FALSE
            nan >= 1                       | FALSE
            inf > 1.7976931348623157E308   | TRUE
            inf = inf                      | TRUE
            """)
    void exactAndApproximateNumericsCompareUnderJavaNumericPromotion(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            str = 'abc'    | TRUE
            str = 'ABC'    | FALSE
            str = 'abc '   | FALSE
            str <> 'abc'   | FALSE
            str <> 'abd'   | TRUE
            str = str2     | FALSE
            str <> str2    | TRUE
            'a' = 'a'      | TRUE
            '' = ''        | TRUE
            t = TRUE       | TRUE
            t <> FALSE     | TRUE
            t = fl         | FALSE
            fl = FALSE     | TRUE
            TRUE = FALSE   | FALSE
            TRUE <> FALSE  | TRUE
            """)
    void stringsAndBooleansCompareForEqualityOnly(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            str = 5         | FALSE
            str <> 5        | FALSE
            i = 'abc'       | FALSE
            i <> 'abc'      | FALSE
            t = 1           | FALSE
            t = 'TRUE'      | FALSE
            str = TRUE      | FALSE
            i <> TRUE       | FALSE
            str > 5         | FALSE
            i < str         | FALSE
            str = t         | FALSE
            i = t           | FALSE
            NOT (str = 5)   | TRUE
            NOT (i <> 'x')  | TRUE
            orders > 1      | FALSE
            orders = 2      | FALSE
            orders = '2'    | TRUE
            """)
    void comparingValuesOfUnlikeTypesIsFalseNotUnknown(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            str < str2       | FALSE
            str2 >= str      | FALSE
            t > fl           | FALSE
            NOT (t > fl)     | TRUE
            """)
    void orderingStringsOrBooleansAtEvaluationTimeIsFalse(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'a' < 'b'", "'a' <= x", "x > 'abc'", "x >= ''", "TRUE > FALSE", "x < TRUE",
        "FALSE >= x", "(a = 1) < TRUE", "(a = 1) > 0", "'a' = 1", "1 <> 'a'", "TRUE = 1", "'TRUE' = TRUE",
        "x + 1 = 'a'", "(a = 1) = 'x'", "(a = 1) = 1", "-x <> TRUE"})
    void comparisonsThatCannotBeMeaningfulAreRejectedWhenTheTypesAreKnown(String text) {
        String message = invalid(text);

        assertTrue(message.contains("cannot compare"), message);
    }

    @Test
    void theColumnOfATypeErrorIsTheOperatorColumn() {
        assertTrue(invalid("x = 'a' AND y < 'b'").endsWith("at column 15"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (i > 1) = TRUE          | TRUE
            (i > 1) <> (i < 1)      | TRUE
            (i > 1) = (l > 1)       | TRUE
            (missing > 1) = TRUE    | UNKNOWN
            t = (i = 5)             | TRUE
            """)
    void aParenthesisedConditionCanBeComparedForEquality(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a = b = c", "a < b < c", "a = 1 <> TRUE", "a BETWEEN 1 AND 2 = TRUE",
        "a IS NULL = TRUE", "a LIKE 'x' = TRUE", "a IN ('x') = TRUE"})
    void comparisonsDoNotChain(String text) {
        assertTrue(invalid(text).contains("expected AND, OR or the end of the selector"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            char = 'a'          | UNKNOWN
            char <> 'a'         | UNKNOWN
            decimal = 1         | UNKNOWN
            atomic > 0          | UNKNOWN
            list = 1            | UNKNOWN
            char IS NULL        | FALSE
            char IS NOT NULL    | TRUE
            decimal IS NOT NULL | TRUE
            char IN ('a')       | UNKNOWN
            char LIKE 'a'       | UNKNOWN
            decimal + 1 = 2     | UNKNOWN
            """)
    void valuesOfTypesASelectorCannotEvaluateAreUnknownButPresent(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }
}
