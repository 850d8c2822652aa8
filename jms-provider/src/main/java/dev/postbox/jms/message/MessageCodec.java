package dev.postbox.jms.message;

import jakarta.jms.JMSException;
import java.util.Map;

/** Creates typed messages from their stored body and properties. */
public final class MessageCodec {

    private MessageCodec() {
    }

    /**
     * Restores a message body and properties from storage. Headers are set by the caller.
     *
     * @param bodyType the stored body type
     * @param body the stored body bytes, possibly null
     * @param properties the stored property bytes, possibly null
     */
    public static PostboxMessage decode(BodyType bodyType, byte[] body, byte[] properties) throws JMSException {
        PostboxMessage message = switch (bodyType) {
            case NONE -> new PostboxMessage();
            case TEXT -> {
                PostboxTextMessage text = new PostboxTextMessage();
                text.decodeBody(body);
                yield text;
            }
            default -> throw new JMSException("Body type " + bodyType + " is not supported yet");
        };
        for (Map.Entry<String, Object> e : PropertyCodec.decode(properties).entrySet()) {
            message.putProviderProperty(e.getKey(), e.getValue());
        }
        return message;
    }
}
