package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Sender;

/** a1/a2: one producer sends as fast as it can, each send committed (a1) or in transactions (a2). */
final class SendScenario implements Scenario {

    private final String figureId;
    private final boolean transacted;

    SendScenario(String figureId, boolean transacted) {
        this.figureId = figureId;
        this.transacted = transacted;
    }

    @Override
    public String queue() {
        return "bench_" + figureId;
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        Workload w = run.workload();
        Mode mode = transacted ? Mode.transacted(w.batch()) : Mode.EACH;
        run.system().prepareQueue(queue());
        byte[] payload = run.payload();
        try (Sender sender = run.client().sender(queue(), mode)) {
            Deadline deadline = Deadline.after(w.phase());
            long start = System.nanoTime();
            int sent = sendFor(sender, payload, mode.batch(), w.messages(), deadline);
            run.reporter().figure(figureId, Rates.perSecond(sent, System.nanoTime() - start));
        }
    }

    /** Sends whole batches until the count or the deadline is reached; returns how many were committed. */
    static int sendFor(Sender sender, byte[] payload, int batch, int max, Deadline deadline) throws Exception {
        int sent = 0;
        while (sent < max && !deadline.passed()) {
            int end = Math.min(max, sent + batch);
            for (; sent < end; sent++) {
                sender.send(payload, System.nanoTime());
            }
            sender.complete();
        }
        return sent;
    }
}
