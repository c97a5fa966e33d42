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

/* A key decoded for stemming: its letters and where each starts. */
typedef struct stem_word {
  uint16_t aCp[STEM_MAX_LETTERS];         /* the letters */
  uint16_t aOff[STEM_MAX_LETTERS+1];      /* byte offset of each; [n] = bytes */
  int n;                                  /* letters */
} stem_word;

/* Decodes p[0..n) into *pW. Returns 0 when it is not made only of Arabic
** letters of U+0600..U+06FF, or is too long. Those letters are the
** two-byte sequences led by 0xD8..0xDB: read on their bytes. */
static int stem_decode(const char *p, size_t n, stem_word *pW){
  const unsigned char *a = (const unsigned char*)p;
  size_t i = 0;
  int nLetter = 0;   /* pW->n is set at the end: a local stays in a register */
  pW->n = 0;
  if( n>2*STEM_MAX_LETTERS ) return 0;
  while( i<n ){
    unsigned c = a[i];
    if( c-0xD8u>3u || i+1>=n || (a[i+1]&0xC0)!=0x80 ) return 0;
    uint32_t cp = ((c&0x1Fu)<<6) | (a[i+1]&0x3Fu);
    if( !marsad_fold_is_letter(cp) ) return 0;
    pW->aOff[nLetter] = (uint16_t)i;
    pW->aCp[nLetter++] = (uint16_t)cp;
    i += 2;
  }
  pW->aOff[nLetter] = (uint16_t)n;
  pW->n = nLetter;
  return 1;
}

/* True when letters aCp[i..i+pAffix->n) are the affix. */
static inline int affix_at(const stem_word *pW, int i, const marsad_affix *pAffix){
  for(int k=0; k<pAffix->n; k++){
    if( pW->aCp[i+k]!=pAffix->a[k] ) return 0;
  }
  return 1;
}

/* Strips the first affix of aList (a prefix when bEnd is 0, else a suffix)
** found on letters [*piFirst, *piLast) that leaves at least its nLeast
** letters; with bAll, tries every affix of the list in turn instead of
** stopping at the first one stripped. */
static void strip_list(const stem_word *pW, int *piFirst, int *piLast,
                       const marsad_affix *aList, int bEnd, int bAll){
  int iFirst = *piFirst, iLast = *piLast;   /* in registers through the loop */
  for(const marsad_affix *pA=aList; pA->n; pA++){
    if( iLast - iFirst - pA->n < pA->nLeast ) continue;
    if( !affix_at(pW, bEnd ? iLast-pA->n : iFirst, pA) ) continue;
    if( bEnd ) iLast -= pA->n; else iFirst += pA->n;
    if( !bAll ) break;
  }
  *piFirst = iFirst;
  *piLast = iLast;
}

/* The given stem of letters [iFirst, n) of pW when they are one of the
** stemmer's words (marsad_stem_words), else NULL. */
static const char *stem_given(const stem_word *pW, int iFirst){
  for(const marsad_stem_word *pS=marsad_stem_words; pS->n; pS++){
    if( pS->n!=pW->n-iFirst ) continue;
    int k = 0;
    while( k<pS->n && pS->a[k]==pW->aCp[iFirst+k] ) k++;
    if( k==pS->n ) return pS->zStem;
  }
  return 0;
}

/* The light stem of p[0..n) as a byte span [*piStart, *piEnd) of it, or,
** for a word whose stem is given, that stem in *pzGiven (else NULL). */
static void light_stem(const char *p, size_t n, size_t *piStart, size_t *piEnd,
                       const char **pzGiven){
  stem_word w;
  *piStart = 0;
  *piEnd = n;
  *pzGiven = 0;
  if( !stem_decode(p, n, &w) ) return;
  int iFirst = 0, iLast = w.n;
  strip_list(&w, &iFirst, &iLast, marsad_stem_conj, 0, 0);
  if( (*pzGiven = stem_given(&w, iFirst))!=0 ) return;
  strip_list(&w, &iFirst, &iLast, marsad_stem_articles, 0, 0);
  strip_list(&w, &iFirst, &iLast, marsad_stem_suffixes, 1, 1);
  *piStart = w.aOff[iFirst];
  *piEnd = w.aOff[iLast];
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
    stem_word w;
    if( !stem_decode(p, n, &w) ){
      z = stem_output(pStem, p, n);
      if( z ) *pnOut = n;
      return z;
    }
    z = (const char*)sb_stemmer_stem(pStem->pSnowball, (const sb_symbol*)p, (int)n);
    if( z ) *pnOut = (size_t)sb_stemmer_length(pStem->pSnowball);
    return z;
  }
  size_t iStart, iEnd;
  const char *zGiven;
  light_stem(p, n, &iStart, &iEnd, &zGiven);
  if( zGiven ){ p = zGiven; iStart = 0; iEnd = strlen(zGiven); }
  z = stem_output(pStem, p+iStart, iEnd-iStart);
  if( z ) *pnOut = iEnd-iStart;
  return z;
}
