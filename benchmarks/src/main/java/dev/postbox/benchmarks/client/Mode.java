package dev.postbox.benchmarks.client;

/**
 * How a sender or receiver makes its work durable.
 *
 * @param transacted {@code false}: every send is committed on its own (a non-transacted persistent send),
 *                   every receive is acknowledged on its own (blocking CLIENT_ACKNOWLEDGE);
 *                   {@code true}: a transacted session that the scenario commits every {@code batch} messages
 * @param batch      messages per commit; 1 when not transacted
 */
public record Mode(boolean transacted, int batch) {

    /** Each message committed or acknowledged on its own. */
    public static final Mode EACH = new Mode(false, 1);

    public Mode {
        if (batch < 1 || (!transacted && batch != 1)) {
            throw new IllegalArgumentException("batch " + batch + " for transacted=" + transacted);
        }
    }

    public static Mode transacted(int batch) {
        return new Mode(true, batch);
    }
}
