package dev.postbox.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import java.io.Serializable;
import java.util.Objects;

/**
 * A message whose body is a serializable object. {@link #setObject} serializes at once (a snapshot: later
 * changes to the object do not affect the message) and {@link #getObject} deserializes a fresh copy on each
 * call, checked against the message's {@link DeserializationPolicy}. Stored as the serialized bytes.
 */
public class PostboxObjectMessage extends PostboxMessage implements ObjectMessage {

    private byte[] serialized;
    private DeserializationPolicy policy = DeserializationPolicy.DEFAULT;

    /** Creates an object message with no object. */
    public PostboxObjectMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.OBJECT;
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkWritableBody();
        serialized = ObjectBodyCodec.serialize(object);
    }

    /** A new copy of the object, or null; MessageFormatException when deserialization fails or is refused. */
    @Override
    public Serializable getObject() throws JMSException {
        return ObjectBodyCodec.deserialize(serialized, policy);
    }

    /** Sets the policy {@link #getObject} applies; the session sets the connection factory's. */
    public void setDeserializationPolicy(DeserializationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy {@link #getObject} applies. */
    public DeserializationPolicy deserializationPolicy() {
        return policy;
    }

    @Override
    public void clearBody() throws JMSException {
        serialized = null;
        super.clearBody();
    }

    /** A new copy of the object if it is an instance of {@code c}; null when there is no object. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Serializable object = getObject();
        if (object == null) {
            return null;
        }
        if (!c.isInstance(object)) {
            throw new MessageFormatException("An ObjectMessage body of class " + object.getClass().getName()
                    + " cannot be read as " + c.getName());
        }
        return c.cast(object);
    }

    /** True when there is no object, or it deserializes to an instance of {@code c}; false if deserialization fails. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        if (serialized == null) {
            return true;
        }
        try {
            return c.isInstance(getObject());
        } catch (JMSException e) {
            return false;
        }
    }

    @Override
    public byte[] encodeBody() {
        return serialized == null ? null : serialized.clone();
    }

    @Override
    public PostboxObjectMessage copy() throws JMSException {
        PostboxObjectMessage copy = (PostboxObjectMessage) super.copy();
        copy.setDeserializationPolicy(policy);
        return copy;
    }

    /** Restores the body from its stored form (not deserialized until read). */
    void decodeBody(byte[] body) {
        serialized = body == null || body.length == 0 ? null : body.clone();
    }
}
