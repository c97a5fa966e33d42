/*
** harness.h: the unit-test harness. A test file defines test functions,
** calls them from main() through RUN(), checks with CHECK/CHECK_EQ_*, and
** returns DONE(), which prints "N passed, N failed" and the exit status.
*/
#ifndef MARSAD_HARNESS_H
#define MARSAD_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_nPass = 0;   /* checks that held */
static int harness_nFail = 0;   /* checks that failed */

/* Records one check; prints where it failed. */
#define CHECK(cond) do{ if(cond) harness_nPass++; else { harness_nFail++; \
  fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } }while(0)

/* Checks two integers for equality, printing both when they differ. */
#define CHECK_EQ_INT(a, b) do{ long long x_=(long long)(a), y_=(long long)(b); \
  if(x_==y_) harness_nPass++; else { harness_nFail++; fprintf(stderr, \
  "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, x_, y_); } }while(0)

/* Checks two strings (NULL allowed) for equality, printing both otherwise. */
#define CHECK_EQ_STR(a, b) do{ const char *x_=(a), *y_=(b); \
  if((x_==0 && y_==0) || (x_ && y_ && strcmp(x_,y_)==0)) harness_nPass++; \
  else { harness_nFail++; fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", \
  __FILE__, __LINE__, #a, x_?x_:"(null)", y_?y_:"(null)"); } }while(0)

/* Runs one test function. */
#define RUN(fn) do{ fn(); }while(0)

/* Prints the summary line and yields the exit status. */
#define DONE() (printf("%d passed, %d failed\n", harness_nPass, harness_nFail), \
  harness_nFail ? 1 : 0)

/* Directory of ../shared, or NULL when absent (tests then exit 77). */
static inline const char *harness_shared(void){
  const char *z = getenv("MARSAD_SHARED");
  FILE *f;
  char zPath[4096];
  if( z==0 ) return 0;
  snprintf(zPath, sizeof zPath, "%s/seeds/expected.json", z);
  f = fopen(zPath, "r");
  if( f==0 ) return 0;
  fclose(f);
  return z;
}
#endif
