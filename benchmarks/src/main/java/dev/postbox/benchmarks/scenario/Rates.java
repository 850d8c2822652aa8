package dev.postbox.benchmarks.scenario;

/** Turning counts and nanoTime spans into figures. */
final class Rates {

    private Rates() {
    }

    static double perSecond(long count, long elapsedNanos) {
        return elapsedNanos <= 0 ? 0 : count * 1e9 / elapsedNanos;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
