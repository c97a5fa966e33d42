-- Stories, two levels: each article also belongs to an event, the articles
-- of its story that tell one development within a day or two (src/cluster.c).
-- Stories built before this change get one event per story; `marsad
-- recluster` splits them into events.
CREATE TABLE event(
  id INTEGER PRIMARY KEY,        -- event id
  story INTEGER NOT NULL,        -- the story it belongs to
  title TEXT NOT NULL,           -- headline: title of its most representative article
  headline INTEGER,              -- that article
  first TEXT,                    -- YYYY-MM-DD of its earliest dated article, NULL when none is dated
  last TEXT,                     -- YYYY-MM-DD of its latest dated article, NULL when none is
  n_articles INTEGER NOT NULL,   -- articles in the event, copies included
  n_copies INTEGER NOT NULL,     -- of which copies of another article
  n_outlets INTEGER NOT NULL,    -- distinct outlets
  outlets TEXT NOT NULL          -- JSON array of the outlet names, by first appearance
);
CREATE INDEX event_story ON event(story);
CREATE INDEX event_last ON event(last);
ALTER TABLE article_story ADD COLUMN event INTEGER;  -- the event it joined or started
INSERT INTO event(id, story, title, headline, first, last, n_articles, n_copies, n_outlets, outlets)
  SELECT id, id, title, headline, CASE WHEN dated THEN first END, CASE WHEN dated THEN last END,
    n_articles, n_copies, n_outlets, outlets FROM story;
UPDATE article_story SET event=story;
