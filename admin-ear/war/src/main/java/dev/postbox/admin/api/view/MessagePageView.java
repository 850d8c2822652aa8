package dev.postbox.admin.api.view;

import dev.postbox.jms.management.MessagePage;
import java.util.List;

/**
 * A page of messages.
 *
 * @param messages the page
 * @param next the {@code after} value of the next page, or null on the last page
 */
public record MessagePageView(List<MessageView> messages, String next) {

    /** The view of a management page. */
    public static MessagePageView of(MessagePage page) {
        return new MessagePageView(page.messages().stream().map(MessageView::of).toList(), page.next());
    }
}
