/*
** test_ingest.c: ingestion through the public interface: text and JSON Lines
** inputs, bad lines reported with their line numbers while the rest is
** stored, idempotence, exact copies linked, empty articles refused, bad
** dates and invalid UTF-8 reported, the queries over what was stored, and
** every allocation failure handled cleanly (fault injection).
*/
#include <unistd.h>
#include "harness.h"
#include "marsad.h"
#include "alloc.h"

/* Collected problem reports. */
static char zReports[4096];

static void on_report(void *pCtx, const char *zSource, long iLine, const char *zMsg){
  (void)pCtx;
  size_t n = strlen(zReports);
  snprintf(zReports+n, sizeof zReports - n, "%s:%ld: %s\n", zSource, iLine, zMsg);
}

/* A fresh database in a temporary file; the path goes to zPath. */
static marsad_db *fresh_db(char *zPath, size_t nPath){
  snprintf(zPath, nPath, "/tmp/marsad-test-%d.db", (int)getpid());
  char zSide[600];
  unlink(zPath);
  snprintf(zSide, sizeof zSide, "%s-wal", zPath); unlink(zSide);
  snprintf(zSide, sizeof zSide, "%s-shm", zPath); unlink(zSide);
  marsad_db *pDb = 0;
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  return pDb;
}

/* Ingests a buffer; returns the library code. */
static int ingest(marsad_db *pDb, int eFormat, const char *zName, const char *z,
                  marsad_ingest_stats *pStats){
  marsad_ingest_opts o;
  memset(&o, 0, sizeof o);
  o.eFormat = eFormat;
  o.xReport = on_report;
  memset(pStats, 0, sizeof *pStats);
  zReports[0] = 0;
  return marsad_ingest_buffer(pDb, zName, z, strlen(z), &o, pStats);
}

#define BODY "قال المتحدث باسم الوزارة إن الاجتماع سيعقد في موعده المحدد رغم الظروف الصعبة."
#define LINE(id, outlet, date, title) "{\"id\":\"" id "\",\"outlet\":\"" outlet \
  "\",\"published\":\"" date "\",\"title\":\"" title "\",\"text\":\"" BODY "\"}\n"

static void test_jsonl_bad_lines(void){
  char zPath[512];
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  marsad_ingest_stats s;
  const char *z = LINE("a1", "وكالة", "2020-10-01", "عنوان أول")
                  "{\"id\": \"broken\", \"text\": \n"
                  "[1,2]\n"
                  "{\"id\":\"x\",\"title\":\"بلا نص\"}\n"
                  LINE("a2", "صحيفة", "2020-10-02T08:00:00Z", "عنوان ثان");
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "in.jsonl", z, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nRead, 2);
  CHECK_EQ_INT(s.nAdded, 2);
  CHECK_EQ_INT(s.nSkipped, 3);
  CHECK(strstr(zReports, "in.jsonl:2: bad JSON")!=0);
  CHECK(strstr(zReports, "in.jsonl:3: not a JSON object")!=0);
  CHECK(strstr(zReports, "in.jsonl:4: no \"text\"")!=0);
  /* the same body from another outlet: an exact copy, linked */
  CHECK_EQ_INT(s.nCopies, 1);

  /* idempotent */
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "in.jsonl", z, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 0);
  CHECK_EQ_INT(s.nExisting, 2);

  char *zJson = 0;
  marsad_query q;
  memset(&q, 0, sizeof q);
  CHECK_EQ_INT(marsad_articles_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"input\":\"a2\"") && strstr(zJson, "\"published\":\"2020-10-02\""));
  CHECK(zJson && strstr(zJson, "\"copy_of\":\""));
  marsad_free(zJson);
  q.zSince = "2020-10-02";
  CHECK_EQ_INT(marsad_articles_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"input\":\"a1\"")==0 && strstr(zJson, "\"input\":\"a2\""));
  marsad_free(zJson);
  CHECK_EQ_INT(marsad_stats_json(pDb, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"articles\":2") && strstr(zJson, "\"copies\":1"));
  marsad_free(zJson);
  CHECK_EQ_INT(marsad_article_json(pDb, "zz", 0, &zJson), MARSAD_NOTFOUND);
  CHECK(zJson==0);
  marsad_close(pDb);
  unlink(zPath);
}

static void test_text_and_problems(void){
  char zPath[512];
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  marsad_ingest_stats s;
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_TEXT, "a.txt",
               "\xEF\xBB\xBF\r\nعنوان الخبر\r\n\r\n" BODY "\r\n", &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 1);
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_TEXT, "empty.txt", "عنوان فقط\n\n", &s), MARSAD_OK);
  CHECK_EQ_INT(s.nSkipped, 1);
  CHECK(strstr(zReports, "empty.txt:0: empty article")!=0);
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_TEXT, "bin.txt", "ab\0cd", &s), MARSAD_OK);
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_TEXT, "bad.txt", "عنوان\n" BODY " \xff\xfe نهاية\n", &s), MARSAD_OK);
  CHECK_EQ_INT(s.nBadUtf8, 2);
  CHECK_EQ_INT(s.nAdded, 1);
  CHECK(strstr(zReports, "bad.txt:0: 2 invalid UTF-8")!=0);
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "d.jsonl",
               "{\"published\":\"2020-13-45\",\"title\":\"ت\",\"text\":\"" BODY " أخرى\"}\n", &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 1);
  CHECK(strstr(zReports, "d.jsonl:1: unreadable date")!=0);

  char *zJson = 0;
  marsad_query q;
  memset(&q, 0, sizeof q);
  CHECK_EQ_INT(marsad_articles_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"title\":\"عنوان الخبر\""));
  marsad_free(zJson);
  marsad_close(pDb);
  unlink(zPath);
}

static void test_fault_injection(void){
  char zPath[512];
  int nNoMem = 0, nOk = 0;
  const char *z = LINE("f1", "وكالة", "2020-10-01", "عنوان") LINE("f2", "أخرى", "2020-10-03", "آخر");
  for(long n=0; n<400 && nOk<3; n++){
    marsad_db *pDb = fresh_db(zPath, sizeof zPath);
    if( pDb==0 ) continue;
    marsad_ingest_stats s;
    marsad_ingest_opts o;
    memset(&o, 0, sizeof o);
    o.eFormat = MARSAD_INPUT_JSONL;
    memset(&s, 0, sizeof s);
    marsad_alloc_fail_after(n);
    int rc = marsad_ingest_buffer(pDb, "f.jsonl", z, strlen(z), &o, &s);
    marsad_alloc_fail_after(-1);
    if( rc==MARSAD_NOMEM ) nNoMem++;
    else if( rc==MARSAD_OK ) nOk++;
    else CHECK_EQ_INT(rc, MARSAD_NOMEM);
    marsad_close(pDb);
  }
  unlink(zPath);
  CHECK(nNoMem>0);
  CHECK(nOk>0);
}

int main(void){
  RUN(test_jsonl_bad_lines);
  RUN(test_text_and_problems);
  RUN(test_fault_injection);
  return DONE();
}
