-- Core tables: articles as stored, their raw inputs, and per-outlet line
-- counts used to recognise site chrome repeated across an outlet's pages.
CREATE TABLE meta(
  key TEXT PRIMARY KEY,          -- setting name, e.g. tokenizer_version
  value TEXT
) WITHOUT ROWID;

CREATE TABLE article(
  id INTEGER PRIMARY KEY,        -- rowid, internal
  uid TEXT NOT NULL UNIQUE,      -- stable id: hash of outlet, normalized title and body
  input TEXT,                    -- the JSONL "id", else the input file path
  source TEXT NOT NULL,          -- file the article came from ("-" for stdin)
  line INTEGER,                  -- 1-based line in source (JSON Lines), else NULL
  format TEXT NOT NULL,          -- reader: text, html, jsonl, feed
  outlet TEXT,                   -- outlet name, or NULL
  url TEXT,                      -- canonical URL, or NULL
  title TEXT NOT NULL,           -- headline ('' when none)
  published TEXT,                -- YYYY-MM-DD, or NULL when unknown
  published_raw TEXT,            -- the publication date as found
  ingested TEXT NOT NULL,        -- UTC time of ingestion, YYYY-MM-DDTHH:MM:SSZ
  body TEXT NOT NULL,            -- cleaned body (NFC): every body offset points here
  body_hash TEXT NOT NULL,       -- hash of the normalized body, for exact copies
  arabic INTEGER NOT NULL,       -- 1 when the article is in Arabic
  copy_of INTEGER REFERENCES article(id), -- earliest article with the same body
  bad_utf8 INTEGER NOT NULL DEFAULT 0     -- invalid UTF-8 sequences replaced
);
CREATE INDEX article_published ON article(published);
CREATE INDEX article_body_hash ON article(body_hash);
CREATE INDEX article_outlet ON article(outlet);

CREATE TABLE article_raw(
  id INTEGER PRIMARY KEY REFERENCES article(id), -- the article
  raw BLOB NOT NULL,             -- the raw input of the article, as read
  dropped TEXT NOT NULL          -- lines dropped from the body as chrome, one a line
);

CREATE TABLE outlet_line(
  outlet TEXT NOT NULL,          -- outlet name ('' when unknown)
  hash INTEGER NOT NULL,         -- hash of the normalized line
  n INTEGER NOT NULL,            -- articles of the outlet that had the line
  PRIMARY KEY(outlet, hash)
) WITHOUT ROWID;
