-- Entities: no index of the variants by key. Ingestion never reads it (the
-- resolver keeps every variant's key in memory, loaded by rowid), yet every
-- batch rewrote it: its keys are random, and at the whole SaudiNewsNet
-- corpus it was 6% of the pages written (each of its pages ~30 times). Only
-- `marsad entity NAME` asked it (a spelling's key, equal), and the same
-- query already reads every variant for the names holding NAME's words: one
-- more pass over the variants (some 58,000 rows) answers the same.
DROP INDEX entity_variant_key;
