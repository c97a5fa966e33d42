/*
** test_ingest.c: ingestion through the public interface: text and JSON Lines
** inputs, bad lines reported with their line numbers while the rest is
** stored, idempotence, exact copies linked, empty articles refused, bad
** dates and invalid UTF-8 reported by line, directory walks (symbolic link
** loops, XML that is no feed), the queries over what was stored, every
** allocation failure handled cleanly (fault injection), and a handle that
** ingests again after a failed batch storing what a fresh one does,
** articles dated by their text, and the entities' names by their most
** frequent spellings batch after batch, and the batches committed at the
** size asked.
*/
#include <ctype.h>
#include <sys/stat.h>
#include <unistd.h>
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "db.h"

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

  CHECK_EQ_INT(s.nRepeated, 0);

  /* idempotent: already stored, not repeated in the input */
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "in.jsonl", z, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 0);
  CHECK_EQ_INT(s.nExisting, 2);
  CHECK_EQ_INT(s.nRepeated, 0);


  char *zJson = 0;
  marsad_query q;
  memset(&q, 0, sizeof q);
  CHECK_EQ_INT(marsad_articles_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"input\":\"a2\"") && strstr(zJson, "\"published\":\"2020-10-02\""));
  CHECK(zJson && strstr(zJson, "\"copy_of\":\""));
  /* an id is found by a prefix of it, in upper case too */
  char zPrefix[7] = {0};
  const char *zId = zJson ? strstr(zJson, "\"id\":\"") : 0;
  if( zId ) for(int i=0; i<6; i++) zPrefix[i] = (char)toupper((unsigned char)zId[6+i]);
  marsad_free(zJson);
  zJson = 0;
  CHECK(strpbrk(zPrefix, "ABCDEF")!=0);   /* the case matters for this id */
  CHECK_EQ_INT(marsad_article_json(pDb, zPrefix, 0, &zJson), MARSAD_OK);
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
  /* an input holding one new article twice: one stored, one repeated */
  const char *zTwice = LINE("a3", "وكالة", "2020-10-03", "عنوان ثالث") LINE("a3", "وكالة", "2020-10-03", "عنوان ثالث");
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "twice.jsonl", zTwice, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 1);
  CHECK_EQ_INT(s.nExisting, 1);
  CHECK_EQ_INT(s.nRepeated, 1);
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
  CHECK(strstr(zReports, "bad.txt:2: 2 invalid UTF-8")!=0);
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

/* Invalid UTF-8 is reported with the line it is on. */
static void test_bad_utf8_lines(void){
  char zPath[512];
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  marsad_ingest_stats s;
  const char *z = LINE("u1", "وكالة", "2020-10-01", "عنوان")
                  LINE("u2", "وكالة", "2020-10-01", "عنوان \xff ثان")
                  "{\"id\":\"u3\",\"title\":\"\xc3\x28\",\"text\":\"" BODY " \xfe\xfe\"}\n";
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "u.jsonl", z, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 3);
  CHECK_EQ_INT(s.nBadUtf8, 4);
  CHECK(strstr(zReports, "u.jsonl:2: 1 invalid UTF-8 sequence replaced")!=0);
  CHECK(strstr(zReports, "u.jsonl:3: 3 invalid UTF-8 sequences replaced")!=0);
  CHECK(strstr(zReports, "u.jsonl:1:")==0);
  marsad_close(pDb);
  unlink(zPath);
}

/* HTML character references in a JSON Lines title are decoded; a bare &
** and unknown names are kept. */
static void test_title_references(void){
  char zPath[512];
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  marsad_ingest_stats s;
  const char *z = "{\"title\":\"يلقي &#8220;حفنة&#8221; &quot;ب&quot; &#x41;&amp;B & C &nosuch; &#0;\",\"text\":\"" BODY "\"}\n";
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "t.jsonl", z, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 1);
  char *zJson = 0;
  marsad_query q;
  memset(&q, 0, sizeof q);
  CHECK_EQ_INT(marsad_articles_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"title\":\"يلقي “حفنة” \\\"ب\\\" A&B & C &nosuch; &#0;\""));
  marsad_free(zJson);
  marsad_close(pDb);
  unlink(zPath);
}

/* A later copy of a stored article (same id: same outlet, title and text)
** gives it the date and URL it lacked, without changing its id; a date it
** already has stays. */
static void test_fill_missing(void){
  char zPath[512];
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  marsad_ingest_stats s;
  char *zJson = 0, zId[17] = {0};
  marsad_query q;
  memset(&q, 0, sizeof q);
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_TEXT, "a.txt", "عنوان الخبر\n\n" BODY "\n", &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 1);
  CHECK_EQ_INT(marsad_articles_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"published\":null"));
  const char *zAt = zJson ? strstr(zJson, "\"id\":\"") : 0;
  if( zAt ) memcpy(zId, zAt+6, 16);
  marsad_free(zJson);
  const char *zLine = "{\"id\":\"b\",\"url\":\"https://x.example/1\",\"published\":\"2020-10-03\","
                      "\"title\":\"عنوان الخبر\",\"text\":\"" BODY "\"}\n";
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "b.jsonl", zLine, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 0);
  CHECK_EQ_INT(s.nExisting, 1);
  CHECK_EQ_INT(s.nFilled, 1);
  CHECK_EQ_INT(marsad_article_json(pDb, zId, 0, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"published\":\"2020-10-03\"") && strstr(zJson, "\"url\":\"https://x.example/1\""));
  CHECK(zJson && strstr(zJson, "\"input\":\"a.txt\""));
  marsad_free(zJson);
  const char *zOther = "{\"published\":\"2021-01-01\",\"title\":\"عنوان الخبر\",\"text\":\"" BODY "\"}\n";
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "c.jsonl", zOther, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nExisting, 1);
  CHECK_EQ_INT(s.nFilled, 0);
  CHECK_EQ_INT(marsad_article_json(pDb, zId, 0, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"published\":\"2020-10-03\""));
  marsad_free(zJson);
  marsad_close(pDb);
  unlink(zPath);
}

/* Writes z to zDir/zName. */
static void write_file(const char *zDir, const char *zName, const char *z){
  char zPath[600];
  snprintf(zPath, sizeof zPath, "%s/%s", zDir, zName);
  FILE *f = fopen(zPath, "wb");
  CHECK(f!=0);
  if( f ){ fputs(z, f); fclose(f); }
}

/* A directory walk: a symbolic link back to an enclosing directory is not
** followed again, a .xml file that is no feed is passed over quietly (but
** reported when named), a broken link is reported as such. */
static void test_walk(void){
  char zPath[512], zDir[64], zSub[128], zLink[160];
  snprintf(zDir, sizeof zDir, "/tmp/marsad-walk-%d", (int)getpid());
  snprintf(zSub, sizeof zSub, "%s/sub", zDir);
  CHECK_EQ_INT(mkdir(zDir, 0700), 0);
  CHECK_EQ_INT(mkdir(zSub, 0700), 0);
  write_file(zDir, "a.txt", "عنوان الخبر\n\n" BODY "\n");
  write_file(zDir, "sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>");
  snprintf(zLink, sizeof zLink, "%s/loop", zSub);
  CHECK_EQ_INT(symlink(zDir, zLink), 0);
  snprintf(zLink, sizeof zLink, "%s/gone.txt", zDir);
  CHECK_EQ_INT(symlink("/nonexistent/marsad", zLink), 0);
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  marsad_ingest_opts o;
  memset(&o, 0, sizeof o);
  o.xReport = on_report;
  marsad_ingest_stats s;
  memset(&s, 0, sizeof s);
  zReports[0] = 0;
  CHECK_EQ_INT(marsad_ingest_path(pDb, zDir, &o, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nRead, 1);
  CHECK_EQ_INT(s.nAdded, 1);
  CHECK_EQ_INT(s.nSkipped, 1);
  CHECK(strstr(zReports, "gone.txt:0: broken symbolic link")!=0);
  CHECK(strstr(zReports, "sitemap.xml")==0);
  CHECK(strstr(zReports, "loop/")==0);
  char zXml[160];
  snprintf(zXml, sizeof zXml, "%s/sitemap.xml", zDir);
  memset(&s, 0, sizeof s);
  zReports[0] = 0;
  CHECK_EQ_INT(marsad_ingest_path(pDb, zXml, &o, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nSkipped, 1);
  CHECK(strstr(zReports, "sitemap.xml:0: not an RSS or Atom feed")!=0);
  marsad_close(pDb);
  unlink(zPath);
  unlink(zLink);
  snprintf(zLink, sizeof zLink, "%s/loop", zSub); unlink(zLink);
  unlink(zXml);
  snprintf(zXml, sizeof zXml, "%s/a.txt", zDir); unlink(zXml);
  rmdir(zSub);
  rmdir(zDir);
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

/* The first integer the query zSql answers on pDb, or -1. */
static long long query_int(marsad_db *pDb, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  long long n = -1;
  if( sqlite3_prepare_v2(pDb->db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    n = sqlite3_column_int64(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return n;
}

/* What ingestion stored for its articles, as one number per table. */
static void stored_counts(marsad_db *pDb, long long aN[4]){
  aN[0] = query_int(pDb, "SELECT count(*) FROM article");
  aN[1] = query_int(pDb, "SELECT count(*) FROM mention");
  aN[2] = query_int(pDb, "SELECT count(*) FROM entity");
  aN[3] = query_int(pDb, "SELECT count(*) FROM entity_variant");
}

/* An article without a publication date of its own is dated by its text
** (article_facts, which only such articles have): the statements listing
** shows that date, and the metadata's date for one that has it. */
static void test_publication_from_text(void){
  char zPath[512];
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  marsad_ingest_stats s;
  const char *z =
    "{\"id\":\"d1\",\"published\":\"2020-10-03\",\"title\":\"خبر\",\"text\":\"" BODY "\"}\n"
    "{\"id\":\"d2\",\"title\":\"خبر آخر\",\"text\":\"الرياض 12 مارس 2015: " BODY "\"}\n";
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "d.jsonl", z, &s), MARSAD_OK);
  CHECK_EQ_INT(s.nAdded, 2);
  CHECK_EQ_INT(query_int(pDb, "SELECT count(*) FROM article_facts"), 1);
  CHECK_EQ_INT(query_int(pDb, "SELECT from_text FROM article_facts af JOIN article a ON a.id=af.article"
                              " WHERE a.published IS NULL AND af.published='2015-03-12'"), 1);
  marsad_query q;
  memset(&q, 0, sizeof q);
  char *zJson = 0;
  CHECK_EQ_INT(marsad_statements_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"published\":\"2015-03-12\"") && strstr(zJson, "\"published\":\"2020-10-03\""));
  marsad_free(zJson);
  marsad_close(pDb);
  unlink(zPath);
}

/* A batch that failed part-way (out of memory) rolls back, and the modules
** forget what they kept of it (rows queued for the commit, entities the
** resolver learned): ingesting again on the same handle stores what a
** fresh database stores, and every row refers to a stored article and
** entity. */
static void test_rollback_then_again(void){
  char zPath[512];
  const char *z =
    "{\"id\":\"r1\",\"title\":\"زيارة\",\"text\":\"التقى الرئيس عبد الفتاح السيسي في القاهرة "
    "وزير الخارجية الأمريكي جون كيري لبحث الأوضاع في سوريا.\"}\n"
    "{\"id\":\"r2\",\"title\":\"لقاء\",\"text\":\"وصل جون كيري إلى الرياض حيث استقبله الملك "
    "سلمان بن عبدالعزيز، وقال كيري إن الولايات المتحدة تدعم السعودية.\"}\n";
  marsad_ingest_opts o;
  memset(&o, 0, sizeof o);
  o.eFormat = MARSAD_INPUT_JSONL;
  marsad_ingest_stats s;
  long long aWant[4], aGot[4];
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  memset(&s, 0, sizeof s);
  CHECK_EQ_INT(marsad_ingest_buffer(pDb, "r.jsonl", z, strlen(z), &o, &s), MARSAD_OK);
  stored_counts(pDb, aWant);
  /* the constraints ingestion left unchecked are checked again after it */
  CHECK_EQ_INT(query_int(pDb, "PRAGMA foreign_keys"), 1);
  CHECK_EQ_INT(query_int(pDb, "PRAGMA ignore_check_constraints"), 0);
  CHECK_EQ_INT(query_int(pDb, "PRAGMA wal_autocheckpoint"), 1000);
  CHECK(sqlite3_exec(pDb->db, "INSERT INTO entity(kind, name) VALUES('bogus', 'x')", 0, 0, 0)
        ==SQLITE_CONSTRAINT);
  marsad_close(pDb);
  CHECK(aWant[1]>0);
  int nFailed = 0;
  for(long n=0; n<2000 && nFailed<400; n+=3){
    pDb = fresh_db(zPath, sizeof zPath);
    if( pDb==0 ) continue;
    memset(&s, 0, sizeof s);
    marsad_alloc_fail_after(n);
    int rc = marsad_ingest_buffer(pDb, "r.jsonl", z, strlen(z), &o, &s);
    marsad_alloc_fail_after(-1);
    if( rc==MARSAD_OK ){ marsad_close(pDb); break; }
    nFailed++;
    memset(&s, 0, sizeof s);
    CHECK_EQ_INT(marsad_ingest_buffer(pDb, "r.jsonl", z, strlen(z), &o, &s), MARSAD_OK);
    stored_counts(pDb, aGot);
    for(int k=0; k<4; k++) CHECK_EQ_INT(aGot[k], aWant[k]);
    CHECK_EQ_INT(query_int(pDb, "SELECT count(*) FROM mention WHERE article NOT IN "
        "(SELECT id FROM article) OR entity NOT IN (SELECT id FROM entity)"), 0);
    CHECK_EQ_INT(query_int(pDb, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    marsad_close(pDb);
  }
  unlink(zPath);
  CHECK(nFailed>0);
}

/* The text the query zSql answers on pDb (owned by the caller), or NULL. */
static char *query_text(marsad_db *pDb, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  char *z = 0;
  if( sqlite3_prepare_v2(pDb->db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW && sqlite3_column_text(pStmt, 0) ){
    z = strdup((const char*)sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  return z;
}

/* True when the person entity stored on pDb is named z. */
static int person_named(marsad_db *pDb, const char *z){
  char *zName = query_text(pDb, "SELECT group_concat(name, '|') FROM entity WHERE kind='person'");
  int b = zName && strcmp(zName, z)==0;
  free(zName);
  return b;
}

/* An entity is shown by its most frequent spelling after every batch of
** one handle, which keeps the counts of the spellings it stored (the
** entity module's) instead of reading them again: the counts of earlier
** batches with those of the batch (عبد written apart or joined). */
static void test_frequent_name_batches(void){
  char zPath[512];
#define SP "عبد الكريم الزهيري"
#define JN "عبدالكريم الزهيري"
#define SAY(id, name, when) "{\"id\":\"" id "\",\"title\":\"تصريح\",\"text\":\"قال المدرب " \
    name " إن الفريق جاهز " when ".\"}\n"
  const char *z1 = SAY("a1", SP, "الآن") SAY("a2", JN, "اليوم") SAY("a3", JN, "غدا");
  const char *z2 = SAY("b1", SP, "قريبا") SAY("b2", SP, "الليلة") SAY("b3", SP, "حالا");
  const char *z3 = SAY("c1", JN, "مساء") SAY("c2", JN, "صباحا") SAY("c3", JN, "بعد غد");
  marsad_ingest_stats s;
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "1.jsonl", z1, &s), MARSAD_OK);
  CHECK(person_named(pDb, JN));   /* 2 to 1 */
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "2.jsonl", z2, &s), MARSAD_OK);
  CHECK(person_named(pDb, SP));   /* 4 to 2 */
  CHECK_EQ_INT(ingest(pDb, MARSAD_INPUT_JSONL, "3.jsonl", z3, &s), MARSAD_OK);
  CHECK(person_named(pDb, JN));   /* 5 to 4 */
  CHECK_EQ_INT(query_int(pDb, "SELECT count(*) FROM mention"), 9);
  marsad_close(pDb);
  unlink(zPath);
#undef SAY
#undef JN
#undef SP
}

/* What another connection sees during an ingestion, at its progress
** report after the 200th article: the articles of the batches committed. */
typedef struct batch_probe {
  const char *zPath;           /* the database */
  long nSeen;                  /* articles committed at the 200th, or -1 */
} batch_probe;

static void on_batch_progress(void *pCtx, const marsad_ingest_stats *pStats){
  batch_probe *p = pCtx;
  if( pStats->nRead!=200 ) return;
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_open_v2(p->zPath, &db, SQLITE_OPEN_READONLY, 0)==SQLITE_OK
   && sqlite3_prepare_v2(db, "SELECT count(*) FROM article", -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    p->nSeen = sqlite3_column_int64(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
}

/* Ingests 450 distinct articles in batches of nBatch (0: the default) and
** returns what another connection saw committed after the 200th. */
static long committed_at_200(int nBatch){
  char zPath[512];
  marsad_buf b;
  memset(&b, 0, sizeof b);
  for(int i=0; i<450; i++){
    char zLine[400];
    snprintf(zLine, sizeof zLine, "{\"id\":\"b%d\",\"title\":\"خبر رقم %d\","
             "\"text\":\"قال المتحدث إن الاجتماع رقم %d سيعقد في موعده.\"}\n", i, i, i);
    marsad_buf_append(&b, zLine, strlen(zLine));
  }
  marsad_db *pDb = fresh_db(zPath, sizeof zPath);
  batch_probe probe = {zPath, -1};
  marsad_ingest_opts o;
  memset(&o, 0, sizeof o);
  o.eFormat = MARSAD_INPUT_JSONL;
  o.xProgress = on_batch_progress;
  o.pCtx = &probe;
  o.nBatch = nBatch;
  marsad_ingest_stats s;
  memset(&s, 0, sizeof s);
  CHECK_EQ_INT(marsad_ingest_buffer(pDb, "b.jsonl", b.a, b.n, &o, &s), MARSAD_OK);
  CHECK_EQ_INT((int)s.nAdded, 450);
  CHECK_EQ_INT(query_int(pDb, "SELECT count(*) FROM article"), 450);
  marsad_close(pDb);
  marsad_buf_free(&b);
  unlink(zPath);
  return probe.nSeen;
}

/* Articles are committed a batch at a time, of the size the options ask
** (a killed ingestion keeps what was committed; other connections see the
** articles when their batch commits), by default MARSAD_INGEST_BATCH. */
static void test_batch_size(void){
  CHECK_EQ_INT((int)committed_at_200(100), 200);
  CHECK_EQ_INT((int)committed_at_200(150), 150);
  CHECK_EQ_INT((int)committed_at_200(0), 0);      /* 200 < MARSAD_INGEST_BATCH */
}

int main(void){
  RUN(test_jsonl_bad_lines);
  RUN(test_text_and_problems);
  RUN(test_bad_utf8_lines);
  RUN(test_walk);
  RUN(test_title_references);
  RUN(test_fill_missing);
  RUN(test_fault_injection);
  RUN(test_rollback_then_again);
  RUN(test_publication_from_text);
  RUN(test_frequent_name_batches);
  RUN(test_batch_size);
  return DONE();
}
