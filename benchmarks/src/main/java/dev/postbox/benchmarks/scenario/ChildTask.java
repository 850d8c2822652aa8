package dev.postbox.benchmarks.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** One piece of work a child JVM runs; most scenarios are one task, d is two (in two JVMs). */
public enum ChildTask {
    A1(ScenarioId.A1, () -> new SendScenario("a1", false)),
    A2(ScenarioId.A2, () -> new SendScenario("a2", true)),
    B1(ScenarioId.B1, () -> new DrainScenario("b1", false, Workload::drainMessages)),
    B2(ScenarioId.B2, () -> new DrainScenario("b2", true, Workload::batchDrainMessages)),
    C2(ScenarioId.C2, () -> new EndToEndScenario("c2", 2)),
    C4(ScenarioId.C4, () -> new EndToEndScenario("c4", 4)),
    D_FILL(ScenarioId.D, BacklogFillScenario::new),
    D_RESTART(ScenarioId.D, BacklogRestartScenario::new),
    E(ScenarioId.E, IdleConsumersScenario::new),
    F(ScenarioId.F, FanOutScenario::new);

    private final ScenarioId scenario;
    private final Supplier<Scenario> factory;

    ChildTask(ScenarioId scenario, Supplier<Scenario> factory) {
        this.scenario = scenario;
        this.factory = factory;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public ScenarioId scenarioId() {
        return scenario;
    }

    public Scenario create() {
        return factory.get();
    }

    /** Only the second half of d starts the system on the state the previous JVM left. */
    public boolean keepsState() {
        return this == D_RESTART;
    }

    /** Whether the task reports figures (d-fill only prepares the queue for d-restart). */
    public boolean reportsFigures() {
        return this != D_FILL;
    }

    /** Throughput scenarios get a warm-up run in the same JVM before they are measured. */
    public boolean warmsUp() {
        return !scenario.heavy();
    }

    /** The tasks that run scenario {@code id}, in order, each in a JVM of its own where heavy. */
    public static List<ChildTask> of(ScenarioId id) {
        return Arrays.stream(values()).filter(t -> t.scenario == id).toList();
    }

    public static ChildTask parse(String key) {
        return Arrays.stream(values())
                .filter(t -> t.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task " + key));
    }
}
