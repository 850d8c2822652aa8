package dev.postbox.ra.testing;

import dev.postbox.ra.testing.RecordingMessageEndpointFactory.Step;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.lang.reflect.Method;

/**
 * A message endpoint proxy as an EJB container makes one: when the factory is transacted,
 * {@code beforeDelivery} begins a fake transaction on the calling thread and {@code afterDelivery}
 * commits it, or rolls it back when {@code onMessage} threw or the bean marked it rollback-only. Every call
 * is recorded; calls that break the JCA protocol (afterDelivery without beforeDelivery, two
 * beforeDelivery in a row, anything after release) are recorded as violations and refused with
 * {@link IllegalStateException}, as a container refuses them.
 */
public final class RecordingEndpoint implements MessageEndpoint, MessageListener {

    private final RecordingMessageEndpointFactory factory;
    private final int number;
    private boolean inDelivery;
    private boolean onMessageFailed;
    private boolean released;

    RecordingEndpoint(RecordingMessageEndpointFactory factory, int number) {
        this.factory = factory;
        this.number = number;
    }

    @Override
    public void beforeDelivery(Method method) throws NoSuchMethodException, ResourceException {
        checkNotReleased("beforeDelivery");
        if (inDelivery) {
            factory.record(number, Step.BEFORE_DELIVERY, null, true);
            factory.violation("endpoint " + number + ": beforeDelivery twice without afterDelivery");
            throw new IllegalStateException("beforeDelivery and afterDelivery are not paired");
        }
        try {
            factory.maybeFail(Step.BEFORE_DELIVERY);
        } catch (Exception e) {
            factory.record(number, Step.BEFORE_DELIVERY, null, true);
            throw sneaky(e);
        }
        factory.record(number, Step.BEFORE_DELIVERY, null, false);
        if (factory.isTransacted()) {
            factory.registry().begin();
        }
        inDelivery = true;
        onMessageFailed = false;
    }

    @Override
    public void onMessage(Message message) {
        checkNotReleased("onMessage");
        String text = null;
        try {
            text = RecordingMessageEndpointFactory.textOf(message);
        } catch (JMSException e) {
            factory.violation("endpoint " + number + ": unreadable message " + e);
        }
        if (!inDelivery) {
            factory.violation("endpoint " + number + ": onMessage outside beforeDelivery/afterDelivery");
        }
        try {
            factory.deliver(message);
            if (factory.isTransacted() && factory.takeRollbackOnly()) {
                factory.registry().setRollbackOnly();
            }
            factory.maybeFail(Step.ON_MESSAGE);
            factory.record(number, Step.ON_MESSAGE, text, false);
        } catch (Exception e) {
            onMessageFailed = true;
            factory.record(number, Step.ON_MESSAGE, text, true);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @Override
    public void afterDelivery() throws ResourceException {
        checkNotReleased("afterDelivery");
        if (!inDelivery) {
            factory.record(number, Step.AFTER_DELIVERY, null, true);
            factory.violation("endpoint " + number + ": afterDelivery without a successful beforeDelivery");
            throw new IllegalStateException("beforeDelivery and afterDelivery are not paired");
        }
        inDelivery = false;
        Exception failure = null;
        try {
            factory.maybeFail(Step.AFTER_DELIVERY);
        } catch (Exception e) {
            failure = e;
        }
        if (factory.isTransacted()) {
            FakeTransactionSynchronizationRegistry registry = factory.registry();
            if (registry.current() == null) {
                factory.violation("endpoint " + number + ": the transaction begun in beforeDelivery is gone");
            } else if (failure != null || onMessageFailed || registry.getRollbackOnly()) {
                registry.rollback();
            } else {
                registry.commit();
            }
        }
        factory.record(number, Step.AFTER_DELIVERY, null, failure != null);
        if (failure != null) {
            throw sneaky(failure);
        }
    }

    @Override
    public void release() {
        factory.record(number, Step.RELEASE, null, false);
        if (released) {
            factory.violation("endpoint " + number + ": released twice");
        }
        if (inDelivery) {
            factory.violation("endpoint " + number + ": released between beforeDelivery and afterDelivery");
        }
        released = true;
    }

    private void checkNotReleased(String method) {
        if (released) {
            factory.violation("endpoint " + number + ": " + method + " after release");
            throw new IllegalStateException("the endpoint was released");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }

    @Override
    public String toString() {
        return "RecordingEndpoint#" + number;
    }
}
