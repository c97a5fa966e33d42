-- Stories: the clusterer's new terms are written as runs of consecutive
-- term ids (their stems one after another, each followed by a NUL byte),
-- not one story_term row per term: a row cost SQLite about 2,000
-- instructions, a term of a run is a few bytes of a blob. The run still
-- growing is rewritten at each flush and closed once it holds
-- MARSAD_VOCAB_CHUNK terms (src/cluster.c). story_term keeps the terms
-- written before this migration (read first when the vocabulary is
-- loaded); a recluster empties both.
CREATE TABLE story_term_run(
  first INTEGER PRIMARY KEY,     -- id of its first term; its terms' ids follow
  terms BLOB NOT NULL            -- their stems in id order, each followed by a NUL byte
);
