/*
** fuzz_data_dir.c: libFuzzer target for the reader of the curated lists
** (marsad_entities_data_dir) on arbitrary bytes: the first byte chooses the
** file (0 mod 4 and 2 mod 4: entities_x.tsv, 1 mod 4: ner_x.tsv, 3 mod 4:
** outlets.tsv beside an entities_x.tsv of one organisation, org:t), the rest
** is its text. A load either fails with a message or gives a gazetteer the
** recogniser runs on (in an article of outlet "t"); the compiled lists
** come back after each input.
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
  snprintf(zPath, sizeof zPath, "%s/outlets.tsv", zDir);
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
  int bOutlets = (aData[0] & 3)==3;
  if( bOutlets ){
    static const char zOrg[] = "org:t\torg\tT\tصحيفة التجربة\n";
    snprintf(zPath, sizeof zPath, "%s/entities_x.tsv", zDir);
    FILE *f = fopen(zPath, "wb");
    if( f==0 || fwrite(zOrg, 1, sizeof zOrg - 1, f)!=sizeof zOrg - 1 || fclose(f)!=0 ) abort();
  }
  snprintf(zPath, sizeof zPath, "%s/%s", zDir,
           bOutlets ? "outlets.tsv" : (aData[0] & 1) ? "ner_x.tsv" : "entities_x.tsv");
  FILE *f = fopen(zPath, "wb");
  if( f==0 || fwrite(aData+1, 1, nData-1, f)!=nData-1 || fclose(f)!=0 ) abort();
  char *zErr = 0;
  int rc = marsad_entities_data_dir(zDir, &zErr);
  if( rc==MARSAD_OK ){
    if( zErr ) abort();
    static const char zText[] = "قال وزير الخارجية الروسي سيرغي لافروف لـ«الأمم المتحدة» في موسكو إن الأمم المتحدة";
    marsad_ner *pNer = 0;
    marsad_analysis a;
    memset(&a, 0, sizeof a);
    a.art.zOutlet = "t";
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
