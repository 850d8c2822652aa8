package dev.postbox.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.Map;
import java.util.Objects;

/** Creates typed messages from their stored body and properties (formats in the package documentation). */
public final class MessageCodec {

    private MessageCodec() {
    }

    /**
     * Restores a message body and properties from storage, with the {@link DeserializationPolicy#DEFAULT}
     * policy for object bodies. See {@link #decode(BodyType, byte[], byte[], DeserializationPolicy)}.
     */
    public static PostboxMessage decode(BodyType bodyType, byte[] body, byte[] properties) throws JMSException {
        return decode(bodyType, body, properties, DeserializationPolicy.DEFAULT);
    }

    /**
     * Restores a message body and properties from storage. Headers are set by the caller, and so is the
     * read-only state: the message comes back writable, and a receiver calls
     * {@link PostboxMessage#setReadOnly(boolean) setReadOnly(true)}. An object body is not deserialized here,
     * only when read, under the given policy.
     *
     * @param bodyType the stored body type
     * @param body the stored body bytes, possibly null
     * @param properties the stored property bytes, possibly null
     * @param policy what an object body may deserialize
     * @throws MessageFormatException when the body or properties are not in a stored format
     */
    public static PostboxMessage decode(BodyType bodyType, byte[] body, byte[] properties,
            DeserializationPolicy policy) throws JMSException {
        Objects.requireNonNull(policy, "policy");
        PostboxMessage message = switch (bodyType) {
            case NONE -> new PostboxMessage();
            case TEXT -> decodeText(body);
            case BYTES -> decodeBytes(body);
            case MAP -> decodeMap(body);
            case STREAM -> decodeStream(body);
            case OBJECT -> decodeObject(body, policy);
        };
        Map<String, Object> decoded;
        try {
            decoded = PropertyCodec.decode(properties);
        } catch (IllegalArgumentException e) {
            MessageFormatException failure = new MessageFormatException(e.getMessage());
            failure.initCause(e);
            failure.setLinkedException(e);
            throw failure;
        }
        decoded.forEach(message::putProviderProperty);
        return message;
    }

    private static PostboxMessage decodeText(byte[] body) {
        PostboxTextMessage message = new PostboxTextMessage();
        message.decodeBody(body);
        return message;
    }

    private static PostboxMessage decodeBytes(byte[] body) {
        PostboxBytesMessage message = new PostboxBytesMessage();
        message.decodeBody(body);
        return message;
    }

    private static PostboxMessage decodeMap(byte[] body) throws JMSException {
        PostboxMapMessage message = new PostboxMapMessage();
        message.decodeBody(body);
        return message;
    }

    private static PostboxMessage decodeStream(byte[] body) throws JMSException {
        PostboxStreamMessage message = new PostboxStreamMessage();
        message.decodeBody(body);
        return message;
    }

    private static PostboxMessage decodeObject(byte[] body, DeserializationPolicy policy) {
        PostboxObjectMessage message = new PostboxObjectMessage();
        message.decodeBody(body);
        message.setDeserializationPolicy(policy);
        return message;
    }
}
