package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static dev.postbox.jms.selector.SelectorTestSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorApiTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\n", "\r\n", "\f", " \t\r\n\f "})
    void aNullEmptyOrWhitespaceOnlySelectorMatchesEveryMessage(String text) {
        Selector selector = selector(text);

        assertTrue(selector.isMatchAll());
        assertTrue(selector.matches(MapSelectorContext.empty()));
        assertTrue(selector.matches(null), "a match-all selector does not even need a context");
        assertEquals(Set.of(), selector.identifiers());
    }

    @Test
    void aNullSelectorHasEmptyText() {
        assertEquals("", selector(null).text());
    }

    @Test
    void textIsTheSelectorAsGiven() {
        String text = "  color = 'blue'\n AND weight > 2500 ";

        assertEquals(text, selector(text).text());
    }

    @Test
    void aSelectorWithAConditionIsNotMatchAll() {
        assertFalse(selector("TRUE").isMatchAll());
    }

    @Test
    void theSpecExampleSelectsCarsThatAreBlueAndHeavy() {
        Selector selector = selector("JMSType = 'car' AND color = 'blue' AND weight > 2500");

        assertTrue(selector.matches(MapSelectorContext.of("JMSType", "car", "color", "blue", "weight", 2600)));
        assertFalse(selector.matches(MapSelectorContext.of("JMSType", "car", "color", "blue", "weight", 2500)));
        assertFalse(selector.matches(MapSelectorContext.of("JMSType", "car", "color", "red", "weight", 2600)));
        assertFalse(selector.matches(MapSelectorContext.of("JMSType", "car", "color", "blue")));
    }

    @Test
    void identifiersListsEachReferencedNameOnceInOrderOfAppearance() {
        Selector selector = selector("b = 1 AND (a IS NULL OR c LIKE 'x%') AND b BETWEEN d AND e OR f IN ('y')"
                + " OR NOT g AND JMSPriority > 3 + h");

        assertEquals(List.of("b", "a", "c", "d", "e", "f", "g", "JMSPriority", "h"),
                List.copyOf(selector.identifiers()));
    }

    @Test
    void identifiersCannotBeModified() {
        Set<String> identifiers = selector("a = 1").identifiers();

        assertThrows(UnsupportedOperationException.class, () -> identifiers.add("b"));
    }

    @Test
    void selectorsWithTheSameTextAreEqual() {
        assertEquals(selector("a = 1"), selector("a = 1"));
        assertEquals(selector("a = 1").hashCode(), selector("a = 1").hashCode());
        assertNotEquals(selector("a = 1"), selector("a=1"));
    }

    @Test
    void toStringShowsTheText() {
        assertTrue(selector("a = 1").toString().contains("a = 1"));
    }

    @Test
    void matchingWithANullContextIsAProgrammingError() {
        Selector selector = selector("a = 1");

        assertThrows(NullPointerException.class, () -> selector.matches(null));
    }

    @Test
    void theErrorMessageQuotesTheSelectorAndNamesTheProblemAndTheColumn() {
        assertEquals("Invalid selector \"a = \": expected an expression at column 5", invalid("a = "));
    }

    @Test
    void theErrorMessageNamesWhatWasFoundInstead() {
        assertEquals("Invalid selector \"a = )\": expected an expression, found ')' at column 5", invalid("a = )"));
    }

    @Test
    void theErrorMessageGivesLineAndColumnAfterALineBreak() {
        assertEquals("Invalid selector \"a = 1 AND\r\n  b = \": expected an expression at line 2, column 7",
                invalid("a = 1 AND\r\n  b = "));
    }

    @Test
    void theErrorMessageShortensAVeryLongSelector() {
        String message = invalid("a = 1 AND ".repeat(100) + "'");

        assertTrue(message.length() < 400, message);
        assertTrue(message.contains("unterminated string literal at column 1001"), message);
    }
}
