package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.DeadLetterInfo;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.StoredMessage;
import dev.postbox.jms.store.SubscriptionInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Converts between entities (package-private) and the store's records. */
final class EntityMapper {

    private EntityMapper() {
    }

    /**
     * The database form of an instant: UTC, truncated to the microseconds both databases store (H2 would
     * round, so that a message stored "now" would not be visible "now").
     */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static MessageEntity toEntity(NewMessage m, Instant enqueuedAt) {
        MessageEntity e = new MessageEntity();
        e.destinationId = m.destinationId();
        e.priority = (short) m.priority();
        e.visibleAt = utc(m.visibleAt());
        e.expiresAt = utc(m.expiresAt());
        e.enqueuedAt = utc(enqueuedAt);
        e.messageId = m.messageId();
        e.jmsTimestamp = m.jmsTimestamp();
        e.correlationId = m.correlationId();
        e.correlationIdBytes = m.correlationIdBytes();
        e.jmsType = m.type();
        e.replyTo = m.replyTo();
        e.deliveryMode = (short) m.deliveryMode();
        e.jmsExpiration = m.jmsExpiration();
        e.deliveryTime = m.deliveryTime();
        e.originConnection = m.originConnection();
        e.properties = m.properties();
        e.bodyType = (short) m.bodyType();
        e.body = m.body();
        return e;
    }

    static StoredMessage toRecord(MessageEntity e) {
        NewMessage content = new NewMessage(e.destinationId, e.priority, instant(e.visibleAt), instant(e.expiresAt),
                e.messageId, e.jmsTimestamp, e.correlationId, e.correlationIdBytes, e.jmsType, e.replyTo,
                e.deliveryMode, e.jmsExpiration, e.deliveryTime, e.originConnection, e.properties, e.bodyType,
                e.body);
        DeadLetterInfo deadLetter = e.deadLetterReason == null ? null
                : new DeadLetterInfo(e.deadLetterReason, e.deadLetterOrigin, instant(e.deadLetteredAt),
                        e.deadLetterAttempts == null ? 0 : e.deadLetterAttempts);
        return new StoredMessage(e.id, content, e.deliveryCount, e.claimedBy, instant(e.enqueuedAt),
                instant(e.firstDeliveredAt), instant(e.lastDeliveredAt), e.lastFailure, deadLetter);
    }

    static DestinationEntity toEntity(NewDestination d, Instant createdAt) {
        DestinationEntity e = new DestinationEntity();
        e.kind = d.kind().name();
        e.name = d.name();
        e.temporary = d.temporary();
        e.ownerNode = d.ownerNode();
        e.ownerConnection = d.ownerConnection();
        SubscriptionInfo s = d.subscription();
        if (s != null) {
            e.topicId = s.topicId();
            e.subscriptionName = s.subscriptionName();
            e.clientId = s.clientId();
            e.durable = s.durable();
            e.shared = s.shared();
            e.selector = s.selector();
            e.noLocal = s.noLocal();
        }
        apply(e, d.policy());
        e.createdAt = utc(createdAt);
        e.lastActiveAt = e.createdAt;
        return e;
    }

    static void apply(DestinationEntity e, DestinationPolicy p) {
        e.maxDeliveryAttempts = p.maxDeliveryAttempts();
        e.redeliveryDelayMs = p.redeliveryDelayMillis();
        e.redeliveryMultiplier = p.redeliveryMultiplier();
        e.maxRedeliveryDelayMs = p.maxRedeliveryDelayMillis();
        e.deadLetterQueue = p.deadLetterQueue();
        e.expiryQueue = p.expiryQueue();
    }

    static DestinationRecord toRecord(DestinationEntity e) {
        SubscriptionInfo subscription = e.topicId == null ? null
                : new SubscriptionInfo(e.topicId, e.subscriptionName, e.clientId, e.durable, e.shared, e.selector,
                        e.noLocal);
        DestinationPolicy policy = new DestinationPolicy(e.maxDeliveryAttempts, e.redeliveryDelayMs,
                e.redeliveryMultiplier, e.maxRedeliveryDelayMs, e.deadLetterQueue, e.expiryQueue);
        return new DestinationRecord(e.id, DestinationKind.valueOf(e.kind), e.name, e.temporary, e.ownerNode,
                e.ownerConnection, subscription, policy, instant(e.createdAt));
    }
}
