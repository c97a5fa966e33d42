/*
** bench_text.c: speed of the text core against the peers a developer would
** otherwise assemble from Debian's libraries, on the same article bodies:
**   normalize: marsad_norm_run (key + offset map) against utf8proc_map with
**     NFKC | CASEFOLD | STRIPMARK (a key only, no offsets);
**   tokens: marsad_tokenize (spans, keys, light stems) against SQLite FTS5's
**     unicode61 tokenizer (remove_diacritics 2) followed by Snowball's Arabic
**     stemmer on every token, and marsad with its Snowball kind.
** Prints MB per CPU second (median of RUNS runs) and the ratio marsad / peer.
** Usage: bench_text CORPUS.jsonl [MAX_ARTICLES] [RUNS]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include <libstemmer.h>
#include <sqlite3.h>
#include <utf8proc.h>
#include "marsad.h"
#include "norm.h"
#include "stem.h"
#include "token.h"

/* The article bodies. */
typedef struct corpus { char **az; size_t *an; size_t n; double nBytes; } corpus;

/* Reads the "text" of up to nMax JSONL objects. Exits on failure. */
static void load(const char *zPath, size_t nMax, corpus *p){
  FILE *f = fopen(zPath, "r");
  char *zLine = 0;
  size_t nAlloc = 0;
  if( f==0 ){ perror(zPath); exit(1); }
  p->az = calloc(nMax, sizeof(char*));
  p->an = calloc(nMax, sizeof(size_t));
  while( p->n<nMax && getline(&zLine, &nAlloc, f)>0 ){
    json_t *pObj = json_loads(zLine, 0, 0);
    const char *z = json_string_value(json_object_get(pObj, "text"));
    if( z ){
      p->an[p->n] = strlen(z);
      p->az[p->n] = strdup(z);
      p->nBytes += (double)p->an[p->n];
      p->n++;
    }
    json_decref(pObj);
  }
  free(zLine);
  fclose(f);
}

/* CPU seconds of this (single-threaded) process: steadier than wall time
** on a shared machine. */
static double now(void){
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec/1e9;
}

static int cmp_double(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}

/* Tokens counted by every callback, to keep the work observable. */
static long nTokens;

/* ---- marsad */
static void run_norm(const corpus *p){
  marsad_norm norm = MARSAD_NORM_INIT;
  for(size_t i=0; i<p->n; i++){
    marsad_norm_run(p->az[i], p->an[i], &norm);
    nTokens += (long)norm.n;
  }
  marsad_norm_free(&norm);
}

static int count_token(void *pCtx, const marsad_token *t){
  nTokens += (long)t->nStem;
  return 0;
}

static void run_tokens_kind(const corpus *p, int eKind){
  marsad_stemmer *pStem = 0;
  marsad_stemmer_new_kind(eKind, &pStem);
  for(size_t i=0; i<p->n; i++){
    marsad_tokenize_stem(p->az[i], p->an[i], 0, pStem, count_token, 0);
  }
  marsad_stemmer_free(pStem);
}
static void run_tokens(const corpus *p){ run_tokens_kind(p, MARSAD_STEM_LIGHT); }
static void run_tokens_snowball(const corpus *p){ run_tokens_kind(p, MARSAD_STEM_SNOWBALL); }

/* ---- peers */
static void run_utf8proc(const corpus *p){
  for(size_t i=0; i<p->n; i++){
    utf8proc_uint8_t *z = 0;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t*)p->az[i],
        (utf8proc_ssize_t)p->an[i], &z, UTF8PROC_STABLE|UTF8PROC_COMPOSE|
        UTF8PROC_COMPAT|UTF8PROC_CASEFOLD|UTF8PROC_STRIPMARK);
    if( n>0 ) nTokens += (long)n;
    free(z);
  }
}

static fts5_tokenizer tokApi;       /* unicode61's methods */
static Fts5Tokenizer *pUnicode61;   /* an instance with remove_diacritics 2 */
static struct sb_stemmer *pSnow;    /* Snowball Arabic for the peer */

static int peer_token(void *pCtx, int tflags, const char *pToken, int nToken,
                      int iStart, int iEnd){
  const sb_symbol *z = sb_stemmer_stem(pSnow, (const sb_symbol*)pToken, nToken);
  if( z ) nTokens += sb_stemmer_length(pSnow);
  return SQLITE_OK;
}

static void run_unicode61(const corpus *p){
  for(size_t i=0; i<p->n; i++){
    tokApi.xTokenize(pUnicode61, 0, FTS5_TOKENIZE_DOCUMENT, p->az[i],
                     (int)p->an[i], peer_token);
  }
}

/* Gets FTS5's unicode61 tokenizer from an in-memory database. */
static void open_unicode61(sqlite3 **pDb){
  fts5_api *pApi = 0;
  sqlite3_stmt *pStmt = 0;
  void *pUser = 0;
  const char *azArg[] = { "remove_diacritics", "2" };
  sqlite3_open(":memory:", pDb);
  sqlite3_prepare_v2(*pDb, "SELECT fts5(?1)", -1, &pStmt, 0);
  sqlite3_bind_pointer(pStmt, 1, &pApi, "fts5_api_ptr", 0);
  sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  if( pApi==0 || pApi->xFindTokenizer(pApi, "unicode61", &pUser, &tokApi)!=SQLITE_OK
   || tokApi.xCreate(pUser, azArg, 2, &pUnicode61)!=SQLITE_OK ){
    fprintf(stderr, "bench_text: no FTS5 unicode61 tokenizer\n");
    exit(1);
  }
  pSnow = sb_stemmer_new("arabic", "UTF_8");
}

/* Median MB/s of nRun runs of xRun. */
static double measure(const corpus *p, void (*xRun)(const corpus*), int nRun){
  double a[16];
  for(int r=0; r<nRun; r++){
    double t0 = now();
    xRun(p);
    a[r] = p->nBytes/1e6/(now()-t0);
  }
  qsort(a, (size_t)nRun, sizeof a[0], cmp_double);
  return a[nRun/2];
}

int main(int argc, char **argv){
  corpus c = {0};
  sqlite3 *pDb = 0;
  if( argc<2 ){ fprintf(stderr, "usage: bench_text CORPUS.jsonl [MAX] [RUNS]\n"); return 2; }
  size_t nMax = argc>2 ? (size_t)atol(argv[2]) : 10000;
  int nRun = argc>3 ? atoi(argv[3]) : 5;
  if( nRun<1 || nRun>15 ) nRun = 5;
  load(argv[1], nMax, &c);
  open_unicode61(&pDb);
  printf("%zu articles, %.1f MB of body text, median of %d runs (MB per CPU second)\n\n",
         c.n, c.nBytes/1e6, nRun);
  run_norm(&c);                 /* warm the buffers and caches once */
  double mNorm = measure(&c, run_norm, nRun);
  double pNorm = measure(&c, run_utf8proc, nRun);
  double mTok = measure(&c, run_tokens, nRun);
  double mTokSnow = measure(&c, run_tokens_snowball, nRun);
  double pTok = measure(&c, run_unicode61, nRun);
  printf("| task | marsad | peer | marsad / peer |\n|---|---|---|---|\n");
  printf("| normalize (key + offset map) vs utf8proc NFKC+CASEFOLD+STRIPMARK | %.0f | %.0f | %.2f |\n",
         mNorm, pNorm, mNorm/pNorm);
  printf("| tokens + keys + light stems vs FTS5 unicode61 + Snowball | %.0f | %.0f | %.2f |\n",
         mTok, pTok, mTok/pTok);
  printf("| tokens + keys + Snowball stems vs FTS5 unicode61 + Snowball | %.0f | %.0f | %.2f |\n",
         mTokSnow, pTok, mTokSnow/pTok);
  tokApi.xDelete(pUnicode61);
  sb_stemmer_delete(pSnow);
  sqlite3_close(pDb);
  for(size_t i=0; i<c.n; i++) free(c.az[i]);
  free(c.az);
  free(c.an);
  return nTokens<0;
}
