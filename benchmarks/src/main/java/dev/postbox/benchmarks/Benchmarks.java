package dev.postbox.benchmarks;

import dev.postbox.benchmarks.report.MachineDescription;
import dev.postbox.benchmarks.report.ResultTable;
import dev.postbox.benchmarks.report.Results;
import dev.postbox.benchmarks.scenario.ChildTask;
import dev.postbox.benchmarks.scenario.FigureSpec;
import dev.postbox.benchmarks.scenario.ScenarioId;
import dev.postbox.benchmarks.scenario.Workload;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * The harness: runs every system in child JVMs of its own, interleaved over several rounds, and prints one
 * Markdown table of medians, ranges and ratios to the baseline (raw-pg) of the same round. See the module
 * README for the command and its {@code bench.*} properties.
 */
public final class Benchmarks {

    private static final System.Logger LOG = System.getLogger(Benchmarks.class.getName());

    private final HarnessConfig config;
    private final Results results = new Results();
    private final List<Double> loadAverages = new ArrayList<>(); // 1-minute load before each child JVM

    private Benchmarks(HarnessConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        }
        HarnessConfig config = HarnessConfig.fromSystemProperties();
        String report = new Benchmarks(config).run();
        System.out.println(report);
        Files.createDirectories(config.output().toAbsolutePath().getParent());
        Files.writeString(config.output(), report);
        LOG.log(INFO, "written to {0}", config.output());
    }

    private String run() throws Exception {
        long start = System.nanoTime();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path target = config.child().targetDirectory();
        MachineDescription machine = MachineDescription.probe(config.pg(), target);
        Optional<Path> nativeDir = NativeLibrary.extractArtemisNative(target.resolve("native"));
        ChildLauncher launcher = new ChildLauncher(config, nativeDir, results);
        RunPlan plan = config.plan();
        for (int round = 1; round <= plan.rounds(); round++) {
            for (String system : rotated(plan.systems(), round - 1)) {
                for (List<ChildTask> jvm : childJvms(round)) {
                    checkpoint();
                    loadAverages.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    launcher.run(round, system, jvm);
                }
            }
        }
        long minutes = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        return document(machine, started, minutes);
    }

    /** The child JVMs one system needs in a round: one for the throughput scenarios, one per heavy part. */
    private List<List<ChildTask>> childJvms(int round) {
        List<List<ChildTask>> jvms = new ArrayList<>();
        List<ChildTask> light = new ArrayList<>();
        for (ScenarioId id : config.plan().scenarios()) {
            if (!id.heavy()) {
                light.addAll(ChildTask.of(id));
            } else if (config.plan().heavyIn(round)) {
                ChildTask.of(id).forEach(task -> jvms.add(List.of(task)));
            }
        }
        if (!light.isEmpty()) {
            jvms.add(0, light);
        }
        return jvms;
    }

    /** Each round starts with another system, so none always runs first (or right after a checkpoint). */
    private static List<String> rotated(List<String> systems, int by) {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            order.add(systems.get((i + by) % systems.size()));
        }
        return order;
    }

    /** Every child starts with a clean WAL: nobody pays for the previous child's dirty pages. */
    private void checkpoint() {
        try (Connection c = config.pg().connectAdmin(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            LOG.log(WARNING, "CHECKPOINT failed (needs superuser): {0}", e.getMessage());
        }
    }

    private String document(MachineDescription machine, Instant started, long seconds) {
        RunPlan plan = config.plan();
        Workload w = config.workload();
        List<FigureSpec> rows = plan.scenarios().stream().flatMap(s -> s.figures(w).stream()).toList();
        ResultTable table = new ResultTable(plan.systems(), plan.systems().get(0), plan.rounds(), results);
        String tableText = table.markdown(rows);
        StringBuilder out = new StringBuilder();
        out.append("## Benchmark run of ").append(started).append(" (").append(seconds / 60).append(" min ")
                .append(seconds % 60).append(" s)\n\n");
        out.append("Command:\n\n```\n").append(command()).append("\n```\n\n");
        out.append("Machine:\n\n").append(machine.markdown()).append(loadText()).append('\n');
        out.append("Systems (each in a JVM of its own, ").append(String.join(" ", config.child().jvmArgs()))
                .append("):\n\n");
        for (String system : plan.systems()) {
            out.append("- **").append(system).append("**: ")
                    .append(results.description(system).orElse("(did not start)")).append('\n');
        }
        out.append('\n').append(workloadText(plan, w)).append("\n\n");
        out.append(tableText);
        out.append("\nCells: median over the rounds [min–max], then (ratio to ").append(plan.systems().get(0))
                .append(" measured in the same round, median [min–max]). Rates: higher is better; ms, MB and "
                        + "% of a core: lower is better.\n");
        return out.toString();
    }

    private String workloadText(RunPlan plan, Workload w) {
        return String.format(java.util.Locale.ROOT, "%d round(s), systems interleaved (order rotated each round); "
                        + "d, e and f in the first %d round(s) only. %,d-byte persistent BytesMessages; each measured "
                        + "phase stops after %.1f s or %,d messages; b1 drains %,d and b2 %,d pre-filled messages; "
                        + "batch %d; warm-up %.1f s per scenario; backlog %,d; %d idle consumers for %d s.",
                plan.rounds(), Math.min(plan.heavyRounds(), plan.rounds()), w.payloadBytes(),
                w.phase().toMillis() / 1000.0, w.messages(), w.drainMessages(), w.batchDrainMessages(), w.batch(),
                w.warmup().toMillis() / 1000.0, w.backlog(), w.idleConsumers(), w.idle().toSeconds());
    }

    /** Other processes share the machine; the load they added is part of the record. */
    private String loadText() {
        List<Double> loads = loadAverages.stream().filter(l -> l >= 0).sorted().toList();
        if (loads.isEmpty()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "- 1-minute load average before each child JVM: median %.2f, "
                + "min %.2f, max %.2f%n", loads.get(loads.size() / 2), loads.get(0), loads.get(loads.size() - 1));
    }

    /** How this run was started, for the record. */
    private static String command() {
        String props = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-D" + HarnessConfig.PREFIX))
                .collect(Collectors.joining(" "));
        return "mvn -B -q -pl benchmarks -am package -DskipTests && java " + (props.isEmpty() ? "" : props + " ")
                + "-jar benchmarks/target/benchmarks.jar";
    }
}
