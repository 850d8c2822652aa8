-- Consumers attached to topic subscriptions, on any node: an unshared durable subscription admits one at a
-- time, a shared non-durable subscription lives while it has any, and unsubscribe refuses while one exists.
-- Rows of a dead node are removed with it.
CREATE TABLE pb_subscription_consumer (
    subscription_id BIGINT NOT NULL REFERENCES pb_destination (id) ON DELETE CASCADE,
    consumer_id     VARCHAR(64) NOT NULL,
    node_id         VARCHAR(64) NOT NULL,
    attached_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscription_id, consumer_id)
);

CREATE INDEX pb_subscription_consumer_node ON pb_subscription_consumer (node_id);

-- When a subscription last had a consumer (for removing long-unread durable subscriptions).
ALTER TABLE pb_destination ADD COLUMN last_active_at TIMESTAMP WITH TIME ZONE;
