/*
** shingle.c: MinHash signatures of word shingles and their LSH bands (see
** shingle.h).
*/
#include <string.h>
#include "imap.h"
#include "shingle.h"

#define EMPTY_BIN 0xffffffffu

void marsad_shingler_init(marsad_shingler *p, marsad_minhash *pSig){
  memset(p, 0, sizeof *p);
  p->pSig = pSig;
  memset(pSig->a, 0xff, sizeof pSig->a);
  pSig->nShingle = 0;
}

void marsad_shingler_add(marsad_shingler *p, uint64_t hWord){
  p->aWin[p->nWord % MARSAD_SHINGLE_WORDS] = hWord;
  p->nWord++;
  if( p->nWord<MARSAD_SHINGLE_WORDS ) return;
  /* Hash the window in text order, oldest word first. */
  uint64_t h = 0x9e3779b97f4a7c15ULL;
  for(int i=0; i<MARSAD_SHINGLE_WORDS; i++){
    h = marsad_mix64(h ^ p->aWin[(p->nWord+i) % MARSAD_SHINGLE_WORDS]);
  }
  int iBin = (int)(h >> 58);                  /* top 6 bits: one of 64 bins */
  uint32_t v = (uint32_t)(h & 0xfffffffeu);   /* never EMPTY_BIN */
  if( v<p->pSig->a[iBin] ) p->pSig->a[iBin] = v;
  p->pSig->nShingle++;
}

void marsad_shingler_finish(marsad_shingler *p){
  marsad_minhash *pSig = p->pSig;
  uint32_t aOrig[MARSAD_MINHASH_N];
  if( pSig->nShingle==0 ) return;
  memcpy(aOrig, pSig->a, sizeof aOrig);
  for(int i=0; i<MARSAD_MINHASH_N; i++){
    if( aOrig[i]!=EMPTY_BIN ) continue;
    for(int k=1; k<MARSAD_MINHASH_N; k++){
      uint32_t v = aOrig[(i+k) % MARSAD_MINHASH_N];
      if( v!=EMPTY_BIN ){
        pSig->a[i] = (uint32_t)marsad_mix64(((uint64_t)v<<8) | (uint64_t)k);
        break;
      }
    }
  }
}

double marsad_minhash_resemblance(const marsad_minhash *a, const marsad_minhash *b){
  if( a->nShingle==0 || b->nShingle==0 ) return 0.0;
  int nEq = 0;
  for(int i=0; i<MARSAD_MINHASH_N; i++) nEq += (a->a[i]==b->a[i]);
  return (double)nEq / MARSAD_MINHASH_N;
}

uint64_t marsad_minhash_band(const marsad_minhash *p, int iBand){
  uint64_t h = marsad_mix64((uint64_t)iBand + 1);
  for(int i=0; i<MARSAD_LSH_ROWS; i++){
    h = marsad_mix64(h ^ p->a[iBand*MARSAD_LSH_ROWS + i]);
  }
  return h;
}
