package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Write and read modes, byte[] fields read in parts, end of stream and copies in and out. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StreamMessageTest {

    private final PostboxStreamMessage message = new PostboxStreamMessage();

    @Test
    void writeModeRefusesEveryRead() {
        for (Executable read : reads()) {
            assertThrows(MessageNotReadableException.class, read);
        }
    }

    @Test
    void readModeRefusesEveryWriteUntilClearBody() throws JMSException {
        message.writeInt(1);
        message.reset();
        for (Executable write : writes()) {
            assertThrows(MessageNotWriteableException.class, write);
        }
        message.clearBody();
        message.writeInt(2);
        message.reset();
        assertEquals(2, message.readInt());
        assertThrows(MessageEOFException.class, message::readInt);
    }

    @Test
    void receivedMessageIsInReadModeAtTheFirstField() throws JMSException {
        message.writeString("a");
        message.writeString("b");
        message.setReadOnly(true);
        assertEquals("a", message.readString());
        message.reset();
        assertEquals("a", message.readString());
    }

    @Test
    void readingPastTheLastFieldThrowsEof() throws JMSException {
        message.writeBoolean(true);
        message.reset();
        message.readBoolean();
        for (Executable read : reads()) {
            assertThrows(MessageEOFException.class, read);
        }
    }

    @Test
    void byteArrayFieldIsReadInPartsUntilShortReadThenNextFieldFollows() throws JMSException {
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.writeInt(9);
        message.reset();
        byte[] buffer = new byte[2];
        assertEquals(2, message.readBytes(buffer));
        assertArrayEquals(new byte[] {1, 2}, buffer);
        assertEquals(2, message.readBytes(buffer));
        assertArrayEquals(new byte[] {3, 4}, buffer);
        assertEquals(1, message.readBytes(buffer));
        assertEquals(5, buffer[0]);
        assertEquals(9, message.readInt());
    }

    @Test
    void exactlyFilledBufferNeedsOneMoreCallReturningMinusOne() throws JMSException {
        message.writeBytes(new byte[] {1, 2, 3, 4});
        message.writeBytes(new byte[] {5});
        message.reset();
        byte[] buffer = new byte[2];
        assertEquals(2, message.readBytes(buffer));
        assertEquals(2, message.readBytes(buffer));
        assertEquals(-1, message.readBytes(buffer));
        assertEquals(1, message.readBytes(buffer));
        assertEquals(5, buffer[0]);
    }

    @Test
    void readingTheNextFieldInTheMiddleOfAByteArrayFieldIsRefused() throws JMSException {
        message.writeBytes(new byte[] {1, 2, 3});
        message.writeString("after");
        message.reset();
        message.readBytes(new byte[1]);
        assertThrows(MessageFormatException.class, message::readString);
        assertThrows(MessageFormatException.class, message::readObject);
        assertEquals(2, message.readBytes(new byte[5]));
        assertEquals("after", message.readString());
    }

    @Test
    void fullyReadByteArrayFieldLetsReadObjectReadTheNextField() throws JMSException {
        message.writeBytes(new byte[] {1, 2});
        message.writeBytes(new byte[] {3});
        message.reset();
        assertEquals(2, message.readBytes(new byte[2]));
        assertArrayEquals(new byte[] {3}, (byte[]) message.readObject());
        assertThrows(MessageEOFException.class, message::readObject);
    }

    @Test
    void emptyByteArrayFieldReadsZeroAndNullFieldReadsMinusOne() throws JMSException {
        message.writeBytes(new byte[0]);
        message.writeBytes(null);
        message.writeString("end");
        message.reset();
        assertEquals(0, message.readBytes(new byte[4]));
        assertEquals(-1, message.readBytes(new byte[4]));
        assertEquals("end", message.readString());
    }

    @Test
    void readBytesOfAnotherTypeIsRefusedWithoutAdvancing() throws JMSException {
        message.writeInt(3);
        message.reset();
        assertThrows(MessageFormatException.class, () -> message.readBytes(new byte[4]));
        assertEquals(3, message.readInt());
    }

    @Test
    void readObjectOfAByteArrayFieldReturnsACopy() throws JMSException {
        byte[] written = {1, 2};
        message.writeBytes(written);
        written[0] = 9;
        message.writeBytes(new byte[] {7, 8, 9}, 1, 2);
        message.reset();
        byte[] first = (byte[]) message.readObject();
        assertArrayEquals(new byte[] {1, 2}, first);
        first[1] = 0;
        assertArrayEquals(new byte[] {8, 9}, (byte[]) message.readObject());
        message.reset();
        assertArrayEquals(new byte[] {1, 2}, (byte[]) message.readObject());
    }

    @Test
    void writeObjectAcceptsNullAndPrimitivesAndRefusesOtherTypes() throws JMSException {
        message.writeObject(null);
        message.writeObject('c');
        assertThrows(MessageFormatException.class, () -> message.writeObject(new Object()));
        assertThrows(MessageFormatException.class, () -> message.writeObject(List.of()));
        message.writeString(null);
        message.reset();
        assertNull(message.readObject());
        assertEquals('c', message.readChar());
        assertNull(message.readString());
    }

    @Test
    void writeBytesWithOffsetChecksBounds() {
        assertThrows(IndexOutOfBoundsException.class, () -> message.writeBytes(new byte[2], 1, 2));
    }

    @Test
    void getBodyAlwaysFailsAndNothingIsAssignable() throws JMSException {
        assertThrows(MessageFormatException.class, () -> message.getBody(Object.class));
        assertFalse(message.isBodyAssignableTo(Object.class));
        message.writeInt(1);
        message.reset();
        assertThrows(MessageFormatException.class, () -> message.getBody(Object.class));
        assertFalse(message.isBodyAssignableTo(Object.class));
        assertEquals(1, message.readInt());
    }

    @Test
    void encodeBodyDoesNotDisturbTheReadPosition() throws JMSException {
        message.writeInt(1);
        message.writeInt(2);
        message.reset();
        message.readInt();
        PostboxStreamMessage decoded = (PostboxStreamMessage) MessageCodec.decode(BodyType.STREAM,
                message.encodeBody(), null);
        assertEquals(2, message.readInt());
        decoded.reset();
        assertEquals(1, decoded.readInt());
    }

    private List<Executable> reads() {
        return List.of(message::readBoolean, message::readByte, message::readShort, message::readChar,
                message::readInt, message::readLong, message::readFloat, message::readDouble,
                message::readString, message::readObject, () -> message.readBytes(new byte[1]));
    }

    private List<Executable> writes() {
        return List.of(() -> message.writeBoolean(true), () -> message.writeByte((byte) 1),
                () -> message.writeShort((short) 1), () -> message.writeChar('c'), () -> message.writeInt(1),
                () -> message.writeLong(1L), () -> message.writeFloat(1f), () -> message.writeDouble(1d),
                () -> message.writeString("s"), () -> message.writeBytes(new byte[1]),
                () -> message.writeBytes(new byte[1], 0, 1), () -> message.writeObject(1));
    }
}
