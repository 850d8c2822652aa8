package dev.postbox.jms.client;

import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes messages to the message listeners of one session, one at a time on the session's serial
 * executor. A pass claims a message for each listening consumer in turn until none finds one; wake-up
 * signals of their destinations schedule the next pass, so an idle session holds no thread.
 */
final class ListenerDispatcher {

    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    private final PostboxSession session;
    private final SessionDelivery delivery;
    private final SerialExecutor executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Duration retryDelay = Duration.ofMillis(100);

    ListenerDispatcher(PostboxSession session, SessionDelivery delivery, SerialExecutor executor) {
        this.session = session;
        this.delivery = delivery;
        this.executor = executor;
    }

    /** Requests a delivery pass (coalesced: at most one is queued). */
    void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::pass);
        }
    }

    private void pass() {
        scheduled.set(false);
        boolean progress = true;
        while (progress && session.deliveryAllowed()) {
            progress = false;
            for (PostboxMessageConsumer consumer : session.listeningConsumers()) {
                if (!session.deliveryAllowed()) {
                    return;
                }
                try {
                    progress |= deliverOne(consumer);
                } catch (EngineException e) {
                    retryLater(e);
                    return;
                }
            }
        }
        retryDelay = Duration.ofMillis(100);
        session.connection().storeRecovered();
    }

    private boolean deliverOne(PostboxMessageConsumer consumer) {
        if (!consumer.hasListener()) {
            return false;
        }
        Delivery delivery = consumer.claimForListener();
        if (delivery == null) {
            return false;
        }
        this.delivery.deliverToListener(consumer, delivery);
        return true;
    }

    private void retryLater(EngineException failure) {
        session.connection().reportAsyncFailure(failure);
        Duration delay = retryDelay;
        retryDelay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
        session.connection().broker().scheduler().schedule(this::schedule, delay);
    }
}
