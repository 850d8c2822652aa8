package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Encode → decode round trips of every body type and property type, and the documented byte layouts. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CodecRoundTripTest {

    private static final String UNICODE = "héllo wörld \u4e16\u754c \uD83D\uDE00 \u0000 end";

    @Test
    void everyPropertyTypeRoundTrips() throws JMSException {
        PostboxMessage message = new PostboxMessage();
        message.setBooleanProperty("bool", true);
        message.setByteProperty("byte", Byte.MIN_VALUE);
        message.setShortProperty("short", Short.MAX_VALUE);
        message.setIntProperty("int", Integer.MIN_VALUE);
        message.setLongProperty("long", Long.MAX_VALUE);
        message.setFloatProperty("float", Float.NaN);
        message.setDoubleProperty("double", -0.0d);
        message.setStringProperty("string", UNICODE);
        message.setStringProperty("empty", "");
        message.setStringProperty("nothing", null);
        message.setIntProperty("JMSXGroupSeq", 2);
        Map<String, Object> decoded = MessageCodec.decode(BodyType.NONE, null,
                PropertyCodec.encode(message.properties())).properties();
        assertEquals(message.properties(), decoded);
        assertInstanceOf(Double.class, decoded.get("double"));
        assertEquals(Double.doubleToRawLongBits(-0.0d), Double.doubleToRawLongBits((Double) decoded.get("double")));
        assertTrue(decoded.containsKey("nothing"));
    }

    @Test
    void noPropertiesEncodeAsNull() {
        assertNull(PropertyCodec.encode(Map.of()));
        assertEquals(Map.of(), PropertyCodec.decode(null));
        assertEquals(Map.of(), PropertyCodec.decode(new byte[0]));
    }

    @Test
    void propertyLayoutIsFormatCountThenNameAndTaggedValue() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("a", 1);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 'a', 4, 0, 0, 0, 1},
                PropertyCodec.encode(properties));
    }

    @Test
    void corruptPropertiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PropertyCodec.decode(new byte[] {2}));
        assertThrows(IllegalArgumentException.class, () -> PropertyCodec.decode(new byte[] {1, 0, 0, 0, 1}));
        byte[] bytesValue = {1, 0, 0, 0, 1, 0, 0, 0, 1, 'a', 9, 0, 0, 0, 0};
        assertThrows(IllegalArgumentException.class, () -> PropertyCodec.decode(bytesValue));
        assertThrows(MessageFormatException.class, () -> MessageCodec.decode(BodyType.NONE, null, new byte[] {7}));
    }

    @Test
    void textRoundTripsIncludingEmptyNullAndUnicode() throws JMSException {
        for (String text : Arrays.asList(UNICODE, "", null, "x".repeat(1_000_000))) {
            PostboxTextMessage message = new PostboxTextMessage(text);
            PostboxMessage decoded = MessageCodec.decode(BodyType.TEXT, message.encodeBody(), null);
            assertEquals(text, ((PostboxTextMessage) decoded).getText());
        }
    }

    @Test
    void mapBodyRoundTripsEveryValueType() throws JMSException {
        PostboxMapMessage message = new PostboxMapMessage();
        for (String type : ConversionTable.BODY_TYPES) {
            message.setObject(type, ConversionTable.sample(type));
        }
        message.setString("unicode", UNICODE);
        message.setString("empty", "");
        message.setString("null", null);
        message.setBytes("noBytes", new byte[0]);
        message.setChar("surrogate", '\uD83D');
        PostboxMapMessage decoded = (PostboxMapMessage) MessageCodec.decode(BodyType.MAP, message.encodeBody(), null);
        for (String name : java.util.Collections.list(message.getMapNames())) {
            Object expected = message.getObject(name);
            Object actual = decoded.getObject(name);
            assertTrue(expected == null ? actual == null : ConversionTable.same(expected, actual), name);
        }
        assertEquals(java.util.Collections.list(message.getMapNames()), java.util.Collections.list(decoded.getMapNames()));
    }

    @Test
    void streamBodyRoundTripsEveryValueTypeInOrder() throws JMSException {
        PostboxStreamMessage message = new PostboxStreamMessage();
        List<Object> written = new ArrayList<>();
        for (String type : ConversionTable.BODY_TYPES) {
            written.add(ConversionTable.sample(type));
        }
        written.addAll(Arrays.asList(UNICODE, "", null, new byte[0], new byte[100_000]));
        for (Object value : written) {
            message.writeObject(value);
        }
        PostboxStreamMessage decoded = (PostboxStreamMessage) MessageCodec.decode(BodyType.STREAM,
                message.encodeBody(), null);
        decoded.setReadOnly(true);
        for (Object expected : written) {
            Object actual = decoded.readObject();
            assertTrue(expected == null ? actual == null : ConversionTable.same(expected, actual), String.valueOf(expected));
        }
    }

    @Test
    void mapAndStreamLayoutsUseTheDocumentedTags() throws JMSException {
        PostboxStreamMessage stream = new PostboxStreamMessage();
        stream.writeChar('A');
        stream.writeBytes(new byte[] {5});
        stream.writeObject(null);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 3, 10, 0, 'A', 9, 0, 0, 0, 1, 5, 0}, stream.encodeBody());
        PostboxMapMessage map = new PostboxMapMessage();
        map.setBoolean("b", true);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 'b', 1, 1}, map.encodeBody());
    }

    @Test
    void emptyBodiesEncodeAsNullAndDecodeEmpty() throws JMSException {
        assertNull(new PostboxMapMessage().encodeBody());
        assertNull(new PostboxStreamMessage().encodeBody());
        assertNull(new PostboxBytesMessage().encodeBody());
        assertNull(new PostboxObjectMessage().encodeBody());
        assertNull(new PostboxTextMessage().encodeBody());
        for (BodyType type : BodyType.values()) {
            PostboxMessage decoded = MessageCodec.decode(type, null, null);
            assertEquals(type, decoded.bodyType());
            assertNull(decoded.encodeBody(), type.name());
        }
    }

    @ParameterizedTest(name = "decoded {0} message comes back writable and setReadOnly makes it read-only")
    @EnumSource(BodyType.class)
    void decodedMessagesAreWritableUntilSetReadOnly(BodyType type) throws JMSException {
        PostboxMessage decoded = MessageCodec.decode(type, null, null);
        decoded.setStringProperty("p", "v");
        decoded.setReadOnly(true);
        assertThrows(jakarta.jms.MessageNotWriteableException.class, () -> decoded.setStringProperty("q", "v"));
    }

    @Test
    void corruptMapAndStreamBodiesAreRefused() {
        assertThrows(MessageFormatException.class, () -> MessageCodec.decode(BodyType.MAP, new byte[] {2}, null));
        assertThrows(MessageFormatException.class,
                () -> MessageCodec.decode(BodyType.STREAM, new byte[] {1, 0, 0, 0, 1, 42}, null));
        assertThrows(MessageFormatException.class,
                () -> MessageCodec.decode(BodyType.STREAM, new byte[] {1, 0, 0, 0, 1, 9, 0, 0, 0, 9, 1}, null));
    }

    @Test
    void objectBodyRoundTrips() throws JMSException {
        PostboxObjectMessage message = new PostboxObjectMessage();
        HashMap<String, Object> value = new HashMap<>(Map.of("text", UNICODE, "list", new ArrayList<>(List.of(1, 2))));
        message.setObject(value);
        PostboxObjectMessage decoded = (PostboxObjectMessage) MessageCodec.decode(BodyType.OBJECT,
                message.encodeBody(), null);
        assertEquals(value, decoded.getObject());
        assertEquals((byte) 0xAC, message.encodeBody()[0]);
    }

    @Test
    void bodyTypeCodesAreStable() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5), Arrays.stream(BodyType.values()).map(BodyType::code).toList());
        assertEquals(BodyType.STREAM, BodyType.ofCode(4));
        assertThrows(IllegalArgumentException.class, () -> BodyType.ofCode(6));
    }
}
