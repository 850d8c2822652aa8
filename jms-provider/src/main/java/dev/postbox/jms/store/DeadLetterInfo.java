package dev.postbox.jms.store;

import java.time.Instant;

/**
 * Why and when a message was dead-lettered.
 *
 * @param reason the failure (exception class and message, "consumer lost", "expired", …)
 * @param originalDestination name of the destination it came from
 * @param deadLetteredAt when it was moved
 * @param attempts deliveries it had before (0 when it never was delivered, e.g. expired)
 */
public record DeadLetterInfo(String reason, String originalDestination, Instant deadLetteredAt, int attempts) {
}
