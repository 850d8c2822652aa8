package dev.postbox.jms.config;

import java.time.Duration;

/**
 * Per-connection settings that come from the connection factory.
 *
 * @param clientId administratively configured client identifier, or null
 * @param user the authenticated user name, or null
 * @param dupsOkBatchSize DUPS_OK_ACKNOWLEDGE: acknowledge after this many messages
 * @param dupsOkBatchDelay DUPS_OK_ACKNOWLEDGE: or after this long
 * @param deserializationAllowList ObjectMessage classes allowed (comma-separated prefixes)
 * @param deserializationDenyList ObjectMessage classes denied (comma-separated prefixes)
 * @param prefetchSize most messages a consumer claims at once (1: no prefetch); the ones not handed to the
 *     application yet are given back untouched when the consumer closes or its session recovers or rolls
 *     back
 */
public record ConnectionOptions(
        String clientId,
        String user,
        int dupsOkBatchSize,
        Duration dupsOkBatchDelay,
        String deserializationAllowList,
        String deserializationDenyList,
        int prefetchSize) {

    /** Default {@link #dupsOkBatchSize}. */
    public static final int DEFAULT_DUPS_OK_BATCH_SIZE = 64;
    /** Default {@link #dupsOkBatchDelay}. */
    public static final Duration DEFAULT_DUPS_OK_BATCH_DELAY = Duration.ofMillis(100);

    /** Default {@link #prefetchSize}. */
    public static final int DEFAULT_PREFETCH_SIZE = 64;

    /** Validates. */
    public ConnectionOptions {
        if (prefetchSize < 1) {
            throw new IllegalArgumentException("prefetchSize must be at least 1, not " + prefetchSize);
        }
    }

    /** Options with defaults and no client id. */
    public static ConnectionOptions defaults() {
        return new ConnectionOptions(null, null, DEFAULT_DUPS_OK_BATCH_SIZE, DEFAULT_DUPS_OK_BATCH_DELAY, null, null,
                DEFAULT_PREFETCH_SIZE);
    }

    /** The same options with another client id and user. */
    public ConnectionOptions withIdentity(String newClientId, String newUser) {
        return new ConnectionOptions(newClientId, newUser, dupsOkBatchSize, dupsOkBatchDelay,
                deserializationAllowList, deserializationDenyList, prefetchSize);
    }
}
