-- Index for the copies of an article (article.copy_of), read whenever one
-- article is shown: without it every lookup scans the whole table.
CREATE INDEX article_copy_of ON article(copy_of) WHERE copy_of IS NOT NULL;
