package dev.postbox.jms.store;

/** The database cannot be reached or refused the connection; the operation may succeed later. */
public class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
