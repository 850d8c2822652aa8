package dev.postbox.jms.management;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.ScanPosition;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Message operations: browse, read, delete, move. */
final class MessageOperations {

    private final Broker broker;

    MessageOperations(Broker broker) {
        this.broker = broker;
    }

    /** The message with that id on the queue, or {@link ManagementException.NotFound}. */
    static StoredMessage requireMessage(StoreTransaction tx, DestinationRecord queue, long messageId) {
        return tx.findMessage(messageId).filter(m -> m.destinationId() == queue.id())
                .orElseThrow(() -> new ManagementException.NotFound("Message " + messageId + " is not on queue "
                        + queue.name() + " (acknowledged, moved or deleted meanwhile?)"));
    }

    MessagePage browse(String queue, String after, int limit) {
        InputRules.limit(limit);
        ScanPosition position = InputRules.cursor(after);
        return OperationGuard.call("Browse queue " + queue, () -> broker.store().inTransaction(tx -> {
            DestinationRecord destination = QueueAdministration.requireQueue(tx, queue);
            List<StoredMessage> found = tx.browse(destination.id(), position, limit + 1);
            Instant now = broker.clock().instant();
            List<MessageInfo> page = new ArrayList<>(Math.min(found.size(), limit));
            for (int i = 0; i < found.size() && i < limit; i++) {
                page.add(MessageRendering.render(found.get(i), queue, now, BodyRendering.PREVIEW));
            }
            String next = found.size() > limit ? InputRules.cursorOf(ScanPosition.of(found.get(limit - 1))) : null;
            return new MessagePage(page, next);
        }));
    }

    MessageInfo getMessage(String queue, long messageId) {
        return OperationGuard.call("Read message " + messageId, () -> broker.store().inTransaction(tx -> {
            DestinationRecord destination = QueueAdministration.requireQueue(tx, queue);
            return MessageRendering.render(requireMessage(tx, destination, messageId), queue,
                    broker.clock().instant(), BodyRendering.FULL);
        }));
    }

    void deleteMessage(String queue, long messageId) {
        OperationGuard.run("Delete message " + messageId, () -> broker.store().inTransaction(tx -> {
            StoredMessage message = requireMessage(tx, QueueAdministration.requireQueue(tx, queue), messageId);
            if (tx.deleteUnclaimed(messageId) == 0) {
                throw inFlight(message);
            }
            return null;
        }));
    }

    void moveMessage(String queue, long messageId, String targetQueue) {
        InputRules.existingName(targetQueue, "target queue");
        if (targetQueue.equals(queue)) {
            throw new ManagementException.InvalidRequest("Message " + messageId + " is on " + queue
                    + " already; choose another target queue");
        }
        long target = OperationGuard.call("Move message " + messageId, () -> broker.store().inTransaction(tx -> {
            StoredMessage message = requireMessage(tx, QueueAdministration.requireQueue(tx, queue), messageId);
            DestinationRecord to = tx.findDestination(dev.postbox.jms.store.DestinationKind.QUEUE, targetQueue)
                    .orElseThrow(() -> new ManagementException.NotFound("Target queue " + targetQueue
                            + " does not exist; create it first"));
            if (tx.moveUnclaimed(messageId, to.id(), broker.clock().instant()) == 0) {
                throw inFlight(message);
            }
            return to.id();
        }));
        ConsumerWakeup.wake(broker, List.of(target));
    }

    private static ManagementException inFlight(StoredMessage message) {
        return new ManagementException.Conflict("Message " + message.id() + " is in flight"
                + (message.claimedBy() != null ? " on node " + message.claimedBy() : "")
                + "; try again once its consumer acknowledged or gave it back");
    }
}
