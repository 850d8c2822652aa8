/**
 * raw-pg, the floor: a minimal table queue over plain JDBC implementing the scenario driver directly.
 * Depends on {@code client} and {@code system} only.
 */
package dev.postbox.benchmarks.rawpg;
