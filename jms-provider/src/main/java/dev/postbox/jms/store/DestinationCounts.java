package dev.postbox.jms.store;

/**
 * Message counts of one destination.
 *
 * @param available deliverable now
 * @param inFlight claimed by a consumer, not yet acknowledged
 * @param delayed waiting for their delivery time or redelivery delay
 */
public record DestinationCounts(long available, long inFlight, long delayed) {

    /** No messages. */
    public static final DestinationCounts EMPTY = new DestinationCounts(0, 0, 0);

    /** All messages stored on the destination. */
    public long total() {
        return available + inFlight + delayed;
    }
}
