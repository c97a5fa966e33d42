/*
** fuzz_jsonl.c: libFuzzer target for the JSON Lines reader (each line
** parsed by yajl; "html" members through the HTML reader).
*/
#include <stdint.h>
#include <string.h>
#include "marsad.h"
#include "doc.h"

/* Takes each doc and checks that its lengths are right. */
static int fuzz_doc(void *pCtx, marsad_doc *pDoc){
  if( pDoc->zRaw==0 || strlen(pDoc->zRaw)!=pDoc->nRaw ) __builtin_trap();
  if( pDoc->iLine<1 ) __builtin_trap();
  marsad_doc_clear(pDoc);
  return MARSAD_OK;
}

/* Ignores problems. */
static void fuzz_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);
int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  marsad_reader_jsonl.xRead("fuzz.jsonl", (const char*)aData, nData, fuzz_doc, fuzz_problem, 0);
  return 0;
}
