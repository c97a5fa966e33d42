/*
** norm.c: normalization into matching keys with a map back to source byte
** offsets (see norm.h), driven by the generated tables of fold.h.
*/
#include <string.h>
#include <utf8proc.h>
#include "marsad.h"
#include "alloc.h"
#include "fold.h"
#include "norm.h"
#include "utf8.h"

/* The pool index of cp's folding, 0 when it has none. */
static inline unsigned fold_index(uint32_t cp){
  if( cp>=MARSAD_FOLD_BLOCK_FIRST && cp<=MARSAD_FOLD_BLOCK_LAST ){
    return marsad_fold_block[cp-MARSAD_FOLD_BLOCK_FIRST];
  }
  if( cp>=MARSAD_FOLD_PRES_FIRST && cp<=MARSAD_FOLD_PRES_LAST ){
    return marsad_fold_pres[cp-MARSAD_FOLD_PRES_FIRST];
  }
  if( cp<marsad_fold_sparse[0].cp ) return 0;
  int lo = 0, hi = marsad_fold_nsparse-1;
  while( lo<=hi ){               /* invariant: cp, if listed, is in [lo, hi] */
    int mid = (lo+hi)/2;
    if( marsad_fold_sparse[mid].cp==cp ) return marsad_fold_sparse[mid].iPool;
    if( marsad_fold_sparse[mid].cp<cp ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

/* Lower-cases a code point that has no table folding. */
static inline uint32_t fold_case(uint32_t cp){
  if( cp<0x80 ) return (cp>='A' && cp<='Z') ? cp+32 : cp;
  if( cp<0xC0 ) return cp;
  return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

int marsad_norm_fold(uint32_t cp, uint32_t aOut[MARSAD_NORM_FOLD_MAX]){
  unsigned i = fold_index(cp);
  if( i==0 ){ aOut[0] = fold_case(cp); return 1; }
  int n = (int)marsad_fold_pool[i];
  for(int k=0; k<n; k++) aOut[k] = marsad_fold_pool[i+1+k];
  return n;
}

int marsad_is_arabic_letter(uint32_t cp){
  return marsad_fold_is_letter(cp);
}

/* Bytes one source character can add to the key at most. */
#define NORM_MAX_OUT (MARSAD_NORM_FOLD_MAX*4)

/* Makes room for nMore more key bytes (and the terminator). MARSAD_OK or
** NOMEM; on failure *pNorm is unchanged. */
static int norm_reserve(marsad_norm *pNorm, size_t nMore){
  size_t nNeed = pNorm->n + nMore + 1;
  if( nNeed<=pNorm->nAlloc ) return MARSAD_OK;
  size_t nNew = pNorm->nAlloc ? pNorm->nAlloc : 64;
  while( nNew<nNeed ) nNew *= 2;
  char *z = marsad_realloc(pNorm->z, nNew);
  if( z==0 ) return MARSAD_NOMEM;
  pNorm->z = z;
  uint32_t *a = marsad_realloc(pNorm->aOff, nNew*sizeof(uint32_t));
  if( a==0 ) return MARSAD_NOMEM;   /* z grew; nAlloc stays: still consistent */
  pNorm->aOff = a;
  pNorm->nAlloc = nNew;
  return MARSAD_OK;
}

/* Appends the folding of the non-ASCII character cp found at source offset
** iSrc, with its offsets when bMap. Room for NORM_MAX_OUT bytes has been
** reserved. */
static void norm_put_folded(marsad_norm *pNorm, uint32_t cp, uint32_t iSrc, int bMap){
  uint32_t aCp[MARSAD_NORM_FOLD_MAX];
  int nCp = marsad_norm_fold(cp, aCp);
  for(int k=0; k<nCp; k++){
    unsigned char a[4];
    size_t nByte = marsad_utf8_encode(aCp[k], a);
    for(size_t b=0; b<nByte; b++){
      if( bMap ) pNorm->aOff[pNorm->n] = iSrc;
      pNorm->z[pNorm->n++] = (char)a[b];
    }
  }
}

/* Writes the key bytes of the character of U+0600..U+06FF whose two bytes
** are a[0..2) at z[0..), with their source offset iSrc when bMap: as they
** are, none (harakat, tatweel), or one two-byte letter (أ إ آ into ا, ة into
** ه). Returns the bytes written, or -1 when the folding is none of these
** (norm_put_folded writes it). */
static inline int norm_put_block(const unsigned char *a, char *z, uint32_t *aOff,
                                 uint32_t iSrc, int bMap){
  unsigned k = marsad_fold_block[((a[0]&0x03u)<<6) | (a[1]&0x3Fu)];
  if( k==0 ){
    z[0] = (char)a[0];
    z[1] = (char)a[1];
    if( bMap ) aOff[0] = aOff[1] = iSrc;
    return 2;
  }
  uint32_t nFold = marsad_fold_pool[k];
  if( nFold==0 ) return 0;
  uint32_t cpTo = marsad_fold_pool[k+1];
  if( nFold!=1 || cpTo<0x80 || cpTo>=0x800 ) return -1;
  z[0] = (char)(0xC0 | (cpTo>>6));
  z[1] = (char)(0x80 | (cpTo & 0x3F));
  if( bMap ) aOff[0] = aOff[1] = iSrc;
  return 2;
}

/* Writes the keys of the characters of a[*pi..n) at z[nOut..) (with their
** source offsets when bMap) as long as they are ASCII or characters of
** U+0600..U+06FF that norm_put_block writes; stops at the end or at the
** first other character, setting *pi there. Returns the new nOut. Never
** writes more bytes than it reads. No call in the loop: its variables
** stay in registers. */
static inline size_t norm_fast(const unsigned char *a, size_t n, size_t *pi,
                               char *z, uint32_t *aOff, size_t nOut, int bMap){
  size_t i = *pi;
  while( i<n ){
    unsigned c = a[i];
    if( c<0x80 ){
      z[nOut] = (char)((c-'A')<26u ? c+32 : c);
      if( bMap ) aOff[nOut] = (uint32_t)i;
      nOut++;
      i++;
      continue;
    }
    if( c-0xD8u>3u || i+1>=n || (a[i+1]&0xC0)!=0x80 ) break;
    int nPut = norm_put_block(a+i, z+nOut, bMap ? aOff+nOut : 0, (uint32_t)i, bMap);
    if( nPut<0 ) break;
    nOut += (size_t)nPut;
    i += 2;
  }
  *pi = i;
  return nOut;
}

/* marsad_norm_run, and the offset map when bMap (a constant in each
** caller: the compiler makes one loop of each). */
static inline int norm_run(const char *p, size_t n, marsad_norm *pNorm, int bMap){
  const unsigned char *a = (const unsigned char*)p;
  int rc = MARSAD_OK;
  size_t i = 0;
  pNorm->n = 0;
  if( n>UINT32_MAX ) return MARSAD_MISUSE;
  rc = norm_reserve(pNorm, n + NORM_MAX_OUT);
  /* The key's buffers and length live in locals while the loop runs (the
  ** compiler cannot keep pNorm's fields in registers across the stores);
  ** they are written back before anything else reads or grows *pNorm.
  ** Invariant: nOut + (n-i) + NORM_MAX_OUT < nRoom. norm_fast never writes
  ** more bytes than it reads, so only the generic path checks the room. */
  size_t nOut = 0;
  while( rc==MARSAD_OK && i<n ){
    nOut = norm_fast(a, n, &i, pNorm->z, pNorm->aOff, nOut, bMap);
    if( i>=n ) break;
    size_t nLen;
    int bBad;
    uint32_t cp = marsad_utf8_decode(a+i, n-i, &nLen, &bBad);
    pNorm->n = nOut;
    norm_put_folded(pNorm, cp, (uint32_t)i, bMap);
    nOut = pNorm->n;
    i += nLen;
    if( nOut + (n-i) + NORM_MAX_OUT + 1 > pNorm->nAlloc ){
      rc = norm_reserve(pNorm, (n-i) + NORM_MAX_OUT);
    }
  }
  pNorm->n = nOut;
  if( rc==MARSAD_OK ){
    pNorm->z[pNorm->n] = 0;
    if( bMap ) pNorm->aOff[pNorm->n] = (uint32_t)n;
  }else{
    pNorm->n = 0;
    if( pNorm->z ) pNorm->z[0] = 0;
  }
  return rc;
}

int marsad_norm_run(const char *p, size_t n, marsad_norm *pNorm){
  return norm_run(p, n, pNorm, 1);
}

int marsad_norm_key(const char *p, size_t n, marsad_norm *pNorm){
  return norm_run(p, n, pNorm, 0);
}

void marsad_norm_free(marsad_norm *pNorm){
  if( pNorm==0 ) return;
  marsad_free(pNorm->z);
  marsad_free(pNorm->aOff);
  memset(pNorm, 0, sizeof *pNorm);
}
