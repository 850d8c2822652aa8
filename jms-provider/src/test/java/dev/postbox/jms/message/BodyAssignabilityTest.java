package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The getBody / isBodyAssignableTo matrix of the Message javadoc, for every body type, with and without a body. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BodyAssignabilityTest {

    private static final List<Class<?>> CLASSES = List.of(Object.class, String.class, CharSequence.class,
            byte[].class, Map.class, HashMap.class, Serializable.class, Cloneable.class, Boolean.class, UUID.class,
            Comparable.class);

    /** Per body type, the classes a non-empty body is assignable to; every other class of CLASSES is not. */
    private static final Map<BodyType, List<Class<?>>> ASSIGNABLE = Map.of(
            BodyType.NONE, CLASSES,
            BodyType.TEXT, List.of(Object.class, String.class, CharSequence.class, Serializable.class,
                    Comparable.class),
            BodyType.BYTES, List.of(Object.class, byte[].class, Serializable.class, Cloneable.class),
            BodyType.MAP, List.of(Object.class, Map.class),
            BodyType.STREAM, List.of(),
            BodyType.OBJECT, List.of(Object.class, Serializable.class, UUID.class, Comparable.class));

    static List<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (BodyType type : BodyType.values()) {
            for (Class<?> c : CLASSES) {
                cells.add(Arguments.of(type, c, ASSIGNABLE.get(type).contains(c)));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0} body assignable to {1}: {2}")
    @MethodSource("cells")
    void nonEmptyBodyIsAssignableExactlyToItsTypeAndSupertypes(BodyType type, Class<?> c, boolean assignable)
            throws JMSException {
        PostboxMessage message = withBody(type);
        assertEquals(assignable, message.isBodyAssignableTo(c));
        if (assignable) {
            Object body = message.getBody(c);
            assertTrue(type == BodyType.NONE ? body == null : c.isInstance(body));
        } else {
            assertThrows(MessageFormatException.class, () -> message.getBody(c));
        }
    }

    @ParameterizedTest(name = "{0} read-only body answers the same as when writable")
    @EnumSource(BodyType.class)
    void receivedMessagesAnswerTheSame(BodyType type) throws JMSException {
        PostboxMessage message = withBody(type);
        message.setReadOnly(true);
        for (Class<?> c : CLASSES) {
            assertEquals(ASSIGNABLE.get(type).contains(c), message.isBodyAssignableTo(c), c.getName());
        }
    }

    @ParameterizedTest(name = "empty {0} body is null and assignable to anything (Stream excepted)")
    @EnumSource(BodyType.class)
    void emptyBodyIsNullAndAssignableToAnything(BodyType type) throws JMSException {
        PostboxMessage message = MessageCodec.decode(type, null, null);
        for (Class<?> c : CLASSES) {
            if (type == BodyType.STREAM) {
                assertFalse(message.isBodyAssignableTo(c));
                assertThrows(MessageFormatException.class, () -> message.getBody(c));
            } else {
                assertTrue(message.isBodyAssignableTo(c));
                assertNull(message.getBody(c));
            }
        }
    }

    @ParameterizedTest(name = "getBody of {0} returns a copy")
    @EnumSource(value = BodyType.class, names = {"BYTES", "MAP", "OBJECT"})
    void getBodyReturnsACopy(BodyType type) throws JMSException {
        PostboxMessage message = withBody(type);
        Object first = message.getBody(Object.class);
        Object second = message.getBody(Object.class);
        assertFalse(first == second);
        assertTrue(ConversionTable.same(first, second) || first.equals(second));
    }

    private static PostboxMessage withBody(BodyType type) throws JMSException {
        return switch (type) {
            case NONE -> new PostboxMessage();
            case TEXT -> new PostboxTextMessage("text");
            case BYTES -> {
                PostboxBytesMessage bytes = new PostboxBytesMessage();
                bytes.writeInt(1);
                yield bytes;
            }
            case MAP -> {
                PostboxMapMessage map = new PostboxMapMessage();
                map.setInt("k", 1);
                yield map;
            }
            case STREAM -> {
                PostboxStreamMessage stream = new PostboxStreamMessage();
                stream.writeInt(1);
                yield stream;
            }
            case OBJECT -> {
                PostboxObjectMessage object = new PostboxObjectMessage();
                object.setObject(UUID.fromString("00000000-0000-0000-0000-000000000001"));
                yield object;
            }
        };
    }
}
