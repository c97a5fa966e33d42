/*
** gaz.h: the gazetteer of the entity recogniser, generated at build time by
** tools/gen_gazetteer.py (build/gen/gazetteer.c) from the project's lists in
** data/ (entities_*.tsv, ner_*.tsv) and Debian's catalogs (iso-codes country
** names, GeoNames city names). One hash table maps a normalized key (words
** separated by one space, the first word without its article) to the entity
** it names, if any, and to the word classes the key belongs to.
*/
#ifndef MARSAD_GAZ_H
#define MARSAD_GAZ_H
#include <stddef.h>
#include <stdint.h>

/* Class bits of a key (keep in step with tools/gen_gazetteer.py). */
#define MARSAD_GAZ_ADJ        0x001  /* an adjective (nisba) of the entity: الروسية */
#define MARSAD_GAZ_PREFIX     0x002  /* the first words of a longer key */
#define MARSAD_GAZ_TITLE      0x004  /* a title or role before a name */
#define MARSAD_GAZ_OFFICE     0x008  /* completes a title (خارجية، السابق) */
#define MARSAD_GAZ_ORGHEAD    0x010  /* starts an organisation name */
#define MARSAD_GAZ_ORGADJ     0x020  /* an organisation with a nationality adjective */
#define MARSAD_GAZ_PLACEHEAD  0x040  /* a place name follows (مدينة، بلدة) */
#define MARSAD_GAZ_PARTICLE   0x080  /* joins the parts of a name (بن، أبو) */
#define MARSAD_GAZ_GIVEN      0x100  /* a given name */
#define MARSAD_GAZ_STOP       0x200  /* never part of a name */
#define MARSAD_GAZ_COMMON     0x400  /* a common word: never a name by itself */
#define MARSAD_GAZ_ARTREQ     0x1000 /* one word named with the article: only
                                        with it (الرقة, not رقة) */
#define MARSAD_GAZ_CURRENCY   0x2000 /* a currency: دولار (أمريكي) */
#define MARSAD_GAZ_TITLEART   0x4000 /* a one-word title only with the article
                                        (السلطان, not the given name سلطان) */
#define MARSAD_GAZ_CURATED    0x8000 /* its name comes from data/entities_*.tsv
                                        (left out when a data directory is loaded) */
#define MARSAD_GAZ_CONSTRUCT  0x20000 /* a given name that is also a noun in
                                        construct: مالك (owner of), أمين */
#define MARSAD_GAZ_NAMEHEAD   0x40000 /* a noun an organisation's name goes
                                        with or without (نادي الأهلي) */
#define MARSAD_GAZ_LEAD       0x80000 /* a noun that may stand right before a
                                        person's name (الحارس، المدافع) */
#define MARSAD_GAZ_ARTNO      0x100000 /* a one-word name of a person or of a
                                        place (no country) listed only without
                                        the article: never with it (جنين, not
                                        الجنين, the fetus; tools/gen_gazetteer.py
                                        article_free) */
#define MARSAD_GAZ_HOME       0x200000 /* a family name many bear (المالكي)
                                        that names its person only in an
                                        article naming his country (zHome) */
#define MARSAD_GAZ_GENERIC    0x400000 /* a generic body (قوات الأمن, any
                                        country's): recognised, no entity */
#define MARSAD_GAZ_ADJART     0x800  /* a name, but an adjective with the article
                                        (سورية / السورية) */

/* A named thing of the gazetteer. */
typedef struct marsad_gaz_entity {
  const char *zId;      /* stable id: ISO code "RU", "geo:170654", "org:reuters" */
  const char *zName;    /* English name */
  const char *zLabel;   /* Arabic display name */
  int eKind;            /* MARSAD_ENTITY_* */
  const char *zHome;    /* a person's country (ISO code: his family name
                           alone, a HOME key, names him there), or "" */
} marsad_gaz_entity;

/* One key. */
typedef struct marsad_gaz_key {
  const char *zKey;     /* normalized key */
  int nKey;             /* its bytes */
  int iEntity;          /* index into marsad_gaz_entities, or -1 */
  unsigned fClass;      /* MARSAD_GAZ_* bits */
} marsad_gaz_key;

/* True when key k (a name of one word) may be read from a word with
** (bArt) or without the article: not without it when the name is listed
** only with it (ARTREQ), not with it when only without it (ARTNO). */
static inline int marsad_gaz_article_fits(const marsad_gaz_key *k, int bArt){
  return !(bArt ? (k->fClass & MARSAD_GAZ_ARTNO) : (k->fClass & MARSAD_GAZ_ARTREQ));
}

extern const marsad_gaz_entity marsad_gaz_entities[];
extern const int marsad_gaz_nentities;
extern const marsad_gaz_key marsad_gaz_keys[];
extern const int marsad_gaz_nkeys;
/* One slot of the hash table. */
typedef struct marsad_gaz_slot {
  int32_t iKey;         /* index into marsad_gaz_keys, or -1 when empty */
  uint32_t h;           /* the key's full hash */
} marsad_gaz_slot;

extern const marsad_gaz_slot marsad_gaz_slots[]; /* open addressing, linear probing */
extern const unsigned marsad_gaz_mask;     /* slots - 1 (a power of two) */

/* A presence filter beside the table: bit (h * 0x9E3779B1) >> (32 -
** MARSAD_GAZ_FILTER_BITS) of it is set for the full hash h of every key
** (tools/gen_gazetteer.py). Small enough to stay in the cache, it answers
** most lookups of words the gazetteer lacks without touching the table. */
#define MARSAD_GAZ_FILTER_BITS 18
extern const uint64_t marsad_gaz_filter[];

/* The arrays above are the compiled gazetteer. Use the functions below,
** which answer from the gazetteer in force: the compiled one, or the one
** built when marsad_entities_data_dir (marsad.h) loaded a directory. */

/* A number that changes whenever the gazetteer in force does (a directory
** loaded or dropped): what a caller kept of its answers is stale then. */
unsigned marsad_gaz_generation(void);

/* The key p[0..n) of the gazetteer, or NULL when it has none. */
const marsad_gaz_key *marsad_gaz_lookup(const char *p, size_t n);

/* The gazetteer entity with stable id zId, or -1. Linear: for queries. */
int marsad_gaz_find_id(const char *zId);

/* Entity i (0 <= i < marsad_gaz_entity_count()). */
const marsad_gaz_entity *marsad_gaz_entity_at(int i);

/* True when entity i is a town of GeoNames (id "geo:…"); false for -1. */
int marsad_gaz_town(int i);

/* True when entity i is a country (an ISO 3166 code for its id). */
int marsad_gaz_country(int i);
int marsad_gaz_entity_count(void);

/* Key i (0 <= i < marsad_gaz_key_count()). */
const marsad_gaz_key *marsad_gaz_key_at(int i);

/* The index i of key k of the gazetteer in force (marsad_gaz_key_at(i)
** is k). */
int marsad_gaz_key_index(const marsad_gaz_key *k);
int marsad_gaz_key_count(void);

/* An outlet of the input and the organisation behind it (data/outlets.tsv,
** tools/gen_outlets.py): in its own articles, the name it calls itself by
** is that organisation. */
typedef struct marsad_gaz_outlet {
  const char *zOutlet;  /* the outlet id as the input names it (aljazirah) */
  const char *zOrg;     /* its organisation's entity id (org:aljazirah) */
  const char *zWords;   /* its own name as token keys (norm.h), article kept,
                           one space between: "الجزيره" */
  const char *zKey;     /* the same as a gazetteer key (the article of the
                           first word removed): "جزيره" */
} marsad_gaz_outlet;

extern const marsad_gaz_outlet marsad_gaz_outlets[];
extern const int marsad_gaz_noutlets;

/* The outlet zOutlet (may be NULL) of the map in force (the compiled one,
** or the directory's outlets.tsv when marsad_entities_data_dir loaded
** one: none when the directory has no such file), or NULL. */
const marsad_gaz_outlet *marsad_gaz_outlet_find(const char *zOutlet);

/* True when an outlet of the map in force whose organisation has entity id
** zOrg calls itself by gazetteer key zKey. */
int marsad_gaz_outlet_name(const char *zOrg, const char *zKey);

#endif
