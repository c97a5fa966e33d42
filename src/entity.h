/*
** entity.h: entities (people, places, organisations) and the merging of
** their spellings, shared by the entity module, the queries and the
** command line.
**
** The resolver turns the mentions of an analysis (ner.h) into entities. A
** mention joins an entity, in this order, when:
**   1. its key is a variant the entity already has (same kind);
**   2. the gazetteer names it (an alias set: قره باغ = ناغورنو كاراباخ, an
**      adjective: الروسية = روسيا, a country's official name);
**   3. it is the surname of a person's full name in the same article
**      (لافروف after سيرغي لافروف), or the only person of the database with
**      that surname;
**   4. its spelling is within a transliteration-aware distance of a known
**      name of the same kind (people and places only): keys reduced to a
**      skeleton (long vowels and hamza out, ك/ق/غ/ج, ت/ط, س/ص/ث, ذ/ز/ظ,
**      د/ض folded, doubled letters single) that are equal, or one edit apart
**      (a letter more or less, two swapped, ت/د or س/ز changed) when the
**      word is long enough (five skeleton letters, four beside a word that
**      is equal); each word that differs must start with the same letter,
**      have its long vowels at most one edit apart (one long vowel apart
**      for words of three skeleton letters), and be a foreign word: not
**      an Arabic given name (كمال، عبدالله), not a person's word with the
**      article (العامري), not with the article on one side only, and not a
**      word of the dictionary unless it differs only in letters of one
**      sound or the other is a country or a name of the lists (تايلند);
**   5. it is a shorter form of one known person's name (فيصل بن خالد of
**      فيصل بن خالد بن عبدالعزيز, no other name known that starts so), or a
**      full name whose surname alone is a person entity
**      already (ميسي, then ليونيل ميسي), no other full name known ending
**      with it;
** else it starts an entity of its own. Every new variant records the reason.
** Then two person entities an article names by a full name and its short
** form (خالد الفيصل بن عبدالعزيز and خالد الفيصل; خالد محفوظ بحاح and خالد
** بحاح) become one (merge_entities), when no other person is known by a
** fuller form of that short name: both were known before an article
** linked them, so the later one is merged into the earlier.
*/
#ifndef MARSAD_ENTITY_H
#define MARSAD_ENTITY_H
#include "analysis.h"
#include "buf.h"

/* The name of entity kind eKind ("person", "place", "org", "other"). */
const char *marsad_entity_kind_name(int eKind);

/* The kind named z, or 0. */
int marsad_entity_kind_parse(const char *z);

typedef struct marsad_resolver marsad_resolver;

/* Where the resolver stores what it creates (the entity module's
** database). Both callbacks return MARSAD_OK or an error that stops the
** resolution. */
typedef struct marsad_resolver_store {
  /* A new entity: set *piId to its id. */
  int (*xEntity)(void *pCtx, int eKind, const char *zName, const char *zNameEn,
                 const char *zGaz, long long *piId);
  /* A new variant of entity iId: its text as written, key and reason. */
  int (*xVariant)(void *pCtx, long long iId, const char *zText, const char *zKey,
                  const char *zReason);
  /* The display name of entity iId became zName. May be NULL. */
  int (*xRename)(void *pCtx, long long iId, const char *zName);
  /* Entity iFrom is entity iInto (merge_entities in entity.c): its
  ** variants and mentions (and whatever else names it) now name iInto,
  ** each variant's reason prefixed with zWhy, and iFrom is gone. May be
  ** NULL. */
  int (*xMerge)(void *pCtx, long long iFrom, long long iInto, const char *zWhy);
  void *pCtx;
} marsad_resolver_store;

/* Creates a resolver. With pStore NULL, entities live in memory only and
** are numbered 1, 2, ... (for analyses without a database). MARSAD_OK or
** NOMEM; *ppOut is NULL on failure. pStore is copied. */
int marsad_resolver_new(const marsad_resolver_store *pStore,
                        marsad_resolver **ppOut /* OUT */);

/* Frees the resolver. NULL is fine. */
void marsad_resolver_free(marsad_resolver *p);

/* Teaches the resolver an entity stored earlier (loading a database):
** id, kind, display name, gazetteer id (or NULL). */
int marsad_resolver_load_entity(marsad_resolver *p, long long iId, int eKind,
                                const char *zName, const char *zGaz);

/* Teaches the resolver a variant key of a loaded entity. */
int marsad_resolver_load_variant(marsad_resolver *p, long long iId, const char *zKey);

/* The display name of entity iId when it is one of its own spellings that
** another may replace (marsad_entity_frequent_name): the entity has
** several variants and is no gazetteer entity, whose name is the list's.
** Else NULL. Owned by the resolver, valid until it renames the entity. */
const char *marsad_resolver_own_name(const marsad_resolver *p, long long iId);

/* Entity iId is shown as zName from now on (the store has it already).
** MARSAD_OK or NOMEM. */
int marsad_resolver_set_name(marsad_resolver *p, long long iId, const char *zName);

/* Sets iEntity of every mention of pA (whose texts are pA->art's fields),
** creating entities and variants through the store. MARSAD_OK, NOMEM or the
** store's error. */
int marsad_resolver_resolve(marsad_resolver *p, marsad_analysis *pA);

/* One way an entity's stored mentions are written (their text), with the
** number of its mentions written so. */
typedef struct marsad_spelling {
  char *z;              /* the text, NUL-terminated, owned by the list */
  size_t n;             /* its bytes */
  long long nMention;   /* mentions written so */
  char *zKey;           /* its matching key without its article (the key a
                        ** variant row has for it), NUL-terminated, in the
                        ** memory of z */
} marsad_spelling;

/* The spellings of one entity's stored mentions, each once: what
** `SELECT text, count(*) FROM mention WHERE entity=? GROUP BY text` reads. */
typedef struct marsad_spellings {
  marsad_spelling *a;
  int n, nAlloc;
} marsad_spellings;

/* Counts nMention more mentions written z[0..n) in p (a new spelling's key
** made once, here). MARSAD_OK or NOMEM (p unchanged). */
int marsad_spellings_add(marsad_spellings *p, const char *z, size_t n, long long nMention);

/* Frees what p holds and empties it (p itself is the caller's). */
void marsad_spellings_clear(marsad_spellings *p);

/* Into p (empty) the spellings of the stored mentions of entity iId.
** MARSAD_OK, NOMEM or the database's error. */
int marsad_entity_spellings(marsad_db *pDb, long long iId, marsad_spellings *p);

/* Into *pzName (owned by the caller, marsad_free) the spelling stored
** entity iId should be shown by instead of its display name zName, or NULL
** when zName is right: the variant's text with the most mentions among
** those with as many words as zName's variant (عبد and the next word one
** word: عبدالمجيد السواط, 34 mentions, over عبد المجيد السواط, 2), when it
** has more than zName's. pSp: the spellings of its stored mentions
** (marsad_entity_spellings, or kept up to date by the caller). MARSAD_OK,
** NOMEM or the database's error. */
int marsad_entity_frequent_name(marsad_db *pDb, long long iId, const char *zName,
                                const marsad_spellings *pSp, char **pzName /* OUT */);

/* Writes into pOut (reset first) the text z[0..n) as written but for the
** marks its key drops (harakat, tatweel, invisible controls:
** marsad_norm_fold gives them no code point), its runs of spaces made one
** space: the form names are shown by (داعـــش shown داعش). pOut->rc says
** when memory ran out. */
void marsad_entity_written_bare(const char *z, size_t n, marsad_buf *pOut);

/* The entity module's entry, listed in module.c. */
struct marsad_module;
extern const struct marsad_module marsad_module_entities;

#endif
