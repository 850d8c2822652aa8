package dev.postbox.jms.management;

import java.util.List;

/**
 * The outcome of returning dead letters to their origin queues.
 *
 * @param retried messages returned to their origin
 * @param skipped messages left where they are
 * @param notes why messages were skipped, one sentence each
 */
public record RetryResult(int retried, int skipped, List<String> notes) {
}
