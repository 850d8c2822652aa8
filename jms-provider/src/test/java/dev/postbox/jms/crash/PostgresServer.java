package dev.postbox.jms.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The local PostgreSQL cluster (127.0.0.1:5432), restarted through {@code pg_ctlcluster}. It is shared with
 * other test runs: restarts are kept short and {@link #ensureRunning()} always brings it back.
 */
final class PostgresServer {

    private PostgresServer() {
    }

    /** The cluster version, the one directory under /etc/postgresql. */
    static String version() {
        try (Stream<Path> versions = Files.list(Paths.get("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no cluster under /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /etc/postgresql", e);
        }
    }

    /** True when {@code pg_ctlcluster} can be used here (a local Debian cluster). */
    static boolean controllable() {
        return Files.isDirectory(Paths.get("/etc/postgresql")) && Files.isExecutable(Paths.get("/usr/bin/pg_ctlcluster"));
    }

    /** {@code pg_ctlcluster <version> main restart} (fast shutdown: open sessions are terminated). */
    static void restart() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "restart");
        awaitReady();
    }

    /** Starts the cluster when it does not answer, and waits until it accepts connections. */
    static void ensureRunning() {
        if (!ready()) {
            run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "start");
        }
        awaitReady();
    }

    static void awaitReady() {
        Awaitility.await("PostgreSQL accepting connections").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(PostgresServer::ready);
    }

    static boolean ready() {
        return run(List.of("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"), false) == 0;
    }

    private static void run(String... command) {
        int code = run(List.of(command), true);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
    }

    private static int run(List<String> command, boolean log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            if (log) {
                Files.createDirectories(ChildJvm.LOG_DIR);
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(ChildJvm.LOG_DIR.resolve("pg_ctlcluster.log").toFile()));
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
