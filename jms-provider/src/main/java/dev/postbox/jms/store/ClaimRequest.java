package dev.postbox.jms.store;

import java.time.Instant;

/**
 * Claim up to {@code max} available messages of a destination for a node.
 *
 * @param destinationId the queue or subscription
 * @param node the claiming node
 * @param max most messages to claim (at least 1)
 * @param now the claim time: messages visible at or before it and not expired at it are eligible
 */
public record ClaimRequest(long destinationId, String node, int max, Instant now) {

    /** Validates the arguments. */
    public ClaimRequest {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
    }
}
