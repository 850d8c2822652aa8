package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Write and read modes, the DataOutput-compatible encoding, partial reads and end of body. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BytesMessageTest {

    private final PostboxBytesMessage message = new PostboxBytesMessage();

    @Test
    void everyTypeWrittenReadsBackAfterReset() throws JMSException {
        message.writeBoolean(true);
        message.writeByte((byte) -3);
        message.writeShort((short) -300);
        message.writeChar('é');
        message.writeInt(-70_000);
        message.writeLong(Long.MIN_VALUE + 1);
        message.writeFloat(1.25f);
        message.writeDouble(-2.5e300);
        message.writeUTF("héllo \u4e16");
        message.writeBytes(new byte[] {1, 2, 3});
        message.writeBytes(new byte[] {9, 4, 5, 9}, 1, 2);
        message.reset();
        assertTrue(message.readBoolean());
        assertEquals(-3, message.readByte());
        assertEquals(-300, message.readShort());
        assertEquals('é', message.readChar());
        assertEquals(-70_000, message.readInt());
        assertEquals(Long.MIN_VALUE + 1, message.readLong());
        assertEquals(1.25f, message.readFloat());
        assertEquals(-2.5e300, message.readDouble());
        assertEquals("héllo \u4e16", message.readUTF());
        byte[] rest = new byte[10];
        assertEquals(5, message.readBytes(rest));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, java.util.Arrays.copyOf(rest, 5));
        assertEquals(-1, message.readBytes(rest));
    }

    @Test
    void encodingMatchesDataOutputStream() throws JMSException, IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeBoolean(false);
        out.writeShort(513);
        out.writeChar('Z');
        out.writeInt(0x01020304);
        out.writeLong(0x0102030405060708L);
        out.writeFloat(3.5f);
        out.writeDouble(0.1);
        out.writeUTF("a\u0000b");
        message.writeBoolean(false);
        message.writeShort((short) 513);
        message.writeChar('Z');
        message.writeInt(0x01020304);
        message.writeLong(0x0102030405060708L);
        message.writeFloat(3.5f);
        message.writeDouble(0.1);
        message.writeUTF("a\u0000b");
        assertArrayEquals(expected.toByteArray(), message.encodeBody());
    }

    @Test
    void readUnsignedValues() throws JMSException {
        message.writeByte((byte) 0xFE);
        message.writeShort((short) 0xFFFE);
        message.reset();
        assertEquals(254, message.readUnsignedByte());
        assertEquals(65534, message.readUnsignedShort());
    }

    @Test
    void writeObjectWritesEachSupportedTypeLikeItsTypedWrite() throws JMSException {
        PostboxBytesMessage typed = new PostboxBytesMessage();
        typed.writeBoolean(true);
        typed.writeByte((byte) 1);
        typed.writeShort((short) 2);
        typed.writeChar('c');
        typed.writeInt(3);
        typed.writeLong(4L);
        typed.writeFloat(5f);
        typed.writeDouble(6d);
        typed.writeUTF("s");
        typed.writeBytes(new byte[] {7});
        for (Object value : List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s", new byte[] {7})) {
            message.writeObject(value);
        }
        assertArrayEquals(typed.encodeBody(), message.encodeBody());
    }

    @Test
    void writeObjectRejectsNullWithNpeAndOtherTypesWithMessageFormatException() {
        assertThrows(NullPointerException.class, () -> message.writeObject(null));
        assertThrows(MessageFormatException.class, () -> message.writeObject(new Object()));
        assertThrows(MessageFormatException.class, () -> message.writeObject(List.of(1)));
    }

    @Test
    void nullArraysAndStringsAreRefusedWithNpe() {
        assertThrows(NullPointerException.class, () -> message.writeBytes(null));
        assertThrows(NullPointerException.class, () -> message.writeBytes(null, 0, 0));
        assertThrows(NullPointerException.class, () -> message.writeUTF(null));
    }

    @Test
    void writeBytesWithOffsetChecksBounds() {
        assertThrows(IndexOutOfBoundsException.class, () -> message.writeBytes(new byte[3], 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> message.writeBytes(new byte[3], -1, 1));
    }

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
        assertThrows(MessageNotReadableException.class, message::getBodyLength);
        message.writeInt(2);
        message.reset();
        assertEquals(4, message.getBodyLength());
        assertEquals(2, message.readInt());
    }

    @Test
    void receivedMessageIsInReadModeAtTheStart() throws JMSException {
        message.writeInt(7);
        message.setReadOnly(true);
        assertEquals(7, message.readInt());
        assertThrows(MessageNotWriteableException.class, () -> message.writeInt(1));
        assertThrows(MessageNotWriteableException.class, () -> message.setIntProperty("p", 1));
    }

    @Test
    void bodyLengthIsTheWholeBodyWhateverThePosition() throws JMSException {
        message.writeLong(1L);
        message.reset();
        message.readInt();
        assertEquals(8, message.getBodyLength());
    }

    @Test
    void readPastTheEndThrowsEofAndLeavesThePositionAlone() throws JMSException {
        message.writeShort((short) 0x0102);
        message.reset();
        assertThrows(MessageEOFException.class, message::readInt);
        assertThrows(MessageEOFException.class, message::readLong);
        assertThrows(MessageEOFException.class, message::readDouble);
        assertEquals(0x0102, message.readShort());
        assertThrows(MessageEOFException.class, message::readByte);
        assertThrows(MessageEOFException.class, message::readBoolean);
        assertThrows(MessageEOFException.class, message::readUTF);
    }

    @Test
    void truncatedUtfThrowsEofWithoutMovingAndMalformedUtfThrowsFormatException() throws JMSException {
        message.writeShort((short) 10);
        message.writeByte((byte) 'a');
        message.reset();
        assertThrows(MessageEOFException.class, message::readUTF);
        assertEquals(10, message.readShort());
        message.clearBody();
        message.writeShort((short) 1);
        message.writeByte((byte) 0xC0);
        message.reset();
        assertThrows(MessageFormatException.class, message::readUTF);
        assertEquals(1, message.readShort());
    }

    @Test
    void readBytesFillsTheArrayThenReturnsTheRestThenMinusOne() throws JMSException {
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.reset();
        byte[] buffer = new byte[2];
        assertEquals(2, message.readBytes(buffer));
        assertArrayEquals(new byte[] {1, 2}, buffer);
        assertEquals(2, message.readBytes(buffer));
        assertArrayEquals(new byte[] {3, 4}, buffer);
        assertEquals(1, message.readBytes(buffer));
        assertEquals(5, buffer[0]);
        assertEquals(-1, message.readBytes(buffer));
    }

    @Test
    void readBytesWithLengthReadsAtMostLength() throws JMSException {
        message.writeBytes(new byte[] {1, 2, 3});
        message.reset();
        byte[] buffer = new byte[3];
        assertEquals(1, message.readBytes(buffer, 1));
        assertEquals(2, message.readBytes(buffer, 3));
        assertArrayEquals(new byte[] {2, 3, 0}, buffer);
        assertEquals(-1, message.readBytes(buffer, 3));
    }

    @Test
    void readBytesWithInvalidLengthThrowsAndReadsNothing() throws JMSException {
        message.writeByte((byte) 1);
        message.reset();
        assertThrows(IndexOutOfBoundsException.class, () -> message.readBytes(new byte[2], 3));
        assertThrows(IndexOutOfBoundsException.class, () -> message.readBytes(new byte[2], -1));
        assertEquals(1, message.readByte());
    }

    @Test
    void emptyBodyReadsMinusOneAndHasNoBody() throws JMSException {
        message.reset();
        assertEquals(0, message.getBodyLength());
        assertEquals(-1, message.readBytes(new byte[1]));
        assertNull(message.encodeBody());
        assertNull(message.getBody(byte[].class));
        assertTrue(message.isBodyAssignableTo(String.class));
    }

    @Test
    void getBodyReturnsTheWholeBodyWithoutMovingOrChangingMode() throws JMSException {
        message.writeInt(1);
        message.writeInt(2);
        assertArrayEquals(new byte[] {0, 0, 0, 1, 0, 0, 0, 2}, message.getBody(byte[].class));
        message.writeInt(3);
        message.reset();
        assertEquals(1, message.readInt());
        assertEquals(12, message.getBody(byte[].class).length);
        assertEquals(2, message.readInt());
        assertFalse(message.isBodyAssignableTo(String.class));
        assertThrows(MessageFormatException.class, () -> message.getBody(String.class));
    }

    @Test
    void encodeBodyDoesNotDisturbTheReadPosition() throws JMSException {
        message.writeInt(1);
        message.writeInt(2);
        message.reset();
        message.readInt();
        assertEquals(8, message.encodeBody().length);
        assertEquals(2, message.readInt());
    }

    @Test
    void largeBodyRoundTrips() throws JMSException {
        byte[] large = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(1).nextBytes(large);
        message.writeBytes(large);
        PostboxMessage decoded = MessageCodec.decode(BodyType.BYTES, message.encodeBody(), null);
        decoded.setReadOnly(true);
        byte[] read = new byte[large.length];
        assertEquals(large.length, ((PostboxBytesMessage) decoded).readBytes(read));
        assertArrayEquals(large, read);
    }

    private List<Executable> reads() {
        return List.of(message::getBodyLength, message::readBoolean, message::readByte, message::readUnsignedByte,
                message::readShort, message::readUnsignedShort, message::readChar, message::readInt,
                message::readLong, message::readFloat, message::readDouble, message::readUTF,
                () -> message.readBytes(new byte[1]), () -> message.readBytes(new byte[1], 1));
    }

    private List<Executable> writes() {
        return List.of(() -> message.writeBoolean(true), () -> message.writeByte((byte) 1),
                () -> message.writeShort((short) 1), () -> message.writeChar('c'), () -> message.writeInt(1),
                () -> message.writeLong(1L), () -> message.writeFloat(1f), () -> message.writeDouble(1d),
                () -> message.writeUTF("s"), () -> message.writeBytes(new byte[1]),
                () -> message.writeBytes(new byte[1], 0, 1), () -> message.writeObject(1));
    }
}
