package dev.postbox.jms.management;

import java.time.Instant;

/**
 * A live broker node (a JVM or server using the store).
 *
 * @param id node id
 * @param host host it runs on
 * @param startedAt when it registered
 * @param lastHeartbeat its latest heartbeat
 * @param self true for the node answering this management call
 */
public record NodeInfo(String id, String host, Instant startedAt, Instant lastHeartbeat, boolean self) {
}
