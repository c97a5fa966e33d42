/*
** fuzz_html.c: libFuzzer target for the HTML reader (metadata and main-text
** extraction of whole pages) and for the text extraction of fragments used
** by the feed reader.
*/
#include <stdint.h>
#include <string.h>
#include "marsad.h"
#include "doc.h"
#include "html.h"

/* Takes each doc and checks that its text length is right. */
static int fuzz_doc(void *pCtx, marsad_doc *pDoc){
  if( pDoc->zText && strlen(pDoc->zText)!=pDoc->nText ) __builtin_trap();
  marsad_doc_clear(pDoc);
  return MARSAD_OK;
}

/* Ignores problems. */
static void fuzz_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);
int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  char *zText = 0;
  size_t nText = 0;
  marsad_reader_html.xRead("fuzz.html", (const char*)aData, nData, fuzz_doc, fuzz_problem, 0);
  if( marsad_html_fragment_text((const char*)aData, nData, &zText, &nText)==MARSAD_OK
   && strlen(zText)!=nText ){
    __builtin_trap();
  }
  marsad_free(zText);
  return 0;
}
