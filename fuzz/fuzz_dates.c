/*
** fuzz_dates.c: libFuzzer target for the dates (dates.h) over the word view
** of a text (words.h). The first bytes choose the publication date; the
** rest is the text. Every date found lies within the text, its words are in
** order, and a resolved value is a real calendar day.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "dates.h"
#include "lexicon.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  if( nData<2 ) return 0;
  marsad_ymd ref = { 1990 + aData[0]%60, 1 + aData[1]%12, 1 + (aData[0]^aData[1])%28 };
  const char *p = (const char*)aData + 2;
  size_t n = nData - 2;
  marsad_words w = MARSAD_WORDS_INIT;
  marsad_dates d = MARSAD_DATES_INIT;
  if( marsad_words_build(p, n, &w)==MARSAD_OK ){
    unsigned char *aUsed = calloc((size_t)w.nWord + 1, 1);
    if( aUsed && marsad_dates_find(&w, (aData[0]&1) ? &ref : 0, &ref, aUsed, &d)==MARSAD_OK ){
      for(int i=0; i<d.n; i++){
        const marsad_date *x = &d.a[i];
        if( x->iStart>x->iEnd || x->iEnd>n || x->iWord0>=x->iWord1 || x->iWord1>w.nWord ) abort();
        if( x->v.y ){
          char z[11];
          marsad_ymd_format(&x->v, x->ePrec, z);
          if( x->v.m>12 || x->v.d>31 || z[0]==0 ) abort();
        }
      }
      marsad_ymd pub;
      marsad_dates_publication(&w, &d, &pub);
    }
    free(aUsed);
  }
  marsad_dates_free(&d);
  marsad_words_free(&w);
  return 0;
}
