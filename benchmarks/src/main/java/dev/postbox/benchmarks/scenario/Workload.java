package dev.postbox.benchmarks.scenario;

import java.time.Duration;

/**
 * How much work each scenario does. Every measured phase stops at {@code phase} or at its message count,
 * whichever comes first, so slow systems are measured over the same time and fast ones over enough messages.
 *
 * @param payloadBytes       body size of every message
 * @param phase              time cap of one measured phase
 * @param messages           message cap of a send phase (a1, a2, c, the d rates)
 * @param drainMessages      messages put in the queue before b1
 * @param batchDrainMessages messages put in the queue before b2
 * @param batch              messages per transaction in a2, b2 and when filling queues
 * @param warmup             time cap of each scenario's warm-up run (same JVM, results discarded)
 * @param backlog            messages in the queue for d
 * @param idle               how long e's idle consumers are measured
 * @param idleConsumers      how many idle consumers e runs
 */
public record Workload(int payloadBytes, Duration phase, int messages, int drainMessages, int batchDrainMessages,
                       int batch, Duration warmup, int backlog, Duration idle, int idleConsumers) {

    private static final int WARMUP_MESSAGES = 2_000;

    /** The same scenarios, scaled down for warming up the JVM. */
    public Workload forWarmup() {
        return new Workload(payloadBytes, warmup, Math.min(messages, WARMUP_MESSAGES),
                Math.min(drainMessages, WARMUP_MESSAGES), Math.min(batchDrainMessages, WARMUP_MESSAGES),
                batch, warmup, backlog, idle, idleConsumers);
    }
}
