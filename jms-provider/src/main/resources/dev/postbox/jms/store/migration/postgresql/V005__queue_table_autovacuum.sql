-- A queue table is small and churns: every message is inserted, claimed (a new row version) and deleted.
-- PostgreSQL's default autovacuum waits for 20 % of the table to be dead, which for a short queue means the
-- claim index fills with dead entries that every claim must step over. Vacuum after a fixed number of dead
-- rows instead, without cost-based pauses. (When autovacuum is off server-wide, Postbox vacuums these tables
-- itself: PBX-1004.)
ALTER TABLE pb_message SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
                            autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 20000,
                            autovacuum_analyze_scale_factor = 0.05, autovacuum_vacuum_cost_delay = 0);
ALTER TABLE pb_node SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 200);
