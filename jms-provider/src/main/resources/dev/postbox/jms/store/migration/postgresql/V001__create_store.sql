-- Postbox message store, PostgreSQL. Never edit once merged: add a new V###__ script instead.

-- Queues, topics and topic subscriptions. Messages live in QUEUE and SUBSCRIPTION rows.
CREATE SEQUENCE pb_destination_seq START WITH 10 INCREMENT BY 10;
CREATE TABLE pb_destination (
    id                      BIGINT PRIMARY KEY,
    kind                    VARCHAR(16) NOT NULL,
    name                    VARCHAR(512) NOT NULL,
    temporary               BOOLEAN NOT NULL DEFAULT FALSE,
    owner_node              VARCHAR(64),
    owner_connection        VARCHAR(64),
    topic_id                BIGINT REFERENCES pb_destination (id) ON DELETE CASCADE,
    subscription_name       VARCHAR(512),
    client_id               VARCHAR(512),
    durable                 BOOLEAN NOT NULL DEFAULT FALSE,
    shared                  BOOLEAN NOT NULL DEFAULT FALSE,
    selector                VARCHAR(8000),
    no_local                BOOLEAN NOT NULL DEFAULT FALSE,
    max_delivery_attempts   INTEGER,
    redelivery_delay_ms     BIGINT,
    redelivery_multiplier   DOUBLE PRECISION,
    max_redelivery_delay_ms BIGINT,
    dead_letter_queue       VARCHAR(512),
    expiry_queue            VARCHAR(512),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pb_destination_kind_name UNIQUE (kind, name),
    CONSTRAINT pb_destination_kind CHECK (kind IN ('QUEUE', 'TOPIC', 'SUBSCRIPTION'))
);
-- serves: subscriptions of a topic (fan-out on publish)
CREATE INDEX pb_destination_topic ON pb_destination (topic_id) WHERE topic_id IS NOT NULL;
-- serves: removal of temporary destinations whose node died
CREATE INDEX pb_destination_owner ON pb_destination (owner_node) WHERE owner_node IS NOT NULL;

-- One row per message per queue (or subscription). claimed_by holds the node that has it in flight.
CREATE SEQUENCE pb_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE pb_message (
    id                   BIGINT PRIMARY KEY,
    destination_id       BIGINT NOT NULL REFERENCES pb_destination (id) ON DELETE CASCADE,
    priority             SMALLINT NOT NULL,
    visible_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE,
    claimed_by           VARCHAR(64),
    delivery_count       INTEGER NOT NULL DEFAULT 0,
    first_delivered_at   TIMESTAMP WITH TIME ZONE,
    last_delivered_at    TIMESTAMP WITH TIME ZONE,
    enqueued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    message_id           VARCHAR(100),
    jms_timestamp        BIGINT NOT NULL,
    correlation_id       VARCHAR,
    correlation_id_bytes BYTEA,
    jms_type             VARCHAR,
    reply_to             VARCHAR(600),
    delivery_mode        SMALLINT NOT NULL,
    jms_expiration       BIGINT NOT NULL,
    delivery_time        BIGINT NOT NULL,
    origin_connection    VARCHAR(64),
    properties           BYTEA,
    body_type            SMALLINT NOT NULL,
    body                 BYTEA,
    last_failure         VARCHAR(2000),
    dead_letter_reason   VARCHAR(2000),
    dead_letter_origin   VARCHAR(512),
    dead_lettered_at     TIMESTAMP WITH TIME ZONE
);
-- serves: the claim (next available messages of a destination, by priority then FIFO)
CREATE INDEX pb_message_available ON pb_message (destination_id, priority DESC, id) WHERE claimed_by IS NULL;
-- serves: release of the claims of a dead node
CREATE INDEX pb_message_claimed ON pb_message (claimed_by) WHERE claimed_by IS NOT NULL;
-- serves: the expiry reaper
CREATE INDEX pb_message_expiry ON pb_message (expires_at) WHERE expires_at IS NOT NULL;
-- A queue table churns: vacuum it early so the head of pb_message_available stays clean.
ALTER TABLE pb_message SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
                            autovacuum_analyze_scale_factor = 0.02, fillfactor = 90);

-- Live broker nodes (JVMs). A node whose heartbeat is older than the node timeout is dead and its claims
-- go back to their queues.
CREATE TABLE pb_node (
    node_id      VARCHAR(64) PRIMARY KEY,
    host         VARCHAR(255),
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
