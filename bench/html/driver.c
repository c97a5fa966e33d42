/*
** bench/html/driver.c: speed of marsad's HTML reader (metadata and main
** text of whole pages). Reads the pages named on the command line, then
** reads each of them through marsad_reader_html REPEAT times, and prints
** "pages N bytes B seconds S chars C" (C: characters of text extracted, to
** check that work was done). Usage: html_driver REPEAT PAGE...
** With "text" for REPEAT it prints instead, for eval/html, a JSON array of
** {"title", "text"} of each page, in order.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include "marsad.h"
#include "doc.h"

/* Adds the text length of each doc to *pCtx and frees the doc. */
static int driver_doc(void *pCtx, marsad_doc *pDoc){
  *(size_t*)pCtx += pDoc->nText;
  marsad_doc_clear(pDoc);
  return MARSAD_OK;
}

/* Ignores problems (the bench pages have none). */
static void driver_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
}

/* Reads file zPath whole into *pn bytes; exits on failure. */
static char *driver_read(const char *zPath, size_t *pn){
  FILE *f = fopen(zPath, "rb");
  if( f==0 ){ perror(zPath); exit(1); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *a = malloc((size_t)n + 1);
  if( a==0 || fread(a, 1, (size_t)n, f)!=(size_t)n ){ perror(zPath); exit(1); }
  fclose(f);
  *pn = (size_t)n;
  return a;
}

/* Appends the title and text of each doc to the JSON array pCtx. */
static int driver_doc_json(void *pCtx, marsad_doc *pDoc){
  json_array_append_new((json_t*)pCtx, json_pack("{s:s?, s:s?}", "title", pDoc->zTitle,
                                                 "text", pDoc->zText));
  marsad_doc_clear(pDoc);
  return MARSAD_OK;
}

/* Prints the JSON array of the title and text of each page. */
static void driver_texts(int nPage, char **azPath, char **aPage, size_t *anPage){
  json_t *pOut = json_array();
  for(int i=0; i<nPage; i++){
    marsad_reader_html.xRead(azPath[i], aPage[i], anPage[i], driver_doc_json, driver_problem, pOut);
  }
  char *z = json_dumps(pOut, JSON_ENSURE_ASCII);
  printf("%s\n", z);
  free(z);
  json_decref(pOut);
}

int main(int argc, char **argv){
  if( argc<3 ){ fprintf(stderr, "usage: %s REPEAT PAGE...\n", argv[0]); return 2; }
  int nRepeat = atoi(argv[1]), nPage = argc-2;
  char **aPage = malloc(sizeof(char*) * (size_t)nPage);
  size_t *anPage = malloc(sizeof(size_t) * (size_t)nPage), nBytes = 0, nChars = 0;
  for(int i=0; i<nPage; i++) aPage[i] = driver_read(argv[i+2], &anPage[i]);
  if( strcmp(argv[1], "text")==0 ){
    driver_texts(nPage, argv+2, aPage, anPage);
    nRepeat = 0;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for(int r=0; r<nRepeat; r++){
    for(int i=0; i<nPage; i++){
      marsad_reader_html.xRead(argv[i+2], aPage[i], anPage[i], driver_doc, driver_problem, &nChars);
      nBytes += anPage[i];
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec)/1e9;
  if( nRepeat>0 ) printf("pages %d bytes %zu seconds %.6f chars %zu\n", nRepeat*nPage, nBytes, s, nChars);
  for(int i=0; i<nPage; i++) free(aPage[i]);
  free(aPage);
  free(anPage);
  return 0;
}
