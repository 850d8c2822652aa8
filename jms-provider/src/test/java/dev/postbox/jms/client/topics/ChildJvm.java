package dev.postbox.jms.client.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a test main with this JVM's class path. Its standard output is read line by line
 * (the child's protocol), its standard error goes to {@code target/child-jvms/<name>.log}, and commands
 * are written to its standard input. {@link #close()} always reaps it.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String END = "\u0000end-of-output";

    private final String name;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "child-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} in a new JVM with the arguments. */
    public static ChildJvm start(String name, Class<?> main, String... arguments) throws IOException {
        Path logs = Path.of("target", "child-jvms");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(logs.resolve(name + ".log").toFile()))
                .start();
        return new ChildJvm(name, process);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
                unread.add(line);
            }
        } catch (IOException e) {
            // The child was killed: its output simply ends.
        } finally {
            unread.add(END);
        }
    }

    /**
     * Waits for the next output line that matches, skipping others.
     *
     * @throws AssertionError when the child ends or the time runs out first
     */
    public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = unread.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || END.equals(line)) {
                if (line != null) {
                    unread.add(END);
                }
                throw new AssertionError("child " + name + (line == null ? " did not answer in " + timeout
                        : " ended") + " (see target/child-jvms/" + name + ".log); its output: " + output);
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Waits for a line starting with the prefix. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        return await(line -> line.startsWith(prefix), timeout);
    }

    /** Every output line so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Writes a command line to the child's standard input. */
    public void send(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("child " + name + " does not take commands", e);
        }
    }

    /** Kills the child with SIGKILL (no shutdown hooks run) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits until the child exits by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child " + name + " did not exit in " + timeout + "; its output: " + output);
        }
        return process.exitValue();
    }

    /** Kills the child if it is still running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
