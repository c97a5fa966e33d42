/*
** wordcache.h: the keys and light stems of the words met recently, so that
** a word written the same way again is not normalized (norm.h) and stemmed
** (stem.h) again. News text repeats its words: in the first 4,000
** SaudiNewsNet articles most word tokens were written exactly the same way
** in an earlier article. The shared tokens of an article (analysis.h) take
** their keys and stems from here.
**
** A word is known by its exact bytes in the text. Its key is
** marsad_norm_run's of those bytes and its stem marsad_stem's (light
** stemmer) of the key, computed on first need: the same bytes, in any
** article, give the same key and stem computed afresh, so the cache changes
** no output. The cache is bounded: marsad_wordcache_trim, called between
** articles, forgets every word once it holds more than a set number of words
** or bytes; until then the text of every word stays where it is.
*/
#ifndef MARSAD_WORDCACHE_H
#define MARSAD_WORDCACHE_H
#include <stddef.h>
#include <stdint.h>
#include "norm.h"

/* One word of the cache. Its text is owned by the cache and stays put
** until marsad_wordcache_trim forgets it or the cache is freed. */
typedef struct marsad_cword {
  uint64_t h;            /* hash of the word's bytes (XXH3) */
  uint64_t hKey;         /* marsad_hash64 of its key */
  uint64_t hStem;        /* marsad_hash64 of its stem (set with pStem) */
  const char *pRaw;      /* the word's bytes as written */
  const char *pKey;      /* its key */
  const char *pStem;     /* its light stem, NULL until marsad_wordcache_stem */
  uint32_t nRaw;         /* bytes in pRaw */
  uint32_t nKey;         /* bytes in pKey */
  uint32_t nStem;        /* bytes in pStem */
} marsad_cword;

/* The cache. Its fields are read by marsad_wordcache_at only; the rest of
** it is kept by wordcache.c. */
typedef struct marsad_wordcache {
  marsad_cword *aWord;   /* the words, numbered from 0 */
  uint32_t nWord;        /* words held */
  uint32_t nWordAlloc;   /* words allocated at aWord */
  uint32_t *aSlot;       /* hash table: a word's number + 1, 0 when empty */
  uint32_t nSlot;        /* slots (a power of two, or 0) */
  size_t nText;          /* bytes of text held */
  struct wc_block *pBlock;   /* the words' text, newest block first */
  struct marsad_stemmer *pStem;  /* light stemmer, made on first need */
  marsad_norm norm;      /* scratch normalizer */
} marsad_wordcache;

/* Creates an empty cache; *ppOut is NULL on failure. MARSAD_OK or NOMEM. */
int marsad_wordcache_new(marsad_wordcache **ppOut /* OUT */);

/* Frees the cache and the text of its words. NULL is fine. */
void marsad_wordcache_free(marsad_wordcache *p);

/* Sets *piWord to the number of the word z[0..n) (z need not be
** NUL-terminated), adding it with its key when it is new. Numbers stay valid
** until marsad_wordcache_trim forgets the words. MARSAD_OK, NOMEM, or MISUSE
** for a word of UINT32_MAX bytes or more. */
int marsad_wordcache_word(marsad_wordcache *p, const char *z, size_t n,
                          uint32_t *piWord /* OUT */);

/* The word numbered iWord (from marsad_wordcache_word). The pointer is valid
** until the next call of marsad_wordcache_word (the words' array may move);
** the text it points to stays put longer (see marsad_cword). Inline: the
** shared tokens read it for every token each module asks for. */
static inline const marsad_cword *marsad_wordcache_at(const marsad_wordcache *p,
                                                      uint32_t iWord){
  return &p->aWord[iWord];
}

/* Computes the light stem of word iWord when it has none yet. MARSAD_OK or
** NOMEM. */
int marsad_wordcache_stem(marsad_wordcache *p, uint32_t iWord);

/* Forgets every word when the cache holds more than its bound (call it
** between articles, when no word number or pointer of the last article is
** in use). */
void marsad_wordcache_trim(marsad_wordcache *p);

#endif
