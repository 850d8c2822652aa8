package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.PostboxTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageNotWriteableException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Headers, the plain and text messages, acknowledgement and deep copies. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PostboxMessageTest {

    @Test
    void newMessageHasSpecDefaultHeaders() {
        PostboxMessage message = new PostboxMessage();
        assertEquals(DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
        assertEquals(Message.DEFAULT_PRIORITY, message.getJMSPriority());
        assertNull(message.getJMSMessageID());
        assertNull(message.getJMSCorrelationID());
        assertNull(message.getJMSCorrelationIDAsBytes());
        assertFalse(message.getJMSRedelivered());
        assertEquals(0L, message.getJMSExpiration());
        assertEquals(BodyType.NONE, message.bodyType());
    }

    @Test
    void everyHeaderSetterRoundTrips() {
        PostboxMessage message = new PostboxMessage();
        PostboxQueue queue = new PostboxQueue("q");
        PostboxTopic topic = new PostboxTopic("t");
        message.setJMSMessageID("ID:42");
        message.setJMSTimestamp(1L);
        message.setJMSCorrelationID("c");
        message.setJMSReplyTo(topic);
        message.setJMSDestination(queue);
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSRedelivered(true);
        message.setJMSType("type");
        message.setJMSExpiration(2L);
        message.setJMSDeliveryTime(3L);
        message.setJMSPriority(9);
        assertEquals("ID:42", message.getJMSMessageID());
        assertEquals(1L, message.getJMSTimestamp());
        assertEquals("c", message.getJMSCorrelationID());
        assertSame(topic, message.getJMSReplyTo());
        assertSame(queue, message.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, message.getJMSDeliveryMode());
        assertTrue(message.getJMSRedelivered());
        assertEquals("type", message.getJMSType());
        assertEquals(2L, message.getJMSExpiration());
        assertEquals(3L, message.getJMSDeliveryTime());
        assertEquals(9, message.getJMSPriority());
    }

    @Test
    void correlationIdBytesRoundTripExactlyAndAreCopied() {
        PostboxMessage message = new PostboxMessage();
        byte[] id = {(byte) 0xFF, 0, 1, (byte) 0x80};
        message.setJMSCorrelationIDAsBytes(id);
        id[0] = 7;
        byte[] read = message.getJMSCorrelationIDAsBytes();
        assertArrayEquals(new byte[] {(byte) 0xFF, 0, 1, (byte) 0x80}, read);
        read[1] = 9;
        assertArrayEquals(new byte[] {(byte) 0xFF, 0, 1, (byte) 0x80}, message.getJMSCorrelationIDAsBytes());
    }

    @Test
    void stringCorrelationIdReadsAsItsUtf8BytesAndReplacesBytes() {
        PostboxMessage message = new PostboxMessage();
        message.setJMSCorrelationIDAsBytes(new byte[] {1});
        message.setJMSCorrelationID("héllo");
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), message.getJMSCorrelationIDAsBytes());
        message.setJMSCorrelationIDAsBytes("abc".getBytes(StandardCharsets.UTF_8));
        assertEquals("abc", message.getJMSCorrelationID());
        message.setJMSCorrelationIDAsBytes(null);
        assertNull(message.getJMSCorrelationID());
    }

    @Test
    void plainMessageHasNoBodyAndAcceptsAnyType() throws JMSException {
        PostboxMessage message = new PostboxMessage();
        assertNull(message.getBody(String.class));
        assertNull(message.getBody(byte[].class));
        assertTrue(message.isBodyAssignableTo(Integer.class));
        assertNull(message.encodeBody());
        message.setReadOnly(true);
        message.clearBody();
        assertNull(message.getBody(Object.class));
    }

    @Test
    void textMessageIsReadOnlyAfterReceiveUntilClearBody() throws JMSException {
        PostboxTextMessage message = new PostboxTextMessage("hi");
        message.setReadOnly(true);
        assertThrows(MessageNotWriteableException.class, () -> message.setText("x"));
        assertEquals("hi", message.getText());
        message.clearBody();
        assertNull(message.getText());
        message.setText("again");
        assertEquals("again", message.getText());
    }

    @Test
    void acknowledgeCallsTheAcknowledgerAndIsANoOpWithout() throws JMSException {
        PostboxMessage message = new PostboxMessage();
        message.acknowledge();
        AtomicInteger calls = new AtomicInteger();
        message.setAcknowledger(calls::incrementAndGet);
        message.acknowledge();
        assertEquals(1, calls.get());
    }

    @Test
    void copyIsDeepAndIndependent() throws JMSException {
        PostboxMapMessage original = new PostboxMapMessage();
        original.setJMSCorrelationIDAsBytes(new byte[] {1, 2});
        original.setJMSReplyTo(new PostboxQueue("reply"));
        original.setJMSPriority(8);
        original.setStringProperty("p", "v");
        original.setInt("n", 1);
        PostboxMapMessage copy = (PostboxMapMessage) original.copy();
        assertNotSame(original, copy);
        original.setInt("n", 2);
        original.setStringProperty("p", "changed");
        assertEquals(1, copy.getInt("n"));
        assertEquals("v", copy.getStringProperty("p"));
        assertArrayEquals(new byte[] {1, 2}, copy.getJMSCorrelationIDAsBytes());
        assertEquals(new PostboxQueue("reply"), copy.getJMSReplyTo());
        assertEquals(8, copy.getJMSPriority());
    }

    @Test
    void copyKeepsReadOnlyStateAndStartsBytesAtTheBeginning() throws JMSException {
        PostboxBytesMessage original = new PostboxBytesMessage();
        original.writeInt(5);
        original.writeInt(6);
        original.setReadOnly(true);
        original.readInt();
        PostboxBytesMessage copy = (PostboxBytesMessage) original.copy();
        assertEquals(5, copy.readInt());
        assertThrows(MessageNotWriteableException.class, () -> copy.setStringProperty("p", "v"));
        assertThrows(MessageNotWriteableException.class, () -> copy.writeInt(1));
        assertEquals(6, original.readInt());
    }

    @Test
    void copyOfAWritableStreamStaysWritable() throws JMSException {
        PostboxStreamMessage original = new PostboxStreamMessage();
        original.writeString("a");
        PostboxStreamMessage copy = (PostboxStreamMessage) original.copy();
        copy.writeString("b");
        copy.reset();
        assertEquals("a", copy.readString());
        assertEquals("b", copy.readString());
    }

    @Test
    void copyOfAnObjectMessageKeepsItsPolicy() throws JMSException {
        PostboxObjectMessage original = new PostboxObjectMessage();
        original.setDeserializationPolicy(DeserializationPolicy.ALLOW_ALL);
        original.setObject("s");
        PostboxObjectMessage copy = original.copy();
        assertSame(DeserializationPolicy.ALLOW_ALL, copy.deserializationPolicy());
        assertEquals("s", copy.getObject());
    }
}
