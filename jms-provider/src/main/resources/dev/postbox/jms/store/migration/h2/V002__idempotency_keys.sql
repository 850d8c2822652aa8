-- Idempotent sends: a message sent with an idempotency key is stored once per destination while its key
-- is retained (a producer that retries after a crash or a lost reply does not create a duplicate).
CREATE TABLE pb_idempotency_key (
    destination_id BIGINT NOT NULL REFERENCES pb_destination (id) ON DELETE CASCADE,
    idempotency_key VARCHAR(512) NOT NULL,
    message_id VARCHAR(100),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (destination_id, idempotency_key)
);
CREATE INDEX pb_idempotency_key_expiry ON pb_idempotency_key (expires_at);

ALTER TABLE pb_message ADD COLUMN dead_letter_attempts INTEGER;
