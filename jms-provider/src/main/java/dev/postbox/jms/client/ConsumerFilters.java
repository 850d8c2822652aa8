package dev.postbox.jms.client;

import dev.postbox.jms.engine.MessageFilter;
import dev.postbox.jms.message.PropertyCodec;
import dev.postbox.jms.selector.Selector;
import dev.postbox.jms.selector.SelectorContext;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.StoredMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import java.util.Map;

/** Builds the engine filter of a consumer from its message selector and noLocal flag. */
public final class ConsumerFilters {

    private ConsumerFilters() {
    }

    /**
     * The filter for a selector (null/blank = none) and, for topics, noLocal.
     *
     * @throws InvalidSelectorException when the selector is not valid
     */
    public static MessageFilter of(String selectorText, boolean noLocal, String connectionId) throws InvalidSelectorException {
        Selector selector = Selector.parse(selectorText);
        if (selector.isMatchAll() && !noLocal) {
            return MessageFilter.ALL;
        }
        return message -> {
            if (noLocal && connectionId.equals(message.content().originConnection())) {
                return false;
            }
            return selector.isMatchAll() || selector.matches(new StoredMessageView(message));
        };
    }

    /** The selector's view of a stored message: header columns and lazily decoded properties. */
    static final class StoredMessageView implements SelectorContext {

        private final StoredMessage message;
        private Map<String, Object> properties;

        StoredMessageView(StoredMessage message) {
            this.message = message;
        }

        @Override
        public Object identifierValue(String identifier) {
            NewMessage m = message.content();
            return switch (identifier) {
                case "JMSDeliveryMode" -> m.deliveryMode() == DeliveryMode.PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT";
                case "JMSPriority" -> m.priority();
                case "JMSMessageID" -> m.messageId();
                case "JMSTimestamp" -> m.jmsTimestamp();
                case "JMSCorrelationID" -> m.correlationId();
                case "JMSType" -> m.type();
                case "JMSDeliveryTime" -> m.deliveryTime();
                case "JMSXDeliveryCount" -> message.deliveryCount() + 1;
                default -> properties().get(identifier);
            };
        }

        private Map<String, Object> properties() {
            if (properties == null) {
                properties = PropertyCodec.decode(message.content().properties());
            }
            return properties;
        }
    }
}
