package dev.postbox.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;

/** A message whose body is a String, stored as UTF-8. */
public class PostboxTextMessage extends PostboxMessage implements TextMessage {

    private String text;

    /** Creates an empty text message. */
    public PostboxTextMessage() {
    }

    /** Creates a text message with this body. */
    public PostboxTextMessage(String text) {
        this.text = text;
    }

    @Override
    public BodyType bodyType() {
        return BodyType.TEXT;
    }

    @Override
    public void setText(String string) throws JMSException {
        checkWritableBody();
        this.text = string;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        text = null;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (text == null) {
            return null;
        }
        if (!isBodyAssignableTo(c)) {
            throw new MessageFormatException("A TextMessage body cannot be read as " + c.getName());
        }
        return c.cast(text);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public boolean isBodyAssignableTo(Class c) {
        return text == null || c.isAssignableFrom(String.class);
    }

    @Override
    public byte[] encodeBody() {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Restores the body from its stored form. */
    void decodeBody(byte[] body) {
        this.text = body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
