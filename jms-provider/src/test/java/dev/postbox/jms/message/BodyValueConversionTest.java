package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every cell of the map and stream conversion table (Jakarta Messaging 3.1 table 3-7), the null rules, and
 * the rule that a failed stream read does not move the read position.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BodyValueConversionTest {

    static List<Arguments> cells() {
        return ConversionTable.cells(ConversionTable.BODY_TYPES);
    }

    @ParameterizedTest(name = "map {0} read as {1}: allowed={2}")
    @MethodSource("cells")
    void mapEntryWrittenAsRowTypeReadsAsColumnTypeOnlyWhereTheTableMarksIt(String row, String column,
            boolean allowed) throws JMSException {
        PostboxMapMessage message = new PostboxMapMessage();
        writeMap(message, "e", row, ConversionTable.sample(row));
        if (allowed) {
            assertTrue(ConversionTable.same(ConversionTable.expected(row, column), readMap(message, "e", column)));
        } else {
            assertThrows(MessageFormatException.class, () -> readMap(message, "e", column));
        }
    }

    @ParameterizedTest(name = "stream {0} read as {1}: allowed={2}")
    @MethodSource("cells")
    void streamFieldWrittenAsRowTypeReadsAsColumnTypeOnlyWhereTheTableMarksIt(String row, String column,
            boolean allowed) throws JMSException {
        PostboxStreamMessage message = new PostboxStreamMessage();
        writeStream(message, row, ConversionTable.sample(row));
        message.writeString("next");
        message.reset();
        if (allowed) {
            assertTrue(ConversionTable.same(ConversionTable.expected(row, column), readStream(message, column)));
        } else {
            assertThrows(MessageFormatException.class, () -> readStream(message, column));
            assertTrue(ConversionTable.same(ConversionTable.sample(row), message.readObject()),
                    "a refused conversion must not advance the read position");
        }
        assertEquals("next", message.readString());
    }

    @ParameterizedTest(name = "map and stream {0} round-trip through setObject/writeObject")
    @MethodSource("types")
    void objectWritesStoreTheSameValueAsTypedWrites(String type) throws JMSException {
        Object sample = ConversionTable.sample(type);
        PostboxMapMessage map = new PostboxMapMessage();
        map.setObject("e", sample);
        assertTrue(ConversionTable.same(sample, map.getObject("e")));
        PostboxStreamMessage stream = new PostboxStreamMessage();
        stream.writeObject(sample);
        writeStream(stream, type, sample);
        stream.reset();
        assertTrue(ConversionTable.same(sample, stream.readObject()));
        assertTrue(ConversionTable.same(sample, stream.readObject()));
    }

    static List<String> types() {
        return ConversionTable.BODY_TYPES;
    }

    @ParameterizedTest(name = "unparseable String read as {0} throws NumberFormatException and stays put")
    @ValueSource(strings = {"byte", "short", "int", "long", "float", "double"})
    void unparseableStringThrowsNumberFormatExceptionWithoutAdvancing(String column) throws JMSException {
        PostboxStreamMessage stream = new PostboxStreamMessage();
        stream.writeString("twelve");
        stream.reset();
        assertThrows(NumberFormatException.class, () -> readStream(stream, column));
        assertEquals("twelve", stream.readString());
        PostboxMapMessage map = new PostboxMapMessage();
        map.setString("e", "twelve");
        assertThrows(NumberFormatException.class, () -> readMap(map, "e", column));
    }

    @Test
    void nullStreamFieldReadsAsValueOfNullAndNpeForChar() throws JMSException {
        PostboxStreamMessage stream = new PostboxStreamMessage();
        stream.writeObject(null);
        stream.reset();
        assertThrows(NullPointerException.class, stream::readChar);
        assertThrows(NullPointerException.class, stream::readFloat);
        assertThrows(NullPointerException.class, stream::readDouble);
        assertThrows(NumberFormatException.class, stream::readByte);
        assertThrows(NumberFormatException.class, stream::readShort);
        assertThrows(NumberFormatException.class, stream::readInt);
        assertThrows(NumberFormatException.class, stream::readLong);
        assertFalse(stream.readBoolean());
        stream.reset();
        assertNull(stream.readString());
        stream.reset();
        assertNull(stream.readObject());
        stream.reset();
        assertEquals(-1, stream.readBytes(new byte[4]));
    }

    @Test
    void missingMapEntryReadsAsValueOfNullAndNpeForChar() throws JMSException {
        PostboxMapMessage map = new PostboxMapMessage();
        assertThrows(NullPointerException.class, () -> map.getChar("absent"));
        assertThrows(NullPointerException.class, () -> map.getFloat("absent"));
        assertThrows(NullPointerException.class, () -> map.getDouble("absent"));
        assertThrows(NumberFormatException.class, () -> map.getByte("absent"));
        assertThrows(NumberFormatException.class, () -> map.getShort("absent"));
        assertThrows(NumberFormatException.class, () -> map.getInt("absent"));
        assertThrows(NumberFormatException.class, () -> map.getLong("absent"));
        assertFalse(map.getBoolean("absent"));
        assertNull(map.getString("absent"));
        assertNull(map.getBytes("absent"));
        assertNull(map.getObject("absent"));
    }

    static void writeMap(MapMessage message, String name, String type, Object value) throws JMSException {
        switch (type) {
            case "boolean" -> message.setBoolean(name, (Boolean) value);
            case "byte" -> message.setByte(name, (Byte) value);
            case "short" -> message.setShort(name, (Short) value);
            case "char" -> message.setChar(name, (Character) value);
            case "int" -> message.setInt(name, (Integer) value);
            case "long" -> message.setLong(name, (Long) value);
            case "float" -> message.setFloat(name, (Float) value);
            case "double" -> message.setDouble(name, (Double) value);
            case "String" -> message.setString(name, (String) value);
            case "byte[]" -> message.setBytes(name, (byte[]) value);
            default -> throw new IllegalArgumentException(type);
        }
    }

    static Object readMap(MapMessage message, String name, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> message.getBoolean(name);
            case "byte" -> message.getByte(name);
            case "short" -> message.getShort(name);
            case "char" -> message.getChar(name);
            case "int" -> message.getInt(name);
            case "long" -> message.getLong(name);
            case "float" -> message.getFloat(name);
            case "double" -> message.getDouble(name);
            case "String" -> message.getString(name);
            case "byte[]" -> message.getBytes(name);
            default -> throw new IllegalArgumentException(type);
        };
    }

    static void writeStream(StreamMessage message, String type, Object value) throws JMSException {
        switch (type) {
            case "boolean" -> message.writeBoolean((Boolean) value);
            case "byte" -> message.writeByte((Byte) value);
            case "short" -> message.writeShort((Short) value);
            case "char" -> message.writeChar((Character) value);
            case "int" -> message.writeInt((Integer) value);
            case "long" -> message.writeLong((Long) value);
            case "float" -> message.writeFloat((Float) value);
            case "double" -> message.writeDouble((Double) value);
            case "String" -> message.writeString((String) value);
            case "byte[]" -> message.writeBytes((byte[]) value);
            default -> throw new IllegalArgumentException(type);
        }
    }

    static Object readStream(StreamMessage message, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> message.readBoolean();
            case "byte" -> message.readByte();
            case "short" -> message.readShort();
            case "char" -> message.readChar();
            case "int" -> message.readInt();
            case "long" -> message.readLong();
            case "float" -> message.readFloat();
            case "double" -> message.readDouble();
            case "String" -> message.readString();
            case "byte[]" -> readWholeBytesField(message);
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static byte[] readWholeBytesField(StreamMessage message) throws JMSException {
        byte[] buffer = new byte[64];
        int count = message.readBytes(buffer);
        return java.util.Arrays.copyOf(buffer, count);
    }
}
