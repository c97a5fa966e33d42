/*
** lexicon.c: lookups in the generated word lists of the fact extractors
** (see lexicon.h). Multi-word entries are matched by joining the keys of
** consecutive words with one space and searching for the join.
*/
#include <string.h>
#include "marsad.h"
#include "lexicon.h"
#include "words.h"

#define LEX_JOIN_MAX 256   /* longest joined key looked up */

const marsad_lexent *marsad_lex_get(const marsad_lexicon *pLex, const char *p, size_t n){
  int lo = 0, hi = pLex->n;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    const marsad_lexent *e = &pLex->a[mid];
    size_t nMin = (size_t)e->nKey<n ? (size_t)e->nKey : n;
    int c = memcmp(e->zKey, p, nMin);
    if( c==0 ) c = (size_t)e->nKey<n ? -1 : (size_t)e->nKey>n ? 1 : 0;
    if( c==0 ) return e;
    if( c<0 ) lo = mid+1; else hi = mid;
  }
  return 0;
}

/* Joins into z the key eKey of word iFirst and the full keys of the words
** after it up to iLast (inclusive). Returns the length, or 0 when a key is
** missing or the join does not fit. */
static size_t join_keys(const marsad_words *pW, int iFirst, int iLast, int eKey,
                        char z[LEX_JOIN_MAX]){
  size_t n = 0;
  for(int i=iFirst; i<=iLast; i++){
    size_t nk;
    const char *k = marsad_word_key(pW, i, i==iFirst ? eKey : MARSAD_KEY_FULL, &nk);
    if( k==0 || nk==0 || n+nk+1>=LEX_JOIN_MAX ) return 0;
    if( i>iFirst ) z[n++] = ' ';
    memcpy(z+n, k, nk);
    n += nk;
  }
  return n;
}

/* The entry for words iFirst..iLast, trying the clitic-free keys of the
** first word when bClitics. */
static const marsad_lexent *lex_span(const marsad_lexicon *pLex, const marsad_words *pW,
                                     int iFirst, int iLast, int bClitics){
  char z[LEX_JOIN_MAX];
  int nVariant = bClitics ? 3 : 1;
  for(int v=0; v<nVariant; v++){
    size_t n = join_keys(pW, iFirst, iLast, v, z);
    const marsad_lexent *e = n ? marsad_lex_get(pLex, z, n) : 0;
    if( e ) return e;
  }
  return 0;
}

const marsad_lexent *marsad_lex_match(const marsad_lexicon *pLex,
                                      const marsad_words *pW, int iWord,
                                      int iLimit, int bClitics, int *pnWord){
  if( iLimit>pW->nWord ) iLimit = pW->nWord;
  for(int k=pLex->nMaxWord; k>=1; k--){
    if( iWord<0 || iWord+k>iLimit ) continue;
    const marsad_lexent *e = lex_span(pLex, pW, iWord, iWord+k-1, bClitics);
    if( e ){ *pnWord = k; return e; }
  }
  *pnWord = 0;
  return 0;
}

const marsad_lexent *marsad_lex_match_ending(const marsad_lexicon *pLex,
                                             const marsad_words *pW, int iLast,
                                             int iFloor, int bClitics, int *pnWord){
  if( iFloor<0 ) iFloor = 0;
  for(int k=pLex->nMaxWord; k>=1; k--){
    int iFirst = iLast-k+1;
    if( iFirst<iFloor || iLast>=pW->nWord ) continue;
    const marsad_lexent *e = lex_span(pLex, pW, iFirst, iLast, bClitics);
    if( e ){ *pnWord = k; return e; }
  }
  *pnWord = 0;
  return 0;
}

/* True when the word key k[0..nk) matches the pattern word z[0..nz), which
** may end in '*' (a prefix). */
static int wild_word(const char *z, size_t nz, const char *k, size_t nk){
  if( nz>0 && z[nz-1]=='*' ) return nk>=nz-1 && memcmp(z, k, nz-1)==0;
  return nz==nk && memcmp(z, k, nk)==0;
}

/* Words of entry e matched at iWord (first word under key eKey): the count,
** or 0 when it does not match. */
static int wild_entry(const marsad_lexent *e, const marsad_words *pW, int iWord,
                      int iLimit, int eKey){
  const char *z = e->zKey;
  const char *zEnd = z + e->nKey;
  int i = iWord;
  while( z<zEnd ){
    const char *zSp = memchr(z, ' ', (size_t)(zEnd-z));
    if( zSp==0 ) zSp = zEnd;
    size_t nk;
    const char *k = i<iLimit ? marsad_word_key(pW, i, i==iWord ? eKey : MARSAD_KEY_FULL, &nk) : 0;
    if( k==0 || !wild_word(z, (size_t)(zSp-z), k, nk) ) return 0;
    i++;
    z = zSp<zEnd ? zSp+1 : zEnd;
  }
  return i-iWord;
}

const marsad_lexent *marsad_lex_match_wild(const marsad_lexicon *pLex,
                                           const marsad_words *pW,
                                           int iWord, int iLimit, int bClitics,
                                           int *pnWord){
  const marsad_lexent *pBest = 0;
  int nBest = 0;
  if( iLimit>pW->nWord ) iLimit = pW->nWord;
  if( iWord<0 || iWord>=iLimit ){ *pnWord = 0; return 0; }
  for(int v=0; v<(bClitics ? 3 : 1); v++){
    for(int j=0; j<pLex->n; j++){
      int nw = wild_entry(&pLex->a[j], pW, iWord, iLimit, v);
      if( nw>nBest ){ nBest = nw; pBest = &pLex->a[j]; }
    }
  }
  *pnWord = nBest;
  return pBest;
}

const marsad_lexent *marsad_lex_match_wild_ending(const marsad_lexicon *pLex,
                                                  const marsad_words *pW,
                                                  int iLast, int iFloor, int bClitics,
                                                  int *pnWord){
  const marsad_lexent *pBest = 0;
  int nBest = 0;
  if( iFloor<0 ) iFloor = 0;
  for(int j=0; j<pLex->n; j++){
    int k = pLex->a[j].nWord;
    int iFirst = iLast-k+1;
    if( k<=nBest || iFirst<iFloor || iLast>=pW->nWord ) continue;
    for(int v=0; v<(bClitics ? 3 : 1); v++){
      if( wild_entry(&pLex->a[j], pW, iFirst, iLast+1, v)==k ){ nBest = k; pBest = &pLex->a[j]; break; }
    }
  }
  *pnWord = nBest;
  return pBest;
}
