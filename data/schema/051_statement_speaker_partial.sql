-- The index of statements by speaker only over the statements that have one:
-- about half have none (speaker NULL), and the index is read only for
-- speaker=? (an entity merge: UPDATE statement SET speaker=?1 WHERE
-- speaker=?2), which an index WHERE speaker IS NOT NULL answers the same.
-- A statement without a speaker is stored without an index insert.
DROP INDEX statement_speaker;
CREATE INDEX statement_speaker ON statement(speaker) WHERE speaker IS NOT NULL;
