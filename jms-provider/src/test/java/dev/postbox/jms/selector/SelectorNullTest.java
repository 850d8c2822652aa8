package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorNullTest {

    /** {@code n} is absent, {@code nv} is present with a null value, the others hold values. */
    private static final MapSelectorContext VALUES = MapSelectorContext.of(
            "nv", null, "i", 5, "s", "abc", "e", "", "f", false,
            "JMSCorrelationID", null, "JMSPriority", 4);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            n = 1                     | UNKNOWN
            n <> 1                    | UNKNOWN
            n < 1                     | UNKNOWN
            n <= 1                    | UNKNOWN
            n > 1                     | UNKNOWN
            n >= 1                    | UNKNOWN
            1 > n                     | UNKNOWN
            n = 'a'                   | UNKNOWN
            n <> 'a'                  | UNKNOWN
            n = TRUE                  | UNKNOWN
            n = n                     | UNKNOWN
            n <> n                    | UNKNOWN
            i = n                     | UNKNOWN
            s = n                     | UNKNOWN
            n + 1 = 2                 | UNKNOWN
            1 + n = 2                 | UNKNOWN
            n * 0 = 0                 | UNKNOWN
            n / 1 = 0                 | UNKNOWN
            -n = 1                    | UNKNOWN
            +n = 1                    | UNKNOWN
            n BETWEEN 1 AND 2         | UNKNOWN
            n NOT BETWEEN 1 AND 2     | UNKNOWN
            1 BETWEEN n AND 2         | UNKNOWN
            n IN ('a')                | UNKNOWN
            n NOT IN ('a')            | UNKNOWN
            n LIKE 'a%'               | UNKNOWN
            n NOT LIKE 'a%'           | UNKNOWN
            n LIKE '%'                | UNKNOWN
            n                         | UNKNOWN
            NOT n                     | UNKNOWN
            n AND TRUE                | UNKNOWN
            n AND FALSE               | FALSE
            n OR TRUE                 | TRUE
            n OR FALSE                | UNKNOWN
            (n = 1) = TRUE            | UNKNOWN
            (n = 1) = (n = 1)         | UNKNOWN
            n IS NULL                 | TRUE
            n IS NOT NULL             | FALSE
            NOT n IS NULL             | FALSE
            NOT n IS NOT NULL         | TRUE
            n IS NULL AND n = 1       | UNKNOWN
            n IS NULL OR n = 1        | TRUE
            n IS NOT NULL AND n = 1   | FALSE
            """)
    void aMissingPropertyIsNullInEveryConstruct(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
        assertEquals(expected, evaluate(text.replace("n ", "nv ").replace(" n", " nv"), VALUES),
                "a property present with a null value behaves as a missing one");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            i IS NULL                  | FALSE
            i IS NOT NULL              | TRUE
            s IS NOT NULL              | TRUE
            e IS NOT NULL              | TRUE
            e IS NULL                  | FALSE
            f IS NOT NULL              | TRUE
            JMSCorrelationID IS NULL   | TRUE
            JMSCorrelationID = 'x'     | UNKNOWN
            JMSPriority IS NOT NULL    | TRUE
            i is null                  | FALSE
            i Is Not Null              | TRUE
            """)
    void isNullTestsWhetherAValueIsPresent(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n = NULL", "NULL IS NULL", "n <> NULL", "n IN (NULL)", "NULL", "n IS NULL NULL",
        "n IS", "n IS NOT", "n IS TRUE", "n IS NOT 5", "(n = 1) IS NULL", "n + 1 IS NULL", "5 IS NULL",
        "'a' IS NOT NULL", "n IS NULL IS NULL", "n NOT IS NULL", "n NOT NULL"})
    void nullIsOnlyAllowedInIsNullOnAnIdentifier(String text) {
        invalid(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n = NULL", "x IN ('a') AND NULL"})
    void theErrorExplainsWhereNullMayAppear(String text) {
        assertTrue(invalid(text).contains("NULL can only be used in IS [NOT] NULL"));
    }
}
