package dev.postbox.jms.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** JPA mapping of {@code pb_subscription_consumer}. */
@Entity
@Table(name = "pb_subscription_consumer")
@IdClass(SubscriptionConsumerEntity.Key.class)
class SubscriptionConsumerEntity {

    @Id
    @Column(name = "subscription_id")
    long subscriptionId;

    @Id
    @Column(name = "consumer_id", length = 64)
    String consumerId;

    @Column(name = "node_id", length = 64, nullable = false)
    String nodeId;

    @Column(name = "attached_at", nullable = false)
    OffsetDateTime attachedAt;

    /** Composite key. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        long subscriptionId;
        String consumerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.subscriptionId == subscriptionId && Objects.equals(k.consumerId, consumerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subscriptionId, consumerId);
        }
    }
}
