package dev.postbox.benchmarks.client;

/**
 * Sends persistent messages to one queue. Used by one thread only, like a JMS session.
 */
public interface Sender extends AutoCloseable {

    /**
     * Sends one message. In {@link Mode#EACH} it is durable when this returns; in a transacted mode it
     * becomes durable at the next {@link #complete()}.
     *
     * @param sentNanos {@link System#nanoTime()} at the send, carried in the message for latency
     */
    void send(byte[] payload, long sentNanos) throws Exception;

    /** Commits the messages sent since the last call (transacted); does nothing in {@link Mode#EACH}. */
    void complete() throws Exception;

    @Override
    void close() throws Exception;
}
