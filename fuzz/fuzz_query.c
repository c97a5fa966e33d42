/*
** fuzz_query.c: libFuzzer target for the search query parser. Any bytes
** either make a bad query (MARSAD_MISUSE with a message) or translate into
** FTS5 expressions that FTS5 accepts: a search over a small database then
** answers MARSAD_OK, never an SQLite error, whatever the user typed.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "search.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

/* A database with a few articles, opened once for the whole run. */
static marsad_db *fuzz_db(void){
  static marsad_db *pDb = 0;
  if( pDb ) return pDb;
  if( marsad_open(":memory:", 0, &pDb, 0)!=MARSAD_OK ) abort();
  static const char zDocs[] =
    "{\"id\":\"1\",\"outlet\":\"a\",\"published\":\"2020-10-01\",\"title\":\"وقف إطلاق النار\","
    "\"text\":\"أعلن المعلمون في القدس وقف إطلاق النار، وقال أردوغان إن المفاوضات مستمرة.\"}\n"
    "{\"id\":\"2\",\"outlet\":\"b\",\"title\":\"Reuters COVID-19\","
    "\"text\":\"وصل مرتزقة إلى الجبهة في 2020، ونزح 3.5 آلاف من اللاجئين.\"}\n";
  marsad_ingest_stats st;
  marsad_ingest_opts opts;
  memset(&st, 0, sizeof st);
  memset(&opts, 0, sizeof opts);
  opts.eFormat = MARSAD_INPUT_JSONL;
  if( marsad_ingest_buffer(pDb, "fuzz.jsonl", zDocs, sizeof zDocs - 1, &opts, &st)!=MARSAD_OK ) abort();
  if( st.nAdded!=2 ) abort();
  return pDb;
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  marsad_search_expr e;
  char *zErr = 0;
  int rc = marsad_search_parse((const char*)aData, nData, 0, &e, &zErr);
  if( rc==MARSAD_OK && (e.zAll==0 || e.nTerm<1 || (e.nTerm>1)!=(e.zSome!=0)) ) abort();
  if( rc==MARSAD_MISUSE && zErr==0 ) abort();
  marsad_search_expr_free(&e);
  marsad_free(zErr);

  char *zText = malloc(nData+1);
  if( zText==0 ) return 0;
  memcpy(zText, aData, nData);
  zText[nData] = 0;
  for(unsigned flags=0; flags<=MARSAD_QUERY_EXACT; flags+=MARSAD_QUERY_EXACT){
    marsad_query q;
    memset(&q, 0, sizeof q);
    q.zText = zText;
    q.flags = flags;
    char *zJson = 0;
    rc = marsad_search_json(fuzz_db(), &q, &zJson);
    if( rc!=MARSAD_OK && rc!=MARSAD_MISUSE ) abort();
    if( (rc==MARSAD_OK)!=(zJson!=0) ) abort();
    marsad_free(zJson);
  }
  free(zText);
  return 0;
}
