-- Full-text search over article titles and bodies with the "arabic"
-- tokenizer (src/fts_arabic.c). The index keeps no copy of the text: it reads
-- title and body from article (external content), and triggers keep it in
-- step with every insert, delete and change of title or body. The search
-- module records the tokenizer's version in meta(search_tokenizer) and
-- rebuilds the index when it changes (FTS5 re-tokenizes stored text to
-- delete it, so the index must always match the tokenizer).
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, body,
  content='article', content_rowid='id',
  tokenize='arabic'
);

CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_fts(rowid, title, body) VALUES(new.id, new.title, new.body);
END;

CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, body)
    VALUES('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, body)
    VALUES('delete', old.id, old.title, old.body);
  INSERT INTO article_fts(rowid, title, body) VALUES(new.id, new.title, new.body);
END;

-- Fewer, larger merges while ingesting: indexing runs faster and queries
-- stay fast (see docs/BENCHMARKS.md, ## Search).
INSERT INTO article_fts(article_fts, rank) VALUES('automerge', 8);
INSERT INTO article_fts(article_fts, rank) VALUES('crisismerge', 64);
