/*
** reader_sink.h: helpers of the reader tests: a sink collecting the docs
** and problems a reader produces, and reading a test file whole.
*/
#ifndef MARSAD_READER_SINK_H
#define MARSAD_READER_SINK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "doc.h"

/* Docs kept by a sink; later ones are freed on arrival. */
#define SINK_MAX 16

/* Docs and problems a read produced. */
typedef struct sink {
  marsad_doc aDoc[SINK_MAX];   /* docs received (owned) */
  int nDoc;             /* entries used */
  int nProblem;         /* problems reported */
  char zProblem[256];   /* the last problem */
} sink;

/* marsad_doc_fn collecting docs. */
static inline int sink_doc(void *pCtx, marsad_doc *pDoc){
  sink *p = pCtx;
  if( p->nDoc<SINK_MAX ){ p->aDoc[p->nDoc++] = *pDoc; memset(pDoc, 0, sizeof *pDoc); }
  else marsad_doc_clear(pDoc);
  return MARSAD_OK;
}

/* marsad_problem_fn counting problems. */
static inline void sink_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
  sink *p = pCtx;
  p->nProblem++;
  snprintf(p->zProblem, sizeof p->zProblem, "%s:%ld: %s", zSource, iLine, zMsg);
}

/* Frees the docs of a sink. */
static inline void sink_free(sink *p){
  for(int i=0; i<p->nDoc; i++) marsad_doc_clear(&p->aDoc[i]);
  memset(p, 0, sizeof *p);
}

/* Reads file zPath whole; the caller frees with free(). */
static inline char *read_file(const char *zPath, size_t *pn){
  FILE *f = fopen(zPath, "rb");
  if( f==0 ){ fprintf(stderr, "cannot open %s\n", zPath); exit(1); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *a = malloc((size_t)n + 1);
  *pn = fread(a, 1, (size_t)n, f);
  a[*pn] = 0;
  fclose(f);
  return a;
}

#endif
