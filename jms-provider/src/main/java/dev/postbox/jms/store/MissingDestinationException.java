package dev.postbox.jms.store;

/**
 * A message was stored for a destination that no longer exists (deleted while its sender still held its id).
 * Nothing of the failed statement's transaction is kept.
 */
public class MissingDestinationException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final long destinationId;

    /** Creates the exception for the destination with this id. */
    public MissingDestinationException(long destinationId) {
        super("Destination " + destinationId + " no longer exists (it was deleted)", null);
        this.destinationId = destinationId;
    }

    /** The id of the destination that is gone. */
    public long destinationId() {
        return destinationId;
    }
}
