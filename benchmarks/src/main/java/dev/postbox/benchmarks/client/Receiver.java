package dev.postbox.benchmarks.client;

/**
 * Receives messages from one queue. Used by one thread only, like a JMS session.
 */
public interface Receiver extends AutoCloseable {

    /** Returned by {@link #receive(long)} when no message arrived in time. */
    long NOTHING = Long.MIN_VALUE;

    /**
     * Waits up to {@code timeoutMillis} for the next message and reads its body.
     *
     * @return the sender's {@link System#nanoTime()} carried in the message, or {@link #NOTHING}
     */
    long receive(long timeoutMillis) throws Exception;

    /**
     * Makes the consumption of everything received since the last call durable: a blocking
     * acknowledgement in {@link Mode#EACH}, a commit in a transacted mode.
     */
    void complete() throws Exception;

    @Override
    void close() throws Exception;
}
