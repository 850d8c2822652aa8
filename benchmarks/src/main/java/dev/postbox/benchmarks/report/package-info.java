/**
 * Results: the line protocol between child JVMs and the harness, their collection over rounds, and the
 * Markdown output. Depends on {@code scenario} (row definitions) and {@code system} (the database server).
 */
package dev.postbox.benchmarks.report;
