package dev.postbox.benchmarks;

import dev.postbox.benchmarks.scenario.ScenarioId;
import dev.postbox.benchmarks.scenario.Workload;
import dev.postbox.benchmarks.system.PgServer;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's settings, all from {@code bench.*} system properties (the README lists them). The child
 * JVMs get the same properties and so the same configuration.
 */
public record HarnessConfig(RunPlan plan, Workload workload, PgServer pg, ChildSettings child, Path output) {

    static final String PREFIX = "bench.";

    public static HarnessConfig fromSystemProperties() {
        RunPlan plan = new RunPlan(
                list("systems", String.join(",", SystemCatalog.defaultNames())),
                list("scenarios", "a1,a2,b1,b2,c2,c4,d,e,f").stream().map(ScenarioId::parse).toList(),
                positive("rounds", 3),
                Integer.getInteger(PREFIX + "heavyRounds", 1));
        Workload workload = new Workload(
                positive("payloadBytes", 1024),
                Duration.ofMillis(Math.round(Double.parseDouble(string("seconds", "3")) * 1000)),
                positive("messages", 50_000),
                positive("drainMessages", 10_000),
                positive("batchDrainMessages", 30_000),
                positive("batch", 100),
                Duration.ofMillis(Math.round(Double.parseDouble(string("warmupSeconds", "0.5")) * 1000)),
                positive("backlog", 100_000),
                Duration.ofSeconds(positive("idleSeconds", 60)),
                positive("idleConsumers", 10));
        PgServer pg = new PgServer(
                string("pg.host", "127.0.0.1"),
                positive("pg.port", 5432),
                string("pg.user", "postgres"),
                string("pg.password", ""),
                string("pg.adminDatabase", "postgres"));
        Path target = Path.of(string("targetDir", defaultTargetDirectory().toString())).toAbsolutePath();
        ChildSettings child = new ChildSettings(
                Arrays.asList(string("jvmArgs", "-Xmx1g").trim().split("\\s+")),
                Duration.ofSeconds(positive("childTimeoutSeconds", 900)),
                target,
                Boolean.getBoolean(PREFIX + "verbose"));
        Path output = Path.of(string("output", target.resolve("results.md").toString()));
        return new HarnessConfig(plan, workload, pg, child, output);
    }

    /** The directory holding the running jar (or classes directory): the module's {@code target/}. */
    private static Path defaultTargetDirectory() {
        try {
            Path code = Path.of(HarnessConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent();
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("benchmarks", "target");
        }
    }

    private static String string(String name, String fallback) {
        return System.getProperty(PREFIX + name, fallback);
    }

    private static List<String> list(String name, String fallback) {
        return Arrays.stream(string(name, fallback).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static int positive(String name, int fallback) {
        int value = Integer.parseInt(string(name, Integer.toString(fallback)).replace("_", ""));
        if (value < 1) {
            throw new IllegalArgumentException(PREFIX + name + " must be at least 1, was " + value);
        }
        return value;
    }
}
