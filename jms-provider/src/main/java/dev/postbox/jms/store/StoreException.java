package dev.postbox.jms.store;

/** A failure of the message store. Unchecked; the engine translates it at its boundary. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates a store exception. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates a store exception without cause. */
    public StoreException(String message) {
        super(message);
    }
}
