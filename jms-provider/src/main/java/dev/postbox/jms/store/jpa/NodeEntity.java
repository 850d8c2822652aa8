package dev.postbox.jms.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** JPA mapping of {@code pb_node}. */
@Entity
@Table(name = "pb_node")
class NodeEntity {

    @Id
    @Column(name = "node_id", length = 64)
    String nodeId;

    @Column(name = "host", length = 255)
    String host;

    @Column(name = "started_at", nullable = false)
    OffsetDateTime startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    OffsetDateTime heartbeatAt;
}
