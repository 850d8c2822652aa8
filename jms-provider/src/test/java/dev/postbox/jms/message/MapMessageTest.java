package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Names, read-only state, copies in and out, enumeration and the map body view. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MapMessageTest {

    private final PostboxMapMessage message = new PostboxMapMessage();

    @Test
    void nullOrEmptyNameIsRejectedByEverySetter() {
        for (String name : new String[] {null, ""}) {
            for (Executable set : setters(name)) {
                assertThrows(IllegalArgumentException.class, set);
            }
        }
    }

    @Test
    void readOnlyBodyRefusesEverySetterButStillReads() throws JMSException {
        message.setInt("n", 1);
        message.setReadOnly(true);
        for (Executable set : setters("x")) {
            assertThrows(MessageNotWriteableException.class, set);
        }
        assertEquals(1, message.getInt("n"));
        message.clearBody();
        assertFalse(message.itemExists("n"));
        message.setInt("n", 2);
        assertEquals(2, message.getInt("n"));
    }

    @Test
    void writableMapCanBeReadBeforeSending() throws JMSException {
        message.setString("s", "v");
        assertEquals("v", message.getString("s"));
    }

    @Test
    void setObjectRefusesTypesOutsideTheTable() {
        assertThrows(MessageFormatException.class, () -> message.setObject("o", new Object()));
        assertThrows(MessageFormatException.class, () -> message.setObject("o", List.of(1)));
        assertThrows(MessageFormatException.class, () -> message.setObject("o", new int[1]));
        assertFalse(message.itemExists("o"));
    }

    @Test
    void nullValuesAreStoredAndReadBackAsNull() throws JMSException {
        message.setString("s", null);
        message.setBytes("b", null);
        message.setObject("o", null);
        assertTrue(message.itemExists("s"));
        assertNull(message.getString("s"));
        assertNull(message.getBytes("b"));
        assertNull(message.getObject("o"));
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        byte[] value = {1, 2, 3};
        message.setBytes("b", value);
        message.setObject("o", value);
        message.setBytes("part", value, 1, 2);
        value[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, message.getBytes("b"));
        message.getBytes("b")[0] = 8;
        ((byte[]) message.getObject("o"))[0] = 8;
        assertArrayEquals(new byte[] {1, 2, 3}, message.getBytes("b"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) message.getObject("o"));
        assertArrayEquals(new byte[] {2, 3}, message.getBytes("part"));
    }

    @Test
    void setBytesWithOffsetChecksBounds() {
        assertThrows(IndexOutOfBoundsException.class, () -> message.setBytes("b", new byte[2], 1, 2));
    }

    @Test
    void laterSetReplacesTheValueAndItsType() throws JMSException {
        message.setInt("v", 1);
        message.setString("v", "x");
        assertEquals("x", message.getObject("v"));
    }

    @Test
    void mapNamesListEveryNameAndAreASnapshot() throws JMSException {
        message.setInt("a", 1);
        message.setString("b", "2");
        var names = message.getMapNames();
        message.setInt("c", 3);
        assertEquals(Set.of("a", "b"), Set.copyOf(Collections.list(names)));
        assertTrue(message.itemExists("c"));
        assertFalse(message.itemExists(null));
        assertFalse(message.itemExists("absent"));
    }

    @Test
    void getBodyReturnsACopyAsMap() throws JMSException {
        message.setInt("n", 1);
        message.setBytes("b", new byte[] {1});
        @SuppressWarnings("unchecked")
        Map<String, Object> body = message.getBody(Map.class);
        assertEquals(1, body.get("n"));
        ((byte[]) body.get("b"))[0] = 5;
        body.put("n", 2);
        assertEquals(1, message.getInt("n"));
        assertArrayEquals(new byte[] {1}, message.getBytes("b"));
        assertThrows(MessageFormatException.class, () -> message.getBody(java.util.HashMap.class));
    }

    private List<Executable> setters(String name) {
        return List.of(() -> message.setBoolean(name, true), () -> message.setByte(name, (byte) 1),
                () -> message.setShort(name, (short) 1), () -> message.setChar(name, 'c'),
                () -> message.setInt(name, 1), () -> message.setLong(name, 1L), () -> message.setFloat(name, 1f),
                () -> message.setDouble(name, 1d), () -> message.setString(name, "s"),
                () -> message.setBytes(name, new byte[1]), () -> message.setBytes(name, new byte[1], 0, 1),
                () -> message.setObject(name, 1));
    }
}
