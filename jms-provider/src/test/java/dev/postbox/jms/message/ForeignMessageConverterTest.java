package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.PostboxTopic;
import dev.postbox.jms.message.ForeignMessages.FakeBytesMessage;
import dev.postbox.jms.message.ForeignMessages.FakeMapMessage;
import dev.postbox.jms.message.ForeignMessages.FakeMessage;
import dev.postbox.jms.message.ForeignMessages.FakeObjectMessage;
import dev.postbox.jms.message.ForeignMessages.FakeStreamMessage;
import dev.postbox.jms.message.ForeignMessages.FakeTextMessage;
import dev.postbox.jms.message.ForeignMessages.ForeignQueue;
import dev.postbox.jms.message.ForeignMessages.ForeignTemporaryQueue;
import dev.postbox.jms.message.ForeignMessages.ForeignTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Conversion of each of the five body types and of headers and properties from another provider's messages. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ForeignMessageConverterTest {

    @Test
    void ownMessagesAreReturnedUnchanged() throws JMSException {
        PostboxTextMessage own = new PostboxTextMessage("x");
        assertSame(own, ForeignMessageConverter.toPostbox(own));
    }

    @Test
    void everyHeaderAndPropertyIsCopied() throws JMSException {
        FakeTextMessage foreign = new FakeTextMessage();
        foreign.setText("body");
        foreign.setJMSCorrelationID("corr");
        foreign.setJMSType("kind");
        foreign.setJMSReplyTo(new ForeignQueue("replies"));
        foreign.setJMSDestination(new ForeignTopic("news"));
        foreign.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        foreign.setJMSPriority(7);
        foreign.setJMSExpiration(10L);
        foreign.setJMSDeliveryTime(11L);
        foreign.setJMSTimestamp(12L);
        foreign.setJMSMessageID("ID:foreign");
        foreign.setJMSRedelivered(true);
        for (String type : ConversionTable.PROPERTY_TYPES) {
            foreign.setObjectProperty("p_" + type, ConversionTable.sample(type));
        }
        foreign.setStringProperty("JMSXGroupID", "group");
        foreign.setIntProperty("JMSXGroupSeq", 3);
        PostboxMessage converted = ForeignMessageConverter.toPostbox(foreign);
        PostboxTextMessage text = assertInstanceOf(PostboxTextMessage.class, converted);
        assertEquals("body", text.getText());
        assertEquals("corr", text.getJMSCorrelationID());
        assertEquals("kind", text.getJMSType());
        assertEquals(new PostboxQueue("replies"), text.getJMSReplyTo());
        assertEquals(new PostboxTopic("news"), text.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, text.getJMSDeliveryMode());
        assertEquals(7, text.getJMSPriority());
        assertEquals(10L, text.getJMSExpiration());
        assertEquals(11L, text.getJMSDeliveryTime());
        assertEquals(12L, text.getJMSTimestamp());
        assertEquals("ID:foreign", text.getJMSMessageID());
        assertTrue(text.getJMSRedelivered());
        assertEquals(foreign.properties, text.properties());
    }

    @Test
    void jmsxPropertiesSetOnReceiveAreNotCopied() throws JMSException {
        FakeMessage foreign = new FakeMessage();
        foreign.setLongProperty("JMSXDeliveryCount", 4L);
        foreign.setLongProperty("JMSXRcvTimestamp", 5L);
        foreign.setStringProperty("JMSXConsumerTXID", "tx");
        foreign.setStringProperty("JMSXUserID", "alice");
        assertEquals(Map.of("JMSXUserID", "alice"), ForeignMessageConverter.toPostbox(foreign).properties());
    }

    @Test
    void convertedMessageIsWritable() throws JMSException {
        FakeTextMessage foreign = new FakeTextMessage();
        foreign.setText("a");
        PostboxTextMessage converted = (PostboxTextMessage) ForeignMessageConverter.toPostbox(foreign);
        converted.setText("b");
        converted.setStringProperty("p", "v");
        assertEquals("a", foreign.getText());
    }

    @Test
    void foreignTemporaryReplyToIsDropped() throws JMSException {
        FakeMessage foreign = new FakeMessage();
        foreign.setJMSReplyTo(new ForeignTemporaryQueue("tmp"));
        PostboxMessage converted = ForeignMessageConverter.toPostbox(foreign);
        assertNull(converted.getJMSReplyTo());
        assertEquals(BodyType.NONE, converted.bodyType());
    }

    @Test
    void replyToWithANameWeDoNotAcceptIsDropped() throws JMSException {
        FakeMessage foreign = new FakeMessage();
        foreign.setJMSReplyTo(new ForeignQueue("bad name with spaces"));
        assertNull(ForeignMessageConverter.toPostbox(foreign).getJMSReplyTo());
    }

    @Test
    void byteCorrelationIdIsCopiedWhenThereIsNoStringOne() throws JMSException {
        FakeMessage foreign = new FakeMessage();
        foreign.setJMSCorrelationIDAsBytes(new byte[] {1, 2, (byte) 0xFF});
        assertArrayEquals(new byte[] {1, 2, (byte) 0xFF},
                ForeignMessageConverter.toPostbox(foreign).getJMSCorrelationIDAsBytes());
    }

    @Test
    void invalidForeignPropertyNameFailsWithMessageFormatException() {
        FakeMessage foreign = new FakeMessage();
        foreign.setStringProperty("not-an-identifier", "v");
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> ForeignMessageConverter.toPostbox(foreign));
        assertTrue(e.getMessage().contains("not-an-identifier"));
    }

    @Test
    void bytesBodyIsCopiedAndTheForeignMessageIsLeftReadableFromTheStart() throws JMSException {
        FakeBytesMessage foreign = new FakeBytesMessage();
        foreign.writeInt(1);
        foreign.writeInt(2);
        byte[] large = new byte[200_000];
        Arrays.fill(large, (byte) 3);
        foreign.writeBytes(large);
        PostboxBytesMessage converted = (PostboxBytesMessage) ForeignMessageConverter.toPostbox(foreign);
        assertEquals(2, foreign.resets);
        assertEquals(1, foreign.readInt());
        converted.reset();
        assertEquals(8 + large.length, converted.getBodyLength());
        assertEquals(1, converted.readInt());
        assertEquals(2, converted.readInt());
        assertEquals(3, converted.readByte());
    }

    @Test
    void emptyBytesBodyConvertsToAnEmptyBody() throws JMSException {
        PostboxBytesMessage converted = (PostboxBytesMessage) ForeignMessageConverter.toPostbox(new FakeBytesMessage());
        assertNull(converted.encodeBody());
    }

    @Test
    void streamBodyIsCopiedFieldByFieldAndTheForeignMessageIsReset() throws JMSException {
        FakeStreamMessage foreign = new FakeStreamMessage();
        List<Object> fields = new ArrayList<>(Arrays.asList(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s",
                new byte[] {7}, null));
        fields.forEach(foreign::writeObject);
        PostboxStreamMessage converted = (PostboxStreamMessage) ForeignMessageConverter.toPostbox(foreign);
        assertEquals(2, foreign.resets);
        assertEquals(true, foreign.readObject());
        converted.reset();
        for (Object expected : fields) {
            Object actual = converted.readObject();
            assertTrue(expected == null ? actual == null : ConversionTable.same(expected, actual));
        }
    }

    @Test
    void mapBodyIsCopiedEntryByEntry() throws JMSException {
        FakeMapMessage foreign = new FakeMapMessage();
        foreign.setChar("c", 'x');
        foreign.setBytes("b", new byte[] {1, 2});
        foreign.setString("s", null);
        foreign.setDouble("d", 1.5);
        PostboxMapMessage converted = (PostboxMapMessage) ForeignMessageConverter.toPostbox(foreign);
        assertEquals('x', converted.getChar("c"));
        assertArrayEquals(new byte[] {1, 2}, converted.getBytes("b"));
        assertTrue(converted.itemExists("s"));
        assertNull(converted.getString("s"));
        assertEquals(1.5, converted.getDouble("d"));
    }

    @Test
    void objectBodyIsSerializedAsASnapshot() throws JMSException {
        FakeObjectMessage foreign = new FakeObjectMessage();
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        foreign.setObject(list);
        PostboxObjectMessage converted = (PostboxObjectMessage) ForeignMessageConverter.toPostbox(foreign);
        list.add("b");
        assertEquals(List.of("a"), converted.getObject());
    }

    @Test
    void plainForeignMessageConvertsToAPlainMessage() throws JMSException {
        FakeMessage foreign = new FakeMessage();
        foreign.setIntProperty("n", 1);
        PostboxMessage converted = ForeignMessageConverter.toPostbox(foreign);
        assertEquals(BodyType.NONE, converted.bodyType());
        assertEquals(Map.of("n", 1), converted.properties());
    }

    @Test
    void sendHeadersAreWrittenBackOntoTheForeignMessage() throws JMSException {
        FakeTextMessage foreign = new FakeTextMessage();
        PostboxMessage sent = ForeignMessageConverter.toPostbox(foreign);
        PostboxQueue queue = new PostboxQueue("orders");
        sent.setJMSDestination(queue);
        sent.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        sent.setJMSExpiration(100L);
        sent.setJMSDeliveryTime(50L);
        sent.setJMSPriority(1);
        sent.setJMSMessageID("ID:postbox-1");
        sent.setJMSTimestamp(40L);
        ForeignMessageConverter.applySendHeaders(sent, foreign);
        assertSame(queue, foreign.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, foreign.getJMSDeliveryMode());
        assertEquals(100L, foreign.getJMSExpiration());
        assertEquals(50L, foreign.getJMSDeliveryTime());
        assertEquals(1, foreign.getJMSPriority());
        assertEquals("ID:postbox-1", foreign.getJMSMessageID());
        assertEquals(40L, foreign.getJMSTimestamp());
    }
}
