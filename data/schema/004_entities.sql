-- Entities: people, places and organisations, every spelling of one merged
-- into it (entity_variant, each with the reason it was merged), and their
-- mentions in articles with byte spans into the stored title or body.
CREATE TABLE entity(
  id INTEGER PRIMARY KEY,        -- exported as "e<id>"
  kind TEXT NOT NULL CHECK(kind IN ('person','place','org','other')),
  name TEXT NOT NULL,            -- display name (Arabic)
  name_en TEXT,                  -- English name, from the gazetteer
  gaz TEXT                       -- gazetteer id (ISO code, geo:<GeoNames id>, org:...), or NULL
);
CREATE INDEX entity_gaz ON entity(gaz);

CREATE TABLE entity_variant(
  entity INTEGER NOT NULL REFERENCES entity(id),
  text TEXT NOT NULL,            -- the spelling as first written
  key TEXT NOT NULL,             -- its normalized key
  reason TEXT NOT NULL,          -- why it belongs to the entity
  article INTEGER REFERENCES article(id) -- the article it was first seen in
);
CREATE INDEX entity_variant_entity ON entity_variant(entity);
CREATE INDEX entity_variant_key ON entity_variant(key);

CREATE TABLE mention(
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES article(id),
  entity INTEGER NOT NULL REFERENCES entity(id),
  field INTEGER NOT NULL,        -- 0 body, 1 title
  start INTEGER NOT NULL,        -- byte offsets into that field
  end INTEGER NOT NULL,
  text TEXT NOT NULL             -- the span as written
);
CREATE INDEX mention_article ON mention(article);
CREATE INDEX mention_entity ON mention(entity);
