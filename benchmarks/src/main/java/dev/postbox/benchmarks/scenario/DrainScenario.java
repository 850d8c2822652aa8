package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Receiver;

import java.util.function.ToIntFunction;

/**
 * b1/b2: a queue is filled first (not measured), then one consumer drains it, acknowledging every message
 * with a blocking CLIENT_ACKNOWLEDGE (b1) or committing a transaction every batch (b2).
 */
final class DrainScenario implements Scenario {

    private static final System.Logger LOG = System.getLogger(DrainScenario.class.getName());
    private static final long RECEIVE_TIMEOUT_MILLIS = 10_000;

    private final String figureId;
    private final boolean transacted;
    private final ToIntFunction<Workload> prefill;

    DrainScenario(String figureId, boolean transacted, ToIntFunction<Workload> prefill) {
        this.figureId = figureId;
        this.transacted = transacted;
        this.prefill = prefill;
    }

    @Override
    public String queue() {
        return "bench_" + figureId;
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        Workload w = run.workload();
        int count = prefill.applyAsInt(w);
        run.system().prepareQueue(queue());
        QueueFiller.fill(run.client(), queue(), count, w.batch(), run.payload());
        Mode mode = transacted ? Mode.transacted(w.batch()) : Mode.EACH;
        try (Receiver receiver = run.client().receiver(queue(), mode)) {
            Deadline deadline = Deadline.after(w.phase());
            long start = System.nanoTime();
            int received = drain(receiver, mode.batch(), count, deadline);
            run.reporter().figure(figureId, Rates.perSecond(received, System.nanoTime() - start));
            if (received < count && !deadline.passed()) {
                LOG.log(System.Logger.Level.WARNING, "{0}: only {1} of {2} messages arrived", figureId, received,
                        count);
            }
        }
    }

    /** Receives whole batches until the count or the deadline; returns how many were completed. */
    static int drain(Receiver receiver, int batch, int max, Deadline deadline) throws Exception {
        int received = 0;
        while (received < max && !deadline.passed()) {
            int end = Math.min(max, received + batch);
            int before = received;
            while (received < end && receiver.receive(RECEIVE_TIMEOUT_MILLIS) != Receiver.NOTHING) {
                received++;
            }
            if (received > before) {
                receiver.complete();
            }
            if (received < end) {
                break; // the queue ran dry
            }
        }
        return received;
    }
}
