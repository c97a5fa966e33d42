/*
** lexicon.c: lookups in the generated word lists of the fact extractors
** (see lexicon.h). Multi-word entries are matched by joining the keys of
** consecutive words with one space and searching for the join.
*/
#include <stdint.h>
#include <string.h>
#include "marsad.h"
#include "imap.h"
#include "lexicon.h"
#include "words.h"

#define LEX_JOIN_MAX 256   /* longest joined key looked up */

/* Binary search for key p[0..n) among a[0..nA). */
static const marsad_lexent *lex_find(const marsad_lexent *a, int nA, const char *p, size_t n){
  int lo = 0, hi = nA;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    const marsad_lexent *e = &a[mid];
    size_t nMin = (size_t)e->nKey<n ? (size_t)e->nKey : n;
    int c = memcmp(e->zKey, p, nMin);
    if( c==0 ) c = (size_t)e->nKey<n ? -1 : (size_t)e->nKey>n ? 1 : 0;
    if( c==0 ) return e;
    if( c<0 ) lo = mid+1; else hi = mid;
  }
  return 0;
}

/* The entry of marsad_lex_first_all for key p[0..n), whose marsad_hash64
** is h, or NULL, through its hash table (one probe or two for most words,
** instead of a binary search). */
static const marsad_lexent *first_all_get(const char *p, size_t n, uint64_t h){
  uint32_t tag = (uint32_t)(h>>48);
  for(uint32_t s=(uint32_t)h & marsad_lex_first_mask; marsad_lex_first_slots[s]; s=(s+1) & marsad_lex_first_mask){
    uint32_t v = marsad_lex_first_slots[s];
    if( (v>>16)!=tag ) continue;
    const marsad_lexent *e = &marsad_lex_first_all.a[(v & 0xFFFF)-1];
    if( (size_t)e->nKey==n && memcmp(e->zKey, p, n)==0 ) return e;
  }
  return 0;
}

/* An entry's key begins with its first word, which marsad_lex_first_all
** lists with the bits of the tables it starts an entry of: a key whose first
** word starts no entry of pLex is rejected with one hash probe instead of a
** binary search (the recogniser asks at every word whether it is a verb of
** saying, and almost none is). */
const marsad_lexent *marsad_lex_get(const marsad_lexicon *pLex, const char *p, size_t n){
  if( pLex->iBit>=0 ){
    const char *pSpace = memchr(p, ' ', n);
    size_t nFirst = pSpace ? (size_t)(pSpace-p) : n;
    const marsad_lexent *f = first_all_get(p, nFirst, marsad_hash64(p, nFirst));
    if( f==0 || !(f->iValue & (1LL<<pLex->iBit)) ) return 0;
  }
  return lex_find(pLex->a, pLex->n, p, n);
}

const marsad_lexent *marsad_lex_get_word(const marsad_lexicon *pLex,
                                         const marsad_words *pW, int i, int eKey){
  size_t n;
  if( !(pW->a[i].aLex[eKey] & (1u<<pLex->iBit)) ) return 0;
  const char *k = marsad_word_key(pW, i, eKey, &n);
  return k ? lex_find(pLex->a, pLex->n, k, n) : 0;
}

unsigned marsad_lex_bits(const char *p, size_t n, uint64_t h){
  const marsad_lexent *e = first_all_get(p, n, h);
  return e ? (unsigned)e->iValue : 0;
}

/* The first-word entry of pLex for key eKey of word i, or NULL: a bit test
** first, the search only when some entry starts with the word. */
static const marsad_lexent *first_entry(const marsad_lexicon *pLex, const marsad_words *pW,
                                        int i, int eKey){
  if( !(pW->a[i].aLex[eKey] & (1u<<pLex->iBit)) ) return 0;
  size_t nk;
  const char *k = marsad_word_key(pW, i, eKey, &nk);
  return lex_find(pLex->aFirst, pLex->nFirst, k, nk);
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

/* The first-word entries of pLex (or NULL) for the keys of word i, one per
** MARSAD_KEY_* (the first only unless bClitics), into aF[3]. */
static void first_entries(const marsad_lexicon *pLex, const marsad_words *pW, int i,
                          int bClitics, const marsad_lexent *aF[3]){
  for(int v=0; v<3; v++){
    aF[v] = (v==0 || bClitics) ? first_entry(pLex, pW, i, v) : 0;
  }
}

/* The entry for words iFirst..iLast, trying the clitic-free keys of the
** first word when bClitics; only keys that start an entry of that many
** words are joined. aF: the first-word entries of word iFirst
** (first_entries). The span is never longer than an entry of pLex (at most
** 62 words, as gen_facts.py checks). */
static const marsad_lexent *lex_span(const marsad_lexicon *pLex, const marsad_words *pW,
                                     int iFirst, int iLast, const marsad_lexent *aF[3]){
  char z[LEX_JOIN_MAX];
  int nSpan = iLast-iFirst+1;
  for(int v=0; v<3; v++){
    const marsad_lexent *f = aF[v];
    if( f==0 || !(f->iValue & (1LL<<nSpan)) ) continue;
    size_t n = join_keys(pW, iFirst, iLast, v, z);
    const marsad_lexent *e = n ? lex_find(pLex->a, pLex->n, z, n) : 0;   /* f: its bit is set */
    if( e ) return e;
  }
  return 0;
}

const marsad_lexent *marsad_lex_match_from(const marsad_lexicon *pLex,
                                           const marsad_words *pW, int iWord,
                                           int iLimit, int bClitics, int *pnWord){
  int nMax = 0;
  const marsad_lexent *aF[3];
  *pnWord = 0;
  if( iLimit>pW->nWord ) iLimit = pW->nWord;
  if( iWord<0 || iWord>=iLimit ) return 0;
  first_entries(pLex, pW, iWord, bClitics, aF);
  for(int v=0; v<3; v++){
    if( aF[v] && aF[v]->nWord>nMax ) nMax = aF[v]->nWord;
  }
  for(int k=nMax; k>=1; k--){
    if( iWord+k>iLimit ) continue;
    const marsad_lexent *e = lex_span(pLex, pW, iWord, iWord+k-1, aF);
    if( e ){ *pnWord = k; return e; }
  }
  return 0;
}

const marsad_lexent *marsad_lex_match_ending(const marsad_lexicon *pLex,
                                             const marsad_words *pW, int iLast,
                                             int iFloor, int bClitics, int *pnWord){
  if( iFloor<0 ) iFloor = 0;
  for(int k=pLex->nMaxWord; k>=1; k--){
    int iFirst = iLast-k+1;
    if( iFirst<iFloor || iLast>=pW->nWord ) continue;
    const marsad_lexent *aF[3];
    first_entries(pLex, pW, iFirst, bClitics, aF);
    const marsad_lexent *e = lex_span(pLex, pW, iFirst, iLast, aF);
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
      if( !(pW->a[iWord].aLex[v] & (1u<<pLex->iBit)) ) break;
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
  if( iLast>=pW->nWord ){ *pnWord = 0; return 0; }
  /* bit k of mFirst: the word k-1 before iLast may start an entry of pLex */
  unsigned long long mFirst = 0;
  for(int k=1; k<=pLex->nMaxWord && iLast-k+1>=iFloor; k++){
    const unsigned *aLex = pW->a[iLast-k+1].aLex;
    unsigned bits = bClitics ? aLex[0] | aLex[1] | aLex[2] : aLex[0];
    if( bits & (1u<<pLex->iBit) ) mFirst |= 1ULL<<k;
  }
  for(int j=0; mFirst && j<pLex->n; j++){
    int k = pLex->a[j].nWord;
    int iFirst = iLast-k+1;
    if( k<=nBest || !(mFirst & (1ULL<<k)) ) continue;
    for(int v=0; v<(bClitics ? 3 : 1); v++){
      if( !(pW->a[iFirst].aLex[v] & (1u<<pLex->iBit)) ) continue;
      if( wild_entry(&pLex->a[j], pW, iFirst, iLast+1, v)==k ){ nBest = k; pBest = &pLex->a[j]; break; }
    }
  }
  *pnWord = nBest;
  return pBest;
}
