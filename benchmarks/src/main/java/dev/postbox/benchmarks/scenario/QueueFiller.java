package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.client.MessagingClient;
import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Sender;

/** Puts messages in a queue before a drain or backlog test, in transactions of {@code batch}. */
final class QueueFiller {

    private static final System.Logger LOG = System.getLogger(QueueFiller.class.getName());

    private QueueFiller() {
    }

    static void fill(MessagingClient client, String queue, int count, int batch, byte[] payload) throws Exception {
        long start = System.nanoTime();
        try (Sender sender = client.sender(queue, Mode.transacted(batch))) {
            for (int sent = 0; sent < count; ) {
                int end = Math.min(count, sent + batch);
                for (; sent < end; sent++) {
                    sender.send(payload, System.nanoTime());
                }
                sender.complete();
            }
        }
        LOG.log(System.Logger.Level.INFO, "filled {0} with {1} messages at {2}/s", queue, count,
                Math.round(Rates.perSecond(count, System.nanoTime() - start)));
    }
}
