/*
** stem.c: stems of normalized keys for search and matching (see stem.h):
** marsad's light stemmer, or Snowball's Arabic stemmer (libstemmer).
*/
#include <string.h>
#include <libstemmer.h>
#include "marsad.h"
#include "alloc.h"
#include "fold.h"
#include "norm.h"
#include "stem.h"

struct marsad_stemmer {
  int eKind;                      /* MARSAD_STEM_* */
  struct sb_stemmer *pSnowball;   /* Snowball's Arabic stemmer, or NULL */
  char *zOut;                     /* the last stem (light kind) */
  size_t nAlloc;                  /* bytes allocated at zOut */
};

int marsad_stemmer_new_kind(int eKind, marsad_stemmer **ppOut){
  marsad_stemmer *p;
  *ppOut = 0;
  if( eKind!=MARSAD_STEM_LIGHT && eKind!=MARSAD_STEM_SNOWBALL ) return MARSAD_MISUSE;
  p = marsad_malloc(sizeof *p);
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  p->eKind = eKind;
  if( eKind==MARSAD_STEM_SNOWBALL ){
    p->pSnowball = sb_stemmer_new("arabic", "UTF_8");
    if( p->pSnowball==0 ){ marsad_free(p); return MARSAD_NOMEM; }
  }
  *ppOut = p;
  return MARSAD_OK;
}

int marsad_stemmer_new(marsad_stemmer **ppOut){
  return marsad_stemmer_new_kind(MARSAD_STEM_LIGHT, ppOut);
}

void marsad_stemmer_free(marsad_stemmer *p){
  if( p==0 ) return;
  if( p->pSnowball ) sb_stemmer_delete(p->pSnowball);
  marsad_free(p->zOut);
  marsad_free(p);
}

/* Longest key (in letters) the light stemmer looks into; longer ones are
** not words and come back unchanged. */
#define STEM_MAX_LETTERS 64

/* True when p[0..n) is made only of Arabic letters of U+0600..U+06FF and is
** not too long. Those letters are the two-byte sequences led by
** 0xD8..0xDB: read on their bytes. The stemmer then works on the bytes:
** every letter of the key, of an affix and of a given word is two bytes,
** so a run of letters compares as its bytes. */
static int stem_letters(const char *p, size_t n){
  const unsigned char *a = (const unsigned char*)p;
  if( n>2*STEM_MAX_LETTERS || (n&1) ) return 0;
  for(size_t i=0; i<n; i+=2){
    unsigned c = a[i];
    if( c-0xD8u>3u || (a[i+1]&0xC0)!=0x80 ) return 0;
    unsigned k = ((c&0x03u)<<6) | (a[i+1]&0x3Fu);     /* cp - U+0600 */
    if( !((marsad_letter_block[k>>3]>>(k&7)) & 1) ) return 0;
  }
  return 1;
}

/* True when the n bytes (an even number) at a and b are the same: compared
** two at a time, inline (a call to memcmp costs more than these short
** affixes). */
static inline int pairs_equal(const char *a, const char *b, size_t n){
  for(size_t k=0; k<n; k+=2){
    uint16_t x, y;
    memcpy(&x, a+k, 2);
    memcpy(&y, b+k, 2);
    if( x!=y ) return 0;
  }
  return 1;
}

/* True when the letter at a[i..i+2) is one of mEdge (bit c-U+0621 for
** letter c). */
static inline int edge_letter(const char *a, size_t i, uint64_t mEdge){
  const unsigned char *u = (const unsigned char*)a + i;
  unsigned k = (((u[0]&0x1Fu)<<6) | (u[1]&0x3Fu)) - 0x0621u;
  return k<64 && ((mEdge>>k)&1);
}

/* Strips the first affix of aList (a prefix when bEnd is 0, else a suffix)
** found on the bytes [*piFirst, *piLast) of a that leaves at least its
** nLeast letters; with bAll, tries every affix of the list in turn instead
** of stopping at the first one stripped. mEdge is the list's mask of edge
** letters: a word whose edge letter is none of them is passed at once. */
static inline void strip_list(const char *a, size_t *piFirst, size_t *piLast,
                       const marsad_affix *aList, uint64_t mEdge, int bEnd,
                       int bAll){
  size_t iFirst = *piFirst, iLast = *piLast;   /* in registers through the loop */
  if( iLast-iFirst<2 || !edge_letter(a, bEnd ? iLast-2 : iFirst, mEdge) ) return;
  for(const marsad_affix *pA=aList; pA->n; pA++){
    size_t nAffix = 2*(size_t)pA->n;
    if( iLast - iFirst < nAffix + 2*(size_t)pA->nLeast ) continue;
    if( !pairs_equal(a + (bEnd ? iLast-nAffix : iFirst), pA->z, nAffix) ) continue;
    if( bEnd ) iLast -= nAffix; else iFirst += nAffix;
    if( !bAll ) break;
    if( iLast-iFirst<2 || !edge_letter(a, bEnd ? iLast-2 : iFirst, mEdge) ) break;
  }
  *piFirst = iFirst;
  *piLast = iLast;
}

/* The given stem of the bytes a[iFirst..n) when they are one of the
** stemmer's words (marsad_stem_words), else NULL. */
static const char *stem_given(const char *a, size_t iFirst, size_t n){
  for(const marsad_stem_word *pS=marsad_stem_words; pS->n; pS++){
    if( 2*(size_t)pS->n==n-iFirst && pairs_equal(a+iFirst, pS->zForm, n-iFirst) ){
      return pS->zStem;
    }
  }
  return 0;
}

const char *marsad_stem_light_span(const char *p, size_t n, size_t *piStart,
                                   size_t *piEnd){
  size_t iFirst = 0, iLast = n;
  const char *zGiven;
  *piStart = 0;
  *piEnd = n;
  if( !stem_letters(p, n) ) return 0;
  strip_list(p, &iFirst, &iLast, marsad_stem_conj, marsad_stem_conj_edge, 0, 0);
  if( (zGiven = stem_given(p, iFirst, n))!=0 ) return zGiven;
  strip_list(p, &iFirst, &iLast, marsad_stem_articles, marsad_stem_articles_edge, 0, 0);
  strip_list(p, &iFirst, &iLast, marsad_stem_suffixes, marsad_stem_suffixes_edge, 1, 1);
  *piStart = iFirst;
  *piEnd = iLast;
  return 0;
}

/* Copies p[0..n) into the stemmer's output buffer. NULL when out of memory. */
static const char *stem_output(marsad_stemmer *pStem, const char *p, size_t n){
  if( n+1>pStem->nAlloc ){
    size_t nNew = n+1<32 ? 32 : 2*(n+1);
    char *z = marsad_realloc(pStem->zOut, nNew);
    if( z==0 ) return 0;
    pStem->zOut = z;
    pStem->nAlloc = nNew;
  }
  if( n ) memcpy(pStem->zOut, p, n);
  pStem->zOut[n] = 0;
  return pStem->zOut;
}

const char *marsad_stem(marsad_stemmer *pStem, const char *p, size_t n,
                        size_t *pnOut){
  const char *z;
  *pnOut = 0;
  if( pStem->eKind==MARSAD_STEM_SNOWBALL ){
    if( !stem_letters(p, n) ){
      z = stem_output(pStem, p, n);
      if( z ) *pnOut = n;
      return z;
    }
    z = (const char*)sb_stemmer_stem(pStem->pSnowball, (const sb_symbol*)p, (int)n);
    if( z ) *pnOut = (size_t)sb_stemmer_length(pStem->pSnowball);
    return z;
  }
  size_t iStart, iEnd;
  const char *zGiven = marsad_stem_light_span(p, n, &iStart, &iEnd);
  if( zGiven ){ p = zGiven; iStart = 0; iEnd = strlen(zGiven); }
  z = stem_output(pStem, p+iStart, iEnd-iStart);
  if( z ) *pnOut = iEnd-iStart;
  return z;
}
