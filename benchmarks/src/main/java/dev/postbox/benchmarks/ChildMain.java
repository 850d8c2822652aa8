package dev.postbox.benchmarks;

import dev.postbox.benchmarks.report.ResultLine;
import dev.postbox.benchmarks.scenario.ChildTask;
import dev.postbox.benchmarks.scenario.FigureSpec;
import dev.postbox.benchmarks.scenario.Reporter;
import dev.postbox.benchmarks.scenario.Scenario;
import dev.postbox.benchmarks.scenario.ScenarioRun;
import dev.postbox.benchmarks.system.BenchmarkSystem;
import dev.postbox.benchmarks.system.SystemContext;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Entry point of a child JVM: {@code ChildMain <system> <task,task,…>}. Starts the system, warms up, runs
 * the tasks, stops the system. Results go to standard output as {@link ResultLine}s; everything else
 * (including anything a broker prints to {@code System.out}) goes to standard error.
 */
public final class ChildMain {

    private static final System.Logger LOG = System.getLogger(ChildMain.class.getName());

    private final HarnessConfig config;
    private final ChildReporter reporter;

    private ChildMain(HarnessConfig config, ChildReporter reporter) {
        this.config = config;
        this.reporter = reporter;
    }

    public static void main(String[] args) {
        PrintStream results = System.out;
        System.setOut(System.err);
        if (args.length != 2) {
            System.err.println("usage: ChildMain <system> <task,task,...>");
            System.exit(2);
        }
        List<ChildTask> tasks = Arrays.stream(args[1].split(",")).map(ChildTask::parse).toList();
        int status;
        try {
            status = new ChildMain(HarnessConfig.fromSystemProperties(), new ChildReporter(results))
                    .run(args[0], tasks);
        } catch (Throwable t) { // process boundary: report and exit non-zero
            LOG.log(ERROR, "child failed", t);
            status = 1;
        }
        System.exit(status); // brokers leave non-daemon threads behind
    }

    private int run(String name, List<ChildTask> tasks) throws Exception {
        BenchmarkSystem system;
        try {
            system = SystemCatalog.create(name);
        } catch (IllegalArgumentException e) {
            LOG.log(ERROR, "no system " + name, e);
            tasks.forEach(t -> notAvailable(t, e.getMessage()));
            return 1;
        }
        SystemContext context = new SystemContext(config.pg(), config.child().workDirectory(name),
                config.workload().payloadBytes());
        boolean keepState = tasks.stream().anyMatch(ChildTask::keepsState);
        long startCalled = System.nanoTime();
        try {
            system.start(context, keepState);
        } catch (Exception e) {
            LOG.log(ERROR, "start of " + name + " failed", e);
            tasks.forEach(t -> notAvailable(t, "start failed: " + summary(e)));
            system.stop();
            return 1;
        }
        LOG.log(INFO, "{0} started in {1} ms", name, (System.nanoTime() - startCalled) / 1_000_000);
        reporter.emit(new ResultLine.Description(system.description()));
        try {
            ScenarioRun run = new ScenarioRun(system, context, config.workload(), reporter, startCalled);
            ScenarioRun warmup = run.withWorkload(config.workload().forWarmup(), Reporter.DISCARD);
            for (ChildTask task : tasks) {
                if (task.warmsUp()) {
                    runTask(task, warmup);
                }
            }
            for (ChildTask task : tasks) {
                runTask(task, run);
            }
        } finally {
            system.stop();
        }
        return 0;
    }

    private void runTask(ChildTask task, ScenarioRun run) {
        boolean warmup = run.reporter() == Reporter.DISCARD;
        String what = (warmup ? "warm-up " : "") + task.key();
        Scenario scenario = task.create();
        long start = System.nanoTime();
        try {
            scenario.run(run);
            LOG.log(INFO, "{0} done in {1} ms", what, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            LOG.log(warmup ? WARNING : ERROR, what + " failed", e);
            if (!warmup) {
                notAvailable(task, summary(e));
            }
        } finally {
            if (scenario.purgeAfter()) {
                purge(run.system(), scenario.queue());
            }
        }
    }

    private static void purge(BenchmarkSystem system, String queue) {
        long start = System.nanoTime();
        try {
            system.purge(queue);
            LOG.log(INFO, "purged {0} in {1} ms", queue, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            // the next scenario uses another queue; a failed purge only leaves rows behind
            LOG.log(WARNING, "purge of " + queue + " failed", e);
        }
    }

    private void notAvailable(ChildTask task, String reason) {
        for (FigureSpec f : task.scenarioId().figures(config.workload())) {
            reporter.notAvailable(f.id(), reason);
        }
    }

    /** The root cause in one short line. */
    static String summary(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
