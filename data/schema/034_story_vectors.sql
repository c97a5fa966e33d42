-- Stories: each article's word terms and fingerprints as computed when it
-- was clustered (marsad_docterms_encode), so that reloading the alive
-- stories does not tokenize their articles again. NULL in rows written
-- before this migration: those articles are rebuilt from their text.
ALTER TABLE article_story ADD COLUMN vec BLOB;
