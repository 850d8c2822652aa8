package dev.postbox.jms.crash;

import java.util.ArrayList;
import java.util.List;

/** The child JVMs a test started; {@link #close()} (from {@code @AfterEach}) kills those still running. */
final class ChildJvms implements AutoCloseable {

    private final List<ChildJvm> started = new ArrayList<>();

    /** Starts a child JVM running {@code main}; it is killed at the latest by {@link #close()}. */
    synchronized ChildJvm start(String name, Class<?> main, List<String> args) {
        ChildJvm child = ChildJvm.start(name, main, args);
        started.add(child);
        return child;
    }

    @Override
    public synchronized void close() {
        for (ChildJvm child : started) {
            child.close();
        }
        started.clear();
    }
}
