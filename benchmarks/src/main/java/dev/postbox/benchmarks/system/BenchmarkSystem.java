package dev.postbox.benchmarks.system;

import dev.postbox.benchmarks.client.MessagingClient;

import java.util.Optional;

/**
 * One system under test, run inside a child JVM of its own. The harness calls, in order:
 * {@link #start}, then any number of {@link #prepareQueue}/{@link #client()}/{@link #purge} calls from the
 * scenarios, then {@link #stop()}. A system used through JMS implements {@link JmsBenchmarkSystem} instead,
 * which supplies {@link #client()}.
 *
 * <p>Implementations need a public no-argument constructor: the child JVM creates them by name through
 * {@code dev.postbox.benchmarks.SystemCatalog}, or by fully qualified class name.
 */
public interface BenchmarkSystem {

    /** Short name used on the command line and as the table's column head, e.g. {@code artemis-jdbc}. */
    String name();

    /**
     * What ran, one line, e.g. "ActiveMQ Artemis 2.56.0 embedded, file journal=AIO". Called after
     * {@link #start}, so it can state what the system actually chose (a journal that fell back, a version).
     */
    String description();

    /**
     * Starts the system. With {@code keepState == false} it first empties everything it owns (drops and
     * recreates its database, deletes its directories under {@link SystemContext#workDirectory()}); with
     * {@code true} it starts on the state a previous JVM left behind (used for the backlog start-up test).
     */
    void start(SystemContext context, boolean keepState) throws Exception;

    /** The scenario driver for this system; valid between {@link #start} and {@link #stop()}. */
    MessagingClient client();

    /** Makes sure a durable queue of that name exists; called before a scenario uses it. */
    default void prepareQueue(String queue) throws Exception {
        // most systems create queues on first use
    }

    /** Removes every message left in the queue (after a scenario, so the next one starts empty). */
    void purge(String queue) throws Exception;

    /** Stops the system and releases its resources; its persistent state stays where it is. */
    void stop() throws Exception;

    /**
     * The PostgreSQL database this system keeps its state in, if any: the idle scenario counts the CPU time
     * of that database's backends.
     */
    Optional<String> database();
}
