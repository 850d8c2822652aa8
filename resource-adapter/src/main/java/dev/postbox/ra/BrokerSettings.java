package dev.postbox.ra;

import dev.postbox.jms.config.BrokerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the adapter's configuration properties and turns them into the broker's settings. Problems are
 * reported by the names the administrator sets ({@code nodeTimeoutMillis}, not the broker's
 * {@code nodeTimeout}), all at once.
 */
final class BrokerSettings {

    private BrokerSettings() {
    }

    /**
     * The broker settings of an adapter.
     *
     * @throws IllegalArgumentException naming every invalid property
     */
    static BrokerConfig of(PostboxResourceAdapter adapter) {
        List<String> problems = new ArrayList<>();
        Long heartbeat = positive(problems, "heartbeatIntervalMillis", adapter.getHeartbeatIntervalMillis());
        Long nodeTimeout = positive(problems, "nodeTimeoutMillis", adapter.getNodeTimeoutMillis());
        Long poll = positive(problems, "pollIntervalMillis", adapter.getPollIntervalMillis());
        if (heartbeat != null && nodeTimeout != null && nodeTimeout < 2 * heartbeat) {
            problems.add("nodeTimeoutMillis (" + nodeTimeout + ") must be at least twice heartbeatIntervalMillis ("
                    + heartbeat + ")");
        }
        Integer attempts = adapter.getMaxDeliveryAttempts();
        if (attempts == null || attempts < 0) {
            problems.add("maxDeliveryAttempts must be 0 (unlimited) or more, not " + attempts);
        }
        Long delay = notNegative(problems, "redeliveryDelayMillis", adapter.getRedeliveryDelayMillis());
        Long maxDelay = notNegative(problems, "maxRedeliveryDelayMillis", adapter.getMaxRedeliveryDelayMillis());
        Double multiplier = adapter.getRedeliveryMultiplier();
        if (multiplier == null || !(multiplier >= 1.0)) {
            problems.add("redeliveryMultiplier must be at least 1.0, not " + multiplier);
        }
        String suffix = adapter.getDeadLetterQueueSuffix();
        if (suffix == null || suffix.isEmpty()) {
            problems.add("deadLetterQueueSuffix must not be empty");
        }
        if (adapter.getAutoCreateDestinations() == null) {
            problems.add("autoCreateDestinations must be true or false, not null");
        }
        Long retention = positive(problems, "idempotencyRetentionMillis", adapter.getIdempotencyRetentionMillis());
        Long inactiveSubscriptions = notNegative(problems, "inactiveDurableSubscriptionTimeoutMillis",
                adapter.getInactiveDurableSubscriptionTimeoutMillis());
        if (adapter.getRequireAuthentication() == null) {
            problems.add("requireAuthentication must be true or false, not null");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return BrokerConfig.builder()
                .heartbeatInterval(Duration.ofMillis(heartbeat))
                .nodeTimeout(Duration.ofMillis(nodeTimeout))
                .pollInterval(Duration.ofMillis(poll))
                .maxDeliveryAttempts(attempts)
                .redeliveryDelay(Duration.ofMillis(delay))
                .redeliveryMultiplier(multiplier)
                .maxRedeliveryDelay(Duration.ofMillis(maxDelay))
                .deadLetterQueueSuffix(suffix)
                .expiryQueue(adapter.getExpiryQueue() == null ? "" : adapter.getExpiryQueue())
                .autoCreateDestinations(adapter.getAutoCreateDestinations())
                .requireAuthentication(adapter.getRequireAuthentication())
                .idempotencyRetention(Duration.ofMillis(retention))
                .inactiveDurableSubscriptionTimeout(Duration.ofMillis(inactiveSubscriptions))
                .build();
    }

    private static Long positive(List<String> problems, String property, Long millis) {
        if (millis == null || millis <= 0) {
            problems.add(property + " must be a positive number of milliseconds, not " + millis);
            return null;
        }
        return millis;
    }

    private static Long notNegative(List<String> problems, String property, Long millis) {
        if (millis == null || millis < 0) {
            problems.add(property + " must be 0 or more milliseconds, not " + millis);
            return null;
        }
        return millis;
    }
}
