-- Postbox message store, H2 2.x. Never edit once merged: add a new V###__ script instead.
-- Same model as the PostgreSQL script; H2 has no partial indexes, so indexes are full.

CREATE SEQUENCE pb_destination_seq START WITH 10 INCREMENT BY 10;
CREATE TABLE pb_destination (
    id                      BIGINT PRIMARY KEY,
    kind                    VARCHAR(16) NOT NULL,
    name                    VARCHAR(512) NOT NULL,
    temporary               BOOLEAN DEFAULT FALSE NOT NULL,
    owner_node              VARCHAR(64),
    owner_connection        VARCHAR(64),
    topic_id                BIGINT REFERENCES pb_destination (id) ON DELETE CASCADE,
    subscription_name       VARCHAR(512),
    client_id               VARCHAR(512),
    durable                 BOOLEAN DEFAULT FALSE NOT NULL,
    shared                  BOOLEAN DEFAULT FALSE NOT NULL,
    selector                VARCHAR(8000),
    no_local                BOOLEAN DEFAULT FALSE NOT NULL,
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
CREATE INDEX pb_destination_topic ON pb_destination (topic_id);
CREATE INDEX pb_destination_owner ON pb_destination (owner_node);

CREATE SEQUENCE pb_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE pb_message (
    id                   BIGINT PRIMARY KEY,
    destination_id       BIGINT NOT NULL REFERENCES pb_destination (id) ON DELETE CASCADE,
    priority             SMALLINT NOT NULL,
    visible_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE,
    claimed_by           VARCHAR(64),
    delivery_count       INTEGER DEFAULT 0 NOT NULL,
    first_delivered_at   TIMESTAMP WITH TIME ZONE,
    last_delivered_at    TIMESTAMP WITH TIME ZONE,
    enqueued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    message_id           VARCHAR(100),
    jms_timestamp        BIGINT NOT NULL,
    correlation_id       VARCHAR(1000000),
    correlation_id_bytes VARBINARY(1000000),
    jms_type             VARCHAR(1000000),
    reply_to             VARCHAR(600),
    delivery_mode        SMALLINT NOT NULL,
    jms_expiration       BIGINT NOT NULL,
    delivery_time        BIGINT NOT NULL,
    origin_connection    VARCHAR(64),
    properties           VARBINARY(1000000000),
    body_type            SMALLINT NOT NULL,
    body                 VARBINARY(1000000000),
    last_failure         VARCHAR(2000),
    dead_letter_reason   VARCHAR(2000),
    dead_letter_origin   VARCHAR(512),
    dead_lettered_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX pb_message_available ON pb_message (destination_id, claimed_by, priority DESC, id);
CREATE INDEX pb_message_claimed ON pb_message (claimed_by);
CREATE INDEX pb_message_expiry ON pb_message (expires_at);

CREATE TABLE pb_node (
    node_id      VARCHAR(64) PRIMARY KEY,
    host         VARCHAR(255),
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
