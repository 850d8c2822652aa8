package dev.postbox.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written messages and destinations of an imaginary other provider, for the foreign message tests.
 * They implement what the converter uses; the rest throws {@link UnsupportedOperationException}.
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the converter");
    }

    /** A foreign queue. */
    record ForeignQueue(String getQueueName) implements Queue {
    }

    /** A foreign topic. */
    record ForeignTopic(String getTopicName) implements Topic {
    }

    /** A foreign temporary queue: cannot become a Postbox destination. */
    record ForeignTemporaryQueue(String getQueueName) implements TemporaryQueue {
        @Override
        public void delete() {
        }
    }

    /** A plain foreign message: headers and properties. */
    static class FakeMessage implements Message {
        String messageId;
        long timestamp;
        String correlationId;
        byte[] correlationIdBytes;
        Destination replyTo;
        Destination destination;
        int deliveryMode = 2;
        boolean redelivered;
        String type;
        long expiration;
        long deliveryTime;
        int priority = 4;
        final Map<String, Object> properties = new LinkedHashMap<>();

        @Override public String getJMSMessageID() { return messageId; }
        @Override public void setJMSMessageID(String id) { messageId = id; }
        @Override public long getJMSTimestamp() { return timestamp; }
        @Override public void setJMSTimestamp(long value) { timestamp = value; }
        @Override public byte[] getJMSCorrelationIDAsBytes() { return correlationIdBytes; }
        @Override public void setJMSCorrelationIDAsBytes(byte[] value) { correlationIdBytes = value; }
        @Override public void setJMSCorrelationID(String value) { correlationId = value; }
        @Override public String getJMSCorrelationID() { return correlationId; }
        @Override public Destination getJMSReplyTo() { return replyTo; }
        @Override public void setJMSReplyTo(Destination value) { replyTo = value; }
        @Override public Destination getJMSDestination() { return destination; }
        @Override public void setJMSDestination(Destination value) { destination = value; }
        @Override public int getJMSDeliveryMode() { return deliveryMode; }
        @Override public void setJMSDeliveryMode(int value) { deliveryMode = value; }
        @Override public boolean getJMSRedelivered() { return redelivered; }
        @Override public void setJMSRedelivered(boolean value) { redelivered = value; }
        @Override public String getJMSType() { return type; }
        @Override public void setJMSType(String value) { type = value; }
        @Override public long getJMSExpiration() { return expiration; }
        @Override public void setJMSExpiration(long value) { expiration = value; }
        @Override public long getJMSDeliveryTime() { return deliveryTime; }
        @Override public void setJMSDeliveryTime(long value) { deliveryTime = value; }
        @Override public int getJMSPriority() { return priority; }
        @Override public void setJMSPriority(int value) { priority = value; }

        @Override public void clearProperties() { properties.clear(); }
        @Override public boolean propertyExists(String name) { return properties.containsKey(name); }
        @Override public boolean getBooleanProperty(String name) { throw unused(); }
        @Override public byte getByteProperty(String name) { throw unused(); }
        @Override public short getShortProperty(String name) { throw unused(); }
        @Override public int getIntProperty(String name) { throw unused(); }
        @Override public long getLongProperty(String name) { throw unused(); }
        @Override public float getFloatProperty(String name) { throw unused(); }
        @Override public double getDoubleProperty(String name) { throw unused(); }
        @Override public String getStringProperty(String name) { throw unused(); }
        @Override public Object getObjectProperty(String name) { return properties.get(name); }
        @Override public Enumeration<String> getPropertyNames() { return Collections.enumeration(properties.keySet()); }
        @Override public void setBooleanProperty(String name, boolean value) { properties.put(name, value); }
        @Override public void setByteProperty(String name, byte value) { properties.put(name, value); }
        @Override public void setShortProperty(String name, short value) { properties.put(name, value); }
        @Override public void setIntProperty(String name, int value) { properties.put(name, value); }
        @Override public void setLongProperty(String name, long value) { properties.put(name, value); }
        @Override public void setFloatProperty(String name, float value) { properties.put(name, value); }
        @Override public void setDoubleProperty(String name, double value) { properties.put(name, value); }
        @Override public void setStringProperty(String name, String value) { properties.put(name, value); }
        @Override public void setObjectProperty(String name, Object value) { properties.put(name, value); }

        @Override public void acknowledge() { throw unused(); }
        @Override public void clearBody() { throw unused(); }
        @Override public <T> T getBody(Class<T> c) { throw unused(); }
        @Override @SuppressWarnings("rawtypes") public boolean isBodyAssignableTo(Class c) { throw unused(); }
    }

    /** A foreign text message. */
    static final class FakeTextMessage extends FakeMessage implements TextMessage {
        String text;

        @Override public void setText(String value) { text = value; }
        @Override public String getText() { return text; }
    }

    /** A foreign object message that keeps the object itself. */
    static final class FakeObjectMessage extends FakeMessage implements ObjectMessage {
        Serializable object;

        @Override public void setObject(Serializable value) { object = value; }
        @Override public Serializable getObject() { return object; }
    }

    /** A foreign map message. */
    static final class FakeMapMessage extends FakeMessage implements MapMessage {
        final Map<String, Object> entries = new LinkedHashMap<>();

        @Override public Object getObject(String name) {
            Object value = entries.get(name);
            return value instanceof byte[] b ? b.clone() : value;
        }
        @Override public Enumeration<String> getMapNames() { return Collections.enumeration(entries.keySet()); }
        @Override public void setObject(String name, Object value) { entries.put(name, value); }
        @Override public boolean itemExists(String name) { return entries.containsKey(name); }
        @Override public boolean getBoolean(String name) { throw unused(); }
        @Override public byte getByte(String name) { throw unused(); }
        @Override public short getShort(String name) { throw unused(); }
        @Override public char getChar(String name) { throw unused(); }
        @Override public int getInt(String name) { throw unused(); }
        @Override public long getLong(String name) { throw unused(); }
        @Override public float getFloat(String name) { throw unused(); }
        @Override public double getDouble(String name) { throw unused(); }
        @Override public String getString(String name) { throw unused(); }
        @Override public byte[] getBytes(String name) { throw unused(); }
        @Override public void setBoolean(String name, boolean value) { entries.put(name, value); }
        @Override public void setByte(String name, byte value) { entries.put(name, value); }
        @Override public void setShort(String name, short value) { entries.put(name, value); }
        @Override public void setChar(String name, char value) { entries.put(name, value); }
        @Override public void setInt(String name, int value) { entries.put(name, value); }
        @Override public void setLong(String name, long value) { entries.put(name, value); }
        @Override public void setFloat(String name, float value) { entries.put(name, value); }
        @Override public void setDouble(String name, double value) { entries.put(name, value); }
        @Override public void setString(String name, String value) { entries.put(name, value); }
        @Override public void setBytes(String name, byte[] value) { entries.put(name, value.clone()); }
        @Override public void setBytes(String name, byte[] value, int offset, int length) { throw unused(); }
    }

    /** A foreign stream message: fields in a list, read with readObject after reset. */
    static final class FakeStreamMessage extends FakeMessage implements StreamMessage {
        final List<Object> fields = new ArrayList<>();
        int position;
        int resets;

        @Override public void reset() {
            position = 0;
            resets++;
        }
        @Override public Object readObject() throws JMSException {
            if (position >= fields.size()) {
                throw new MessageEOFException("end");
            }
            return fields.get(position++);
        }
        @Override public void writeObject(Object value) { fields.add(value); }
        @Override public void writeBoolean(boolean value) { fields.add(value); }
        @Override public void writeByte(byte value) { fields.add(value); }
        @Override public void writeShort(short value) { fields.add(value); }
        @Override public void writeChar(char value) { fields.add(value); }
        @Override public void writeInt(int value) { fields.add(value); }
        @Override public void writeLong(long value) { fields.add(value); }
        @Override public void writeFloat(float value) { fields.add(value); }
        @Override public void writeDouble(double value) { fields.add(value); }
        @Override public void writeString(String value) { fields.add(value); }
        @Override public void writeBytes(byte[] value) { fields.add(value); }
        @Override public void writeBytes(byte[] value, int offset, int length) { throw unused(); }
        @Override public boolean readBoolean() { throw unused(); }
        @Override public byte readByte() { throw unused(); }
        @Override public short readShort() { throw unused(); }
        @Override public char readChar() { throw unused(); }
        @Override public int readInt() { throw unused(); }
        @Override public long readLong() { throw unused(); }
        @Override public float readFloat() { throw unused(); }
        @Override public double readDouble() { throw unused(); }
        @Override public String readString() { throw unused(); }
        @Override public int readBytes(byte[] value) { throw unused(); }
    }

    /** A foreign bytes message built on DataOutputStream / DataInputStream. */
    static final class FakeBytesMessage extends FakeMessage implements BytesMessage {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(written);
        private byte[] body = new byte[0];
        private DataInputStream in;
        int resets;

        @Override public void reset() {
            body = written.toByteArray();
            in = new DataInputStream(new ByteArrayInputStream(body));
            resets++;
        }
        @Override public long getBodyLength() { return body.length; }
        @Override public int readBytes(byte[] value) throws JMSException {
            try {
                return in.read(value);
            } catch (IOException e) {
                throw new JMSException(e.toString());
            }
        }
        @Override public int readInt() throws JMSException {
            try {
                return in.readInt();
            } catch (IOException e) {
                throw new MessageEOFException(e.toString());
            }
        }
        @Override public void writeInt(int value) throws JMSException {
            try {
                out.writeInt(value);
            } catch (IOException e) {
                throw new JMSException(e.toString());
            }
        }
        @Override public void writeBytes(byte[] value) {
            written.writeBytes(value);
        }
        @Override public boolean readBoolean() { throw unused(); }
        @Override public byte readByte() { throw unused(); }
        @Override public int readUnsignedByte() { throw unused(); }
        @Override public short readShort() { throw unused(); }
        @Override public int readUnsignedShort() { throw unused(); }
        @Override public char readChar() { throw unused(); }
        @Override public long readLong() { throw unused(); }
        @Override public float readFloat() { throw unused(); }
        @Override public double readDouble() { throw unused(); }
        @Override public String readUTF() { throw unused(); }
        @Override public int readBytes(byte[] value, int length) { throw unused(); }
        @Override public void writeBoolean(boolean value) { throw unused(); }
        @Override public void writeByte(byte value) { throw unused(); }
        @Override public void writeShort(short value) { throw unused(); }
        @Override public void writeChar(char value) { throw unused(); }
        @Override public void writeLong(long value) { throw unused(); }
        @Override public void writeFloat(float value) { throw unused(); }
        @Override public void writeDouble(double value) { throw unused(); }
        @Override public void writeUTF(String value) { throw unused(); }
        @Override public void writeBytes(byte[] value, int offset, int length) { throw unused(); }
        @Override public void writeObject(Object value) { throw unused(); }
    }
}
