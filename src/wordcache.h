/*
** wordcache.h: the keys and light stems of the words met recently, so that
** a word written the same way again is not normalized (norm.h) and stemmed
** (stem.h) again. News text repeats its words, within an article and from
** one article to the next. The shared tokens of an article (analysis.h)
** take their keys and stems from here.
**
** A word is known by its exact bytes in the text. Its key is
** marsad_norm_run's of those bytes and its stem marsad_stem's (light
** stemmer) of the key, computed on first need: the same bytes, in any
** article, give the same key and stem computed afresh, so the cache changes
** no output. The cache is bounded: marsad_wordcache_trim, called between
** articles, starts a new epoch once it holds more than a set number of
** words or bytes; the words of the epoch before are forgotten then, but
** those found again in between are copied into the new epoch first (a word
** used all along stays known). Until it is forgotten every word stays where
** it is in memory.
**
** A lookup waits for memory twice (the hash slot, then the word), so a
** caller with many words to look up hashes them first and asks for their
** slots and words ahead (marsad_wordcache_prefetch) of looking them up.
*/
#ifndef MARSAD_WORDCACHE_H
#define MARSAD_WORDCACHE_H
#include <stddef.h>
#include <stdint.h>
#include "norm.h"

/* From the start of any key or stem of the cache, this many bytes can be
** read (the key's own and those after it in the cache's memory), so that a
** caller may copy a short key or stem with one fixed-size move. */
#define MARSAD_CWORD_READ 16

/* One word of the cache, with its bytes and key after it. Owned by the
** cache; it stays put until marsad_wordcache_trim forgets it or the cache
** is freed. */
typedef struct marsad_cword {
  uint64_t h;            /* marsad_wordcache_hash of the word's bytes */
  uint64_t hKey;         /* marsad_hash64 (imap.h) of its key */
  uint64_t hStem;        /* marsad_hash64 of its stem (set with pStem) */
  const char *pStem;     /* its light stem, NULL until marsad_wordcache_stem:
                         ** a span of its key, or a given stem (stem.h)
                         ** copied into the cache */
  uint32_t nRaw;         /* bytes of the word */
  uint32_t nKey;         /* bytes of its key */
  uint32_t nStem;        /* bytes of its stem */
  char a[];              /* the word's bytes, then its key (not NUL-ended) */
} marsad_cword;

/* A slot of the hash table: it holds a word only when its iEpoch is the
** cache's or the one before (a trim moves to the next epoch). */
typedef struct marsad_wcslot {
  uint32_t h;            /* the low half of the word's hash */
  uint32_t iEpoch;       /* the cache's epoch when the word was placed */
  marsad_cword *w;       /* the word */
} marsad_wcslot;

/* The cache. Its fields are read by the inline functions below; the rest
** is kept by wordcache.c. */
typedef struct marsad_wordcache {
  marsad_wcslot *aSlot;  /* hash table with linear probing */
  uint32_t nSlot;        /* slots (a power of two, or 0) */
  uint32_t nWord;        /* words held */
  uint32_t nOld;         /* words of the epoch before, at most */
  uint32_t iEpoch;       /* this epoch: a slot of it or of the one before
                         ** holds a word (2 or more) */
  size_t nText;          /* bytes of words held */
  struct wc_block *pBlock;       /* where the words live, newest block first */
  struct wc_block *pOld;         /* the blocks of the epoch before */
  marsad_norm norm;      /* scratch normalizer */
} marsad_wordcache;

/* The key of word w (w->nKey bytes). */
static inline const char *marsad_cword_key(const marsad_cword *w){
  return w->a + w->nRaw;
}

/* The hash by which the cache knows the word z[0..n). */
uint64_t marsad_wordcache_hash(const char *z, size_t n);

/* Asks the processor to bring into its cache the slot of the word of hash
** h (bWord 0), or the word that slot holds (bWord 1: ask for the slot some
** time before). Changes nothing. */
static inline void marsad_wordcache_prefetch(const marsad_wordcache *p, uint64_t h,
                                             int bWord){
  if( p->nSlot==0 ) return;
  const marsad_wcslot *s = &p->aSlot[h & (p->nSlot-1)];
  if( !bWord ) __builtin_prefetch(s);
  else if( p->iEpoch - s->iEpoch <= 1u ) __builtin_prefetch(s->w);
}

/* Creates an empty cache; *ppOut is NULL on failure. MARSAD_OK or NOMEM. */
int marsad_wordcache_new(marsad_wordcache **ppOut /* OUT */);

/* Frees the cache and its words. NULL is fine. */
void marsad_wordcache_free(marsad_wordcache *p);

/* Sets *ppWord to the word z[0..n) (z need not be NUL-terminated), whose
** marsad_wordcache_hash is h, adding it with its key when it is new.
** MARSAD_OK, NOMEM, or MISUSE for a word of UINT32_MAX bytes or more. */
int marsad_wordcache_find(marsad_wordcache *p, const char *z, size_t n, uint64_t h,
                          marsad_cword **ppWord /* OUT */);

/* Computes the light stem of word w (of p) when it has none yet. MARSAD_OK
** or NOMEM. */
int marsad_wordcache_stem(marsad_wordcache *p, marsad_cword *w);

/* Starts a new epoch when the cache holds more than its bound: the words
** of the epoch before are forgotten, this epoch's become the epoch before
** (call it between articles, when no word of the last article is in use). */
void marsad_wordcache_trim(marsad_wordcache *p);

#endif
