/**
 * What a system under test is ({@link dev.postbox.benchmarks.system.BenchmarkSystem},
 * {@link dev.postbox.benchmarks.system.JmsBenchmarkSystem}), what it gets to start with, and the catalog of
 * names. Depends on {@code client} only; the systems themselves live in packages of their own.
 */
package dev.postbox.benchmarks.system;
