-- Search: ingestion indexes its articles once per batch (the search module's
-- xFlush, src/search.c) instead of one by one from a trigger. FTS5 writes its
-- pending terms to a new segment at every statement savepoint, so indexing
-- each article as it was stored made one segment per article and kept the
-- index merging; indexing the batch in one statement makes one segment per
-- batch. Articles stored other than by ingestion are indexed by a 'rebuild'
-- (the search module does one whenever the tokenizer changes). Deleting and
-- changing articles still go through the triggers of 002_search.sql.
DROP TRIGGER article_fts_insert;
