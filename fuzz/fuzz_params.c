/*
** fuzz_params.c: libFuzzer target for the server's request parsing
** (params.c): percent-decoding of a path, and the query string of every
** route shape parsed into a marsad_query. The first input byte picks which
** parameters the route accepts; the rest is the query string. Checks that
** the parser never reads or writes out of bounds, and that what it accepts
** holds: values within bounds, dates valid, strings valid UTF-8.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "params.h"
#include "alloc.h"
#include "utf8.h"

/* Aborts (a fuzzer finding) when a string the parser accepted is bad. */
static void check_string(const char *z){
  if( z && (strlen(z)>MARSAD_PARAMS_MAX_VALUE || marsad_utf8_count_invalid(z, strlen(z))) ) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);
int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  if( nData==0 ) return 0;
  unsigned mAllowed = (unsigned)aData[0] | (unsigned)aData[0]<<8;   /* 16 flags */
  const char *zQuery = (const char*)aData+1;
  size_t nQuery = nData-1;
  marsad_params par;
  if( marsad_params_parse(zQuery, nQuery, mAllowed, &par)==MARSAD_OK ){
    const marsad_query *q = &par.q;
    check_string(q->zText); check_string(q->zOutlet); check_string(q->zStory);
    check_string(q->zKind); check_string(q->zSpeaker);
    if( q->zSince && !marsad_params_is_date(q->zSince) ) abort();
    if( q->zUntil && !marsad_params_is_date(q->zUntil) ) abort();
    if( q->nLimit<0 || q->nLimit>MARSAD_PARAMS_MAX_LIMIT ) abort();
    if( q->nOffset<0 || q->nOffset>MARSAD_PARAMS_MAX_OFFSET ) abort();
  }else if( par.zErr[0]==0 && par.zStore ){
    abort();   /* a refusal always says why */
  }
  marsad_params_free(&par);
  char *zPath = marsad_strndup(zQuery, nQuery);
  if( zPath ){
    long n = marsad_params_decode(zPath, nQuery, 0);
    if( n>(long)nQuery ) abort();
    marsad_free(zPath);
  }
  return 0;
}
