package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.client.MessagingClient;
import dev.postbox.benchmarks.system.BenchmarkSystem;
import dev.postbox.benchmarks.system.SystemContext;

/**
 * Everything one scenario run gets.
 *
 * @param startCalledNanos {@link System#nanoTime()} just before {@link BenchmarkSystem#start} was called
 */
public record ScenarioRun(BenchmarkSystem system, SystemContext context, Workload workload, Reporter reporter,
                          long startCalledNanos) {

    public MessagingClient client() {
        return system.client();
    }

    /** The body every scenario sends: {@code payloadBytes} of fixed pseudo-random bytes. */
    public byte[] payload() {
        byte[] payload = new byte[workload.payloadBytes()];
        new java.util.Random(42).nextBytes(payload);
        return payload;
    }

    public ScenarioRun withWorkload(Workload other, Reporter otherReporter) {
        return new ScenarioRun(system, context, other, otherReporter, startCalledNanos);
    }
}
