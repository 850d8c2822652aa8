package dev.postbox.jms.exception;

import dev.postbox.jms.engine.EngineException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;

/**
 * The one place where failures become Jakarta Messaging exceptions: {@link #create} for the classic API
 * and {@link #toRuntime} for {@code JMSContext}. Cause and linked exception are always set.
 */
public final class JmsExceptions {

    private JmsExceptions() {
    }

    /** Converts any failure into a {@link JMSException}; a JMSException passes through unchanged. */
    public static JMSException create(Throwable failure) {
        if (failure instanceof JMSException jms) {
            return jms;
        }
        if (failure instanceof EngineException engine) {
            return engine.toJMSException();
        }
        if (failure instanceof JMSRuntimeException runtime && runtime.getCause() instanceof JMSException jms) {
            return jms;
        }
        JMSException jms = new JMSException(failure.getMessage() != null ? failure.getMessage() : failure.toString());
        jms.initCause(failure);
        if (failure instanceof Exception e) {
            jms.setLinkedException(e);
        }
        return jms;
    }

    /** The {@code *RuntimeException} twin of a checked exception, with the checked one as cause. */
    public static JMSRuntimeException toRuntime(JMSException e) {
        String m = e.getMessage();
        String code = e.getErrorCode();
        JMSRuntimeException runtime;
        if (e instanceof IllegalStateException) {
            runtime = new IllegalStateRuntimeException(m, code, e);
        } else if (e instanceof InvalidClientIDException) {
            runtime = new InvalidClientIDRuntimeException(m, code, e);
        } else if (e instanceof InvalidDestinationException) {
            runtime = new InvalidDestinationRuntimeException(m, code, e);
        } else if (e instanceof InvalidSelectorException) {
            runtime = new InvalidSelectorRuntimeException(m, code, e);
        } else if (e instanceof JMSSecurityException) {
            runtime = new JMSSecurityRuntimeException(m, code, e);
        } else if (e instanceof MessageFormatException) {
            runtime = new MessageFormatRuntimeException(m, code, e);
        } else if (e instanceof MessageNotWriteableException) {
            runtime = new MessageNotWriteableRuntimeException(m, code, e);
        } else if (e instanceof ResourceAllocationException) {
            runtime = new ResourceAllocationRuntimeException(m, code, e);
        } else if (e instanceof TransactionInProgressException) {
            runtime = new TransactionInProgressRuntimeException(m, code, e);
        } else if (e instanceof TransactionRolledBackException) {
            runtime = new TransactionRolledBackRuntimeException(m, code, e);
        } else {
            runtime = new JMSRuntimeException(m, code, e);
        }
        return runtime;
    }

    /** Converts any failure into a {@link JMSRuntimeException}. */
    public static JMSRuntimeException runtime(Throwable failure) {
        if (failure instanceof JMSRuntimeException r) {
            return r;
        }
        return toRuntime(create(failure));
    }

    /** An {@link IllegalStateException} with a message. */
    public static IllegalStateException illegalState(String message) {
        return new IllegalStateException(message);
    }
}
