package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static dev.postbox.jms.selector.SelectorTestSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorLogicTest {

    /** T, F and U are boolean properties TRUE, FALSE and absent; one, str are a number and a string. */
    private static final MapSelectorContext VALUES = MapSelectorContext.of(
            "T", true, "F", false, "one", 1, "str", "abc");

    /** Three ways to write an operand with each truth value: a boolean property, a literal, a comparison. */
    private static final List<String[]> OPERANDS = List.of(
            new String[] {"T", "F", "U"},
            new String[] {"TRUE", "FALSE", "U"},
            new String[] {"one = 1", "one = 2", "missing = 1"});

    static Stream<Arguments> andTruthTable() {
        return table(new String[][] {
            {"TRUE", "TRUE", "TRUE"}, {"TRUE", "FALSE", "FALSE"}, {"TRUE", "UNKNOWN", "UNKNOWN"},
            {"FALSE", "TRUE", "FALSE"}, {"FALSE", "FALSE", "FALSE"}, {"FALSE", "UNKNOWN", "FALSE"},
            {"UNKNOWN", "TRUE", "UNKNOWN"}, {"UNKNOWN", "FALSE", "FALSE"}, {"UNKNOWN", "UNKNOWN", "UNKNOWN"}});
    }

    static Stream<Arguments> orTruthTable() {
        return table(new String[][] {
            {"TRUE", "TRUE", "TRUE"}, {"TRUE", "FALSE", "TRUE"}, {"TRUE", "UNKNOWN", "TRUE"},
            {"FALSE", "TRUE", "TRUE"}, {"FALSE", "FALSE", "FALSE"}, {"FALSE", "UNKNOWN", "UNKNOWN"},
            {"UNKNOWN", "TRUE", "TRUE"}, {"UNKNOWN", "FALSE", "UNKNOWN"}, {"UNKNOWN", "UNKNOWN", "UNKNOWN"}});
    }

    private static Stream<Arguments> table(String[][] rows) {
        List<Arguments> arguments = new ArrayList<>();
        for (String[] operands : OPERANDS) {
            for (String[] row : rows) {
                arguments.add(Arguments.of(operand(operands, row[0]), operand(operands, row[1]),
                        TruthValue.valueOf(row[2])));
            }
        }
        return arguments.stream();
    }

    private static String operand(String[] operands, String truth) {
        return "(" + operands[TruthValue.valueOf(truth).ordinal()] + ")";
    }

    @ParameterizedTest(name = "{0} AND {1} is {2}")
    @MethodSource("andTruthTable")
    void andFollowsTheSpecTruthTable(String left, String right, TruthValue expected) {
        assertEquals(expected, evaluate(left + " AND " + right, VALUES));
    }

    @ParameterizedTest(name = "{0} OR {1} is {2}")
    @MethodSource("orTruthTable")
    void orFollowsTheSpecTruthTable(String left, String right, TruthValue expected) {
        assertEquals(expected, evaluate(left + " OR " + right, VALUES));
    }

    @ParameterizedTest(name = "NOT {0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            T             | FALSE
            F             | TRUE
            U             | UNKNOWN
            TRUE          | FALSE
            FALSE         | TRUE
            (one = 1)     | FALSE
            (one = 2)     | TRUE
            (missing = 1) | UNKNOWN
            """)
    void notFollowsTheSpecTruthTable(String operand, TruthValue expected) {
        assertEquals(expected, evaluate("NOT " + operand, VALUES));
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            TRUE    | AND | TRUE    | TRUE
            TRUE    | AND | FALSE   | FALSE
            FALSE   | AND | UNKNOWN | FALSE
            UNKNOWN | AND | UNKNOWN | UNKNOWN
            TRUE    | OR  | UNKNOWN | TRUE
            FALSE   | OR  | FALSE   | FALSE
            FALSE   | OR  | UNKNOWN | UNKNOWN
            """)
    void theTruthValueOperationsAreTheSpecTables(TruthValue left, String operator, TruthValue right,
            TruthValue expected) {
        TruthValue result = operator.equals("AND") ? left.and(right) : left.or(right);
        TruthValue swapped = operator.equals("AND") ? right.and(left) : right.or(left);

        assertEquals(expected, result);
        assertEquals(expected, swapped, "AND and OR are commutative");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            NOT T AND F          | FALSE
            NOT (T AND F)        | TRUE
            NOT T OR T           | TRUE
            NOT (T OR T)         | FALSE
            T OR T AND F         | TRUE
            (T OR T) AND F       | FALSE
            F AND T OR T         | TRUE
            F AND (T OR T)       | FALSE
            T OR F AND U         | TRUE
            NOT F AND NOT F      | TRUE
            NOT NOT T            | TRUE
            NOT NOT NOT T        | FALSE
            NOT one = 2          | TRUE
            NOT one = 1 OR T     | TRUE
            NOT one = 1 AND T    | FALSE
            """)
    void notBindsTighterThanAndWhichBindsTighterThanOr(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            str            | UNKNOWN
            one            | UNKNOWN
            NOT str        | UNKNOWN
            str OR T       | TRUE
            str AND F      | FALSE
            str AND T      | UNKNOWN
            missing        | UNKNOWN
            """)
    void anIdentifierUsedAsAConditionIsUnknownUnlessItIsBoolean(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TRUE                  | TRUE
            FALSE                 | FALSE
            ((((T))))             | TRUE
            ( T )                 | TRUE
            (T OR F) AND (F OR T) | TRUE
            ((T OR F) AND F) OR T | TRUE
            (T OR (F AND (T OR (F AND T)))) | TRUE
            """)
    void parenthesesGroupConditions(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, VALUES));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a AND 5", "5 OR a", "NOT 'x'", "NOT 1", "a AND 'x'", "(a + 1) AND b", "a OR -b",
        "TRUE AND 1.5"})
    void logicalOperatorsNeedConditions(String text) {
        assertTrue(invalid(text).contains("expected a conditional expression"));
    }

    @Test
    void longChainsOfAndAndOrAreFlatSoTheyAreNotLimitedByNesting() {
        StringBuilder or = new StringBuilder("x = 0");
        StringBuilder and = new StringBuilder("x > -1");
        for (int i = 1; i < 3000; i++) {
            or.append(" OR x = ").append(i);
            and.append(" AND x <> ").append(i + 5000);
        }

        assertTrue(selector(or.toString()).matches(MapSelectorContext.of("x", 2999)));
        assertFalse(selector(or.toString()).matches(MapSelectorContext.of("x", 3000)));
        assertTrue(selector(and.toString()).matches(MapSelectorContext.of("x", 1)));
        assertFalse(selector(and.toString()).matches(MapSelectorContext.of("x", 5001)));
    }

    @Test
    void operandsAreEvaluatedLeftToRightAndAndStopsAtTheFirstFalse() {
        List<String> asked = new ArrayList<>();
        SelectorContext recording = name -> {
            asked.add(name);
            return name.equals("b") ? Boolean.FALSE : Boolean.TRUE;
        };

        assertFalse(selector("a AND b AND c").matches(recording));
        assertEquals(List.of("a", "b"), asked);
    }

    @Test
    void orStopsAtTheFirstTrue() {
        List<String> asked = new ArrayList<>();
        SelectorContext recording = name -> {
            asked.add(name);
            return name.equals("b");
        };

        assertTrue(selector("a OR b OR c").matches(recording));
        assertEquals(List.of("a", "b"), asked);
    }

    @Test
    void aSelectorMatchesOnlyWhenItIsTrue() {
        assertTrue(selector("T").matches(VALUES));
        assertFalse(selector("F").matches(VALUES));
        assertFalse(selector("U").matches(VALUES));
        assertFalse(selector("NOT U").matches(VALUES));
    }
}
