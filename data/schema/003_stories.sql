-- Stories: articles grouped by event as they arrive, copies folded under
-- their original, and the evidence of every decision (src/cluster.c).
CREATE TABLE story(
  id INTEGER PRIMARY KEY,        -- story id, exported as "s<id>"
  title TEXT NOT NULL,           -- headline: title of its most representative article
  headline INTEGER,              -- that article
  first TEXT,                    -- YYYY-MM-DD of its earliest article (publication, else ingestion)
  last TEXT,                     -- YYYY-MM-DD of its latest article
  n_articles INTEGER NOT NULL,   -- articles in the story, copies included
  n_copies INTEGER NOT NULL,     -- of which copies of another article
  n_outlets INTEGER NOT NULL,    -- distinct outlets
  outlets TEXT NOT NULL,         -- JSON array of the outlet names, by first appearance
  top_terms TEXT NOT NULL,       -- JSON array of its most salient stems
  dated INTEGER NOT NULL,        -- 1 when one of its articles has a publication date
  last_day INTEGER,              -- day number (days since 1970-01-01) of its last dated article
  last_article INTEGER NOT NULL  -- rowid of the last article that joined it
);
CREATE INDEX story_last ON story(last);
CREATE INDEX story_size ON story(n_articles);

CREATE TABLE article_story(
  article INTEGER PRIMARY KEY REFERENCES article(id), -- the article
  story INTEGER NOT NULL,        -- the story it joined or started
  score REAL NOT NULL,           -- similarity to the best article (resemblance for copies; 0 when new)
  best INTEGER,                  -- best-matching article (the original for a copy), NULL when new
  evidence TEXT NOT NULL,        -- JSON: rule (new|similar|copy), score parts, shared terms
  copy_of INTEGER,               -- earliest article of its copy group, NULL when not a copy
  resemblance REAL,              -- estimated shingle resemblance to that article
  terms TEXT NOT NULL            -- its salient stems when it arrived, space-separated
);
CREATE INDEX article_story_story ON article_story(story);
CREATE INDEX article_story_copy ON article_story(copy_of);

CREATE TABLE story_term(
  term TEXT PRIMARY KEY,         -- a stem
  df INTEGER NOT NULL            -- articles clustered so far that contain it
) WITHOUT ROWID;
