-- Every INSERT into pb_message checked its foreign key by locking the destination's row (FOR KEY SHARE): a
-- write to the pb_destination page and a WAL record per message, and a multixact as soon as two producers
-- send to one destination at once. That check cost about 12 % of a committed send (docs/benchmarks.md).
-- Postbox deletes a destination's messages itself before the destination (StoreTransaction.deleteDestination);
-- a message whose send commits after that delete (the destination was removed while the send was under way)
-- is found by the orphan sweep of the node heartbeat and deleted, as if it had been sent a moment earlier.
ALTER TABLE pb_message DROP CONSTRAINT IF EXISTS pb_message_destination_id_fkey;
