/*
** driver.c: marsad's side of the search comparisons (eval/search and
** bench/search/run), the counterpart of bench/peers/LuceneArabic.java. It
** reads the same tab-separated files (bench/peers/tsv.py), stores the
** documents as articles of a fresh marsad database and searches them with
** marsad_search_json, the function the command line and the server use.
**
**   search_driver rank DOCS.tsv QUERIES.tsv K TOKENIZER
**       print "qid<TAB>docid docid ..." (top K). TOKENIZER is the search
**       table's tokenizer: "arabic" (the default), "arabic light",
**       "arabic snowball", "arabic none" or "unicode61" (SQLite's own).
**   search_driver bench DOCS.tsv QUERIES.tsv DB
**       build the index of all documents in DB (a new file: 'rebuild' from
**       the stored articles, then 'optimize', as marsad does whenever it
**       builds the whole index) and time it,
**       then time every query (a warm-up pass, then the timed pass).
**   search_driver query DB QUERIES.tsv
**       time the queries alone on a database bench mode left.
**
** The document id goes into article.input, which every hit reports.
*/
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "marsad.h"
#include "db.h"

/* Monotonic time in seconds. */
static double now(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec/1e9;
}

/* CPU time of this thread in seconds (the machine is shared: wall time
** includes waiting for a core, CPU time does not). */
static double cpu(void){
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec/1e9;
}

/* Undoes tsv.py's escaping of field z in place. */
static void unescape(char *z){
  char *w = z;
  for(; *z; z++){
    if( z[0]=='\\' && z[1] ){
      z++;
      *w++ = z[0]=='n' ? '\n' : z[0]=='t' ? '\t' : z[0];
    }else{
      *w++ = *z;
    }
  }
  *w = 0;
}

/* Splits line z at tabs into up to nMax unescaped fields; returns count. */
static int split(char *z, char **az, int nMax){
  int n = 0;
  z[strcspn(z, "\n")] = 0;
  while( n<nMax ){
    az[n++] = z;
    char *t = strchr(z, '\t');
    if( t==0 ) break;
    *t = 0;
    z = t+1;
  }
  for(int i=0; i<n; i++) unescape(az[i]);
  return n;
}

/* Reads a whole line of any length from f into *pz (grown as needed). */
static int read_line(FILE *f, char **pz, size_t *pn){
  return getline(pz, pn, f)>0;
}

/* Stores every document of zDocs as an article. Dies on failure. */
static long load_docs(marsad_db *pDb, const char *zDocs){
  FILE *f = fopen(zDocs, "r");
  if( f==0 ){ perror(zDocs); exit(1); }
  sqlite3_stmt *pStmt = 0;
  marsad_db_prepare(pDb,
    "INSERT INTO article(uid, input, source, format, title, ingested, body, body_hash, arabic) "
    "VALUES(printf('%016x', ?1), ?2, 'bench', 'jsonl', ?3, '2026-01-01T00:00:00Z', ?4, ?1, 1)", &pStmt);
  if( pStmt==0 ){ fprintf(stderr, "%s\n", marsad_errmsg(pDb)); exit(1); }
  char *zLine = 0;
  size_t nLine = 0;
  long n = 0;
  marsad_db_begin(pDb);
  while( read_line(f, &zLine, &nLine) ){
    char *az[3];
    if( split(zLine, az, 3)!=3 ) continue;
    sqlite3_bind_int64(pStmt, 1, ++n);
    sqlite3_bind_text(pStmt, 2, az[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 3, az[1], -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 4, az[2], -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ){ fprintf(stderr, "insert: %s\n", sqlite3_errmsg(pDb->db)); exit(1); }
    sqlite3_reset(pStmt);
  }
  marsad_db_commit(pDb);
  sqlite3_finalize(pStmt);
  free(zLine);
  fclose(f);
  return n;
}

/* Runs the query zText (top nLimit) and returns its JSON answer, or NULL
** (after a message on stderr) when marsad refuses it. */
static char *search(marsad_db *pDb, const char *zText, long nLimit){
  marsad_query q;
  memset(&q, 0, sizeof q);
  q.zText = zText;
  q.nLimit = nLimit;
  char *zJson = 0;
  int rc = marsad_search_json(pDb, &q, &zJson);
  if( rc!=MARSAD_OK && rc!=MARSAD_MISUSE ){
    fprintf(stderr, "search failed: %s\n", marsad_errmsg(pDb));
    exit(1);
  }
  return zJson;
}

/* Opens a fresh database at zPath; dies on failure. */
static marsad_db *open_fresh(const char *zPath){
  char zBuf[4096];
  const char *azSuffix[] = {"", "-wal", "-shm"};
  for(int i=0; i<3; i++){
    snprintf(zBuf, sizeof zBuf, "%s%s", zPath, azSuffix[i]);
    remove(zBuf);
  }
  marsad_db *pDb = 0;
  char *zErr = 0;
  if( marsad_open(zPath, 0, &pDb, &zErr)!=MARSAD_OK ){
    fprintf(stderr, "%s: %s\n", zPath, zErr);
    exit(1);
  }
  return pDb;
}

/* rank mode: one line of top-K document ids per query. */
static int rank(const char *zDocs, const char *zQueries, long k, const char *zTok){
  marsad_db *pDb = open_fresh(":memory:");
  char zSql[512];
  snprintf(zSql, sizeof zSql,
    "DROP TABLE article_fts;"
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article',"
    " content_rowid='id', tokenize='%s')", zTok);
  if( marsad_db_exec(pDb, zSql)!=MARSAD_OK ){ fprintf(stderr, "%s\n", marsad_errmsg(pDb)); return 1; }
  load_docs(pDb, zDocs);  /* stored, not yet indexed: ingestion indexes, not SQL */
  if( marsad_db_exec(pDb, "INSERT INTO article_fts(article_fts) VALUES('rebuild')")!=MARSAD_OK ){
    fprintf(stderr, "%s\n", marsad_errmsg(pDb));
    return 1;
  }
  FILE *f = fopen(zQueries, "r");
  if( f==0 ){ perror(zQueries); return 1; }
  char *zLine = 0;
  size_t nLine = 0;
  while( read_line(f, &zLine, &nLine) ){
    char *az[2];
    if( split(zLine, az, 2)!=2 ) continue;
    printf("%s\t", az[0]);
    char *zJson = search(pDb, az[1], k);
    json_t *pArr = zJson ? json_loads(zJson, 0, 0) : 0;
    for(size_t i=0; i<json_array_size(pArr); i++){
      printf("%s%s", i ? " " : "", json_string_value(json_object_get(json_array_get(pArr, i), "input")));
    }
    printf("\n");
    json_decref(pArr);
    marsad_free(zJson);
  }
  free(zLine);
  fclose(f);
  marsad_close(pDb);
  return 0;
}

/* qsort comparison of doubles. */
static int cmp_double(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return (x>y) - (x<y);
}

static void time_queries(marsad_db *pDb, const char *zQueries, long nDoc,
                         double nBytes, double tIndex, double cIndex);

/* bench mode: index build time and query latencies. */
static int bench(const char *zDocs, const char *zQueries, const char *zDb){
  marsad_db *pDb = open_fresh(zDb);
  /* store the articles (SQL inserts are not indexed), then time building the
  ** index from the stored articles, as Lucene's time is building it from memory */
  long nDoc = load_docs(pDb, zDocs);
  sqlite3_stmt *pSize = 0;
  marsad_db_prepare(pDb, "SELECT sum(length(CAST(title AS BLOB))+length(CAST(body AS BLOB))) FROM article", &pSize);
  double nBytes = sqlite3_step(pSize)==SQLITE_ROW ? sqlite3_column_double(pSize, 0) : 0;
  sqlite3_finalize(pSize);
  double t0 = now(), c0 = cpu();
  int rc = marsad_db_begin(pDb);
  if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, "INSERT INTO article_fts(article_fts) VALUES('rebuild')");
  if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, "INSERT INTO article_fts(article_fts) VALUES('optimize')");
  if( rc==MARSAD_OK ) rc = marsad_db_commit(pDb);
  if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, "PRAGMA wal_checkpoint(TRUNCATE)");
  double tIndex = now()-t0, cIndex = cpu()-c0;
  if( rc!=MARSAD_OK ){ fprintf(stderr, "%s\n", marsad_errmsg(pDb)); return 1; }

  time_queries(pDb, zQueries, nDoc, nBytes, tIndex, cIndex);
  marsad_close(pDb);
  return 0;
}

/* Times every query of zQueries on pDb (a warm-up pass, then the timed
** pass) and prints the result line with the index figures given. */
static void time_queries(marsad_db *pDb, const char *zQueries, long nDoc,
                         double nBytes, double tIndex, double cIndex){
  FILE *f = fopen(zQueries, "r");
  if( f==0 ){ perror(zQueries); exit(1); }
  char **azQuery = 0;
  long nQuery = 0;
  char *zLine = 0;
  size_t nLine = 0;
  while( read_line(f, &zLine, &nLine) ){
    char *az[2];
    if( split(zLine, az, 2)!=2 ) continue;
    azQuery = realloc(azQuery, sizeof(char*)*(size_t)(nQuery+1));
    azQuery[nQuery++] = strdup(az[1]);
  }
  free(zLine);
  fclose(f);
  double *aT = calloc((size_t)nQuery+1, sizeof(double));
  double *aC = calloc((size_t)nQuery+1, sizeof(double));
  long nHit = 0;
  for(int pass=0; pass<2; pass++){   /* pass 0 warms up, pass 1 is timed */
    for(long i=0; i<nQuery; i++){
      double q0 = now(), qc = cpu();
      char *zJson = search(pDb, azQuery[i], 10);
      aT[i] = now()-q0;
      aC[i] = cpu()-qc;
      nHit += zJson && strlen(zJson)>2;
      marsad_free(zJson);
    }
  }
  qsort(aT, (size_t)nQuery, sizeof(double), cmp_double);
  qsort(aC, (size_t)nQuery, sizeof(double), cmp_double);
  long i99 = (long)((double)nQuery*0.99 + 0.999) - 1;
  if( i99<0 ) i99 = 0;
  printf("docs %ld bytes %.0f index_s %.3f index_cpu_s %.3f queries %ld median_us %.1f p99_us %.1f "
         "cpu_median_us %.1f cpu_p99_us %.1f answered %ld\n",
         nDoc, nBytes, tIndex, cIndex, nQuery, aT[nQuery/2]*1e6, aT[i99]*1e6,
         aC[nQuery/2]*1e6, aC[i99]*1e6, nHit/2);
  for(long k=0; k<nQuery; k++) free(azQuery[k]);
  free(azQuery);
  free(aT);
  free(aC);
}

/* query mode: times the queries on an existing database. */
static int query(const char *zDb, const char *zQueries){
  marsad_db *pDb = 0;
  char *zErr = 0;
  if( marsad_open(zDb, 0, &pDb, &zErr)!=MARSAD_OK ){ fprintf(stderr, "%s: %s\n", zDb, zErr); return 1; }
  time_queries(pDb, zQueries, 0, 0, 0, 0);
  marsad_close(pDb);
  return 0;
}

int main(int argc, char **argv){
  if( argc==6 && strcmp(argv[1], "rank")==0 ) return rank(argv[2], argv[3], atol(argv[4]), argv[5]);
  if( argc==5 && strcmp(argv[1], "bench")==0 ) return bench(argv[2], argv[3], argv[4]);
  if( argc==4 && strcmp(argv[1], "query")==0 ) return query(argv[2], argv[3]);
  fprintf(stderr, "usage: search_driver rank DOCS.tsv QUERIES.tsv K TOKENIZER\n"
                  "       search_driver bench DOCS.tsv QUERIES.tsv DB\n"
                  "       search_driver query DB QUERIES.tsv\n");
  return 2;
}
