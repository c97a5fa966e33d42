/*
** fuzz_data_dir.c: libFuzzer target for the reader of the curated lists
** (marsad_entities_data_dir) on arbitrary bytes: the first byte chooses the
** file (even: entities_x.tsv, odd: ner_x.tsv), the rest is its text. A load
** either fails with a message or gives a gazetteer the recogniser runs on;
** the compiled lists come back after each input.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "marsad.h"
#include "analysis.h"
#include "ner.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

static char zDir[] = "/tmp/marsad-fuzz-data-XXXXXX";   /* the directory, made once */

/* Removes the directory's files, and the directory when bAll. */
static void clean_dir(int bAll){
  char zPath[128];
  snprintf(zPath, sizeof zPath, "%s/entities_x.tsv", zDir);
  unlink(zPath);
  snprintf(zPath, sizeof zPath, "%s/ner_x.tsv", zDir);
  unlink(zPath);
  if( bAll ) rmdir(zDir);
}

/* Removes the directory at exit (an atexit handler). */
static void remove_dir(void){
  clean_dir(1);
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  static int bDir = 0;
  char zPath[128];
  if( nData==0 ) return 0;
  if( !bDir ){
    if( mkdtemp(zDir)==0 ) abort();
    atexit(remove_dir);
    bDir = 1;
  }
  clean_dir(0);
  snprintf(zPath, sizeof zPath, "%s/%s", zDir, (aData[0] & 1) ? "ner_x.tsv" : "entities_x.tsv");
  FILE *f = fopen(zPath, "wb");
  if( f==0 || fwrite(aData+1, 1, nData-1, f)!=nData-1 || fclose(f)!=0 ) abort();
  char *zErr = 0;
  int rc = marsad_entities_data_dir(zDir, &zErr);
  if( rc==MARSAD_OK ){
    if( zErr ) abort();
    static const char zText[] = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الأمم المتحدة";
    marsad_ner *pNer = 0;
    marsad_analysis a;
    memset(&a, 0, sizeof a);
    a.art.zTitle = "";
    a.art.zBody = zText;
    a.art.nBody = sizeof zText - 1;
    if( marsad_ner_new(&pNer) || marsad_ner_run(pNer, &a)!=MARSAD_OK ) abort();
    marsad_analysis_clear(&a);
    marsad_ner_free(pNer);
  }else if( rc!=MARSAD_ERROR || zErr==0 ){
    abort();
  }
  marsad_free(zErr);
  if( marsad_entities_data_dir(0, 0)!=MARSAD_OK ) abort();
  return 0;
}
