-- Facts (issue 6): the dates, figures and statements found in each article's
-- body. Every start/end is a byte offset into article.body. Days are
-- YYYY-MM-DD, or YYYY-MM / YYYY for lower precisions.
CREATE TABLE date_mention(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES article(id),
  start INTEGER NOT NULL,        -- span of the expression in the body
  end INTEGER NOT NULL,
  value TEXT,                    -- the day it resolves to; NULL when it cannot be resolved
  precision TEXT NOT NULL,       -- day, week, month or year
  kind TEXT NOT NULL,            -- explicit, numeric, hijri, relative or weekday
  since INTEGER NOT NULL         -- 1 after منذ/حتى: a start or an end, not a day of report
);
CREATE INDEX date_mention_article ON date_mention(article);

CREATE TABLE statement(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES article(id),
  start INTEGER NOT NULL,        -- span: speaker named there, cue and content
  end INTEGER NOT NULL,
  speaker INTEGER,               -- entity id of the speaker, or NULL
  speaker_text TEXT,             -- the speaker as most fully named in the article, or NULL
  speaker_start INTEGER,         -- span of that naming
  speaker_end INTEGER,
  cue TEXT NOT NULL,             -- the reporting word as written (وأكدت)
  lemma TEXT NOT NULL,           -- its lemma (أكد)
  stance TEXT NOT NULL,          -- affirm, deny, appeal, warn, accuse or state
  content_start INTEGER NOT NULL,-- span of what is reported
  content_end INTEGER NOT NULL,
  date TEXT,                     -- the day of the statement, or NULL
  parent INTEGER REFERENCES statement(id) -- the statement whose content holds it
);
CREATE INDEX statement_article ON statement(article);
CREATE INDEX statement_speaker ON statement(speaker);

CREATE TABLE figure(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES article(id),
  start INTEGER NOT NULL,        -- evidence: number, hedge, event and counted noun
  end INTEGER NOT NULL,
  value INTEGER NOT NULL,        -- the number (lower bound when vague or a range)
  max INTEGER,                   -- upper bound of a range, else NULL
  approx TEXT NOT NULL,          -- exact, at_least, at_most or about
  vague INTEGER NOT NULL,        -- 1 for عشرات، مئات، آلاف ...
  counts TEXT NOT NULL,          -- killed, wounded, missing, wounded_or_missing, kidnapped,
                                 -- arrested, fighters, bodies, returned, displaced, personnel, other
  who TEXT,                      -- what is counted, as written
  total INTEGER NOT NULL,        -- 1 for a running total
  reported_by INTEGER,           -- entity id of who reported it, or NULL
  reported_by_text TEXT,         -- who reported it, as most fully named, or NULL
  date TEXT,                     -- the day it was reported
  statement INTEGER REFERENCES statement(id) -- the statement it is part of
);
CREATE INDEX figure_article ON figure(article);
CREATE INDEX figure_counts ON figure(counts, date);

CREATE TABLE article_facts(
  article INTEGER PRIMARY KEY REFERENCES article(id),
  published TEXT,                -- the publication date used to resolve relative dates
  from_text INTEGER NOT NULL     -- 1 when it was read from the text (no metadata)
);
