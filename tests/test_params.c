/*
** test_params.c: the server's query-string parser (params.c): percent
** decoding, every parameter's checks, and what a route does not accept.
*/
#include "harness.h"
#include "params.h"

/* Decodes z (a copy) and compares with zWant (NULL: must be refused). */
static void check_decode(const char *z, int bPlus, const char *zWant){
  char a[256];
  snprintf(a, sizeof a, "%s", z);
  long n = marsad_params_decode(a, strlen(a), bPlus);
  if( zWant==0 ){ CHECK_EQ_INT(n, -1); return; }
  CHECK_EQ_INT(n, (long)strlen(zWant));
  CHECK_EQ_STR(a, zWant);
}

static void test_decode(void){
  check_decode("abc", 1, "abc");
  check_decode("a+b%20c", 1, "a b c");
  check_decode("a+b", 0, "a+b");
  check_decode("%D9%85%D8%B1%D8%B5%D8%AF", 1, "مرصد");
  check_decode("%d9%85", 1, "م");
  check_decode("%", 1, 0);
  check_decode("%4", 1, 0);
  check_decode("%zz", 1, 0);
  check_decode("%00", 1, 0);          /* no NUL inside a value */
  check_decode("%C3%28", 1, 0);       /* not UTF-8 */
  check_decode("%ED%A0%80", 1, 0);    /* a surrogate */
  check_decode("", 1, "");
}

static void test_dates(void){
  CHECK(marsad_params_is_date("2020-10-31"));
  CHECK(marsad_params_is_date("2020-02-29"));
  CHECK(marsad_params_is_date("2000-02-29"));
  CHECK(!marsad_params_is_date("1900-02-29"));
  CHECK(!marsad_params_is_date("2021-02-29"));
  CHECK(!marsad_params_is_date("2020-04-31"));
  CHECK(!marsad_params_is_date("2020-13-01"));
  CHECK(!marsad_params_is_date("2020-00-10"));
  CHECK(!marsad_params_is_date("2020-1-01"));
  CHECK(!marsad_params_is_date("2020-10-011"));
  CHECK(!marsad_params_is_date("20201031"));
  CHECK(!marsad_params_is_date(""));
}

/* Parses z for a route taking m; returns the result code. */
static int parse(const char *z, unsigned m, marsad_params *pP){
  return marsad_params_parse(z, strlen(z), m, pP);
}

static void test_parse(void){
  marsad_params p;
  unsigned mAll = 0xFFFF;
  CHECK_EQ_INT(parse("q=%D9%88%D8%B2%D9%8A%D8%B1+%D8%A7%D9%84%D8%AE%D8%A7%D8%B1%D8%AC%D9%8A%D8%A9&limit=20&offset=40&since=2020-10-01&until=2020-10-31", mAll, &p), MARSAD_OK);
  CHECK_EQ_STR(p.q.zText, "وزير الخارجية");
  CHECK_EQ_INT(p.q.nLimit, 20);
  CHECK_EQ_INT(p.q.nOffset, 40);
  CHECK_EQ_STR(p.q.zSince, "2020-10-01");
  CHECK_EQ_STR(p.q.zUntil, "2020-10-31");
  marsad_params_free(&p);

  CHECK_EQ_INT(parse("exact=1&why=true&raw=0&min_articles=3", mAll, &p), MARSAD_OK);
  CHECK_EQ_INT(p.q.flags, MARSAD_QUERY_EXACT|MARSAD_QUERY_WHY);
  CHECK_EQ_INT(p.q.nMinArticles, 3);
  marsad_params_free(&p);

  CHECK_EQ_INT(parse("latest=1", MARSAD_P_LATEST, &p), MARSAD_OK);
  CHECK_EQ_INT(p.q.flags, MARSAD_QUERY_LATEST);
  marsad_params_free(&p);
  CHECK_EQ_INT(parse("latest=1", MARSAD_P_PAGE, &p), MARSAD_MISUSE);
  marsad_params_free(&p);

  /* kind, counts and stance all fill zKind, each only where the route takes it. */
  CHECK_EQ_INT(parse("counts=killed", MARSAD_P_COUNTS, &p), MARSAD_OK);
  CHECK_EQ_STR(p.q.zKind, "killed");
  marsad_params_free(&p);
  CHECK_EQ_INT(parse("stance=deny", MARSAD_P_COUNTS, &p), MARSAD_MISUSE);
  CHECK(strstr(p.zErr, "stance")!=0);
  marsad_params_free(&p);

  /* by (figures) and speaker (statements) both fill zSpeaker. */
  CHECK_EQ_INT(parse("by=e7", MARSAD_P_BY, &p), MARSAD_OK);
  CHECK_EQ_STR(p.q.zSpeaker, "e7");
  marsad_params_free(&p);

  /* Empty values and empty pairs count as absent. */
  CHECK_EQ_INT(parse("&&outlet=&q=&", mAll, &p), MARSAD_OK);
  CHECK(p.q.zOutlet==0 && p.q.zText==0);
  marsad_params_free(&p);

  const char *azBad[] = {
    "limit=0", "limit=501", "limit=1e3", "limit=-5", "limit=99999999999999999999",
    "offset=1000001", "since=2020-02-30", "until=x", "exact=maybe", "nope=1",
    "q=a&q=b", "q=%zz", "%zz=1", "since=2020-10-02&until=2020-10-01",
  };
  for(size_t i=0; i<sizeof azBad/sizeof azBad[0]; i++){
    CHECK_EQ_INT(parse(azBad[i], mAll, &p), MARSAD_MISUSE);
    CHECK(p.zErr[0]!=0);
    marsad_params_free(&p);
  }
  /* At most 1024 bytes a value. */
  char zLong[1100] = "q=";
  memset(zLong+2, 'a', 1025);
  zLong[1027] = 0;
  CHECK_EQ_INT(parse(zLong, mAll, &p), MARSAD_MISUSE);
  marsad_params_free(&p);
  zLong[1026] = 0;
  CHECK_EQ_INT(parse(zLong, mAll, &p), MARSAD_OK);
  marsad_params_free(&p);
}

int main(void){
  RUN(test_decode);
  RUN(test_dates);
  RUN(test_parse);
  return DONE();
}
