package dev.postbox.jms.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Broker-wide settings of one Postbox node (one JVM on one store). Immutable; build with
 * {@link #builder()}. Destinations may override the delivery policy (see
 * {@link dev.postbox.jms.store.DestinationPolicy}).
 *
 * @param heartbeatInterval how often the node renews its liveness row and looks for dead nodes
 * @param nodeTimeout after how long without heartbeat a node is dead and its in-flight messages return
 * @param pollInterval how often idle consumers re-check the store when no wake-up signal arrives
 * @param maxDeliveryAttempts deliveries of a message before it is dead-lettered (0 = unlimited)
 * @param redeliveryDelay delay before the first redelivery of a failed message
 * @param redeliveryMultiplier factor applied to the delay for each further redelivery
 * @param maxRedeliveryDelay upper bound of the redelivery delay
 * @param deadLetterQueueSuffix a queue's dead-letter queue is its name plus this suffix unless the queue
 *     names one
 * @param expiryQueue queue receiving expired messages; empty = expired messages are dropped
 * @param expiryScanInterval how often expired messages are removed
 * @param autoCreateDestinations whether {@code createQueue}/{@code createTopic} create missing destinations
 * @param idempotencyRetention how long an idempotency key is remembered (a resend with the same key within
 *     it is stored once)
 * @param inactiveDurableSubscriptionTimeout a durable subscription without any consumer for this long is
 *     removed with its messages; zero keeps durable subscriptions forever
 * @param requireAuthentication whether every connection must present a stored user's name and password (false: credentials are not checked)
 */
public record BrokerConfig(
        Duration heartbeatInterval,
        Duration nodeTimeout,
        Duration pollInterval,
        int maxDeliveryAttempts,
        Duration redeliveryDelay,
        double redeliveryMultiplier,
        Duration maxRedeliveryDelay,
        String deadLetterQueueSuffix,
        String expiryQueue,
        Duration expiryScanInterval,
        boolean autoCreateDestinations,
        Duration idempotencyRetention,
        Duration inactiveDurableSubscriptionTimeout,
        boolean requireAuthentication) {

    /** Default {@link #heartbeatInterval}. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(2);
    /** Default {@link #nodeTimeout}. */
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(15);
    /** Default {@link #pollInterval}. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** Default {@link #maxDeliveryAttempts}. */
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;
    /** Default {@link #redeliveryMultiplier}. */
    public static final double DEFAULT_REDELIVERY_MULTIPLIER = 2.0;
    /** Default {@link #maxRedeliveryDelay}. */
    public static final Duration DEFAULT_MAX_REDELIVERY_DELAY = Duration.ofMinutes(5);
    /** Default {@link #deadLetterQueueSuffix}. */
    public static final String DEFAULT_DEAD_LETTER_QUEUE_SUFFIX = ".DLQ";
    /** Default {@link #expiryScanInterval}. */
    public static final Duration DEFAULT_EXPIRY_SCAN_INTERVAL = Duration.ofSeconds(5);
    /** Default {@link #idempotencyRetention}. */
    public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(1);

    /** Validates the settings. */
    public BrokerConfig {
        requirePositive(heartbeatInterval, "heartbeatInterval");
        requirePositive(nodeTimeout, "nodeTimeout");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(expiryScanInterval, "expiryScanInterval");
        requirePositive(idempotencyRetention, "idempotencyRetention");
        Objects.requireNonNull(inactiveDurableSubscriptionTimeout, "inactiveDurableSubscriptionTimeout");
        if (inactiveDurableSubscriptionTimeout.isNegative()) {
            throw new IllegalArgumentException("inactiveDurableSubscriptionTimeout must not be negative");
        }
        Objects.requireNonNull(redeliveryDelay, "redeliveryDelay");
        Objects.requireNonNull(maxRedeliveryDelay, "maxRedeliveryDelay");
        Objects.requireNonNull(deadLetterQueueSuffix, "deadLetterQueueSuffix");
        Objects.requireNonNull(expiryQueue, "expiryQueue");
        if (nodeTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("nodeTimeout (" + nodeTimeout.toMillis()
                    + " ms) must be at least twice heartbeatInterval (" + heartbeatInterval.toMillis() + " ms)");
        }
        if (maxDeliveryAttempts < 0) {
            throw new IllegalArgumentException("maxDeliveryAttempts must not be negative: " + maxDeliveryAttempts);
        }
        if (redeliveryDelay.isNegative() || maxRedeliveryDelay.isNegative()) {
            throw new IllegalArgumentException("redelivery delays must not be negative");
        }
        if (!(redeliveryMultiplier >= 1.0)) {
            throw new IllegalArgumentException("redeliveryMultiplier must be at least 1.0: " + redeliveryMultiplier);
        }
        if (deadLetterQueueSuffix.isEmpty()) {
            throw new IllegalArgumentException("deadLetterQueueSuffix must not be empty");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value.toMillis() + " ms");
        }
    }

    /** The defaults. */
    public static BrokerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.heartbeatInterval = heartbeatInterval;
        b.nodeTimeout = nodeTimeout;
        b.pollInterval = pollInterval;
        b.maxDeliveryAttempts = maxDeliveryAttempts;
        b.redeliveryDelay = redeliveryDelay;
        b.redeliveryMultiplier = redeliveryMultiplier;
        b.maxRedeliveryDelay = maxRedeliveryDelay;
        b.deadLetterQueueSuffix = deadLetterQueueSuffix;
        b.expiryQueue = expiryQueue;
        b.expiryScanInterval = expiryScanInterval;
        b.autoCreateDestinations = autoCreateDestinations;
        b.idempotencyRetention = idempotencyRetention;
        b.inactiveDurableSubscriptionTimeout = inactiveDurableSubscriptionTimeout;
        b.requireAuthentication = requireAuthentication;
        return b;
    }

    /** Builds {@link BrokerConfig}s. */
    public static final class Builder {
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration nodeTimeout = DEFAULT_NODE_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private int maxDeliveryAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS;
        private Duration redeliveryDelay = Duration.ZERO;
        private double redeliveryMultiplier = DEFAULT_REDELIVERY_MULTIPLIER;
        private Duration maxRedeliveryDelay = DEFAULT_MAX_REDELIVERY_DELAY;
        private String deadLetterQueueSuffix = DEFAULT_DEAD_LETTER_QUEUE_SUFFIX;
        private String expiryQueue = "";
        private Duration expiryScanInterval = DEFAULT_EXPIRY_SCAN_INTERVAL;
        private boolean autoCreateDestinations = true;
        private Duration idempotencyRetention = DEFAULT_IDEMPOTENCY_RETENTION;
        private Duration inactiveDurableSubscriptionTimeout = Duration.ZERO;
        private boolean requireAuthentication;

        private Builder() {
        }

        /** Sets {@link BrokerConfig#heartbeatInterval}. */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = value;
            return this;
        }

        /** Sets {@link BrokerConfig#nodeTimeout}. */
        public Builder nodeTimeout(Duration value) {
            this.nodeTimeout = value;
            return this;
        }

        /** Sets {@link BrokerConfig#pollInterval}. */
        public Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        /** Sets {@link BrokerConfig#maxDeliveryAttempts}. */
        public Builder maxDeliveryAttempts(int value) {
            this.maxDeliveryAttempts = value;
            return this;
        }

        /** Sets {@link BrokerConfig#redeliveryDelay}. */
        public Builder redeliveryDelay(Duration value) {
            this.redeliveryDelay = value;
            return this;
        }

        /** Sets {@link BrokerConfig#redeliveryMultiplier}. */
        public Builder redeliveryMultiplier(double value) {
            this.redeliveryMultiplier = value;
            return this;
        }

        /** Sets {@link BrokerConfig#maxRedeliveryDelay}. */
        public Builder maxRedeliveryDelay(Duration value) {
            this.maxRedeliveryDelay = value;
            return this;
        }

        /** Sets {@link BrokerConfig#deadLetterQueueSuffix}. */
        public Builder deadLetterQueueSuffix(String value) {
            this.deadLetterQueueSuffix = value;
            return this;
        }

        /** Sets {@link BrokerConfig#expiryQueue}. */
        public Builder expiryQueue(String value) {
            this.expiryQueue = value;
            return this;
        }

        /** Sets {@link BrokerConfig#expiryScanInterval}. */
        public Builder expiryScanInterval(Duration value) {
            this.expiryScanInterval = value;
            return this;
        }

        /** Sets {@link BrokerConfig#autoCreateDestinations}. */
        public Builder autoCreateDestinations(boolean value) {
            this.autoCreateDestinations = value;
            return this;
        }

        /** Sets {@link BrokerConfig#idempotencyRetention}. */
        public Builder idempotencyRetention(Duration value) {
            this.idempotencyRetention = value;
            return this;
        }

        /** Sets {@link BrokerConfig#inactiveDurableSubscriptionTimeout}. */
        public Builder inactiveDurableSubscriptionTimeout(Duration value) {
            this.inactiveDurableSubscriptionTimeout = value;
            return this;
        }

        /** Sets {@link BrokerConfig#requireAuthentication}. */
        public Builder requireAuthentication(boolean value) {
            this.requireAuthentication = value;
            return this;
        }

        /** Builds and validates. */
        public BrokerConfig build() {
            return new BrokerConfig(heartbeatInterval, nodeTimeout, pollInterval, maxDeliveryAttempts,
                    redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay, deadLetterQueueSuffix, expiryQueue,
                    expiryScanInterval, autoCreateDestinations, idempotencyRetention,
                    inactiveDurableSubscriptionTimeout, requireAuthentication);
        }
    }
}
