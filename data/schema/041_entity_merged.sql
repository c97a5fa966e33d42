-- Entities merged into others during ingestion (two spellings found to name
-- one person): the id an analyst may have noted (e12) leads to the entity
-- it joined, with the reason.
CREATE TABLE entity_merged(
  id INTEGER PRIMARY KEY,        -- the merged entity's former id
  into_id INTEGER NOT NULL,      -- the entity it joined (kept up to date when that one is merged in turn)
  reason TEXT NOT NULL           -- why
);
