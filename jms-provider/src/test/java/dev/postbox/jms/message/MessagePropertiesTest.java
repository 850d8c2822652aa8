package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property names, value types, read-only state, enumeration, JMSX properties and the selector view. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessagePropertiesTest {

    private final PostboxMessage message = new PostboxMessage();

    @Test
    void nullOrEmptyNameIsRejectedByEverySetter() {
        for (String name : new String[] {null, ""}) {
            assertThrows(IllegalArgumentException.class, () -> message.setBooleanProperty(name, true));
            assertThrows(IllegalArgumentException.class, () -> message.setByteProperty(name, (byte) 1));
            assertThrows(IllegalArgumentException.class, () -> message.setShortProperty(name, (short) 1));
            assertThrows(IllegalArgumentException.class, () -> message.setIntProperty(name, 1));
            assertThrows(IllegalArgumentException.class, () -> message.setLongProperty(name, 1L));
            assertThrows(IllegalArgumentException.class, () -> message.setFloatProperty(name, 1f));
            assertThrows(IllegalArgumentException.class, () -> message.setDoubleProperty(name, 1d));
            assertThrows(IllegalArgumentException.class, () -> message.setStringProperty(name, "v"));
            assertThrows(IllegalArgumentException.class, () -> message.setObjectProperty(name, "v"));
        }
    }

    @ParameterizedTest(name = "\"{0}\" is not a property name")
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "NULL", "true", "False", "NOT", "and", "Or", "BETWEEN",
        "like", "IN", "is", "Escape", "JMSType", "JMSCorrelationID", "JMSMessageID", "JMSDeliveryMode"})
    void nameThatIsNotASelectorIdentifierIsRejected(String name) {
        assertThrows(IllegalArgumentException.class, () -> message.setStringProperty(name, "v"));
    }

    @ParameterizedTest(name = "\"{0}\" is a property name")
    @ValueSource(strings = {"a", "_x", "$dollar", "camelCase9", "Ünïcødé", "JMS_acme_flag", "JMSXGroupID", "ISO",
        "Notice", "JMSTypeCode"})
    void selectorIdentifierIsAccepted(String name) {
        assertDoesNotThrow(() -> message.setStringProperty(name, "v"));
    }

    @Test
    void setObjectPropertyRejectsTypesOtherThanBoxedPrimitivesAndString() {
        assertThrows(MessageFormatException.class, () -> message.setObjectProperty("p", 'c'));
        assertThrows(MessageFormatException.class, () -> message.setObjectProperty("p", new byte[1]));
        assertThrows(MessageFormatException.class, () -> message.setObjectProperty("p", new Object()));
        assertThrows(MessageFormatException.class, () -> message.setObjectProperty("p", List.of()));
        assertFalse(message.propertyExists("p"));
    }

    @Test
    void setObjectPropertyAcceptsNull() throws JMSException {
        message.setObjectProperty("p", null);
        assertTrue(message.propertyExists("p"));
        assertNull(message.getObjectProperty("p"));
    }

    @Test
    void readOnlyPropertiesRefuseEverySetterUntilCleared() throws JMSException {
        message.setIntProperty("kept", 1);
        message.setReadOnly(true);
        assertThrows(MessageNotWriteableException.class, () -> message.setBooleanProperty("p", true));
        assertThrows(MessageNotWriteableException.class, () -> message.setByteProperty("p", (byte) 1));
        assertThrows(MessageNotWriteableException.class, () -> message.setShortProperty("p", (short) 1));
        assertThrows(MessageNotWriteableException.class, () -> message.setIntProperty("p", 1));
        assertThrows(MessageNotWriteableException.class, () -> message.setLongProperty("p", 1L));
        assertThrows(MessageNotWriteableException.class, () -> message.setFloatProperty("p", 1f));
        assertThrows(MessageNotWriteableException.class, () -> message.setDoubleProperty("p", 1d));
        assertThrows(MessageNotWriteableException.class, () -> message.setStringProperty("p", "v"));
        assertThrows(MessageNotWriteableException.class, () -> message.setObjectProperty("p", "v"));
        assertEquals(1, message.getIntProperty("kept"));
        message.clearProperties();
        assertFalse(message.propertyExists("kept"));
        message.setIntProperty("p", 2);
        assertEquals(2, message.getIntProperty("p"));
    }

    @Test
    void clearBodyAndClearPropertiesEachUnlockOnlyTheirOwnPart() throws JMSException {
        PostboxTextMessage text = new PostboxTextMessage("body");
        text.setStringProperty("p", "v");
        text.setReadOnly(true);
        text.clearBody();
        text.setText("new body");
        assertThrows(MessageNotWriteableException.class, () -> text.setStringProperty("q", "v"));
        assertEquals("v", text.getStringProperty("p"));
        text.setReadOnly(true);
        text.clearProperties();
        text.setStringProperty("q", "v");
        assertThrows(MessageNotWriteableException.class, () -> text.setText("x"));
        assertEquals("new body", text.getText());
    }

    @Test
    void headersStayWritableWhenPropertiesAreReadOnly() throws JMSException {
        message.setReadOnly(true);
        message.setJMSCorrelationID("c");
        message.setJMSType("t");
        message.setJMSPriority(7);
        assertEquals("c", message.getJMSCorrelationID());
        assertEquals("t", message.getJMSType());
        assertEquals(7, message.getJMSPriority());
    }

    @Test
    void clearPropertiesKeepsHeadersAndBody() throws JMSException {
        PostboxTextMessage text = new PostboxTextMessage("body");
        text.setJMSType("t");
        text.setStringProperty("p", "v");
        text.clearProperties();
        assertEquals("body", text.getText());
        assertEquals("t", text.getJMSType());
        assertFalse(text.getPropertyNames().hasMoreElements());
    }

    @Test
    void getPropertyNamesListsApplicationAndJmsxPropertiesButNoHeaders() throws JMSException {
        message.setJMSType("t");
        message.setJMSCorrelationID("c");
        message.setStringProperty("a", "1");
        message.setIntProperty("b", 2);
        message.setStringProperty("JMSXGroupID", "g");
        message.putProviderProperty(PostboxMessage.JMSX_DELIVERY_COUNT, 1);
        assertEquals(Set.of("a", "b", "JMSXGroupID", "JMSXDeliveryCount"), names());
    }

    @Test
    void propertyNamesEnumerationIsASnapshot() throws JMSException {
        message.setStringProperty("a", "1");
        var names = message.getPropertyNames();
        message.setStringProperty("b", "2");
        assertEquals("a", names.nextElement());
        assertFalse(names.hasMoreElements());
    }

    @Test
    void propertyExistsIsFalseForNullAndAbsentNames() {
        assertFalse(message.propertyExists(null));
        assertFalse(message.propertyExists("absent"));
        assertNull(message.getObjectProperty(null));
    }

    @Test
    void jmsxGroupIdHoldsOnlyStrings() throws JMSException {
        message.setStringProperty("JMSXGroupID", "orders");
        assertEquals("orders", message.getStringProperty("JMSXGroupID"));
        assertThrows(MessageFormatException.class, () -> message.setIntProperty("JMSXGroupID", 1));
        assertThrows(MessageFormatException.class, () -> message.setObjectProperty("JMSXGroupID", 1L));
    }

    @Test
    void jmsxGroupSeqHoldsAnIntAndWidensNarrowerIntegers() throws JMSException {
        message.setIntProperty("JMSXGroupSeq", 3);
        assertEquals(3, message.getIntProperty("JMSXGroupSeq"));
        message.setShortProperty("JMSXGroupSeq", (short) 4);
        assertEquals(Integer.valueOf(4), message.getObjectProperty("JMSXGroupSeq"));
        assertThrows(MessageFormatException.class, () -> message.setLongProperty("JMSXGroupSeq", 5L));
        assertThrows(MessageFormatException.class, () -> message.setStringProperty("JMSXGroupSeq", "6"));
        assertThrows(MessageFormatException.class, () -> message.setDoubleProperty("JMSXGroupSeq", 7d));
    }

    @Test
    void providerSetJmsxPropertiesMayBeSetByApplicationsWithTheirTableType() throws JMSException {
        message.setStringProperty("JMSXUserID", "alice");
        message.setIntProperty("JMSXDeliveryCount", 2);
        message.setIntProperty("JMSXRcvTimestamp", 9);
        assertEquals(9L, message.getObjectProperty("JMSXRcvTimestamp"));
        assertThrows(MessageFormatException.class, () -> message.setStringProperty("JMSXDeliveryCount", "2"));
        message.setStringProperty("JMSXFuture", "unknown JMSX names are plain properties");
        assertTrue(message.propertyExists("JMSXFuture"));
    }

    @Test
    void providerDeliveryCountBypassesReadOnlyAndReadsAsInt() throws JMSException {
        message.setReadOnly(true);
        message.putProviderProperty(PostboxMessage.JMSX_DELIVERY_COUNT, 3L);
        assertEquals(Integer.valueOf(3), message.getObjectProperty("JMSXDeliveryCount"));
        assertEquals(3, message.getIntProperty("JMSXDeliveryCount"));
        assertEquals(3, message.identifierValue("JMSXDeliveryCount"));
        assertThrows(IllegalArgumentException.class, () -> message.putProviderProperty("x", new Object()));
    }

    @Test
    void propertiesViewIsReadOnly() throws JMSException {
        message.setStringProperty("a", "1");
        assertThrows(UnsupportedOperationException.class, () -> message.properties().put("b", "2"));
        assertEquals("1", message.properties().get("a"));
    }

    @Test
    void selectorViewMapsHeadersAndProperties() throws JMSException {
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSPriority(6);
        message.setJMSMessageID("ID:1");
        message.setJMSTimestamp(11L);
        message.setJMSCorrelationID("corr");
        message.setJMSType("kind");
        message.setJMSDeliveryTime(12L);
        message.setDoubleProperty("weight", 2.5);
        assertEquals("NON_PERSISTENT", message.identifierValue("JMSDeliveryMode"));
        assertEquals(6, message.identifierValue("JMSPriority"));
        assertEquals("ID:1", message.identifierValue("JMSMessageID"));
        assertEquals(11L, message.identifierValue("JMSTimestamp"));
        assertEquals("corr", message.identifierValue("JMSCorrelationID"));
        assertEquals("kind", message.identifierValue("JMSType"));
        assertEquals(12L, message.identifierValue("JMSDeliveryTime"));
        assertEquals(2.5, message.identifierValue("weight"));
        assertNull(message.identifierValue("absent"));
        message.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        assertEquals("PERSISTENT", message.identifierValue("JMSDeliveryMode"));
    }

    private Set<String> names() {
        List<String> names = new ArrayList<>(Collections.list(message.getPropertyNames()));
        return Set.copyOf(names);
    }
}
