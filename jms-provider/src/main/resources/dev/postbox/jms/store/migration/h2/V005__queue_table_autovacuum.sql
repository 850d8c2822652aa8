-- PostgreSQL tunes autovacuum of its queue tables in this version; H2 (MVStore) needs nothing.
SELECT 1;
