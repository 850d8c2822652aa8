package dev.postbox.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How child JVMs are run.
 *
 * @param jvmArgs         extra JVM options of every child (heap size)
 * @param timeout         a child still running after this is killed and its figures become n/a
 * @param targetDirectory the module's {@code target/}: work directories, logs, native library, results
 * @param verbose         echo the children's log output to the console, not only to the log files
 */
public record ChildSettings(List<String> jvmArgs, Duration timeout, Path targetDirectory, boolean verbose) {

    Path workDirectory(String system) {
        return targetDirectory.resolve("work").resolve(system);
    }

    Path logDirectory() {
        return targetDirectory.resolve("logs");
    }
}
