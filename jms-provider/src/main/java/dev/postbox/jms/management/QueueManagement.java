package dev.postbox.jms.management;

import java.util.List;

/**
 * Management operations on a Postbox broker's destinations, for administration tools (the admin
 * application, scripts). Implementations are thread-safe. Every method throws
 * {@link ManagementException} when the store fails or the named destination does not exist.
 */
public interface QueueManagement {

    /** All queues and topic subscriptions with their message counts, by name. */
    List<QueueInfo> listQueues();
}
