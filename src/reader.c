/*
** reader.c: choosing a reader by format or by file extension, and freeing
** the documents readers produce (see doc.h).
*/
#include <string.h>
#include <strings.h>
#include "marsad.h"
#include "alloc.h"
#include "doc.h"

/* Every reader, in the order extensions are matched. */
static const marsad_reader *const aReader[] = {
  &marsad_reader_text,
  &marsad_reader_jsonl,
  &marsad_reader_html,
  &marsad_reader_feed,
};
#define N_READER (sizeof aReader / sizeof aReader[0])

const marsad_reader *marsad_reader_for_format(int eFormat){
  for(size_t i=0; i<N_READER; i++){
    if( aReader[i]->eFormat==eFormat ) return aReader[i];
  }
  return 0;
}

const marsad_reader *marsad_reader_for_path(const char *zPath){
  const char *zExt = strrchr(zPath, '.');
  const char *zSlash = strrchr(zPath, '/');
  if( zExt==0 || (zSlash && zSlash>zExt) ) return 0;
  zExt++;
  for(size_t i=0; i<N_READER; i++){
    for(const char *const *az = aReader[i]->azExt; *az; az++){
      if( strcasecmp(*az, zExt)==0 ) return aReader[i];
    }
  }
  return 0;
}

void marsad_doc_clear(marsad_doc *pDoc){
  if( pDoc==0 ) return;
  marsad_free(pDoc->zSource);
  marsad_free(pDoc->zInput);
  marsad_free(pDoc->zOutlet);
  marsad_free(pDoc->zUrl);
  marsad_free(pDoc->zTitle);
  marsad_free(pDoc->zPublished);
  marsad_free(pDoc->zText);
  marsad_free(pDoc->zRaw);
  marsad_free(pDoc->zWarning);
  memset(pDoc, 0, sizeof *pDoc);
}
