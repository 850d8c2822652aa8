package dev.postbox.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message whose body is uninterpreted bytes, written in write mode and read back after {@link #reset()}.
 * Stored as the bytes themselves. A read that fails (end of body, malformed UTF) leaves the read position
 * where it was.
 */
public class PostboxBytesMessage extends PostboxMessage implements BytesMessage {

    private static final byte[] EMPTY = new byte[0];

    private byte[] data = EMPTY;
    private int length;
    private int position;

    /** Creates an empty bytes message in write mode. */
    public PostboxBytesMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.BYTES;
    }

    // ----- reading -----

    @Override
    public long getBodyLength() throws JMSException {
        checkReadableBody();
        return length;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return take(1)[0] != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        return take(1)[0];
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return take(1)[0] & 0xFF;
    }

    @Override
    public short readShort() throws JMSException {
        return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        byte[] b = take(2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    @Override
    public char readChar() throws JMSException {
        return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws JMSException {
        byte[] b = take(4);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    @Override
    public long readLong() throws JMSException {
        byte[] b = take(8);
        long value = 0;
        for (byte x : b) {
            value = (value << 8) | (x & 0xFF);
        }
        return value;
    }

    @Override
    public float readFloat() throws JMSException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws JMSException {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads a string in the modified UTF-8 of {@link java.io.DataInput#readUTF()}. */
    @Override
    public String readUTF() throws JMSException {
        checkReadableBody();
        ByteArrayInputStream source = new ByteArrayInputStream(data, position, length - position);
        try {
            String value = new DataInputStream(source).readUTF();
            position = length - source.available();
            return value;
        } catch (EOFException e) {
            throw linked(new MessageEOFException("Unexpected end of the bytes message body"), e);
        } catch (IOException e) {
            throw linked(new MessageFormatException("Malformed UTF string in the bytes message body"), e);
        }
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        checkReadableBody();
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is negative or larger than the array ("
                    + value.length + ")");
        }
        int remaining = this.length - position;
        if (remaining == 0) {
            return -1;
        }
        int count = Math.min(length, remaining);
        System.arraycopy(data, position, value, 0, count);
        position += count;
        return count;
    }

    // ----- writing -----

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        append(new byte[] {(byte) (value ? 1 : 0)}, 0, 1);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        append(new byte[] {value}, 0, 1);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        append(new byte[] {(byte) (value >>> 8), (byte) value}, 0, 2);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        append(new byte[] {(byte) (value >>> 8), (byte) value}, 0, 2);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        append(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}, 0, 4);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) value;
            value >>>= 8;
        }
        append(b, 0, 8);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        writeInt(Float.floatToIntBits(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        writeLong(Double.doubleToLongBits(value));
    }

    /** Writes the modified UTF-8 of {@link java.io.DataOutput#writeUTF(String)}; null throws NPE. */
    @Override
    public void writeUTF(String value) throws JMSException {
        checkWritableBody();
        Objects.requireNonNull(value, "A bytes message cannot hold a null string");
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(value.length() + 2);
        try (DataOutputStream out = new DataOutputStream(encoded)) {
            out.writeUTF(value);
        } catch (IOException e) {
            throw linked(new MessageFormatException("String too long for writeUTF: " + e.getMessage()), e);
        }
        byte[] bytes = encoded.toByteArray();
        append(bytes, 0, bytes.length);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        checkWritableBody();
        append(Objects.requireNonNull(value, "A bytes message cannot hold a null array"), 0, value.length);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        checkWritableBody();
        Objects.checkFromIndexSize(offset, length, value.length);
        append(value, offset, length);
    }

    /** Writes a boxed primitive, String (as UTF) or byte[]; null throws NPE, other types MessageFormatException. */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkWritableBody();
        Objects.requireNonNull(value, "A bytes message cannot hold a null value");
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("A bytes message cannot hold a " + value.getClass().getName());
        }
    }

    // ----- state -----

    /** Puts the body in read mode at its start. */
    @Override
    public void reset() {
        setReadOnlyBody(true);
    }

    @Override
    public void clearBody() throws JMSException {
        data = EMPTY;
        length = 0;
        super.clearBody();
    }

    @Override
    protected void setReadOnlyBody(boolean readOnly) {
        super.setReadOnlyBody(readOnly);
        position = 0;
    }

    /**
     * The whole body as a new array, whatever the read position or mode; null when the body is empty. Leaves
     * the mode and read position unchanged.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (length == 0) {
            return null;
        }
        if (!c.isAssignableFrom(byte[].class)) {
            throw new MessageFormatException("A BytesMessage body cannot be read as " + c.getName());
        }
        return c.cast(Arrays.copyOf(data, length));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public boolean isBodyAssignableTo(Class c) {
        return length == 0 || c.isAssignableFrom(byte[].class);
    }

    /** The bytes written so far (write mode) or the whole body (read mode), null when empty; state unchanged. */
    @Override
    public byte[] encodeBody() {
        return length == 0 ? null : Arrays.copyOf(data, length);
    }

    /** Restores the body from its stored form; the mode is unchanged (the receiver calls setReadOnly). */
    void decodeBody(byte[] body) {
        data = body == null ? EMPTY : body.clone();
        length = data.length;
        position = 0;
    }

    private byte[] take(int count) throws JMSException {
        checkReadableBody();
        if (length - position < count) {
            throw new MessageEOFException("Unexpected end of the bytes message body: " + count + " bytes needed, "
                    + (length - position) + " left");
        }
        byte[] bytes = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return bytes;
    }

    private void append(byte[] source, int offset, int count) throws JMSException {
        checkWritableBody();
        if (length + count > data.length) {
            data = Arrays.copyOf(data, Math.max(length + count, Math.max(32, data.length * 2)));
        }
        System.arraycopy(source, offset, data, length, count);
        length += count;
    }

    static <E extends JMSException> E linked(E exception, Exception cause) {
        exception.initCause(cause);
        exception.setLinkedException(cause);
        return exception;
    }
}
