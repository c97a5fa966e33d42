/*
** wordcache.c: the keys and stems of recent words (see wordcache.h): an
** open-addressing hash table (hash and word in each slot) over words that
** live, with their bytes and keys, in blocks that never move.
*/
#include <string.h>
#define XXH_INLINE_ALL         /* short words: the hash inlined is much faster */
#include <xxhash.h>
#include "marsad.h"
#include "alloc.h"
#include "imap.h"
#include "stem.h"
#include "wordcache.h"

/* The bound that marsad_wordcache_trim keeps: past this many words or bytes
** the cache starts a new epoch, keeping the words of the one before only
** until the next trim (those found again are copied into the new one).
** Small on purpose: the words of the last few articles (about 1 MB with
** the hash table, two epochs) stay in the processor's cache;
** a cache of 32,768 words (4 MB) saved more instructions but cost more CPU
** time than it saved, waiting for memory at every lookup
** (docs/BENCHMARKS.md, "The shared tokens and the stories' terms"). */
#define WC_MAX_WORDS  (1u<<12)
#define WC_MAX_TEXT   ((size_t)512<<10)

/* Bytes of an ordinary block (a longer word gets a block of its own). */
#define WC_BLOCK_BYTES 65536

/* A block of the words. */
typedef struct wc_block {
  struct wc_block *pNext;    /* the older block */
  size_t n, nAlloc;          /* bytes used, bytes in a[] for words */
  _Alignas(8) char a[];      /* the words (and stems), 8-byte aligned, then
                             ** MARSAD_CWORD_READ bytes never used */
} wc_block;

uint64_t marsad_wordcache_hash(const char *z, size_t n){
  return XXH3_64bits(z, n);
}

int marsad_wordcache_new(marsad_wordcache **ppOut){
  marsad_wordcache *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  p->iEpoch = 2;                  /* the emptied slots' 0 is no live epoch */
  *ppOut = p;
  return MARSAD_OK;
}

/* Frees the list of blocks pB. */
static void blocks_free(wc_block *pB){
  while( pB ){
    wc_block *pNext = pB->pNext;
    marsad_free(pB);
    pB = pNext;
  }
}

void marsad_wordcache_free(marsad_wordcache *p){
  if( p==0 ) return;
  blocks_free(p->pBlock);
  blocks_free(p->pOld);
  marsad_free(p->aSlot);
  marsad_norm_free(&p->norm);
  marsad_free(p);
}

void marsad_wordcache_trim(marsad_wordcache *p){
  if( p->nWord<=WC_MAX_WORDS && p->nText<=WC_MAX_TEXT ) return;
  blocks_free(p->pOld);           /* the words of the epoch before go */
  p->pOld = p->pBlock;            /* this epoch's words become the old ones */
  p->pBlock = 0;
  p->nOld = p->nWord;
  p->nWord = 0;
  p->nText = 0;
  p->iEpoch++;                    /* no slot has it yet */
  if( p->iEpoch==0 ){             /* wrapped: every slot emptied */
    if( p->aSlot ) memset(p->aSlot, 0, sizeof(marsad_wcslot)*p->nSlot);
    blocks_free(p->pOld);
    p->pOld = 0;
    p->nOld = 0;
    p->iEpoch = 2;
  }
}

/* Room for n bytes (rounded up to 8) in the cache's blocks, or NULL when
** out of memory. */
static void *block_alloc(marsad_wordcache *p, size_t n){
  wc_block *pB = p->pBlock;
  n = (n+7) & ~(size_t)7;
  if( pB==0 || pB->nAlloc - pB->n < n ){
    size_t nAlloc = n>WC_BLOCK_BYTES ? n : WC_BLOCK_BYTES;
    wc_block *pNew = marsad_malloc(sizeof(wc_block) + nAlloc + MARSAD_CWORD_READ);
    if( pNew==0 ) return 0;
    pNew->n = 0;
    pNew->nAlloc = nAlloc;
    if( pB && n>WC_BLOCK_BYTES ){       /* a long word: keep filling pB */
      pNew->pNext = pB->pNext;
      pB->pNext = pNew;
    }else{
      pNew->pNext = pB;
      p->pBlock = pNew;
    }
    pB = pNew;
  }
  void *pOut = pB->a + pB->n;
  pB->n += n;
  p->nText += n;
  return pOut;
}

/* True when slot s holds a word: one of this epoch or of the one before. */
static inline int slot_live(const marsad_wordcache *p, const marsad_wcslot *s){
  return p->iEpoch - s->iEpoch <= 1u;
}

/* Doubles the hash table (or makes its first one) and places every word in
** it again. MARSAD_OK or NOMEM. */
static int slots_grow(marsad_wordcache *p){
  uint32_t nNew = p->nSlot ? p->nSlot*2 : 1024;
  marsad_wcslot *aNew = marsad_malloc(sizeof(marsad_wcslot)*nNew);
  if( aNew==0 ) return MARSAD_NOMEM;
  memset(aNew, 0, sizeof(marsad_wcslot)*nNew);
  for(uint32_t i=0; i<p->nSlot; i++){
    if( !slot_live(p, &p->aSlot[i]) ) continue;
    uint32_t k = p->aSlot[i].h & (nNew-1);
    while( slot_live(p, &aNew[k]) ) k = (k+1) & (nNew-1);
    aNew[k] = p->aSlot[i];
  }
  marsad_free(p->aSlot);
  p->aSlot = aNew;
  p->nSlot = nNew;
  return MARSAD_OK;
}

/* Adds word z[0..n) of hash h, with its key, into empty slot s. */
static int word_add(marsad_wordcache *p, const char *z, size_t n, uint64_t h,
                    marsad_wcslot *s, marsad_cword **ppWord){
  int rc = marsad_norm_key(z, n, &p->norm);
  if( rc ) return rc;
  if( p->norm.n>=UINT32_MAX ) return MARSAD_MISUSE;
  marsad_cword *w = block_alloc(p, sizeof(marsad_cword) + n + p->norm.n);
  if( w==0 ) return MARSAD_NOMEM;
  w->h = h;
  w->nRaw = (uint32_t)n;
  w->nKey = (uint32_t)p->norm.n;
  if( n ) memcpy(w->a, z, n);
  if( w->nKey ) memcpy(w->a + n, p->norm.z, w->nKey);
  w->hKey = marsad_hash64(w->a + n, w->nKey);
  w->pStem = 0;
  w->nStem = 0;
  w->hStem = 0;
  s->h = (uint32_t)h;
  s->iEpoch = p->iEpoch;
  s->w = w;
  p->nWord++;
  *ppWord = w;
  return MARSAD_OK;
}

/* Copies word w of the epoch before into this epoch's blocks, into slot s
** (its own): it is then kept at the next trim. Its stem comes along when
** it is a span of its key, else it is made again on need. MARSAD_OK or
** NOMEM. */
static int word_renew(marsad_wordcache *p, marsad_wcslot *s, marsad_cword **ppWord){
  const marsad_cword *w = s->w;
  size_t nWord = sizeof(marsad_cword) + w->nRaw + w->nKey;
  marsad_cword *pNew = block_alloc(p, nWord);
  if( pNew==0 ) return MARSAD_NOMEM;
  memcpy(pNew, w, nWord);
  const char *zKey = marsad_cword_key(w);
  if( w->pStem && w->pStem>=zKey && w->pStem+w->nStem<=zKey+w->nKey ){
    pNew->pStem = marsad_cword_key(pNew) + (w->pStem - zKey);
  }else{
    pNew->pStem = 0;
    pNew->nStem = 0;
    pNew->hStem = 0;
  }
  s->w = pNew;
  s->iEpoch = p->iEpoch;
  p->nWord++;
  *ppWord = pNew;
  return MARSAD_OK;
}

int marsad_wordcache_find(marsad_wordcache *p, const char *z, size_t n, uint64_t h,
                          marsad_cword **ppWord){
  *ppWord = 0;
  if( n>=UINT32_MAX ) return MARSAD_MISUSE;
  if( (p->nWord+p->nOld+1)*2 > p->nSlot ){    /* at most half full */
    int rc = slots_grow(p);
    if( rc ) return rc;
  }
  uint32_t mask = p->nSlot-1;
  marsad_wcslot *s = &p->aSlot[h & mask];
  for(; slot_live(p, s); s = &p->aSlot[(uint32_t)(s - p->aSlot + 1) & mask]){
    if( s->h==(uint32_t)h && s->w->nRaw==n && memcmp(s->w->a, z, n)==0 ){
      if( s->iEpoch!=p->iEpoch ) return word_renew(p, s, ppWord);
      *ppWord = s->w;
      return MARSAD_OK;
    }
  }
  return word_add(p, z, n, h, s, ppWord);
}

int marsad_wordcache_stem(marsad_wordcache *p, marsad_cword *w){
  if( w->pStem ) return MARSAD_OK;
  const char *zKey = marsad_cword_key(w);
  size_t iStart, iEnd;
  const char *zGiven = marsad_stem_light_span(zKey, w->nKey, &iStart, &iEnd);
  if( zGiven ){                  /* a given stem: copied into the blocks */
    size_t nStem = strlen(zGiven);
    char *pStem = block_alloc(p, nStem);
    if( pStem==0 ) return MARSAD_NOMEM;
    memcpy(pStem, zGiven, nStem);
    w->pStem = pStem;
    w->nStem = (uint32_t)nStem;
    w->hStem = marsad_hash64(pStem, nStem);
    return MARSAD_OK;
  }
  w->pStem = zKey + iStart;      /* the stem is a span of the key */
  w->nStem = (uint32_t)(iEnd - iStart);
  w->hStem = w->nStem==w->nKey ? w->hKey : marsad_hash64(w->pStem, w->nStem);
  return MARSAD_OK;
}
