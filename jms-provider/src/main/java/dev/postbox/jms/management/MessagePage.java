package dev.postbox.jms.management;

import java.util.List;

/**
 * One page of a queue's messages in delivery order (priority descending, then arrival).
 *
 * @param messages the messages of the page
 * @param next the cursor of the next page ({@code after} argument), or null on the last page
 */
public record MessagePage(List<MessageInfo> messages, String next) {
}
