package dev.postbox.jms.store;

/**
 * A position in delivery order (priority descending, then id ascending).
 *
 * @param priority priority of the last message seen
 * @param id id of the last message seen
 */
public record ScanPosition(int priority, long id) {

    /** The position of a stored message. */
    public static ScanPosition of(StoredMessage message) {
        return new ScanPosition(message.content().priority(), message.id());
    }
}
