/*
** fuzz_normalize.c: libFuzzer target for the text core on arbitrary bytes:
** normalization (keys are valid UTF-8, the offset map is monotonic and
** inside the source), the tokenizer (spans in order, inside the text, keys
** and stems valid UTF-8, with either stemmer) and the sentence splitter
** (spans in order, inside).
*/
#include <stdint.h>
#include <stdlib.h>
#include "marsad.h"
#include "norm.h"
#include "sentence.h"
#include "stem.h"
#include "token.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

/* Span order of the tokens or sentences seen so far. */
typedef struct order { size_t n; size_t iLast; } order;

/* Checks a token's span and that its key and stem are valid UTF-8. */
static int check_token(void *pCtx, const marsad_token *p){
  order *o = (order*)pCtx;
  if( p->iStart<o->iLast || p->iEnd<=p->iStart || p->iEnd>o->n ) abort();
  if( p->eKind<MARSAD_TOKEN_ARABIC || p->eKind>MARSAD_TOKEN_PUNCT ) abort();
  if( marsad_utf8_count_invalid(p->pKey, p->nKey)!=0 ) abort();
  if( marsad_utf8_count_invalid(p->pStem, p->nStem)!=0 ) abort();
  if( p->eKind==MARSAD_TOKEN_ARABIC && p->nKey==0 ) abort();
  o->iLast = p->iEnd;
  return 0;
}

/* Checks a sentence span. */
static int check_sentence(void *pCtx, size_t iStart, size_t iEnd){
  order *o = (order*)pCtx;
  if( iStart<o->iLast || iEnd<=iStart || iEnd>o->n ) abort();
  o->iLast = iEnd;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  const char *p = (const char*)aData;
  marsad_norm norm = MARSAD_NORM_INIT;
  if( marsad_norm_run(p, nData, &norm)==MARSAD_OK ){
    if( norm.aOff[norm.n]!=nData ) abort();
    for(size_t i=0; i<norm.n; i++){
      if( norm.aOff[i]>=nData || (i>0 && norm.aOff[i]<norm.aOff[i-1]) ) abort();
    }
    if( marsad_utf8_count_invalid(norm.z, norm.n)!=0 ) abort();
  }
  marsad_norm_free(&norm);
  for(unsigned flags=0; flags<=MARSAD_TOKENIZE_PUNCT; flags++){
    order o = { nData, 0 };
    marsad_tokenize(p, nData, flags, check_token, &o);
  }
  marsad_stemmer *pSnowball = 0;
  if( marsad_stemmer_new_kind(MARSAD_STEM_SNOWBALL, &pSnowball)==MARSAD_OK ){
    order o = { nData, 0 };
    marsad_tokenize_stem(p, nData, 0, pSnowball, check_token, &o);
  }
  marsad_stemmer_free(pSnowball);
  order o = { nData, 0 };
  marsad_sentences(p, nData, check_sentence, &o);
  return 0;
}
