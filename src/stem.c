/*
** stem.c: stems of normalized keys for search and matching (see stem.h):
** marsad's light stemmer, or Snowball's Arabic stemmer (libstemmer).
*/
#include <string.h>
#include <libstemmer.h>
#include "marsad.h"
#include "alloc.h"
#include "norm.h"
#include "stem.h"
#include "utf8.h"

/* Fewest letters a light stem keeps. */
#define STEM_MIN_LETTERS 3

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

/* Number of Arabic letters in p[0..n), or -1 when anything else is there. */
static long count_arabic_letters(const char *p, size_t n){
  const unsigned char *a = (const unsigned char*)p;
  long nLetter = 0;
  size_t i = 0, nLen;
  int bBad;
  while( i<n ){
    uint32_t cp = marsad_utf8_decode(a+i, n-i, &nLen, &bBad);
    if( bBad || !marsad_is_arabic_letter(cp) ) return -1;
    nLetter++;
    i += nLen;
  }
  return nLetter;
}

/* Letters in an affix (every affix letter is 2 bytes in UTF-8). */
static long affix_letters(size_t nAffix){ return (long)(nAffix/2); }

/* If p[*piStart..*piEnd) starts (bEnd==0) or ends (bEnd==1) with zAffix and
** at least STEM_MIN_LETTERS letters would remain, strips it, updates
** *pnLetter and returns 1; else returns 0. */
static int strip_affix(const char *p, size_t *piStart, size_t *piEnd,
                       long *pnLetter, const char *zAffix, int bEnd){
  size_t nAffix = strlen(zAffix);
  size_t nWord = *piEnd - *piStart;
  if( nAffix>=nWord || *pnLetter-affix_letters(nAffix)<STEM_MIN_LETTERS ) return 0;
  if( bEnd ){
    if( memcmp(p+*piEnd-nAffix, zAffix, nAffix)!=0 ) return 0;
    *piEnd -= nAffix;
  }else{
    if( memcmp(p+*piStart, zAffix, nAffix)!=0 ) return 0;
    *piStart += nAffix;
  }
  *pnLetter -= affix_letters(nAffix);
  return 1;
}

/* The light stem of p[0..n) as a span [*piStart, *piEnd) of it. */
static void light_stem(const char *p, size_t n, size_t *piStart, size_t *piEnd){
  long nLetter = count_arabic_letters(p, n);
  *piStart = 0;
  *piEnd = n;
  if( nLetter<0 ) return;
  for(int i=0; marsad_stem_conj[i]; i++){
    if( strip_affix(p, piStart, piEnd, &nLetter, marsad_stem_conj[i], 0) ) break;
  }
  for(int i=0; marsad_stem_articles[i]; i++){
    if( strip_affix(p, piStart, piEnd, &nLetter, marsad_stem_articles[i], 0) ) break;
  }
  for(int i=0; marsad_stem_suffixes[i]; i++){
    strip_affix(p, piStart, piEnd, &nLetter, marsad_stem_suffixes[i], 1);
  }
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
    if( count_arabic_letters(p, n)<0 || n>(size_t)0x7FFFFFFF ){
      z = stem_output(pStem, p, n);
      if( z ) *pnOut = n;
      return z;
    }
    z = (const char*)sb_stemmer_stem(pStem->pSnowball, (const sb_symbol*)p, (int)n);
    if( z ) *pnOut = (size_t)sb_stemmer_length(pStem->pSnowball);
    return z;
  }
  size_t iStart, iEnd;
  light_stem(p, n, &iStart, &iEnd);
  z = stem_output(pStem, p+iStart, iEnd-iStart);
  if( z ) *pnOut = iEnd-iStart;
  return z;
}
