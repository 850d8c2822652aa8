package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.ClaimRequest;
import dev.postbox.jms.store.StoredMessage;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;

/** What differs between the supported databases: the claim statements, durability knobs, migrations. */
interface StoreDialect {

    /** Short name, also the migration folder name. */
    String name();

    /** Claims available messages (see {@link dev.postbox.jms.store.StoreTransaction#claim}). */
    List<StoredMessage> claim(JpaStoreTransaction tx, ClaimRequest request);

    /** Deletes and returns available messages (see {@link dev.postbox.jms.store.StoreTransaction#claimAndDelete}). */
    List<StoredMessage> claimAndDelete(JpaStoreTransaction tx, ClaimRequest request);

    /** Claims one message by id if it is still available; null when someone else has it. */
    StoredMessage claimOne(JpaStoreTransaction tx, long id, String node, OffsetDateTime now);

    /** Makes the current transaction's commit asynchronous, or does nothing. */
    void relaxDurability(EntityManager em);

    /** SQL expression giving a fresh message id from {@code pb_message_seq} (used outside JPA). */
    String nextMessageIdExpression();

    /**
     * Records an idempotency key unless a live one exists: parameters destination id, key, message id,
     * expiry, now. One row changed means the key is new (or had expired); zero means a duplicate send.
     */
    String claimIdempotencyKeySql();

    /** True when several JVMs may share the database. */
    boolean supportsMultipleNodes();

    /**
     * The claim as one statement that commits without waiting for the disk when run in auto-commit mode
     * (parameters as {@link #claim}'s: node, now, destination, limit), or empty when claims need a
     * transaction of their own.
     */
    java.util.Optional<String> relaxedClaimSql();

    /** A statement deleting the available messages of destinations that no longer exist. */
    String deleteOrphanedMessagesSql();
}
