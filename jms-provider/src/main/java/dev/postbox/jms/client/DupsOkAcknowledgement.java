package dev.postbox.jms.client;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.TaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DUPS_OK_ACKNOWLEDGE: acknowledgements are batched (by count or age) into one commit, trading possible
 * duplicates after a crash for fewer commits per message. A message counts as consumed once {@code receive}
 * or {@code onMessage} returned, so {@code recover()} behaves as in AUTO_ACKNOWLEDGE: it flushes the pending
 * acknowledgements and, called from a listener, redelivers that listener's current message.
 */
final class DupsOkAcknowledgement implements AcknowledgementPolicy {

    private final Broker broker;
    private final int batchSize;
    private final Duration batchDelay;
    private final Object lock = new Object();
    private List<Delivery> pending = new ArrayList<>(); // guarded by lock
    private TaskScheduler.Cancellable timer; // guarded by lock
    private Delivery inListener; // session thread only
    private boolean recoverRequested; // session thread only

    DupsOkAcknowledgement(Broker broker, int batchSize, Duration batchDelay) {
        this.broker = broker;
        this.batchSize = batchSize;
        this.batchDelay = batchDelay;
    }

    @Override
    public void received(Delivery delivery) {
        boolean flushNow;
        synchronized (lock) {
            pending.add(delivery);
            flushNow = pending.size() >= batchSize;
            if (!flushNow && timer == null) {
                timer = broker.scheduler().schedule(this::flushQuietly, batchDelay);
            }
        }
        if (flushNow) {
            flush();
        }
    }

    @Override
    public void beforeListener(Delivery delivery) {
        inListener = delivery;
        recoverRequested = false;
    }

    @Override
    public boolean redeliversAtOnceOnListenerFailure() {
        return true;
    }

    @Override
    public void afterListener(Delivery delivery, Throwable failure) {
        inListener = null;
        if (failure != null) {
            flush();
            broker.redeliver(List.of(delivery), Failures.describe(failure));
        } else if (recoverRequested) {
            broker.redeliver(List.of(delivery), null);
        } else {
            received(delivery);
        }
        recoverRequested = false;
    }

    @Override
    public List<Delivery> pendingAcknowledgements() {
        flush();
        Delivery current = inListener;
        return current == null ? List.of() : List.of(current);
    }

    @Override
    public void recover() {
        flush();
        if (inListener != null) {
            recoverRequested = true;
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void flush() {
        broker.acknowledgeEventually(take());
    }

    private List<Delivery> take() {
        synchronized (lock) {
            List<Delivery> batch = pending;
            pending = new ArrayList<>();
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            return batch;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Timer thread: the messages stay in flight and are redelivered (DUPS_OK allows duplicates).
            System.getLogger(DupsOkAcknowledgement.class.getName()).log(System.Logger.Level.WARNING,
                    "PBX-1051 Deferred DUPS_OK acknowledgement failed; messages may be redelivered: {0}",
                    e.getMessage());
        }
    }
}
