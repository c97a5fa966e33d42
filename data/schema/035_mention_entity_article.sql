-- Entities: the mentions of one entity with their articles, read from the
-- index alone. Listing entities by articles, an entity's articles, dates and
-- stories read only (entity, article); with the index on entity alone each
-- mention's table row was read (`marsad entities` on SaudiNewsNet: 482,000
-- rows). It replaces that index (a prefix of this one).
CREATE INDEX mention_entity_article ON mention(entity, article);
DROP INDEX mention_entity;
