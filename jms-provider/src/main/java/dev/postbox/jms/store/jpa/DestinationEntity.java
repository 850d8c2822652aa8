package dev.postbox.jms.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** JPA mapping of {@code pb_destination}. */
@Entity
@Table(name = "pb_destination")
class DestinationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pbDestinationSeq")
    @SequenceGenerator(name = "pbDestinationSeq", sequenceName = "pb_destination_seq", allocationSize = 10)
    @Column(name = "id")
    Long id;

    @Column(name = "kind", nullable = false, length = 16)
    String kind;

    @Column(name = "name", nullable = false, length = 512)
    String name;

    @Column(name = "temporary", nullable = false)
    boolean temporary;

    @Column(name = "owner_node", length = 64)
    String ownerNode;

    @Column(name = "owner_connection", length = 64)
    String ownerConnection;

    @Column(name = "topic_id")
    Long topicId;

    @Column(name = "subscription_name", length = 512)
    String subscriptionName;

    @Column(name = "client_id", length = 512)
    String clientId;

    @Column(name = "durable", nullable = false)
    boolean durable;

    @Column(name = "shared", nullable = false)
    boolean shared;

    @Column(name = "selector", length = 8000)
    String selector;

    @Column(name = "no_local", nullable = false)
    boolean noLocal;

    @Column(name = "max_delivery_attempts")
    Integer maxDeliveryAttempts;

    @Column(name = "redelivery_delay_ms")
    Long redeliveryDelayMs;

    @Column(name = "redelivery_multiplier")
    Double redeliveryMultiplier;

    @Column(name = "max_redelivery_delay_ms")
    Long maxRedeliveryDelayMs;

    @Column(name = "dead_letter_queue", length = 512)
    String deadLetterQueue;

    @Column(name = "expiry_queue", length = 512)
    String expiryQueue;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "last_active_at")
    OffsetDateTime lastActiveAt;
}
