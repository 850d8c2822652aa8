package dev.postbox.jms.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** JPA mapping of {@code pb_message}. */
@Entity
@Table(name = "pb_message")
class MessageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pbMessageSeq")
    @SequenceGenerator(name = "pbMessageSeq", sequenceName = "pb_message_seq", allocationSize = 50)
    @Column(name = "id")
    Long id;

    @Column(name = "destination_id", nullable = false)
    long destinationId;

    @Column(name = "priority", nullable = false)
    short priority;

    @Column(name = "visible_at", nullable = false)
    OffsetDateTime visibleAt;

    @Column(name = "expires_at")
    OffsetDateTime expiresAt;

    @Column(name = "claimed_by", length = 64)
    String claimedBy;

    @Column(name = "delivery_count", nullable = false)
    int deliveryCount;

    @Column(name = "first_delivered_at")
    OffsetDateTime firstDeliveredAt;

    @Column(name = "last_delivered_at")
    OffsetDateTime lastDeliveredAt;

    @Column(name = "enqueued_at", nullable = false)
    OffsetDateTime enqueuedAt;

    @Column(name = "message_id", length = 100)
    String messageId;

    @Column(name = "jms_timestamp", nullable = false)
    long jmsTimestamp;

    @Column(name = "correlation_id")
    String correlationId;

    @Column(name = "correlation_id_bytes")
    byte[] correlationIdBytes;

    @Column(name = "jms_type")
    String jmsType;

    @Column(name = "reply_to", length = 600)
    String replyTo;

    @Column(name = "delivery_mode", nullable = false)
    short deliveryMode;

    @Column(name = "jms_expiration", nullable = false)
    long jmsExpiration;

    @Column(name = "delivery_time", nullable = false)
    long deliveryTime;

    @Column(name = "origin_connection", length = 64)
    String originConnection;

    @Column(name = "properties")
    byte[] properties;

    @Column(name = "body_type", nullable = false)
    short bodyType;

    @Column(name = "body")
    byte[] body;

    @Column(name = "last_failure", length = 2000)
    String lastFailure;

    @Column(name = "dead_letter_reason", length = 2000)
    String deadLetterReason;

    @Column(name = "dead_letter_origin", length = 512)
    String deadLetterOrigin;

    @Column(name = "dead_lettered_at")
    OffsetDateTime deadLetteredAt;

    @Column(name = "dead_letter_attempts")
    Integer deadLetterAttempts;
}
