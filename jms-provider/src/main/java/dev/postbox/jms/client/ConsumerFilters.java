package dev.postbox.jms.client;

import dev.postbox.jms.engine.MessageFilter;
import dev.postbox.jms.engine.MessageView;
import dev.postbox.jms.selector.Selector;
import jakarta.jms.InvalidSelectorException;

/** Builds the engine filter of a consumer from its message selector and noLocal flag. */
public final class ConsumerFilters {

    private ConsumerFilters() {
    }

    /**
     * The filter for a selector (null/blank = none) and, for topics, noLocal.
     *
     * @throws InvalidSelectorException when the selector is not valid
     */
    public static MessageFilter of(String selectorText, boolean noLocal, String connectionIdentity) throws InvalidSelectorException {
        Selector selector = Selector.parse(selectorText);
        if (selector.isMatchAll() && !noLocal) {
            return MessageFilter.ALL;
        }
        return message -> {
            if (noLocal && connectionIdentity.equals(message.content().originConnection())) {
                return false;
            }
            return selector.isMatchAll() || selector.matches(new MessageView(message.content(), message.deliveryCount() + 1));
        };
    }
}
