package dev.postbox.benchmarks.scenario;

import java.time.Duration;

/** A point on the {@link System#nanoTime()} clock. */
record Deadline(long nanos) {

    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - nanos >= 0;
    }

    long remainingMillis() {
        return Math.max(0, (nanos - System.nanoTime()) / 1_000_000L);
    }
}
