package dev.postbox.jms.store;

import java.time.Instant;

/**
 * A registered (live) broker node.
 *
 * @param nodeId the node's id
 * @param host the host it runs on
 * @param startedAt when it registered
 * @param heartbeatAt its latest heartbeat
 */
public record NodeRecord(String nodeId, String host, Instant startedAt, Instant heartbeatAt) {
}
