package dev.postbox.jms.client;

import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.exception.JmsExceptions;
import jakarta.jms.JMSException;

/**
 * Runs a classic-API call for the simplified API: a checked {@link JMSException} becomes its
 * {@code *RuntimeException} twin through {@link JmsExceptions#toRuntime}, and an engine failure that escaped
 * the classic API becomes a runtime exception too.
 */
final class RuntimeTranslation {

    /** A classic-API call with a result. */
    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    /** A classic-API call without a result. */
    @FunctionalInterface
    interface JmsAction {
        void run() throws JMSException;
    }

    private RuntimeTranslation() {
    }

    static <T> T call(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        } catch (EngineException e) {
            throw JmsExceptions.runtime(e);
        }
    }

    static void run(JmsAction action) {
        try {
            action.run();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        } catch (EngineException e) {
            throw JmsExceptions.runtime(e);
        }
    }
}
