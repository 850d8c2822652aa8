-- PostgreSQL moves message bodies out of line in this version; H2 (MVStore) keeps large values apart
-- already.
SELECT 1;
