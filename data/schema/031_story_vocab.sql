-- Stories: the clusterer's vocabulary stored by term id, with document
-- frequencies in chunks (one row per 4096 terms) rather than one row per
-- term, so that a batch rewrites a few blobs instead of thousands of rows.
-- Stories built before this change are dropped: `marsad recluster` rebuilds
-- them from the stored articles.
DROP TABLE story_term;
CREATE TABLE story_term(
  id INTEGER PRIMARY KEY,        -- term id, dense from 0, in the order terms were first seen
  term TEXT NOT NULL             -- the stem
);
CREATE TABLE story_df(
  chunk INTEGER PRIMARY KEY,     -- terms chunk*4096 .. chunk*4096+4095
  df BLOB NOT NULL               -- their document frequencies, little-endian 32-bit
);
DELETE FROM article_story;
DELETE FROM story;
DELETE FROM meta WHERE key='stories_state';
