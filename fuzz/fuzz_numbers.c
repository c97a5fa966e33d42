/*
** fuzz_numbers.c: libFuzzer target for the numbers, statements and figures
** (numbers.h, statements.h, figures.h) through the whole facts analysis
** (facts.h) of an article body. Spans stay within the body, in order, and
** the JSON of the findings can be written.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "facts.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  char *zBody = malloc(nData + 1);
  if( zBody==0 ) return 0;
  memcpy(zBody, aData, nData);
  zBody[nData] = 0;
  marsad_analysis a;
  memset(&a, 0, sizeof a);
  a.art.zPublished = (nData && (aData[0]&1)) ? "2020-11-01" : 0;
  a.art.zIngested = "2026-01-01";
  a.art.zTitle = "";
  a.art.zBody = zBody;
  a.art.nBody = nData;
  if( marsad_facts_analyze(&a)==MARSAD_OK ){
    const marsad_facts *f = a.pFacts;
    for(int i=0; i<f->figures.n; i++){
      if( f->figures.a[i].iStart>f->figures.a[i].iEnd || f->figures.a[i].iEnd>nData ) abort();
    }
    for(int i=0; i<f->statements.n; i++){
      if( f->statements.a[i].iStart>f->statements.a[i].iEnd || f->statements.a[i].iEnd>nData ) abort();
    }
    json_t *o = json_object();
    if( o ){
      marsad_facts_to_json(f, o);
      char *z = json_dumps(o, 0);
      free(z);
      json_decref(o);
    }
  }
  marsad_analysis_clear(&a);
  free(zBody);
  return 0;
}
