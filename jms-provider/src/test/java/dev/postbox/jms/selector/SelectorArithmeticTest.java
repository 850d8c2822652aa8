package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorArithmeticTest {

    private static final MapSelectorContext VALUES = MapSelectorContext.of(
            "i", 5, "l", 5L, "sh", (short) 3, "by", (byte) 2, "f", 2.5f, "d", 2.5d, "zero", 0, "zeroD", 0.0,
            "str", "abc", "t", true, "maxInt", Integer.MAX_VALUE, "maxLong", Long.MAX_VALUE);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1 + 2 = 3          | TRUE
            5 - 7 = -2         | TRUE
            6 * 7 = 42         | TRUE
            42 / 6 = 7         | TRUE
            i + l = 10         | TRUE
            i - sh = 2         | TRUE
            sh * by = 6        | TRUE
            i / by = 2         | TRUE
            -i = -5            | TRUE
            +i = 5             | TRUE
            - -i = 5           | TRUE
            2 - -3 = 5         | TRUE
            -3 * -3 = 9        | TRUE
            1 --i = 6          | TRUE
            """)
    void everyArithmeticOperatorComputes(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2 + 3 * 4 = 14          | TRUE
            (2 + 3) * 4 = 20        | TRUE
            2 * 3 + 4 * 5 = 26      | TRUE
            10 - 4 - 3 = 3          | TRUE
            10 - (4 - 3) = 9        | TRUE
            100 / 10 / 5 = 2        | TRUE
            100 / (10 / 5) = 50     | TRUE
            -2 * 3 = -6             | TRUE
            -(2 + 3) = -5           | TRUE
            2 * -3 + 1 = -5         | TRUE
            1 + 2 * 3 - 4 / 2 = 5   | TRUE
            8 / 2 * 4 = 16          | TRUE
            1 + 2 > 2 * 1           | TRUE
            1 + 1 = 2 AND 2 * 2 = 4 | TRUE
            """)
    void multiplicationBindsTighterThanAdditionAndBothAssociateLeftToRight(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            7 / 2 = 3                                      | TRUE
            -7 / 2 = -3                                    | TRUE
            7 / 2.0 = 3.5                                  | TRUE
            7.0 / 2 = 3.5                                  | TRUE
            i / 2 = 2                                      | TRUE
            i / 2.0 = 2.5                                  | TRUE
            d * 2 = 5.0                                    | TRUE
            f * 2 = 5                                      | TRUE
            i + d = 7.5                                    | TRUE
            0.1 + 0.2 = 0.30000000000000004                | TRUE
            maxInt + 1 = 2147483648                        | TRUE
            i * 1000000000 * 10 = 50000000000              | TRUE
            maxLong + 1 = -9223372036854775808             | TRUE
            -9223372036854775808 / -1 = -9223372036854775808 | TRUE
            -(-9223372036854775808) = -9223372036854775808 | TRUE
            """)
    void exactArithmeticIsLongAndMixedArithmeticIsDoubleAsInJava(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1 / 0 > 0                   | UNKNOWN
            1 / 0 = 1 / 0               | UNKNOWN
            i / zero = 0                | UNKNOWN
            i / (i - 5) <> 1            | UNKNOWN
            NOT (1 / 0 = 0)             | UNKNOWN
            1 / 0 = 0 OR TRUE           | TRUE
            1.0 / 0 > 1.7976931348623157E308 | TRUE
            -1.0 / 0 < 0                | TRUE
            i / zeroD > 0               | TRUE
            0.0 / 0 = 0.0 / 0           | FALSE
            0.0 / 0 <> 0.0 / 0          | TRUE
            """)
    void exactDivisionByZeroIsUnknownWhileApproximateDivisionFollowsIeee(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            str + 1 = 1          | UNKNOWN
            NOT (str + 1 = 1)    | UNKNOWN
            t * 2 = 2            | UNKNOWN
            -str < 0             | UNKNOWN
            +t > 0               | UNKNOWN
            1 - str >= 0         | UNKNOWN
            missing + 1 > 0      | UNKNOWN
            """)
    void arithmeticOnANonNumericValueIsUnknown(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'a' + 1 = 2", "1 + 'a' = 2", "TRUE * 2 = 2", "2 / FALSE = 1", "-'a' = 1", "+TRUE",
        "-TRUE = 1", "(a > 1) + 1 = 2", "a + 'b' > 1", "a - (b = 1) > 0", "a * (b IS NULL) = 0"})
    void arithmeticWithAStringOrBooleanOperandIsInvalid(String text) {
        String message = invalid(text);

        assertTrue(message.contains("needs a numeric operand"), message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1 + 2", "a + 1", "-a", "5", "2.5", "'text'", "(1)"})
    void aNumericOrStringExpressionIsNotASelector(String text) {
        assertTrue(invalid(text).contains("expected a conditional expression"));
    }

    @Test
    void theSpecExampleOfAStringPropertyInAComparisonEvaluatesToFalse() {
        assertEquals(TruthValue.FALSE, evaluate("NumberOfOrders > 1", "NumberOfOrders", "2"));
    }
}
