-- Stories: each article's stored word terms and fingerprints
-- (article_story.vec, marsad_docterms_encode) are written in a compact form:
-- a format byte, term ids as rising differences and counts as varints
-- (about 3 bytes a term instead of 8; 1.7 KB an article became 0.8 KB).
-- Rows written in the former form are cleared: those articles are rebuilt
-- from their text when their story is reloaded, as rows written before 034.
UPDATE article_story SET vec=NULL WHERE vec IS NOT NULL;
