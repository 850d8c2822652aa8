-- PostgreSQL drops the foreign key from messages to destinations in this version (the per-send row lock it
-- takes there costs a write per message). H2 keeps it: its check takes no lock that is written to disk, and the
-- orphan sweep finds nothing to do.
SELECT 1;
