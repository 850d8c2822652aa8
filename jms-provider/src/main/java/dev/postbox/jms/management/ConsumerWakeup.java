package dev.postbox.jms.management;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.store.StoreException;
import java.util.Collection;

/** Tells consumers that messages were made available on destinations: this node's at once, others' by notification. */
final class ConsumerWakeup {

    private static final System.Logger LOG = System.getLogger(ConsumerWakeup.class.getName());

    private ConsumerWakeup() {
    }

    static void wake(Broker broker, Collection<Long> destinationIds) {
        if (destinationIds.isEmpty()) {
            return;
        }
        destinationIds.forEach(id -> broker.signal(id).wake());
        broker.store().notifications().ifPresent(notifications -> {
            try {
                // inTransaction runs on a thread where the store may work (the adapter's, in a server)
                broker.store().inTransaction(tx -> {
                    notifications.publish(broker.nodeId(), destinationIds);
                    return null;
                });
            } catch (StoreException e) {
                // Best effort: other nodes find the messages at their next poll.
                LOG.log(System.Logger.Level.DEBUG, "Notifying other nodes failed: {0}", e.getMessage());
            }
        });
    }
}
