package dev.postbox.jms.management;

/** A management operation failed; the message says why in terms an operator understands. */
public class ManagementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ManagementException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception without cause. */
    public ManagementException(String message) {
        super(message);
    }
}
