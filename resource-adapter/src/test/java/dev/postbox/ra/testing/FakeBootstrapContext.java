package dev.postbox.ra.testing;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the server hands a resource adapter at start: a {@link FakeWorkManager}, real
 * {@link java.util.Timer}s (daemon threads, cancelled by {@link #close()}), no XA terminator and a
 * {@link FakeTransactionSynchronizationRegistry}.
 */
public final class FakeBootstrapContext implements BootstrapContext, AutoCloseable {

    private final FakeTransactionSynchronizationRegistry registry;
    private final FakeWorkManager workManager;
    private final List<Timer> timers = new CopyOnWriteArrayList<>();
    private volatile boolean timersUnavailable;

    /** A context with a 16-thread WorkManager. */
    public FakeBootstrapContext(FakeTransactionSynchronizationRegistry registry) {
        this(registry, 16);
    }

    /** A context with a WorkManager of {@code threads} threads. */
    public FakeBootstrapContext(FakeTransactionSynchronizationRegistry registry, int threads) {
        this.registry = registry;
        this.workManager = new FakeWorkManager(registry, threads);
    }

    @Override
    public FakeWorkManager getWorkManager() {
        return workManager;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() throws UnavailableException {
        if (timersUnavailable) {
            throw new UnavailableException("no timers on purpose");
        }
        Timer timer = new Timer("fake-bootstrap-timer-" + timers.size(), true);
        timers.add(timer);
        return timer;
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return registry;
    }

    /** The registry, typed for tests. */
    public FakeTransactionSynchronizationRegistry registry() {
        return registry;
    }

    /** Makes {@link #createTimer()} fail from now on. */
    public void makeTimersUnavailable() {
        this.timersUnavailable = true;
    }

    /** Timers handed out so far. */
    public List<Timer> timers() {
        return List.copyOf(timers);
    }

    /** Cancels every timer and stops the WorkManager's threads. */
    @Override
    public void close() throws InterruptedException {
        timers.forEach(Timer::cancel);
        workManager.shutdown();
    }
}
