package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static dev.postbox.jms.selector.SelectorTestSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.jms.InvalidSelectorException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectorInvalidTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "a =", "= 1", "a = = 1", "a == 1", "a != 1", "a => 1", "a =< 1", "a >< 1", "a <", "a 1",
        "a = 1 AND", "AND a = 1", "a = 1 OR", "a = 1 AND OR b = 2", "a = 1 b = 2", "NOT", "a NOT",
        "(a = 1", "a = 1)", "()", "(a = 1))", "((a = 1)", "a = (1", "a = 1,", ",", "a = 'x", "a = 'x''",
        "a # 1", "a = 1;", "a = 1 -- no comments", "a = 1 /* c */", "a = \"x\"", "a.b = 1", "a[0] = 1", "a = 1 @",
        "a = ?", "a = :p", "a = 1e", "a = 09", "a = 0x", "a = 1.2.3", "a = .", "a = 1 AND AND b = 2",
        "a BETWEEN 1 AND", "a IN", "a IN ()", "a IN (1)", "a LIKE", "a LIKE 'x' ESCAPE", "a IS", "a IS 5",
        "a = NULL", "NULL = a", "TRUE = 1", "'a' < 'b'", "TRUE > FALSE", "a + 'x' = 1", "5", "'x'", "a + 1",
        "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE", "NOT NOT", "JMSDestination = 'q'",
        "JMSRedelivered = TRUE", "JMSExpiration > 0", "JMSReplyTo IS NULL", "JMSDeliveryTime > 0",
        "a = 1 AND b =", "a\u00A0= 1", "a = 1\u2028", "a = 1\u0000", "a = -", "a = - 'x'", "a * = 1"})
    void malformedSelectorsAreInvalid(String text) {
        String message = invalid(text);

        assertTrue(message.startsWith("Invalid selector \""), message);
        assertTrue(message.matches("(?s).* at (line \\d+, )?column \\d+"), message);
    }

    @ParameterizedTest(name = "[{0}] fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a =                         | 4
            "a = "                      | 5
            a == 1                      | 4
            a = 1 AND                   | 10
            (a = 1                      | 7
            a = 1)                      | 6
            a = 'x                      | 5
            a # 1                       | 3
            a != 1                      | 3
            NOT                         | 4
            a IS 5                      | 6
            JMSDestination IS NULL      | 1
            a LIKE 'x' ESCAPE 'ab'      | 19
            a = 09                      | 5
            x = 'a' AND y < 'b'         | 15
            a = 1 AND b =               | 14
            5 IN ('x')                  | 1
            a LIKE 'a!b' ESCAPE '!'     | 8
            a = NULL                    | 5
            a BETWEEN 'x' AND 2         | 11
            """)
    void theErrorNamesTheColumnOfTheProblem(String text, int column) {
        String message = invalid(text);

        assertTrue(message.endsWith(" at column " + column), message);
    }

    @Test
    void aSelectorOfTheMaximumLengthIsAccepted() {
        String text = "a = 1" + " ".repeat(Selector.MAX_LENGTH - 5);

        assertEquals(Selector.MAX_LENGTH, text.length());
        assertFalse(selector(text).isMatchAll());
    }

    @Test
    void aLongerSelectorIsInvalid() {
        String text = "a = 1" + " ".repeat(Selector.MAX_LENGTH - 4);

        assertTrue(invalid(text).contains("more than " + Selector.MAX_LENGTH));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"(", "NOT ", "-", "1 + "})
    void nestingUpToTheMaximumDepthIsAccepted(String level) {
        assertFalse(selector(nested(level, Selector.MAX_DEPTH)).isMatchAll());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"(", "NOT ", "-", "1 + "})
    void nestingBeyondTheMaximumDepthIsInvalid(String level) {
        assertTrue(invalid(nested(level, Selector.MAX_DEPTH + 1)).contains("nested more than"));
    }

    @Test
    void extremelyDeepNestingIsRejectedWithoutOverflowingTheStack() {
        String text = "(".repeat(30_000) + "a" + ")".repeat(30_000);

        assertTrue(invalid(text).contains("nested more than " + Selector.MAX_DEPTH + " levels deep"));
        assertTrue(invalid("NOT ".repeat(16_000) + "a").contains("nested more than"));
        assertTrue(invalid("a = " + "-".repeat(60_000) + "1").contains("nested more than"));
    }

    @Test
    void differentKindsOfNestingAddUp() {
        int half = Selector.MAX_DEPTH / 2;
        String text = "(".repeat(half) + "NOT ".repeat(half + 1) + "a" + ")".repeat(half);

        assertTrue(invalid(text).contains("nested more than"));
    }

    private static String nested(String level, int depth) {
        return switch (level) {
            case "(" -> "(".repeat(depth) + "a" + ")".repeat(depth);
            case "NOT " -> "NOT ".repeat(depth) + "a";
            case "-" -> "a = " + "-".repeat(depth) + "1";
            default -> "a = " + "1 + ".repeat(depth) + "1";
        };
    }

    @Test
    void randomTextNeverMakesParseOrMatchesThrowAnythingButInvalidSelectorException() {
        String[] pieces = {"a", "b", "JMSPriority", "JMSX", "1", "0x1F", "1.5", "1e3", "'x'", "'%_'", "''", "TRUE",
            "NULL", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE", "(", ")", ",", "+", "-", "*", "/",
            "=", "<>", "<", "<=", ">", ">=", " ", "'", "9223372036854775808", ".", "_", "%", "!", "\\", "😀"};
        Random random = new Random(20_240_601L);
        SelectorContext context = MapSelectorContext.of("a", 1, "b", "x", "JMSPriority", 4, "JMSX", true);
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }
            valid += parsesAndEvaluatesOrIsInvalid(text.toString(), context) ? 1 : 0;
        }
        assertTrue(valid > 100, "some random selectors should be valid, were " + valid);
    }

    private static boolean parsesAndEvaluatesOrIsInvalid(String text, SelectorContext context) {
        Selector selector;
        try {
            selector = Selector.parse(text);
        } catch (InvalidSelectorException expected) {
            return false;
        } catch (RuntimeException | Error e) {
            return fail("parse threw " + e + " for [" + text + "]", e);
        }
        try {
            selector.matches(context);
            return true;
        } catch (RuntimeException e) {
            return fail("matches threw " + e + " for [" + text + "]", e);
        }
    }
}
