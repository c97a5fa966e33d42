-- Search: FTS5 keeps the terms of the articles being indexed in memory and
-- writes them to a new segment when they pass its 'hashsize' (1 MB by
-- default): a batch of ingestion (src/ingest.c, 500 articles, about 5 MB of
-- terms and positions) was written as five or six segments, each term of
-- the batch once per segment, and the index then merged them. With room for
-- a whole batch, each batch is one segment: half the index's CPU time at
-- ingestion (docs/BENCHMARKS.md, ## Ingest). The memory is taken only as
-- the terms need it, and freed at each batch's end. Queries are unchanged.
INSERT INTO article_fts(article_fts, rank) VALUES('hashsize', 16777216);
