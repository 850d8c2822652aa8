package dev.postbox.admin.api.view;

import dev.postbox.jms.management.NodeInfo;

/**
 * A live broker node.
 *
 * @param id node id
 * @param host host
 * @param startedAt ISO-8601 start time
 * @param lastHeartbeat ISO-8601 latest heartbeat
 * @param self true for the node serving this admin application
 */
public record NodeView(String id, String host, String startedAt, String lastHeartbeat, boolean self) {

    /** The view of a management record. */
    public static NodeView of(NodeInfo n) {
        return new NodeView(n.id(), n.host(), Times.iso(n.startedAt()), Times.iso(n.lastHeartbeat()), n.self());
    }
}
