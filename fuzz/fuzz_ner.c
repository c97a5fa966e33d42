/*
** fuzz_ner.c: libFuzzer target for the entity recogniser and resolver on
** arbitrary bytes: the first line is the title, the rest the body. Every
** span must lie inside its field, in order within it, with a valid kind and
** a non-empty key, and every mention must resolve to an entity.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "analysis.h"
#include "entity.h"
#include "ner.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  const char *p = (const char*)aData;
  const char *zNl = memchr(p, '\n', nData);
  size_t nTitle = zNl ? (size_t)(zNl-p) : 0;
  char *zTitle = malloc(nTitle+1), *zBody = malloc(nData-nTitle+1);
  marsad_ner *pNer = 0;
  marsad_resolver *pRes = 0;
  marsad_analysis a;
  if( zTitle==0 || zBody==0 ) abort();
  memcpy(zTitle, p, nTitle);
  zTitle[nTitle] = 0;
  size_t nBody = zNl ? nData-nTitle-1 : nData;
  memcpy(zBody, zNl ? zNl+1 : p, nBody);
  zBody[nBody] = 0;
  memset(&a, 0, sizeof a);
  a.art.zTitle = zTitle; a.art.nTitle = nTitle;
  a.art.zBody = zBody;   a.art.nBody = nBody;
  if( marsad_ner_new(&pNer) || marsad_resolver_new(0, &pRes) ) abort();
  if( marsad_ner_run(pNer, &a)!=MARSAD_OK ) abort();
  if( marsad_resolver_resolve(pRes, &a)!=MARSAD_OK ) abort();
  size_t iLast[2] = {0, 0};
  for(int i=0; i<a.nMention; i++){
    const marsad_mention *m = &a.aMention[i];
    size_t n = m->eField==MARSAD_FIELD_TITLE ? nTitle : nBody;
    if( m->iStart>=m->iEnd || m->iEnd>n || m->iStart<iLast[m->eField] ) abort();
    if( m->eKind<MARSAD_ENTITY_PERSON || m->eKind>MARSAD_ENTITY_OTHER ) abort();
    if( m->zKey==0 || m->zKey[0]==0 || m->iEntity<=0 ) abort();
    iLast[m->eField] = m->iStart;
  }
  marsad_analysis_clear(&a);
  marsad_resolver_free(pRes);
  marsad_ner_free(pNer);
  free(zTitle);
  free(zBody);
  return 0;
}
