package dev.postbox.jms.crash;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code main} class of this package running in its own JVM: {@code java -cp <the test's class path>
 * <main> args…}. Its stdout lines are kept (with the test JVM's {@link System#nanoTime()} at arrival) and,
 * with its stderr, copied to {@code target/crash-logs/<name>.log}. It inherits nothing from the test JVM
 * but the class path and the logging configuration.
 */
final class ChildJvm implements AutoCloseable {

    /** A stdout line and when the test JVM read it. */
    record Line(long nanos, String text) {
    }

    static final Path LOG_DIR = Paths.get("target", "crash-logs");

    private final String name;
    private final Process process;
    private final Writer log;
    private final PrintWriter stdin;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new ArrayList<>(2);
    private volatile long killedAtNanos;

    private ChildJvm(String name, Process process, Writer log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        pumps.add(pump(process.getInputStream(), true));
        pumps.add(pump(process.getErrorStream(), false));
    }

    /** Starts {@code main} with the arguments; output goes to {@code target/crash-logs/<name>.log}. */
    static ChildJvm start(String name, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx192m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        try {
            Files.createDirectories(LOG_DIR);
            Writer log = Files.newBufferedWriter(LOG_DIR.resolve(name + ".log"), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(k -> k.startsWith("JAVA_TOOL_OPTIONS") || k.startsWith("JDK_JAVA_OPTIONS")
                    || k.startsWith("_JAVA_OPTIONS"));
            Process process = builder.start();
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start child JVM " + name + ": " + command, e);
        }
    }

    /** The test JVM's class path: Surefire's real one when it runs the tests through a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private Thread pump(InputStream stream, boolean stdout) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String text;
                while ((text = reader.readLine()) != null) {
                    long now = System.nanoTime();
                    if (stdout) {
                        lines.add(new Line(now, text));
                    }
                    writeLog((stdout ? "out " : "err ") + text);
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "child-" + name + (stdout ? "-out" : "-err"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void writeLog(String text) {
        synchronized (log) {
            try {
                log.write(text);
                log.write('\n');
                log.flush();
            } catch (IOException e) {
                // log closed
            }
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Every stdout line so far. */
    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The stdout lines starting with a prefix. */
    List<String> linesStartingWith(String prefix) {
        return lines.stream().map(Line::text).filter(t -> t.startsWith(prefix)).toList();
    }

    /** Waits for a stdout line; fails at once when the child exits without printing it. */
    Line awaitLine(Predicate<String> wanted, Duration timeout) {
        Line[] found = new Line[1];
        await("child " + name + " to print the expected line").atMost(timeout).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    for (Line line : lines) {
                        if (wanted.test(line.text())) {
                            found[0] = line;
                            return true;
                        }
                    }
                    if (!process.isAlive()) {
                        pumps.get(0).join(2_000);
                        for (Line line : lines) {
                            if (wanted.test(line.text())) {
                                found[0] = line;
                                return true;
                            }
                        }
                        throw new AssertionError("child " + name + " exited with " + process.exitValue()
                                + " before printing the expected line; see " + LOG_DIR.resolve(name + ".log"));
                    }
                    return false;
                });
        return found[0];
    }

    /** Waits until at least {@code count} stdout lines start with the prefix. */
    void awaitCount(String prefix, int count, Duration timeout) {
        await("child " + name + " to print " + count + " '" + prefix + "' lines").atMost(timeout)
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    long seen = lines.stream().filter(l -> l.text().startsWith(prefix)).count();
                    if (seen < count && !process.isAlive()) {
                        throw new AssertionError("child " + name + " exited with " + process.exitValue() + " after "
                                + seen + " '" + prefix + "' lines; see " + LOG_DIR.resolve(name + ".log"));
                    }
                    return seen >= count;
                });
    }

    /** Writes a command line to the child's stdin. */
    void send(String command) {
        stdin.println(command);
    }

    /**
     * Kills the child with SIGKILL ({@link Process#destroyForcibly()}; on Linux this is {@code kill -9}) and
     * waits until it is gone. Returns the test JVM's {@link System#nanoTime()} just before the signal.
     */
    long kill() {
        long now = System.nanoTime();
        killedAtNanos = now;
        process.destroyForcibly();
        waitGone();
        writeLog("=== killed with SIGKILL by the test");
        return now;
    }

    long killedAtNanos() {
        return killedAtNanos;
    }

    /** Waits for the child to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("child " + name + " did not exit within " + timeout);
            }
            for (Thread pump : pumps) {
                pump.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    private void waitGone() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + name + " survived SIGKILL");
            }
            for (Thread pump : pumps) {
                pump.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the child when it still runs (and every process it started) and closes its log. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
            waitGone();
        }
        stdin.close();
        synchronized (log) {
            try {
                log.close();
            } catch (IOException e) {
                // ignore
            }
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
