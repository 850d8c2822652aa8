package dev.postbox.jms.management;

import java.time.Instant;

/**
 * Why a message sits in a dead-letter (or expiry) queue.
 *
 * @param reason the failure of its last delivery ("expired" for expired messages)
 * @param origin the queue (or subscription) it came from; retry returns it there
 * @param deadLetteredAt when it was moved
 * @param attempts deliveries it had before
 */
public record DeadLetterDetails(String reason, String origin, Instant deadLetteredAt, int attempts) {
}
