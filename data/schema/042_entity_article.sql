-- Entities: the articles that name each entity, one row per (entity,
-- article) with the number of its mentions there, instead of the index
-- mention(entity, article) with one entry per mention. Every query by
-- entity (entities by articles, an entity's dates, stories and latest
-- articles, a merge's moves) reads these rows, and an entity's mentions
-- through its articles (mention_article). At the whole SaudiNewsNet corpus
-- 261,716 rows for 488,353 mentions: the B-tree with random keys that every
-- batch rewrote half as large. Ingestion writes the rows of its articles;
-- a merge moves an entity's rows, adding up the counts of shared articles.
CREATE TABLE entity_article(
  entity INTEGER NOT NULL,       -- entity(id)
  article INTEGER NOT NULL,      -- article(id)
  n INTEGER NOT NULL,            -- the entity's mentions in the article (title and body)
  PRIMARY KEY(entity, article)
) WITHOUT ROWID;
INSERT INTO entity_article(entity, article, n)
  SELECT entity, article, count(*) FROM mention GROUP BY entity, article;
DROP INDEX mention_entity_article;
