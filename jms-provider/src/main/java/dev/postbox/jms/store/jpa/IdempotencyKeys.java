package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.NewMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Records idempotency keys; a live duplicate key means the message is already stored. */
final class IdempotencyKeys {

    static final String DELETE_EXPIRED = "DELETE FROM pb_idempotency_key WHERE expires_at < ?";

    private IdempotencyKeys() {
    }

    /**
     * Records the message's key in the transaction of the connection.
     *
     * @return true when the message must be stored (no key, or a new or expired one); false for a duplicate
     */
    static boolean claim(Connection connection, StoreDialect dialect, NewMessage message, OffsetDateTime now)
            throws SQLException {
        if (message.idempotencyKey() == null) {
            return true;
        }
        if (message.idempotencyExpiresAt() == null) {
            throw new IllegalArgumentException("An idempotency key needs a retention time");
        }
        try (PreparedStatement claim = connection.prepareStatement(dialect.claimIdempotencyKeySql())) {
            claim.setLong(1, message.destinationId());
            claim.setString(2, message.idempotencyKey());
            claim.setString(3, message.messageId());
            claim.setObject(4, EntityMapper.utc(message.idempotencyExpiresAt()));
            claim.setObject(5, now);
            return claim.executeUpdate() == 1;
        }
    }

    /** Deletes keys whose retention ended; returns how many. */
    static int deleteExpired(Connection connection, OffsetDateTime now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setObject(1, now);
            return delete.executeUpdate();
        }
    }
}
