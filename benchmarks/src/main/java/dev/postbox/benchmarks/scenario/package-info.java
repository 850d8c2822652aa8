/**
 * The scenarios, written once against {@link dev.postbox.benchmarks.client.MessagingClient}, and the rows
 * they report. Depends on {@code client} and {@code system}.
 */
package dev.postbox.benchmarks.scenario;
