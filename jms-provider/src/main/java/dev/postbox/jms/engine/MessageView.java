package dev.postbox.jms.engine;

import dev.postbox.jms.message.PropertyCodec;
import dev.postbox.jms.selector.SelectorContext;
import dev.postbox.jms.store.NewMessage;
import java.util.Map;

/** A selector's view of a stored message: header columns and lazily decoded properties. */
public final class MessageView implements SelectorContext {

    private static final int PERSISTENT = 2;

    private final NewMessage message;
    private final int deliveryCount;
    private Map<String, Object> properties;

    /**
     * A view of a message.
     *
     * @param deliveryCount the JMSXDeliveryCount its next delivery will have
     */
    public MessageView(NewMessage message, int deliveryCount) {
        this.message = message;
        this.deliveryCount = deliveryCount;
    }

    @Override
    public Object identifierValue(String identifier) {
        return switch (identifier) {
            case "JMSDeliveryMode" -> message.deliveryMode() == PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT";
            case "JMSPriority" -> message.priority();
            case "JMSMessageID" -> message.messageId();
            case "JMSTimestamp" -> message.jmsTimestamp();
            case "JMSCorrelationID" -> message.correlationId();
            case "JMSType" -> message.type();
            case "JMSDeliveryTime" -> message.deliveryTime();
            case "JMSXDeliveryCount" -> deliveryCount;
            default -> properties().get(identifier);
        };
    }

    private Map<String, Object> properties() {
        if (properties == null) {
            properties = PropertyCodec.decode(message.properties());
        }
        return properties;
    }
}
