package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.evaluate;
import static dev.postbox.jms.selector.SelectorTestSupport.invalid;
import static dev.postbox.jms.selector.SelectorTestSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorIdentifierTest {

    private static final MapSelectorContext HEADERS = MapSelectorContext.of(
            "JMSDeliveryMode", "PERSISTENT",
            "JMSPriority", 7,
            "JMSMessageID", "ID:42",
            "JMSTimestamp", 1_700_000_000_000L,
            "JMSCorrelationID", null,
            "JMSType", "car",
            "JMSXDeliveryCount", 2,
            "JMSXGroupID", "group-1",
            "JMSXGroupSeq", 3,
            "JMS_postbox_Flag", true);

    @Test
    void identifiersAreCaseSensitive() {
        MapSelectorContext context = MapSelectorContext.of("Color", "red");

        assertEquals(TruthValue.TRUE, evaluate("Color = 'red'", context));
        assertEquals(TruthValue.UNKNOWN, evaluate("color = 'red'", context));
        assertEquals(TruthValue.UNKNOWN, evaluate("COLOR = 'red'", context));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$price", "_under", "a1b2", "a$b_c", "café", "ünïcödé", "价格", "Ωmega", "𝑥", "x𝑦",
        "__", "$", "_1", "JMSX", "JMS_", "jmsType", "Jms", "nullable", "ANDY", "ORDER", "ISBN", "Inn", "NOTE",
        "TRUEish", "escapes", "BETWEENNESS", "likes", "ın", "NULL_", "_NULL", "AND1"})
    void javaIdentifiersThatAreNotReservedWordsAreProperties(String name) {
        assertEquals(TruthValue.TRUE, evaluate(name + " = 1", name, 1));
        assertEquals(Set.of(name), selector(name + " = 1").identifiers());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NULL", "null", "Null", "TRUE", "true", "FALSE", "False", "NOT", "not", "AND", "And",
        "OR", "or", "BETWEEN", "between", "LIKE", "Like", "IN", "in", "IS", "iS", "ESCAPE", "escape"})
    void reservedWordsInAnyCaseCannotBeIdentifiers(String word) {
        invalid(word + " = 1");
        invalid("a = 1 AND " + word + " = 1");
        invalid("x IN ('a') OR " + word + " IS NULL");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "a is null", "a IS NULL", "a Is Null", "a is not null", "a IS NoT nUlL",
        "a between 1 and 2", "a BETWEEN 1 AND 2", "a Between 1 And 2", "a not between 1 and 2",
        "a in ('x')", "a not in ('x')", "a NoT In ('x')",
        "a like 'x'", "a like 'x' escape '!'", "a Not Like 'x' Escape '!'",
        "not a = 1", "a = 1 and b = 2", "a = 1 or b = 2", "a = true", "a = False"})
    void keywordsAreCaseInsensitive(String text) {
        assertEquals(false, selector(text).isMatchAll());
    }

    @Test
    void keywordsAreMatchedInAsciiOnly() {
        assertEquals(TruthValue.TRUE, evaluate("ın = 1", "ın", 1), "dotless i does not make the keyword IN");
        assertEquals(TruthValue.TRUE, evaluate("ıs = 1", "ıs", 1), "dotless i does not make the keyword IS");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            JMSDeliveryMode = 'PERSISTENT'         | TRUE
            JMSDeliveryMode = 'NON_PERSISTENT'     | FALSE
            JMSDeliveryMode <> 'NON_PERSISTENT'    | TRUE
            JMSDeliveryMode = 'persistent'         | FALSE
            JMSDeliveryMode IN ('PERSISTENT', 'X') | TRUE
            JMSPriority > 4                        | TRUE
            JMSPriority BETWEEN 0 AND 9            | TRUE
            JMSPriority = 7.0                      | TRUE
            JMSPriority + 1 = 8                    | TRUE
            JMSMessageID = 'ID:42'                 | TRUE
            JMSMessageID LIKE 'ID:%'               | TRUE
            JMSTimestamp > 1600000000000           | TRUE
            JMSTimestamp < 1600000000000           | FALSE
            JMSCorrelationID IS NULL               | TRUE
            JMSCorrelationID = 'abc'               | UNKNOWN
            JMSType = 'car'                        | TRUE
            JMSXDeliveryCount > 1                  | TRUE
            JMSXDeliveryCount = 2                  | TRUE
            JMSXGroupID = 'group-1'                | TRUE
            JMSXGroupSeq = 3                       | TRUE
            JMSXUserID IS NULL                     | TRUE
            JMSXUserID = 'bob'                     | UNKNOWN
            JMS_postbox_Flag                       | TRUE
            JMS_postbox_Other IS NULL              | TRUE
            """)
    void headerFieldsAndJmsDefinedAndProviderPropertiesAreSelectable(String text, TruthValue expected) {
        assertEquals(expected, evaluate(text, HEADERS));
    }

    @Test
    void theSpecNoteOnDeliveryModeSelectsPersistentMessages() {
        Selector persistent = selector("JMSDeliveryMode = 'PERSISTENT'");

        assertTrue(persistent.matches(MapSelectorContext.of("JMSDeliveryMode", "PERSISTENT")));
        assertEquals(false, persistent.matches(MapSelectorContext.of("JMSDeliveryMode", "NON_PERSISTENT")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"JMSDestination", "JMSReplyTo", "JMSRedelivered", "JMSExpiration", "JMSDeliveryTime",
        "JMSTYPE", "JMSpriority", "JMSMessageId", "JMS", "JMSFoo", "JMSx"})
    void otherNamesBeginningWithJmsAreRejectedUnlessJmsxOrJmsUnderscore(String name) {
        String message = invalid(name + " IS NULL");

        assertTrue(message.contains("identifier '" + name + "' cannot be used in a selector"), message);
        assertTrue(message.endsWith("at column 1"), message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "JMSPriority = 'high'", "JMSPriority <> TRUE", "JMSDeliveryMode = 2", "JMSDeliveryMode > 1",
        "JMSMessageID = 1", "JMSTimestamp = '2024'", "JMSTimestamp LIKE '1%'", "JMSPriority IN ('1')",
        "JMSType + 1 > 2", "JMSType BETWEEN 1 AND 2", "JMSDeliveryMode AND TRUE", "NOT JMSPriority",
        "JMSType", "JMSCorrelationID < 'x'", "-JMSType = 1"})
    void headerFieldsHaveStaticTypesSoMisuseIsInvalid(String text) {
        invalid(text);
    }

    @Test
    void jmsxAndApplicationPropertiesAreUntypedUntilAMessageIsSeen() {
        assertEquals(TruthValue.FALSE, evaluate("JMSXDeliveryCount = 'x'", "JMSXDeliveryCount", 1));
        assertEquals(TruthValue.TRUE, evaluate("JMSXGroupSeq", "JMSXGroupSeq", true));
    }

    @Test
    void anIdentifierMayBeUsedWhereverAValueIs() {
        MapSelectorContext context = MapSelectorContext.of("a", 3, "b", 4, "c", 5, "flag", true, "s", "x", "t", "x");

        assertEquals(TruthValue.TRUE, evaluate("a * a + b * b = c * c", context));
        assertEquals(TruthValue.TRUE, evaluate("b BETWEEN a AND c", context));
        assertEquals(TruthValue.TRUE, evaluate("flag = TRUE AND flag", context));
        assertEquals(TruthValue.TRUE, evaluate("s = t", context));
    }
}
