/**
 * The benchmark harness: {@link dev.postbox.benchmarks.Benchmarks} (entry point, runs the rounds),
 * {@link dev.postbox.benchmarks.ChildMain} (entry point of each child JVM), the configuration and the
 * catalog of systems. Depends on every other package of the module.
 */
package dev.postbox.benchmarks;
