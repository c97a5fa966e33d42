/*
** wordcache.c: the keys and stems of recent words (see wordcache.h): an
** open-addressing hash table of word numbers over an array of words, whose
** text lives in blocks that never move.
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
** of text the cache starts again empty. News text draws most of its tokens
** from a few tens of thousands of spellings. */
#define WC_MAX_WORDS  (1u<<16)
#define WC_MAX_TEXT   ((size_t)8<<20)

/* Bytes of text of an ordinary block (a longer word gets a block of its
** own). */
#define WC_BLOCK_BYTES 65536

/* A block of the words' text. */
typedef struct wc_block {
  struct wc_block *pNext;    /* the older block */
  size_t n, nAlloc;          /* bytes used, bytes in a[] */
  char a[];                  /* the text */
} wc_block;

int marsad_wordcache_new(marsad_wordcache **ppOut){
  marsad_wordcache *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  *ppOut = p;
  return MARSAD_OK;
}

/* Frees the text blocks of p. */
static void blocks_free(marsad_wordcache *p){
  while( p->pBlock ){
    wc_block *pNext = p->pBlock->pNext;
    marsad_free(p->pBlock);
    p->pBlock = pNext;
  }
}

void marsad_wordcache_free(marsad_wordcache *p){
  if( p==0 ) return;
  blocks_free(p);
  marsad_free(p->aWord);
  marsad_free(p->aSlot);
  marsad_norm_free(&p->norm);
  marsad_stemmer_free(p->pStem);
  marsad_free(p);
}

void marsad_wordcache_trim(marsad_wordcache *p){
  if( p->nWord<=WC_MAX_WORDS && p->nText<=WC_MAX_TEXT ) return;
  blocks_free(p);
  p->nWord = 0;
  p->nText = 0;
  if( p->aSlot ) memset(p->aSlot, 0, sizeof(uint32_t)*p->nSlot);
}

/* Copies z[0..n) into the cache's text and returns where, or NULL when out
** of memory. */
static const char *text_put(marsad_wordcache *p, const char *z, size_t n){
  wc_block *pB = p->pBlock;
  if( pB==0 || pB->nAlloc - pB->n < n ){
    size_t nAlloc = n>WC_BLOCK_BYTES ? n : WC_BLOCK_BYTES;
    wc_block *pNew = marsad_malloc(sizeof(wc_block) + nAlloc);
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
  char *zOut = pB->a + pB->n;
  if( n ) memcpy(zOut, z, n);
  pB->n += n;
  p->nText += n;
  return zOut;
}

/* Doubles the hash table (or makes its first one) and places every word in
** it again. MARSAD_OK or NOMEM. */
static int slots_grow(marsad_wordcache *p){
  uint32_t nNew = p->nSlot ? p->nSlot*2 : 1024;
  uint32_t *aNew = marsad_malloc(sizeof(uint32_t)*nNew);
  if( aNew==0 ) return MARSAD_NOMEM;
  memset(aNew, 0, sizeof(uint32_t)*nNew);
  for(uint32_t i=0; i<p->nWord; i++){
    uint32_t k = (uint32_t)p->aWord[i].h & (nNew-1);
    while( aNew[k] ) k = (k+1) & (nNew-1);
    aNew[k] = i+1;
  }
  marsad_free(p->aSlot);
  p->aSlot = aNew;
  p->nSlot = nNew;
  return MARSAD_OK;
}

/* Adds word z[0..n) of hash h at slot k (empty) with its key. */
static int word_add(marsad_wordcache *p, const char *z, size_t n, uint64_t h,
                    uint32_t k, uint32_t *piWord){
  if( p->nWord>=p->nWordAlloc ){
    uint32_t nNew = p->nWordAlloc ? p->nWordAlloc*2 : 1024;
    marsad_cword *aNew = marsad_realloc(p->aWord, sizeof(marsad_cword)*nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    p->aWord = aNew;
    p->nWordAlloc = nNew;
  }
  int rc = marsad_norm_run(z, n, &p->norm);
  if( rc ) return rc;
  if( p->norm.n>=UINT32_MAX ) return MARSAD_MISUSE;
  const char *pRaw = text_put(p, z, n);
  const char *pKey = pRaw ? text_put(p, p->norm.z, p->norm.n) : 0;
  if( pKey==0 ) return MARSAD_NOMEM;
  marsad_cword *w = &p->aWord[p->nWord];
  w->h = h;
  w->pRaw = pRaw;
  w->nRaw = (uint32_t)n;
  w->pKey = pKey;
  w->nKey = (uint32_t)p->norm.n;
  w->hKey = marsad_hash64(pKey, p->norm.n);
  w->pStem = 0;
  w->nStem = 0;
  p->aSlot[k] = ++p->nWord;
  *piWord = p->nWord-1;
  return MARSAD_OK;
}

int marsad_wordcache_word(marsad_wordcache *p, const char *z, size_t n,
                          uint32_t *piWord){
  if( n>=UINT32_MAX ) return MARSAD_MISUSE;
  if( (p->nWord+1)*2 > p->nSlot ){            /* at most half full */
    int rc = slots_grow(p);
    if( rc ) return rc;
  }
  uint64_t h = XXH3_64bits(z, n);
  uint32_t mask = p->nSlot-1;
  uint32_t k = (uint32_t)h & mask;
  for(; p->aSlot[k]; k=(k+1)&mask){
    const marsad_cword *w = &p->aWord[p->aSlot[k]-1];
    if( w->h==h && w->nRaw==n && memcmp(w->pRaw, z, n)==0 ){
      *piWord = p->aSlot[k]-1;
      return MARSAD_OK;
    }
  }
  return word_add(p, z, n, h, k, piWord);
}

int marsad_wordcache_stem(marsad_wordcache *p, uint32_t iWord){
  marsad_cword *w = &p->aWord[iWord];
  if( w->pStem ) return MARSAD_OK;
  if( p->pStem==0 ){
    int rc = marsad_stemmer_new(&p->pStem);
    if( rc ) return rc;
  }
  size_t nStem = 0;
  const char *zStem = marsad_stem(p->pStem, w->pKey, w->nKey, &nStem);
  const char *pStem = zStem ? text_put(p, zStem, nStem) : 0;
  if( pStem==0 ) return MARSAD_NOMEM;
  w->pStem = pStem;
  w->nStem = (uint32_t)nStem;
  w->hStem = marsad_hash64(pStem, nStem);
  return MARSAD_OK;
}
