package dev.postbox.jms.engine;

import jakarta.jms.JMSException;

/**
 * A failure of the delivery engine. Each subclass knows the Jakarta Messaging exception it becomes at
 * the facade ({@link #toJMSException()}); the base class becomes a plain {@link JMSException}.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an engine exception. */
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an engine exception without cause. */
    public EngineException(String message) {
        super(message);
    }

    /** The Jakarta Messaging exception to throw to the application, with this as cause and link. */
    public JMSException toJMSException() {
        return link(new JMSException(getMessage()));
    }

    /** Sets this as cause and linked exception of the given exception. */
    protected final <T extends JMSException> T link(T exception) {
        exception.initCause(this);
        exception.setLinkedException(this);
        return exception;
    }

    /** A destination name is invalid or the destination does not exist. */
    public static final class InvalidDestination extends EngineException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public InvalidDestination(String message) {
            super(message);
        }

        @Override
        public JMSException toJMSException() {
            return link(new jakarta.jms.InvalidDestinationException(getMessage()));
        }
    }

    /** The operation is not allowed in the current state. */
    public static final class IllegalState extends EngineException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public IllegalState(String message) {
            super(message);
        }

        @Override
        public JMSException toJMSException() {
            return link(new jakarta.jms.IllegalStateException(getMessage()));
        }
    }

    /** The store is not reachable; the operation did not happen and may be retried. */
    public static final class StoreUnavailable extends EngineException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A transaction could not commit and was rolled back. */
    public static final class RolledBack extends EngineException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public RolledBack(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public JMSException toJMSException() {
            return link(new jakarta.jms.TransactionRolledBackException(getMessage()));
        }
    }

    /** Credentials were refused. */
    public static final class Security extends EngineException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public Security(String message) {
            super(message);
        }

        @Override
        public JMSException toJMSException() {
            return link(new jakarta.jms.JMSSecurityException(getMessage()));
        }
    }
}
