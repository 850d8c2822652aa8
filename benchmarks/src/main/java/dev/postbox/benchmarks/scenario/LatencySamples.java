package dev.postbox.benchmarks.scenario;

import java.util.Arrays;

/** End-to-end latencies recorded by one consumer thread; merged after the threads have finished. */
final class LatencySamples {

    private long[] nanos = new long[1 << 14];
    private int size;

    void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    int size() {
        return size;
    }

    /** All samples of all parts, sorted. */
    static long[] sortedUnion(Iterable<LatencySamples> parts) {
        int total = 0;
        for (LatencySamples p : parts) {
            total += p.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencySamples p : parts) {
            System.arraycopy(p.nanos, 0, all, at, p.size);
            at += p.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
