-- A claim and a release update a message row; PostgreSQL writes a new version of the whole row each time,
-- and a body stored inline (up to about 2 KiB) is copied with it, into the table and the WAL. Keep bodies
-- and properties out of line (uncompressed, in the TOAST table) from 128 bytes of row on: an update that
-- does not change them then carries only a pointer. Measured on the transacted drain of 1 KiB messages:
-- about 1.6x the rate (docs/benchmarks.md).
ALTER TABLE pb_message SET (toast_tuple_target = 128);
ALTER TABLE pb_message ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE pb_message ALTER COLUMN properties SET STORAGE EXTERNAL;
