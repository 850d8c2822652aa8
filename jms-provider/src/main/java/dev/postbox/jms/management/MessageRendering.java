package dev.postbox.jms.management;

import dev.postbox.jms.message.PropertyCodec;
import dev.postbox.jms.store.DeadLetterInfo;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns stored messages into {@link MessageInfo}s. */
final class MessageRendering {

    private static final int PERSISTENT = 2;

    private MessageRendering() {
    }

    static MessageInfo render(StoredMessage message, String queue, Instant now, BodyRendering body) {
        NewMessage content = message.content();
        return new MessageInfo(message.id(), queue, headers(content), delivery(message, now),
                deadLetter(message.deadLetter()), properties(content.properties()),
                body.render(content.bodyType(), content.body()));
    }

    private static MessageHeaders headers(NewMessage m) {
        String correlationId = m.correlationId() != null ? m.correlationId()
                : m.correlationIdBytes() != null ? HexFormat.of().formatHex(m.correlationIdBytes()) : null;
        return new MessageHeaders(m.messageId(), m.priority(), epochMillis(m.jmsTimestamp()), correlationId,
                m.type(), m.replyTo(), m.deliveryMode() == PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT",
                epochMillis(m.jmsExpiration()), epochMillis(m.deliveryTime()));
    }

    private static DeliveryState delivery(StoredMessage m, Instant now) {
        NewMessage content = m.content();
        DeliveryState.State state;
        if (m.claimedBy() != null) {
            state = DeliveryState.State.IN_FLIGHT;
        } else if (content.expiresAt() != null && !content.expiresAt().isAfter(now)) {
            state = DeliveryState.State.EXPIRED;
        } else if (content.visibleAt() != null && content.visibleAt().isAfter(now)) {
            state = DeliveryState.State.DELAYED;
        } else {
            state = DeliveryState.State.AVAILABLE;
        }
        return new DeliveryState(state, m.claimedBy(), content.visibleAt(), m.deliveryCount(), m.enqueuedAt(),
                m.lastDeliveredAt(), m.lastFailure());
    }

    private static DeadLetterDetails deadLetter(DeadLetterInfo info) {
        return info == null ? null
                : new DeadLetterDetails(info.reason(), info.originalDestination(), info.deadLetteredAt(),
                        info.attempts());
    }

    private static List<NamedValue> properties(byte[] encoded) {
        Map<String, Object> decoded;
        try {
            decoded = new TreeMap<>(PropertyCodec.decode(encoded));
        } catch (IllegalArgumentException e) {
            return List.of(new NamedValue("(unreadable)", "error", e.getMessage()));
        }
        List<NamedValue> properties = new ArrayList<>(decoded.size());
        decoded.forEach((name, value) -> properties.add(Values.named(name, value)));
        return properties;
    }

    private static Instant epochMillis(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
