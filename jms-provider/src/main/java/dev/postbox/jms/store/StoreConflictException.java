package dev.postbox.jms.store;

/** A uniqueness rule was violated (the row exists already), typically by a concurrent creator. */
public class StoreConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
