/*
** analysis.h: what the pipeline knows about one article while it is being
** analysed: the article itself and the findings each analysis module adds
** (entity mentions here; dates, numbers, figures and statements in facts.h).
** Offsets are byte offsets into the title or the body as stored.
*/
#ifndef MARSAD_ANALYSIS_H
#define MARSAD_ANALYSIS_H
#include <stddef.h>
#include <stdint.h>
#include "marsad.h"

/* Which text a span points into. */
#define MARSAD_FIELD_BODY   0
#define MARSAD_FIELD_TITLE  1

/* Entity kinds. */
#define MARSAD_ENTITY_PERSON  1
#define MARSAD_ENTITY_PLACE   2
#define MARSAD_ENTITY_ORG     3
#define MARSAD_ENTITY_OTHER   4

/* The article under analysis. Strings are borrowed, not owned. */
typedef struct marsad_article {
  long long iRowid;        /* article rowid, or 0 when not stored */
  const char *zId;         /* stable article id (hex) */
  const char *zOutlet;     /* may be NULL */
  const char *zPublished;  /* YYYY-MM-DD, or NULL when unknown */
  const char *zIngested;   /* YYYY-MM-DD the article was ingested */
  const char *zTitle;      /* NUL-terminated; may be empty */
  size_t nTitle;
  const char *zBody;       /* NUL-terminated; may be empty */
  size_t nBody;
} marsad_article;

/* A mention of a person, place or organisation. */
typedef struct marsad_mention {
  int eField;          /* MARSAD_FIELD_* */
  size_t iStart;       /* byte span in that field */
  size_t iEnd;
  int eKind;           /* MARSAD_ENTITY_* */
  char *zKey;          /* the resolver's key for the name (owned) */
  long long iEntity;   /* entity id once resolved, else 0 */
} marsad_mention;

struct marsad_facts;
struct marsad_atokens;

/* Everything found in one article. Owned by whoever ran the analysis; freed
** with marsad_analysis_clear. */
typedef struct marsad_analysis {
  marsad_article art;
  marsad_mention *aMention;  /* mentions in text order, title first */
  int nMention;
  int nMentionAlloc;
  struct marsad_facts *pFacts;   /* dates, numbers, figures, statements */
  void (*xFactsFree)(struct marsad_facts*); /* frees pFacts; set with it */
  struct marsad_atokens *pTokens; /* the fields' tokens, kept for every module
                                  ** (marsad_analysis_keep_tokens), or NULL */
} marsad_analysis;

/* Appends a mention (taking ownership of zKey even on failure).
** MARSAD_OK or MARSAD_NOMEM. */
int marsad_analysis_add_mention(marsad_analysis *p, const marsad_mention *pM);

/* Makes pA keep the tokens of its title and body once they are computed,
** so that every module that reads them (marsad_analysis_tokens) shares one
** tokenization of the article. Call it before any module runs, and
** marsad_analysis_clear before the article's text changes. MARSAD_OK or
** NOMEM. */
int marsad_analysis_keep_tokens(marsad_analysis *pA);

struct marsad_wordcache;

/* marsad_analysis_keep_tokens, with the keys and stems of the words taken
** from pWords (wordcache.h), a cache lent by the caller that outlives pA and
** serves one article at a time: words written as in a recent article are
** not normalized and stemmed again. Trims pWords (marsad_wordcache_trim)
** before the article. MARSAD_OK or NOMEM. */
int marsad_analysis_keep_tokens_with(marsad_analysis *pA, struct marsad_wordcache *pWords);

/* Calls xToken for every token of field eField (MARSAD_FIELD_*) of pA's
** article, in text order, exactly as marsad_tokenize_stem with a light
** stemmer would: the same spans, keys and stems; punctuation when flags has
** MARSAD_TOKENIZE_PUNCT. Stems are computed only when bStem is set; a
** caller that does not set it must not read them (pStem is then the key,
** or the stem when an earlier call on the kept tokens asked for stems).
** With kept tokens (marsad_analysis_keep_tokens) the field is tokenized on
** the first call only, and the keys and stems given stay put until
** marsad_analysis_clear. Returns MARSAD_OK, NOMEM or the callback's value. */
int marsad_analysis_tokens(const marsad_analysis *pA, int eField, unsigned flags,
                           int bStem, marsad_token_fn xToken, void *pCtx);

/* A token of marsad_analysis_words, with the hashes of its key and stem. */
typedef struct marsad_aword {
  marsad_token tok;      /* the token, as marsad_analysis_tokens gives it */
  uint64_t hKey;         /* marsad_hash64 (imap.h) of tok.pKey[0..nKey) */
  uint64_t hStem;        /* marsad_hash64 of tok.pStem[0..nStem) */
} marsad_aword;

/* Called once per token by marsad_analysis_words; non-zero stops. With
** kept tokens the word given stays put, as its key and stem do, until
** marsad_analysis_clear (a caller may hold it while later words come). */
typedef int (*marsad_aword_fn)(void *pCtx, const marsad_aword *pWord);

/* marsad_analysis_tokens, giving each token with the hashes of its key and
** stem, computed once per distinct word rather than at every token. */
int marsad_analysis_words(const marsad_analysis *pA, int eField, unsigned flags,
                          int bStem, marsad_aword_fn xWord, void *pCtx);

/* Frees the findings and kept tokens (not the borrowed article) and zeroes
** them. */
void marsad_analysis_clear(marsad_analysis *p);

#endif
