package dev.postbox.benchmarks;

import dev.postbox.benchmarks.report.ResultLine;
import dev.postbox.benchmarks.report.Results;
import dev.postbox.benchmarks.scenario.ChildTask;
import dev.postbox.benchmarks.scenario.FigureSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Starts one child JVM ({@link ChildMain}) with this JVM's class path, collects its {@link ResultLine}s into
 * the {@link Results}, and writes its log to {@code target/logs/}. A child that fails or times out leaves
 * its figures n/a with the reason.
 */
final class ChildLauncher {

    private static final System.Logger LOG = System.getLogger(ChildLauncher.class.getName());
    private static final String LOG_FORMAT = "%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n";

    private final HarnessConfig config;
    private final Optional<Path> nativeDirectory;
    private final Results results;

    ChildLauncher(HarnessConfig config, Optional<Path> nativeDirectory, Results results) {
        this.config = config;
        this.nativeDirectory = nativeDirectory;
        this.results = results;
    }

    void run(int round, String system, List<ChildTask> tasks) throws IOException, InterruptedException {
        String taskList = tasks.stream().map(ChildTask::key).collect(Collectors.joining(","));
        Path log = config.child().logDirectory().resolve("r" + round + "-" + system + "-" + taskList + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(command(system, taskList))
                .redirectError(config.child().verbose() ? ProcessBuilder.Redirect.INHERIT
                        : ProcessBuilder.Redirect.appendTo(log.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        List<ResultLine> lines = new ArrayList<>();
        Thread reader = new Thread(() -> read(process, lines), "child-output");
        reader.start();
        boolean finished = process.waitFor(config.child().timeout().toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join();
        synchronized (lines) {
            lines.forEach(line -> results.record(round, system, line));
            Files.writeString(log, lines.stream().map(ResultLine::encode).collect(Collectors.joining("\n", "", "\n")),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        boolean ok = finished && process.exitValue() == 0;
        String outcome = !finished ? "child JVM killed after " + config.child().timeout().toSeconds() + " s"
                : ok ? "not reported" : "child JVM exited with " + process.exitValue();
        markMissing(round, system, tasks, ok, outcome + " (see " + shown(log) + ")");
        LOG.log(ok ? INFO : WARNING, "round {0}: {1} {2} {3} in {4} s", round, system, taskList,
                finished ? "exit " + process.exitValue() : "killed",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    /**
     * Gives every figure the child should have reported, and did not, a reason. A child that ended well
     * and only prepares for the next one (d-fill) is not expected to report anything.
     */
    private void markMissing(int round, String system, List<ChildTask> tasks, boolean ok, String reason) {
        List<FigureSpec> figures = tasks.stream()
                .filter(t -> !ok || t.reportsFigures())
                .flatMap(t -> t.scenarioId().figures(config.workload()).stream())
                .distinct()
                .toList();
        results.missing(round, system, figures, reason);
    }

    /** The path relative to the working directory where it lies below it. */
    private static Path shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path) : path;
    }

    private List<String> command(String system, String taskList) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.child().jvmArgs());
        nativeDirectory.ifPresent(dir -> command.add("-Djava.library.path=" + dir));
        command.add("-Djava.util.logging.SimpleFormatter.format=" + LOG_FORMAT);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-D" + HarnessConfig.PREFIX + "targetDir=" + config.child().targetDirectory());
        for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
            String key = p.getKey().toString();
            if (key.startsWith(HarnessConfig.PREFIX) && !key.equals(HarnessConfig.PREFIX + "targetDir")) {
                command.add("-D" + key + "=" + p.getValue());
            }
        }
        command.add("-cp");
        command.add(classPath());
        command.add(ChildMain.class.getName());
        command.add(system);
        command.add(taskList);
        return command;
    }

    /** This JVM's class path, made absolute (a jar's manifest Class-Path then brings the rest). */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static void read(Process process, List<ResultLine> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                Optional<ResultLine> parsed = ResultLine.parse(line);
                if (parsed.isPresent()) {
                    synchronized (lines) {
                        lines.add(parsed.get());
                    }
                } else {
                    System.err.println(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
