package dev.postbox.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message whose body is a sequence of primitive values, written in write mode and read back in order
 * after {@link #reset()}. Conversions follow table 3-7 of the specification (see {@link PropertyValues}).
 * A read that throws (conversion refused, String that does not parse, null read as a primitive) leaves
 * the read position on the same field, so it can be read again as another type.
 */
public class PostboxStreamMessage extends PostboxMessage implements StreamMessage {

    /** No byte[] field is partly read. */
    private static final int NOT_IN_BYTES = -1;

    private final List<Object> values = new ArrayList<>();
    private int index;
    /** How far the byte[] field at {@code index} has been read by readBytes, or {@link #NOT_IN_BYTES}. */
    private int bytesOffset = NOT_IN_BYTES;

    /** Creates an empty stream message in write mode. */
    public PostboxStreamMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.STREAM;
    }

    // ----- reading -----

    @Override
    public boolean readBoolean() throws JMSException {
        boolean value = PropertyValues.toBoolean(current());
        index++;
        return value;
    }

    @Override
    public byte readByte() throws JMSException {
        byte value = PropertyValues.toByte(current());
        index++;
        return value;
    }

    @Override
    public short readShort() throws JMSException {
        short value = PropertyValues.toShort(current());
        index++;
        return value;
    }

    @Override
    public char readChar() throws JMSException {
        char value = PropertyValues.toChar(current());
        index++;
        return value;
    }

    @Override
    public int readInt() throws JMSException {
        int value = PropertyValues.toInt(current());
        index++;
        return value;
    }

    @Override
    public long readLong() throws JMSException {
        long value = PropertyValues.toLong(current());
        index++;
        return value;
    }

    @Override
    public float readFloat() throws JMSException {
        float value = PropertyValues.toFloat(current());
        index++;
        return value;
    }

    @Override
    public double readDouble() throws JMSException {
        double value = PropertyValues.toDouble(current());
        index++;
        return value;
    }

    @Override
    public String readString() throws JMSException {
        String value = PropertyValues.toBodyString(current());
        index++;
        return value;
    }

    /**
     * Reads the next part of a byte[] field: fills the buffer while bytes remain, returns fewer than its
     * length for the last part (the field is then done), and -1 once an exactly-filled field has nothing
     * left. A null field returns -1, an empty one 0. Other fields throw {@link MessageFormatException}.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        checkReadableBody();
        if (bytesOffset == NOT_IN_BYTES) {
            Object field = fieldAt(index);
            if (field == null || (field instanceof byte[] b && b.length == 0)) {
                index++;
                return field == null ? -1 : 0;
            }
            if (!(field instanceof byte[])) {
                throw PropertyValues.cannotConvert(field, "byte[]");
            }
            bytesOffset = 0;
        }
        byte[] field = (byte[]) values.get(index);
        int remaining = field.length - bytesOffset;
        if (remaining == 0) {
            finishField();
            return -1;
        }
        int count = Math.min(value.length, remaining);
        System.arraycopy(field, bytesOffset, value, 0, count);
        bytesOffset += count;
        if (count < value.length) {
            finishField();
        }
        return count;
    }

    /** The next field as an object; a byte[] field is returned as a new array. */
    @Override
    public Object readObject() throws JMSException {
        Object value = PropertyValues.copyOf(current());
        index++;
        return value;
    }

    // ----- writing -----

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        add(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        add(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        add(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        add(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        add(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        add(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        add(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        add(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        add(value);
    }

    /** Writes a copy of the array as one field; null writes a null field. */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        add(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        checkWritableBody();
        Objects.checkFromIndexSize(offset, length, value.length);
        values.add(Arrays.copyOfRange(value, offset, offset + length));
    }

    /** Accepts boxed primitives, Character, String, byte[] (copied) and null; other types throw MessageFormatException. */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkWritableBody();
        if (!PropertyValues.isValidBodyValueType(value)) {
            throw new MessageFormatException("A stream message cannot hold a " + value.getClass().getName());
        }
        values.add(PropertyValues.copyOf(value));
    }

    // ----- state -----

    /** Puts the body in read mode at its first field. */
    @Override
    public void reset() {
        setReadOnlyBody(true);
    }

    @Override
    public void clearBody() throws JMSException {
        values.clear();
        super.clearBody();
    }

    @Override
    protected void setReadOnlyBody(boolean readOnly) {
        super.setReadOnlyBody(readOnly);
        index = 0;
        bytesOffset = NOT_IN_BYTES;
    }

    /** A StreamMessage body cannot be returned: always throws {@link MessageFormatException}. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("getBody is not supported for a StreamMessage");
    }

    /** Always false for a StreamMessage. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    @Override
    public byte[] encodeBody() {
        return StreamBodyCodec.encode(values);
    }

    /** Restores the body from its stored form; the mode is unchanged (the receiver calls setReadOnly). */
    void decodeBody(byte[] body) throws JMSException {
        values.clear();
        values.addAll(StreamBodyCodec.decode(body));
        index = 0;
        bytesOffset = NOT_IN_BYTES;
    }

    /** The field to read next, finishing a byte[] field whose bytes were all read. */
    private Object current() throws JMSException {
        checkReadableBody();
        if (bytesOffset != NOT_IN_BYTES) {
            if (bytesOffset < ((byte[]) values.get(index)).length) {
                throw new MessageFormatException("The byte[] field is partly read: call readBytes until it "
                        + "returns less than the buffer length or -1 before reading the next field");
            }
            finishField();
        }
        return fieldAt(index);
    }

    private Object fieldAt(int position) throws MessageEOFException {
        if (position >= values.size()) {
            throw new MessageEOFException("Unexpected end of the stream message body");
        }
        return values.get(position);
    }

    private void finishField() {
        index++;
        bytesOffset = NOT_IN_BYTES;
    }

    private void add(Object value) throws JMSException {
        checkWritableBody();
        values.add(value);
    }
}
