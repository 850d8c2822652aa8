package dev.postbox.benchmarks.scenario;

/**
 * d, first JVM: fills the backlog queue and leaves it for the next JVM ({@link BacklogRestartScenario}).
 */
final class BacklogFillScenario implements Scenario {

    static final String QUEUE = "bench_d";

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public boolean purgeAfter() {
        return false;
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        run.system().prepareQueue(QUEUE);
        Workload w = run.workload();
        QueueFiller.fill(run.client(), QUEUE, w.backlog(), w.batch(), run.payload());
    }
}
