package dev.postbox.jms.management;

/**
 * A management operation failed; the message says why in terms an operator understands. The nested
 * subclasses tell callers (the REST API) what kind of failure it was.
 */
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

    /** The named queue, topic or message does not exist. */
    public static class NotFound extends ManagementException {

        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request itself is wrong (a bad name, a negative delay, …); repeating it cannot succeed. */
    public static class InvalidRequest extends ManagementException {

        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public InvalidRequest(String message) {
            super(message);
        }
    }

    /**
     * The current state forbids the operation (messages in flight, the queue exists already); it may
     * succeed later or when forced.
     */
    public static class Conflict extends ManagementException {

        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public Conflict(String message) {
            super(message);
        }
    }

    /** The store (database) or the broker cannot be reached; try again later. */
    public static class Unavailable extends ManagementException {

        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
