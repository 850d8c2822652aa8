package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cell of the property conversion table (Jakarta Messaging 3.1 table 3-2), plus null and parse rules. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PropertyConversionTest {

    static List<Arguments> cells() {
        return ConversionTable.cells(ConversionTable.PROPERTY_TYPES);
    }

    @ParameterizedTest(name = "{0} read as {1}: allowed={2}")
    @MethodSource("cells")
    void propertyWrittenAsRowTypeReadsAsColumnTypeOnlyWhereTheTableMarksIt(String row, String column,
            boolean allowed) throws JMSException {
        PostboxMessage message = new PostboxMessage();
        write(message, "p", row, ConversionTable.sample(row));
        if (allowed) {
            assertEquals(ConversionTable.expected(row, column), read(message, "p", column));
        } else {
            assertThrows(MessageFormatException.class, () -> read(message, "p", column));
        }
    }

    @ParameterizedTest(name = "setObjectProperty of a {0} reads like the typed setter")
    @MethodSource("rows")
    void setObjectPropertyStoresTheSameValueAsTheTypedSetter(String row) throws JMSException {
        PostboxMessage typed = new PostboxMessage();
        PostboxMessage object = new PostboxMessage();
        write(typed, "p", row, ConversionTable.sample(row));
        object.setObjectProperty("p", ConversionTable.sample(row));
        assertEquals(typed.getObjectProperty("p"), object.getObjectProperty("p"));
        assertEquals(ConversionTable.sample(row), object.getObjectProperty("p"));
    }

    static List<String> rows() {
        return ConversionTable.PROPERTY_TYPES;
    }

    @ParameterizedTest(name = "a String that does not parse read as {0} throws NumberFormatException")
    @ValueSource(strings = {"byte", "short", "int", "long", "float", "double"})
    void unparseableStringReadAsNumberThrowsNumberFormatException(String column) throws JMSException {
        PostboxMessage message = new PostboxMessage();
        message.setStringProperty("p", "twelve");
        assertThrows(NumberFormatException.class, () -> read(message, "p", column));
    }

    @Test
    void unparseableStringReadAsBooleanIsFalseAsBooleanValueOfSays() throws JMSException {
        PostboxMessage message = new PostboxMessage();
        message.setStringProperty("p", "yes");
        assertFalse(message.getBooleanProperty("p"));
        message.setStringProperty("p", "TRUE");
        assertTrue(message.getBooleanProperty("p"));
    }

    @Test
    void missingPropertyReadsAsValueOfNull() throws JMSException {
        PostboxMessage message = new PostboxMessage();
        assertFalse(message.getBooleanProperty("absent"));
        assertThrows(NumberFormatException.class, () -> message.getByteProperty("absent"));
        assertThrows(NumberFormatException.class, () -> message.getShortProperty("absent"));
        assertThrows(NumberFormatException.class, () -> message.getIntProperty("absent"));
        assertThrows(NumberFormatException.class, () -> message.getLongProperty("absent"));
        assertThrows(NullPointerException.class, () -> message.getFloatProperty("absent"));
        assertThrows(NullPointerException.class, () -> message.getDoubleProperty("absent"));
        assertNull(message.getStringProperty("absent"));
        assertNull(message.getObjectProperty("absent"));
    }

    @Test
    void nullStringPropertyExistsAndReadsAsNull() throws JMSException {
        PostboxMessage message = new PostboxMessage();
        message.setStringProperty("p", null);
        assertTrue(message.propertyExists("p"));
        assertNull(message.getStringProperty("p"));
        assertThrows(NumberFormatException.class, () -> message.getIntProperty("p"));
    }

    @Test
    void floatReadAsDoubleWidensExactly() throws JMSException {
        PostboxMessage message = new PostboxMessage();
        message.setFloatProperty("p", 0.1f);
        assertEquals((double) 0.1f, message.getDoubleProperty("p"));
    }

    static void write(Message message, String name, String type, Object value) throws JMSException {
        switch (type) {
            case "boolean" -> message.setBooleanProperty(name, (Boolean) value);
            case "byte" -> message.setByteProperty(name, (Byte) value);
            case "short" -> message.setShortProperty(name, (Short) value);
            case "int" -> message.setIntProperty(name, (Integer) value);
            case "long" -> message.setLongProperty(name, (Long) value);
            case "float" -> message.setFloatProperty(name, (Float) value);
            case "double" -> message.setDoubleProperty(name, (Double) value);
            case "String" -> message.setStringProperty(name, (String) value);
            default -> throw new IllegalArgumentException(type);
        }
    }

    static Object read(Message message, String name, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> message.getBooleanProperty(name);
            case "byte" -> message.getByteProperty(name);
            case "short" -> message.getShortProperty(name);
            case "int" -> message.getIntProperty(name);
            case "long" -> message.getLongProperty(name);
            case "float" -> message.getFloatProperty(name);
            case "double" -> message.getDoubleProperty(name);
            case "String" -> message.getStringProperty(name);
            default -> throw new IllegalArgumentException(type);
        };
    }
}
