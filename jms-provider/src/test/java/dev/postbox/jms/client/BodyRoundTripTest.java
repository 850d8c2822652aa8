package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every body type and property type survives the store (section 3.11); ObjectMessage deserialization policy. */
@Timeout(120)
class BodyRoundTripTest extends ClientTestBase {

    /** An application class, allowed or not by the factory's deserialization allow list. */
    record Order(String id, int quantity) implements Serializable {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyBodyTypeRoundTripsThroughTheStore(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("bodies");
        MessageProducer producer = session.createProducer(queue);

        producer.send(session.createTextMessage("h\u00e9llo \u2603 \uD83D\uDE00"));
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(new byte[] {0, 1, -1, 127, -128});
        bytes.writeInt(42);
        bytes.writeUTF("utf");
        producer.send(bytes);
        MapMessage map = session.createMapMessage();
        map.setString("s", "v");
        map.setInt("i", 7);
        map.setBytes("b", new byte[] {9, 8});
        map.setDouble("d", 2.5);
        map.setObject("n", null);
        producer.send(map);
        StreamMessage stream = session.createStreamMessage();
        stream.writeBoolean(true);
        stream.writeLong(Long.MIN_VALUE);
        stream.writeString("x");
        stream.writeBytes(new byte[] {5});
        stream.writeObject(null);
        producer.send(stream);
        producer.send(session.createObjectMessage(new ArrayList<>(List.of("a", 1, 2.0))));
        producer.send(session.createMessage());
        producer.send(session.createTextMessage());

        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals("h\u00e9llo \u2603 \uD83D\uDE00", ((TextMessage) consumer.receive(ARRIVES_MILLIS)).getText());

        BytesMessage receivedBytes = (BytesMessage) consumer.receive(ARRIVES_MILLIS);
        byte[] head = new byte[5];
        assertEquals(5, receivedBytes.readBytes(head));
        assertArrayEquals(new byte[] {0, 1, -1, 127, -128}, head);
        assertEquals(42, receivedBytes.readInt());
        assertEquals("utf", receivedBytes.readUTF());
        assertThrows(MessageNotWriteableException.class, () -> receivedBytes.writeInt(1));

        MapMessage receivedMap = (MapMessage) consumer.receive(ARRIVES_MILLIS);
        assertEquals("v", receivedMap.getString("s"));
        assertEquals(7, receivedMap.getInt("i"));
        assertArrayEquals(new byte[] {9, 8}, receivedMap.getBytes("b"));
        assertEquals(2.5, receivedMap.getDouble("d"));
        assertTrue(receivedMap.itemExists("n"));
        assertNull(receivedMap.getObject("n"));

        StreamMessage receivedStream = (StreamMessage) consumer.receive(ARRIVES_MILLIS);
        assertTrue(receivedStream.readBoolean());
        assertEquals(Long.MIN_VALUE, receivedStream.readLong());
        assertEquals("x", receivedStream.readString());
        assertArrayEquals(new byte[] {5}, (byte[]) receivedStream.readObject());
        assertNull(receivedStream.readObject());
        assertThrows(MessageEOFException.class, receivedStream::readObject);

        ObjectMessage receivedObject = (ObjectMessage) consumer.receive(ARRIVES_MILLIS);
        assertEquals(List.of("a", 1, 2.0), receivedObject.getObject());

        Message plain = consumer.receive(ARRIVES_MILLIS);
        assertTrue(!(plain instanceof TextMessage) && plain.getBody(Object.class) == null);
        assertNull(((TextMessage) consumer.receive(ARRIVES_MILLIS)).getText());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyPropertyTypeRoundTripsThroughTheStore(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("properties");
        Message message = session.createMessage();
        message.setBooleanProperty("bool", true);
        message.setByteProperty("byte", (byte) -3);
        message.setShortProperty("short", (short) 300);
        message.setIntProperty("int", Integer.MAX_VALUE);
        message.setLongProperty("long", Long.MAX_VALUE);
        message.setFloatProperty("float", 1.5f);
        message.setDoubleProperty("double", Math.PI);
        message.setStringProperty("string", "s\u00e9");
        message.setStringProperty("JMSXGroupID", "group-1");
        message.setIntProperty("JMSXGroupSeq", 3);
        session.createProducer(queue).send(message);

        Message received = session.createConsumer(queue).receive(ARRIVES_MILLIS);
        assertEquals(Boolean.TRUE, received.getObjectProperty("bool"));
        assertEquals((byte) -3, received.getObjectProperty("byte"));
        assertEquals((short) 300, received.getObjectProperty("short"));
        assertEquals(Integer.MAX_VALUE, received.getObjectProperty("int"));
        assertEquals(Long.MAX_VALUE, received.getObjectProperty("long"));
        assertEquals(1.5f, received.getObjectProperty("float"));
        assertEquals(Math.PI, received.getObjectProperty("double"));
        assertEquals("s\u00e9", received.getObjectProperty("string"));
        assertEquals("group-1", received.getStringProperty("JMSXGroupID"));
        assertEquals(3, received.getIntProperty("JMSXGroupSeq"));
        List<?> names = Collections.list(received.getPropertyNames());
        assertTrue(names.containsAll(List.of("bool", "byte", "short", "int", "long", "float", "double", "string")),
                names::toString);
        assertThrows(MessageNotWriteableException.class, () -> received.setIntProperty("int", 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void objectMessagesOfAllowedClassesAreReadAndOthersAreRefused(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setDeserializationAllowList("java.lang,java.util," + Order.class.getName());
        Connection allowing = connect(factory);
        allowing.start();
        Session session = allowing.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("objects");
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createObjectMessage(new Order("o-1", 3)));
        producer.send(session.createObjectMessage(new Order("o-2", 4)));
        MessageConsumer consumer = session.createConsumer(queue);
        assertEquals(new Order("o-1", 3), ((ObjectMessage) consumer.receive(ARRIVES_MILLIS)).getObject());
        allowing.close();

        PostboxConnectionFactory strict = dev.postbox.jms.testing.Brokers.factory(database);
        Connection refusing = connect(strict);
        refusing.start();
        ObjectMessage refused = (ObjectMessage) refusing.createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createConsumer(queue).receive(ARRIVES_MILLIS);
        assertThrows(MessageFormatException.class, refused::getObject,
                "the default allow list does not include application classes");
    }
}
