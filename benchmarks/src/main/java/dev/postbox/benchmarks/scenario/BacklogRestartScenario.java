package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Receiver;
import dev.postbox.benchmarks.client.Sender;

import java.lang.management.ManagementFactory;

/**
 * d, second JVM: the system was started on the backlog the first JVM left. Measures the time from the
 * {@code start} call to the first message a new consumer receives, the heap in use after that (after a full
 * GC), then the receive rate (blocking CLIENT_ACKNOWLEDGE per message) and the send rate (each send
 * committed) with the backlog still in the queue.
 */
final class BacklogRestartScenario implements Scenario {

    private static final long FIRST_DELIVERY_TIMEOUT_MILLIS = 600_000;

    @Override
    public String queue() {
        return BacklogFillScenario.QUEUE;
    }

    @Override
    public boolean purgeAfter() {
        return false; // the next JVM starts the system fresh; purging a large backlog here would cost minutes
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        Workload w = run.workload();
        try (Receiver receiver = run.client().receiver(queue(), Mode.EACH)) {
            if (receiver.receive(FIRST_DELIVERY_TIMEOUT_MILLIS) == Receiver.NOTHING) {
                throw new IllegalStateException("no message delivered within "
                        + FIRST_DELIVERY_TIMEOUT_MILLIS / 1000 + " s of start-up");
            }
            long firstDelivery = System.nanoTime();
            receiver.complete();
            run.reporter().figure("d.startup", Rates.millis(firstDelivery - run.startCalledNanos()));
            run.reporter().figure("d.heap", usedHeapMegabytes());

            Deadline deadline = Deadline.after(w.phase());
            long start = System.nanoTime();
            int received = DrainScenario.drain(receiver, 1, Math.min(w.messages(), w.backlog() - 1), deadline);
            run.reporter().figure("d.receive", Rates.perSecond(received, System.nanoTime() - start));
        }
        try (Sender sender = run.client().sender(queue(), Mode.EACH)) {
            Deadline deadline = Deadline.after(w.phase());
            long start = System.nanoTime();
            int sent = SendScenario.sendFor(sender, run.payload(), 1, w.messages(), deadline);
            run.reporter().figure("d.send", Rates.perSecond(sent, System.nanoTime() - start));
        }
    }

    private static double usedHeapMegabytes() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
