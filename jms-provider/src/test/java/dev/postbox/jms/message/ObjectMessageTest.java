package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Snapshot semantics, read-only state and the deserialization policy applied to the whole object graph. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ObjectMessageTest {

    /** An application class: refused by the default policy. */
    record Payload(String text) implements Serializable {
    }

    private final PostboxObjectMessage message = new PostboxObjectMessage();

    @Test
    void setObjectTakesASnapshotAndGetObjectReturnsAFreshCopy() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        message.setObject(list);
        list.add("b");
        Serializable first = message.getObject();
        assertEquals(List.of("a"), first);
        assertNotSame(first, message.getObject());
        @SuppressWarnings("unchecked")
        List<String> mutable = (List<String>) first;
        mutable.add("c");
        assertEquals(List.of("a"), message.getObject());
    }

    @Test
    void nullObjectIsNoBody() throws JMSException {
        assertNull(message.getObject());
        message.setObject("x");
        message.setObject(null);
        assertNull(message.getObject());
        assertNull(message.encodeBody());
    }

    @Test
    void unserializableGraphIsRefusedWithMessageFormatException() {
        ArrayList<Object> list = new ArrayList<>();
        list.add(new Object());
        assertThrows(MessageFormatException.class, () -> message.setObject(list));
    }

    @Test
    void readOnlyBodyRefusesSetObjectUntilClearBody() throws JMSException {
        message.setObject("kept");
        message.setReadOnly(true);
        assertThrows(MessageNotWriteableException.class, () -> message.setObject("x"));
        assertEquals("kept", message.getObject());
        message.clearBody();
        assertNull(message.getObject());
        message.setObject("new");
        assertEquals("new", message.getObject());
    }

    @Test
    void defaultPolicyAcceptsJdkValuesAndCollections() throws JMSException {
        Map<String, Object> map = new HashMap<>();
        map.put("decimal", new BigDecimal("1.50"));
        map.put("date", LocalDate.of(2024, 2, 29));
        map.put("day", DayOfWeek.MONDAY);
        map.put("immutable", List.of(1, 2L, 3.0));
        map.put("unmodifiable", java.util.Collections.unmodifiableList(new ArrayList<>(List.of("x"))));
        map.put("ints", new int[] {1, 2});
        map.put("strings", new String[] {"a"});
        message.setObject((Serializable) map);
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) message.getObject();
        assertEquals(new BigDecimal("1.50"), read.get("decimal"));
        assertEquals(LocalDate.of(2024, 2, 29), read.get("date"));
        assertEquals(DayOfWeek.MONDAY, read.get("day"));
        assertEquals(List.of(1, 2L, 3.0), read.get("immutable"));
    }

    @Test
    void defaultPolicyRefusesAnApplicationClassNamingItAndTheProperty() throws JMSException {
        message.setObject(new Payload("p"));
        MessageFormatException e = assertThrows(MessageFormatException.class, message::getObject);
        assertTrue(e.getMessage().contains(Payload.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("deserializationAllowList"), e.getMessage());
    }

    @Test
    void disallowedClassNestedInAnAllowedCollectionIsRefused() throws JMSException {
        ArrayList<Object> list = new ArrayList<>();
        list.add("fine");
        list.add(Map.of("k", new Payload("hidden")));
        message.setObject(list);
        MessageFormatException e = assertThrows(MessageFormatException.class, message::getObject);
        assertTrue(e.getMessage().contains(Payload.class.getName()), e.getMessage());
    }

    @Test
    void subpackagesOfAllowedPackagesAreNotAllowed() throws JMSException {
        message.setObject(new ConcurrentHashMap<>(Map.of("k", "v")));
        assertThrows(MessageFormatException.class, message::getObject);
    }

    @Test
    void configuredAllowListAcceptsTheApplicationPackage() throws JMSException {
        message.setDeserializationPolicy(DeserializationPolicy.of("java.util, java.lang, dev.postbox.*", null));
        message.setObject(new ArrayList<>(List.of(new Payload("p"))));
        assertEquals(List.of(new Payload("p")), message.getObject());
    }

    @Test
    void denyListWinsOverAllowAll() throws JMSException {
        message.setDeserializationPolicy(DeserializationPolicy.of("*", Payload.class.getName()));
        message.setObject("string is fine");
        assertEquals("string is fine", message.getObject());
        message.setObject(new Payload("p"));
        MessageFormatException e = assertThrows(MessageFormatException.class, message::getObject);
        assertTrue(e.getMessage().contains(Payload.class.getName()), e.getMessage());
    }

    @Test
    void refusedBodyIsNotAssignableAndGetBodyFails() throws JMSException {
        message.setObject(new Payload("p"));
        assertFalse(message.isBodyAssignableTo(Serializable.class));
        assertThrows(MessageFormatException.class, () -> message.getBody(Payload.class));
    }

    @Test
    void withoutAContextClassLoaderTheMessageClassLoaderResolvesClasses() throws JMSException {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        message.setDeserializationPolicy(DeserializationPolicy.ALLOW_ALL);
        message.setObject(new Payload("p"));
        try {
            thread.setContextClassLoader(null);
            assertEquals(new Payload("p"), message.getObject());
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    @Test
    void corruptStoredBodyFailsWithMessageFormatException() throws JMSException {
        PostboxMessage decoded = MessageCodec.decode(BodyType.OBJECT, new byte[] {1, 2, 3}, null);
        PostboxObjectMessage object = assertInstanceOf(PostboxObjectMessage.class, decoded);
        assertThrows(MessageFormatException.class, object::getObject);
        assertFalse(object.isBodyAssignableTo(Object.class));
    }

    @Test
    void decodeAppliesTheGivenPolicy() throws JMSException {
        message.setObject(new Payload("p"));
        PostboxObjectMessage strict = (PostboxObjectMessage) MessageCodec.decode(BodyType.OBJECT,
                message.encodeBody(), null);
        assertThrows(MessageFormatException.class, strict::getObject);
        PostboxObjectMessage trusting = (PostboxObjectMessage) MessageCodec.decode(BodyType.OBJECT,
                message.encodeBody(), null, DeserializationPolicy.of("dev.postbox.jms.message", ""));
        assertEquals(new Payload("p"), trusting.getObject());
    }
}
