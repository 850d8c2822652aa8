/**
 * The small scenario-driver interface ({@link dev.postbox.benchmarks.client.MessagingClient},
 * {@link dev.postbox.benchmarks.client.Sender}, {@link dev.postbox.benchmarks.client.Receiver}) and its
 * implementation over the standard {@code jakarta.jms} API. Depends on nothing else in the harness.
 */
package dev.postbox.benchmarks.client;
