package dev.postbox.benchmarks.scenario;

/**
 * One measured thing a child JVM does against a started system. It reports its figures through
 * {@link ScenarioRun#reporter()}, leaves no consumer or producer open, and may leave messages behind
 * (the child purges its queue afterwards).
 */
public interface Scenario {

    /** The queue it uses, unique per scenario so that leftovers never leak into the next one. */
    String queue();

    /** Whether the child purges {@link #queue()} after it ran (false where the next JVM starts fresh). */
    default boolean purgeAfter() {
        return true;
    }

    void run(ScenarioRun run) throws Exception;
}
