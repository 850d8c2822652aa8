package dev.postbox.benchmarks.scenario;

/**
 * One row of the result table.
 *
 * @param id    stable key used between the child JVM and the harness, e.g. {@code c4.p99}
 * @param label the row's text
 */
public record FigureSpec(String id, String label, Unit unit) {
}
