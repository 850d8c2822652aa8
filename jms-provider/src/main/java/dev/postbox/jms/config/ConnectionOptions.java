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
 */
public record ConnectionOptions(
        String clientId,
        String user,
        int dupsOkBatchSize,
        Duration dupsOkBatchDelay,
        String deserializationAllowList,
        String deserializationDenyList) {

    /** Default {@link #dupsOkBatchSize}. */
    public static final int DEFAULT_DUPS_OK_BATCH_SIZE = 64;
    /** Default {@link #dupsOkBatchDelay}. */
    public static final Duration DEFAULT_DUPS_OK_BATCH_DELAY = Duration.ofMillis(100);

    /** Options with defaults and no client id. */
    public static ConnectionOptions defaults() {
        return new ConnectionOptions(null, null, DEFAULT_DUPS_OK_BATCH_SIZE, DEFAULT_DUPS_OK_BATCH_DELAY, null, null);
    }

    /** The same options with another client id and user. */
    public ConnectionOptions withIdentity(String newClientId, String newUser) {
        return new ConnectionOptions(newClientId, newUser, dupsOkBatchSize, dupsOkBatchDelay,
                deserializationAllowList, deserializationDenyList);
    }
}
