package dev.postbox.jms.message;

import dev.postbox.jms.PostboxDestination;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.Enumeration;

/**
 * Converts messages of other providers ("foreign" messages, Jakarta Messaging 3.1 section 3.12) into Postbox
 * messages for sending, and writes the send-time headers back onto them afterwards.
 *
 * <p>Every header and property is copied, except the {@code JMSX} properties a provider sets on receive
 * ({@code JMSXDeliveryCount}, {@code JMSXConsumerTXID}, {@code JMSXRcvTimestamp}): they describe the
 * foreign delivery, not the message being sent. A {@code JMSReplyTo} or {@code JMSDestination} that cannot be
 * turned into a Postbox destination (a foreign temporary destination, or a name Postbox does not accept)
 * is dropped, as the specification allows for foreign destinations, and logged at DEBUG.
 */
public final class ForeignMessageConverter {

    private static final System.Logger LOG = System.getLogger(ForeignMessageConverter.class.getName());

    private ForeignMessageConverter() {
    }

    /**
     * A Postbox copy of a message: the message itself when it is already a {@link PostboxMessage}, else a new
     * writable message of the matching body type with every header, property and the body copied. A Bytes
     * or Stream foreign message is reset to read it and reset again afterwards, so it stays readable from
     * the start.
     */
    public static PostboxMessage toPostbox(Message foreign) throws JMSException {
        if (foreign instanceof PostboxMessage own) {
            return own;
        }
        PostboxMessage converted = convertBody(foreign);
        copyHeaders(foreign, converted);
        copyProperties(foreign, converted);
        return converted;
    }

    /**
     * Sets on the foreign message the header fields the send method assigned to its Postbox copy
     * ({@code JMSDestination}, {@code JMSDeliveryMode}, {@code JMSExpiration}, {@code JMSDeliveryTime},
     * {@code JMSPriority}, {@code JMSMessageID}, {@code JMSTimestamp}), as {@code MessageProducer.send}
     * requires for a message whose implementation is not the provider's own.
     */
    public static void applySendHeaders(PostboxMessage sent, Message foreign) throws JMSException {
        foreign.setJMSDestination(sent.getJMSDestination());
        foreign.setJMSDeliveryMode(sent.getJMSDeliveryMode());
        foreign.setJMSExpiration(sent.getJMSExpiration());
        foreign.setJMSDeliveryTime(sent.getJMSDeliveryTime());
        foreign.setJMSPriority(sent.getJMSPriority());
        foreign.setJMSMessageID(sent.getJMSMessageID());
        foreign.setJMSTimestamp(sent.getJMSTimestamp());
    }

    private static PostboxMessage convertBody(Message foreign) throws JMSException {
        if (foreign instanceof BytesMessage bytes) {
            return convertBytes(bytes);
        }
        if (foreign instanceof MapMessage map) {
            return convertMap(map);
        }
        if (foreign instanceof StreamMessage stream) {
            return convertStream(stream);
        }
        if (foreign instanceof ObjectMessage object) {
            PostboxObjectMessage converted = new PostboxObjectMessage();
            converted.setObject(object.getObject());
            return converted;
        }
        if (foreign instanceof TextMessage text) {
            return new PostboxTextMessage(text.getText());
        }
        return new PostboxMessage();
    }

    private static PostboxMessage convertBytes(BytesMessage foreign) throws JMSException {
        PostboxBytesMessage converted = new PostboxBytesMessage();
        foreign.reset();
        byte[] buffer = new byte[(int) Math.min(Math.max(foreign.getBodyLength(), 1), 64 * 1024)];
        int count;
        while ((count = foreign.readBytes(buffer)) > 0) {
            converted.writeBytes(buffer, 0, count);
        }
        foreign.reset();
        return converted;
    }

    private static PostboxMessage convertMap(MapMessage foreign) throws JMSException {
        PostboxMapMessage converted = new PostboxMapMessage();
        Enumeration<?> names = foreign.getMapNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            converted.setObject(name, foreign.getObject(name));
        }
        return converted;
    }

    private static PostboxMessage convertStream(StreamMessage foreign) throws JMSException {
        PostboxStreamMessage converted = new PostboxStreamMessage();
        foreign.reset();
        while (true) {
            Object value;
            try {
                value = foreign.readObject();
            } catch (MessageEOFException end) {
                break;
            }
            converted.writeObject(value);
        }
        foreign.reset();
        return converted;
    }

    private static void copyHeaders(Message foreign, PostboxMessage converted) throws JMSException {
        String correlationId = foreign.getJMSCorrelationID();
        if (correlationId != null) {
            converted.setJMSCorrelationID(correlationId);
        } else {
            converted.setJMSCorrelationIDAsBytes(correlationIdBytes(foreign));
        }
        converted.setJMSType(foreign.getJMSType());
        converted.setJMSReplyTo(postboxDestination(foreign.getJMSReplyTo(), "JMSReplyTo"));
        converted.setJMSDestination(postboxDestination(foreign.getJMSDestination(), "JMSDestination"));
        converted.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        converted.setJMSPriority(foreign.getJMSPriority());
        converted.setJMSExpiration(foreign.getJMSExpiration());
        converted.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        converted.setJMSTimestamp(foreign.getJMSTimestamp());
        converted.setJMSMessageID(foreign.getJMSMessageID());
        converted.setJMSRedelivered(foreign.getJMSRedelivered());
    }

    private static byte[] correlationIdBytes(Message foreign) {
        try {
            return foreign.getJMSCorrelationIDAsBytes();
        } catch (JMSException | UnsupportedOperationException e) {
            // byte[] correlation IDs are optional (Message javadoc): a provider without them has none to copy
            return null;
        }
    }

    private static Destination postboxDestination(Destination destination, String header) {
        if (destination == null) {
            return null;
        }
        try {
            return PostboxDestination.of(destination);
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.DEBUG, "Dropping the {0} header {1} of a foreign message: {2}",
                    header, destination, e.getMessage());
            return null;
        }
    }

    private static void copyProperties(Message foreign, PostboxMessage converted) throws JMSException {
        Enumeration<?> names = foreign.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (PropertyNames.isSetOnReceive(name)) {
                continue;
            }
            try {
                converted.setObjectProperty(name, foreign.getObjectProperty(name));
            } catch (IllegalArgumentException e) {
                MessageFormatException failure = new MessageFormatException("The foreign message property \""
                        + name + "\" is not a valid Jakarta Messaging property name: " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
