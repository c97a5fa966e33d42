/*
** test_fts.c: the search tokenizer and search. A golden table of what the
** "arabic" FTS5 tokenizer indexes for each kind of word (proclitics, hamza
** forms, ta marbuta, alef maqsura, harakat, tatweel, digits, Latin, mixed),
** its query tokens, highlight offsets on the original text, and searches on
** a small corpus: every form finds every other, phrases, OR, exclusion,
** prefixes, exact words, filters, and bad queries refused with MISUSE.
*/
#include <jansson.h>
#include <unistd.h>
#include "harness.h"
#include "marsad.h"
#include "buf.h"
#include "analysis.h"
#include "db.h"
#include "fts_arabic.h"
#include "search.h"

/* The tokens one xTokenize call produced, as "tok tok+coloc ...". */
typedef struct Collect {
  marsad_buf b;     /* rendered tokens */
  int aStart[16];   /* start offset of each token */
  int aEnd[16];     /* end offset */
  int n;            /* tokens (colocated ones included) */
} Collect;

static int collect_token(void *pCtx, int tflags, const char *pTok, int nTok,
                         int iStart, int iEnd){
  Collect *p = pCtx;
  if( p->b.n ) marsad_buf_append(&p->b, (tflags & FTS5_TOKEN_COLOCATED) ? "+" : " ", 1);
  marsad_buf_append(&p->b, pTok, (size_t)nTok);
  if( p->n<16 ){ p->aStart[p->n] = iStart; p->aEnd[p->n] = iEnd; }
  p->n++;
  return SQLITE_OK;
}

/* Tokenizes zText with the connection's "arabic" tokenizer in mode flags;
** the rendered tokens go to *pC (the caller frees pC->b). bFresh: on an
** instance made without the registration's data, as the version probe's. */
static void tokenize_with(marsad_db *pDb, const char *zText, int flags, int bFresh,
                          Collect *pC){
  fts5_api *pApi = 0;
  sqlite3_stmt *pStmt = 0;
  memset(pC, 0, sizeof *pC);
  sqlite3_prepare_v2(pDb->db, "SELECT fts5(?1)", -1, &pStmt, 0);
  sqlite3_bind_pointer(pStmt, 1, (void*)&pApi, "fts5_api_ptr", 0);
  sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  void *pUser = 0;
  fts5_tokenizer tok;
  Fts5Tokenizer *pTok = 0;
  CHECK(pApi && pApi->xFindTokenizer(pApi, "arabic", &pUser, &tok)==SQLITE_OK);
  if( pApi==0 ) return;
  CHECK(tok.xCreate(bFresh ? 0 : pUser, 0, 0, &pTok)==SQLITE_OK);
  CHECK(tok.xTokenize(pTok, pC, flags, zText, (int)strlen(zText), collect_token)==SQLITE_OK);
  tok.xDelete(pTok);
}

static void tokenize(marsad_db *pDb, const char *zText, int flags, Collect *pC){
  tokenize_with(pDb, zText, flags, 0, pC);
}

static void tokenize_fresh(marsad_db *pDb, const char *zText, int flags, Collect *pC){
  tokenize_with(pDb, zText, flags, 1, pC);
}

/* What documents index: the stem alone when it is the word's key (numbers,
** Latin words, words without clitics or endings); else the stem marked
** "~" and "=key" at the same position. */
static void test_document_tokens(marsad_db *pDb){
  static const struct { const char *zIn, *zOut; } aCase[] = {
    /* proclitics and suffixes */
    {"والمعلمون",   "معلم~+=والمعلمون"},
    {"بالمدرسة",    "مدرس~+=بالمدرسه"},
    {"للأطفال",     "اطفال~+=للاطفال"},
    {"المعلم",      "معلم~+=المعلم"},
    /* hamza forms fold into bare alef, ya and waw */
    {"أردوغان",     "اردوغ~+=اردوغان"},
    {"إسرائيل",     "اسراييل"},
    {"مسؤول",       "مسوول"},
    /* ta marbuta and alef maqsura */
    {"مدرسة",       "مدرس~+=مدرسه"},
    {"مستشفى",      "مستشف~+=مستشفي"},
    /* harakat and tatweel vanish */
    {"كَتَبَ",         "كتب"},
    {"القـــدس",    "قدس~+=القدس"},
    /* digits, Latin, mixed, presentation forms */
    {"٢٠٢٠ 3.5",    "2020 3.5"},
    {"Reuters",     "reuters"},
    {"COVID-19",    "covid 19"},
    {"ﻻ",           "لا"},
    {"، ؟ .",       ""},
  };
  for(size_t i=0; i<sizeof aCase/sizeof aCase[0]; i++){
    Collect c;
    tokenize(pDb, aCase[i].zIn, FTS5_TOKENIZE_DOCUMENT, &c);
    CHECK_EQ_STR(c.b.a ? c.b.a : "", aCase[i].zOut);
    marsad_buf_free(&c.b);
  }
}

/* A document announced through marsad_fts_docs (as ingestion does, from the
** analysis's shared tokens) gets exactly the tokens, flags and offsets the
** tokenizer makes of the same text itself: words with clitics, marks and
** tatweel, hamza forms, digits, Latin, punctuation, and a word longer than
** the index keeps (which is cut; the list leaves that text to the
** tokenizer). */
static void test_known_documents(marsad_db *pDb){
  char zLong[600];
  size_t n = 0;
  memcpy(zLong, "قال ", 7);
  for(n=7; n+2<400; n+=2) memcpy(zLong+n, "\xD8\xA8", 2);   /* بببب...: 196 letters */
  strcpy(zLong+n, " وَالمُعَلِّمُونَ");
  const char *azText[] = {
    "قال وَالمُعَلِّمُونَ للأطفال في القـــدس: إِسرائيل، ٢٠٢٠ و3.5 COVID-19 Reuters ﻻ مستشفى.",
    "أكد المتحدث باسم الوزارة أن الاجتماع سيعقد «غدا» (الأحد) في موعده.",
    zLong,
  };
  CHECK(pDb->pFtsDocs!=0);
  for(size_t i=0; pDb->pFtsDocs && i<sizeof azText/sizeof azText[0]; i++){
    Collect live, known;
    tokenize(pDb, azText[i], FTS5_TOKENIZE_DOCUMENT, &live);
    marsad_analysis a;
    memset(&a, 0, sizeof a);
    a.art.zTitle = "";
    a.art.zBody = azText[i];
    a.art.nBody = strlen(azText[i]);
    CHECK_EQ_INT(marsad_analysis_keep_tokens(&a), MARSAD_OK);
    int iDoc = -1;
    size_t nText = 0;
    CHECK_EQ_INT(marsad_fts_docs_add(pDb->pFtsDocs, &a, MARSAD_FIELD_BODY, &iDoc), MARSAD_OK);
    CHECK_EQ_INT(iDoc, 0);
    if( iDoc==0 ){                       /* its copy of the text, the one ingestion binds */
      const char *zCopy = marsad_fts_docs_text(pDb->pFtsDocs, iDoc, &nText);
      CHECK(nText==strlen(azText[i]) && memcmp(zCopy, azText[i], nText)==0);
    }
    tokenize(pDb, azText[i], FTS5_TOKENIZE_DOCUMENT, &known);
    CHECK_EQ_STR(known.b.a, live.b.a);
    CHECK_EQ_INT(known.n, live.n);
    for(int k=0; k<live.n && k<16; k++){
      CHECK_EQ_INT(known.aStart[k], live.aStart[k]);
      CHECK_EQ_INT(known.aEnd[k], live.aEnd[k]);
    }
    marsad_fts_docs_clear(pDb->pFtsDocs);
    marsad_analysis_clear(&a);
    marsad_buf_free(&live.b);
    marsad_buf_free(&known.b);
  }
}

/* Offsets are those of the original word, harakat and clitics included. */
static void test_offsets(marsad_db *pDb){
  Collect c;
  const char *z = "قال وَالمُعَلِّمُونَ";
  tokenize(pDb, z, FTS5_TOKENIZE_DOCUMENT, &c);
  CHECK_EQ_INT(c.n, 3);            /* قال; معلم~ and =والمعلمون */
  CHECK_EQ_INT(c.aStart[1], 7);
  CHECK_EQ_INT(c.aEnd[1], (int)strlen(z));
  CHECK_EQ_INT(c.aStart[2], 7);    /* the colocated key: same span */
  marsad_buf_free(&c.b);
}

/* Query tokens: stems with their marked form as synonyms; =word exact (the
** marked key, or the bare stem when it is the key); prefixes lose the
** article. */
static void test_query_tokens(marsad_db *pDb){
  static const struct { const char *zIn; int flags; const char *zOut; } aCase[] = {
    {"والمعلمون",   FTS5_TOKENIZE_QUERY, "معلم+معلم~"},
    {"كتب",         FTS5_TOKENIZE_QUERY, "كتب+كتب~"},
    {"=المعلمون",   FTS5_TOKENIZE_QUERY, "=المعلمون"},
    {"=كتب",        FTS5_TOKENIZE_QUERY, "كتب"},
    {"^والمعلمون",  FTS5_TOKENIZE_QUERY, "معلم"},
    {"~والمعلمون",  FTS5_TOKENIZE_QUERY, "معلم~"},
    {"~كتب",        FTS5_TOKENIZE_QUERY, "كتب~"},
    {"=2020",       FTS5_TOKENIZE_QUERY, "2020"},
    {"الرئ",        FTS5_TOKENIZE_QUERY|FTS5_TOKENIZE_PREFIX, "ري"},
    {"=الرئ",       FTS5_TOKENIZE_QUERY|FTS5_TOKENIZE_PREFIX, "الري"},
    {"مفاوض",       FTS5_TOKENIZE_QUERY|FTS5_TOKENIZE_PREFIX, "مفاوض"},
  };
  for(size_t i=0; i<sizeof aCase/sizeof aCase[0]; i++){
    Collect c;
    tokenize(pDb, aCase[i].zIn, aCase[i].flags, &c);
    CHECK_EQ_STR(c.b.a ? c.b.a : "", aCase[i].zOut);
    marsad_buf_free(&c.b);
  }
}

/* An instance FTS5 makes (which keeps a cache of the words it met) and a
** fresh one (which does not, as the version probe's) give the same tokens,
** in documents and queries, for words met once and again, and for a word
** longer than the index keeps (cut before stemming). */
static void test_cached_words(marsad_db *pDb){
  marsad_buf b = MARSAD_BUF_INIT;
  marsad_buf_puts(&b, "وَالمُعلّمون بالمدرسة وكتابهم للأطفال فالكتاب كالبحر إِسرائيل ٢٠٢٠ COVID-19 "
                      "والمعلمون المدرسة الكتاب ");
  for(int i=0; i<120; i++) marsad_buf_puts(&b, "ب");
  marsad_buf_puts(&b, "ون والمعلمون");
  static const int aFlags[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY};
  for(int k=0; k<2; k++){
    Collect cached, fresh;
    tokenize(pDb, b.a, aFlags[k], &cached);
    tokenize_fresh(pDb, b.a, aFlags[k], &fresh);
    CHECK(cached.n>=15 && fresh.n==cached.n);
    CHECK_EQ_STR(cached.b.a ? cached.b.a : "", fresh.b.a ? fresh.b.a : "");
    marsad_buf_free(&cached.b);
    marsad_buf_free(&fresh.b);
  }
  marsad_buf_free(&b);
}

/* highlight() marks the original text, whole words with their harakat. */
static void test_highlight(marsad_db *pDb){
  sqlite3_stmt *pStmt = 0;
  CHECK(marsad_db_exec(pDb,
    "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='arabic');"
    "INSERT INTO t VALUES('اجتمع وَالمُعَلِّمُونَ في القـــدس أمس');")==MARSAD_OK);
  CHECK(marsad_db_prepare(pDb,
    "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", &pStmt)==MARSAD_OK);
  sqlite3_bind_text(pStmt, 1, "\"المعلم\" AND \"قدس\"", -1, SQLITE_STATIC);
  CHECK(sqlite3_step(pStmt)==SQLITE_ROW);
  CHECK_EQ_STR((const char*)sqlite3_column_text(pStmt, 0),
               "اجتمع [وَالمُعَلِّمُونَ] في [القـــدس] أمس");
  sqlite3_finalize(pStmt);
}

/* Exact and plain words, alone and in phrases, on words that are their own
** stem (قال, كتاب, the stopword من) and the same words with clitics: a
** plain word finds every form, =word that form only. */
static void test_exact_match(marsad_db *pDb){
  static const struct { const char *zMatch; int nWant; } aCase[] = {
    {"\"قال\"", 3}, {"\"=قال\"", 1}, {"\"=وقال\"", 2},
    {"\"كتاب\"", 3}, {"\"=كتاب\"", 1}, {"\"=الكتاب\"", 1},
    {"\"قال كتاب\"", 3}, {"\"=قال كتاب\"", 1}, {"\"قال =الكتاب\"", 1},
    {"\"=من\"", 1}, {"\"كتا\" *", 3}, {"\"=الكت\" *", 0},
  };
  sqlite3_stmt *pStmt = 0;
  CHECK(marsad_db_exec(pDb,
    "CREATE VIRTUAL TABLE x USING fts5(y, tokenize='arabic');"
    "INSERT INTO x VALUES('قال كتاب من قديم'), ('وقال الكتاب'), ('وقال بالكتاب');")==MARSAD_OK);
  CHECK(marsad_db_prepare(pDb, "SELECT count(*) FROM x WHERE x MATCH ?1", &pStmt)==MARSAD_OK);
  for(size_t i=0; pStmt && i<sizeof aCase/sizeof aCase[0]; i++){
    sqlite3_bind_text(pStmt, 1, aCase[i].zMatch, -1, SQLITE_STATIC);
    CHECK(sqlite3_step(pStmt)==SQLITE_ROW);
    CHECK_EQ_INT(sqlite3_column_int(pStmt, 0), aCase[i].nWant);
    if( sqlite3_column_int(pStmt, 0)!=aCase[i].nWant ) fprintf(stderr, "  match: %s\n", aCase[i].zMatch);
    sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
}

/* Checks, row by row, that marsad_bm25 with GROUPS zGroups scores the rows
** zPairs matches as FTS5's bm25() scores them by zSynonyms, on table zTab
** (weights 3 and 1 when bWeights); returns the rows compared. */
static int check_bm25(marsad_db *pDb, const char *zTab, const char *zPairs,
                      const char *zGroups, const char *zSynonyms, int bWeights){
  char zSql[512];
  const char *zW = bWeights ? ", 3.0, 1.0" : "";
  snprintf(zSql, sizeof zSql,
    "SELECT a.rowid, a.s, b.s FROM"
    " (SELECT rowid, marsad_bm25(%s, ?2%s) AS s FROM %s WHERE %s MATCH ?1) a JOIN"
    " (SELECT rowid, bm25(%s%s) AS s FROM %s WHERE %s MATCH ?3) b ON a.rowid=b.rowid",
    zTab, zW, zTab, zTab, zTab, zW, zTab, zTab);
  sqlite3_stmt *pStmt = 0;
  int n = 0;
  CHECK(marsad_db_prepare(pDb, zSql, &pStmt)==MARSAD_OK);
  sqlite3_bind_text(pStmt, 1, zPairs, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zGroups, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 3, zSynonyms, -1, SQLITE_STATIC);
  while( pStmt && sqlite3_step(pStmt)==SQLITE_ROW ){
    CHECK(sqlite3_column_double(pStmt, 1)==sqlite3_column_double(pStmt, 2));
    n++;
  }
  sqlite3_finalize(pStmt);
  return n;
}

/* marsad_bm25 scores a word's two phrases ("^w" OR "~w", one term) as
** bm25() scores the word looked up with synonyms, exactly: on words that
** are their own stem and words with clitics, beside a phrase and a prefix,
** with and without column weights; and, on a tokenizer for which both
** phrases are the same token, counts each position once. */
static void test_bm25(marsad_db *pDb){
  CHECK(marsad_db_exec(pDb,
    "CREATE VIRTUAL TABLE r USING fts5(t, b, tokenize='arabic');"
    "INSERT INTO r VALUES('كتاب جديد', 'قال الكاتب إن الكتاب والكتاب كتاب جديد'),"
    " ('وقال', 'الكتاب في المعرض'), ('معرض الكتاب', 'كتاب قديم وقال الناشر'),"
    " ('خبر', 'لا شيء هنا عن ذلك'), ('قال', 'قال قال وقال');"
    "CREATE VIRTUAL TABLE u USING fts5(t, b);"
    "INSERT INTO u SELECT t, b FROM r;")==MARSAD_OK);
  CHECK_EQ_INT(check_bm25(pDb, "r", "(\"^كتاب\" OR \"~كتاب\")", "01", "\"كتاب\"", 1), 3);
  CHECK_EQ_INT(check_bm25(pDb, "r", "(\"^الكتاب\" OR \"~الكتاب\") AND (\"^قال\" OR \"~قال\")",
                          "0101", "\"الكتاب\" AND \"قال\"", 0), 3);
  CHECK_EQ_INT(check_bm25(pDb, "r", "(\"^قال\" OR \"~قال\") OR \"معرض الكتاب\" OR \"جد\" *",
                          "0100", "\"قال\" OR \"معرض الكتاب\" OR \"جد\" *", 1), 4);
  CHECK_EQ_INT(check_bm25(pDb, "u", "(\"^قال\" OR \"~قال\")", "01", "\"قال\"", 1), 2);
}

/* A small corpus: id, outlet, date, title, body. */
static const char *const azDoc[][5] = {
  {"a1", "alpha", "2020-10-01", "إضراب المعلمين", "أعلن المعلم أحمد الإضراب في المدرسة الكبرى."},
  {"a2", "beta",  "2020-10-05", "زيارة رسمية", "استقبل الرئيس أردوغان وفدا من المفاوضين في أنقرة."},
  {"a3", "alpha", "2020-11-02", "هدنة", "أعلن الطرفان وقف إطلاق النار في المدينة بعد أسبوع."},
  {"a4", "beta",  "2020-11-03", "قصف", "لم يتوقف القصف، وقال شاهد إن النار اشتعلت بعد إطلاق صاروخ."},
  {"a5", "gamma", "2020-11-04", "مرتزقة", "وصل مرتزقة إلى الجبهة، وتحدث والمعلمون عن نزوح اللاجئين."},
  {"a6", "gamma", "2020-11-06", "مفاوضات", "استؤنفت المفاوضات بين الطرفين، وقال اردوغان إنها جادة."},
};

/* Stores the corpus as articles and indexes them. */
static void load_corpus(marsad_db *pDb){
  sqlite3_stmt *pStmt = 0;
  CHECK(marsad_db_prepare(pDb,
    "INSERT INTO article(uid, input, source, format, outlet, title, published, ingested, body, body_hash, arabic) "
    "VALUES(?1||'00000000000000', ?1, 'test', 'jsonl', ?2, ?4, ?3, '2020-12-01T00:00:00Z', ?5, ?1, 1)",
    &pStmt)==MARSAD_OK);
  for(size_t i=0; i<sizeof azDoc/sizeof azDoc[0]; i++){
    for(int k=0; k<5; k++) sqlite3_bind_text(pStmt, k+1, azDoc[i][k], -1, SQLITE_STATIC);
    CHECK(sqlite3_step(pStmt)==SQLITE_DONE);
    sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  /* articles stored other than by ingestion are indexed by a rebuild */
  CHECK(marsad_db_exec(pDb, "INSERT INTO article_fts(article_fts) VALUES('rebuild')")==MARSAD_OK);
}

/* Runs a search and renders the inputs of its hits as "a1 a2 ...", or the
** result code as "rc=N". The caller frees the string. */
static char *hits(marsad_db *pDb, const char *zText, unsigned flags,
                  const char *zOutlet, const char *zSince){
  marsad_query q;
  memset(&q, 0, sizeof q);
  q.zText = zText;
  q.flags = flags;
  q.zOutlet = zOutlet;
  q.zSince = zSince;
  char *zJson = 0;
  marsad_buf b = MARSAD_BUF_INIT;
  int rc = marsad_search_json(pDb, &q, &zJson);
  if( rc!=MARSAD_OK ){
    marsad_buf_printf(&b, "rc=%d", rc);
    return marsad_buf_take(&b);
  }
  json_t *pArr = json_loads(zJson, 0, 0);
  for(size_t i=0; i<json_array_size(pArr); i++){
    if( i ) marsad_buf_append(&b, " ", 1);
    marsad_buf_puts(&b, json_string_value(json_object_get(json_array_get(pArr, i), "input")));
  }
  json_decref(pArr);
  marsad_free(zJson);
  return marsad_buf_take(&b);
}

/* qsort comparison of strings. */
static int cmp_str(const void *a, const void *b){
  return strcmp(*(char *const*)a, *(char *const*)b);
}

/* Sorts the words of z (inputs like "a1", space-separated) in place. */
static void sort_words(char *z){
  char *az[16];
  char aCopy[128];
  int n = 0;
  snprintf(aCopy, sizeof aCopy, "%s", z);
  for(char *t = strtok(aCopy, " "); t && n<16; t = strtok(0, " ")) az[n++] = t;
  qsort(az, (size_t)n, sizeof az[0], cmp_str);
  z[0] = 0;
  for(int i=0; i<n; i++){ if( i ) strcat(z, " "); strcat(z, az[i]); }
}

/* Checks that zText finds exactly zWant: in that order when bOrdered, else
** as a set (zWant sorted). */
static void check_search(marsad_db *pDb, const char *zText, unsigned flags,
                         int bOrdered, const char *zWant){
  char *z = hits(pDb, zText, flags, 0, 0);
  if( !bOrdered && z ) sort_words(z);
  CHECK_EQ_STR(z, zWant);
  if( strcmp(z, zWant)!=0 ) fprintf(stderr, "  query: %s\n", zText);
  marsad_free(z);
}

static void test_search(marsad_db *pDb){
  load_corpus(pDb);
  /* any form finds any other */
  check_search(pDb, "والمعلمون", 0, 0, "a1 a5");
  check_search(pDb, "أردوغان", 0, 0, "a2 a6");
  check_search(pDb, "اردوغان", 0, 0, "a2 a6");
  /* a phrase must hold its words in order; the words alone are not enough */
  check_search(pDb, "\"وقف إطلاق النار\"", 0, 0, "a3");
  check_search(pDb, "«وقف إطلاق النار»", 0, 0, "a3");
  /* OR, exclusion, prefix */
  check_search(pDb, "مرتزقة OR المفاوضين", 0, 0, "a2 a5 a6");
  check_search(pDb, "المعلمون -المدرسة", 0, 0, "a5");
  check_search(pDb, "مفاوض*", 0, 0, "a2 a6");
  check_search(pDb, "والمفاوض*", 0, 0, "a2 a6");     /* the article stripped: وال */
  check_search(pDb, "الم*", 0, 0, "");               /* two letters would be left: kept */
  /* exact: only that form */
  check_search(pDb, "=والمعلمون", 0, 0, "a5");
  check_search(pDb, "والمعلمون", MARSAD_QUERY_EXACT, 0, "a5");
  /* a word with nothing to strip is exact too: =المعلم is not المعلمين */
  check_search(pDb, "المعلم", 0, 0, "a1 a5");
  check_search(pDb, "=المعلم", 0, 0, "a1");
  check_search(pDb, "=معلم", 0, 0, "");
  /* every word first, then some; stopwords dropped */
  check_search(pDb, "ما هو إطلاق صاروخ", 0, 1, "a4 a3");
  /* filters */
  char *z = hits(pDb, "أعلن", 0, "alpha", "2020-11-01");
  CHECK_EQ_STR(z, "a3");
  marsad_free(z);
}

/* A new in-memory database with the JSON Lines zData[0..n) ingested,
** which must store nAdded articles; NULL when it cannot be opened. */
static marsad_db *ingested(const char *zData, size_t n, long nAdded){
  marsad_db *pDb = 0;
  CHECK_EQ_INT(marsad_open(":memory:", 0, &pDb, 0), MARSAD_OK);
  if( pDb==0 ) return 0;
  marsad_ingest_opts o;
  marsad_ingest_stats st;
  memset(&o, 0, sizeof o);
  memset(&st, 0, sizeof st);
  o.eFormat = MARSAD_INPUT_JSONL;
  CHECK_EQ_INT(marsad_ingest_buffer(pDb, "k.jsonl", zData, n, &o, &st), MARSAD_OK);
  CHECK_EQ_INT(st.nAdded, nAdded);
  return pDb;
}

/* The index ingestion builds (from the analysis's tokens) is the one the
** tokenizer makes of the stored articles: FTS5's integrity check
** tokenizes the stored text again and compares. */
static void test_ingested_index(void){
  static const char zData[] =
    "{\"id\":\"k1\",\"outlet\":\"o\",\"title\":\"وزير الخارجية في القـــدس\","
    "\"text\":\"قال وَالمُعَلِّمُونَ للأطفال: إِسرائيل، ٢٠٢٠ و3.5 COVID-19 Reuters ﻻ مستشفى.\"}\n"
    "{\"id\":\"k2\",\"outlet\":\"o\",\"title\":\"الاجتماع\","
    "\"text\":\"أكد المتحدث باسم الوزارة أن الاجتماع سيعقد «غدا» في موعده.\"}\n";
  marsad_db *pDb = ingested(zData, sizeof zData - 1, 2);
  if( pDb==0 ) return;
  CHECK_EQ_INT(marsad_db_exec(pDb,
      "INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)"), MARSAD_OK);
  char *z = hits(pDb, "المعلم", 0, 0, 0);
  CHECK_EQ_STR(z, "k1");
  marsad_free(z);
  marsad_close(pDb);
}

/* Bad queries: MISUSE and a plain message, never SQLite's. */
static void test_bad_queries(marsad_db *pDb){
  static const char *const azBad[] = {
    "\"وقف إطلاق", "«وقف", "من هو", "في ما", "-المعلم", "OR المعلم", "المعلم OR",
    "المعلم AND القدس", "NOT المعلم", "NEAR(a b)", "(المعلم)", "title:القدس",
    "^المعلم", "", "   ", "؟؟ ...", "= * -", "المعلم OR -القدس",
  };
  for(size_t i=0; i<sizeof azBad/sizeof azBad[0]; i++){
    marsad_query q;
    memset(&q, 0, sizeof q);
    q.zText = azBad[i];
    char *zJson = 0;
    int rc = marsad_search_json(pDb, &q, &zJson);
    CHECK_EQ_INT(rc, MARSAD_MISUSE);
    CHECK(zJson==0);
    const char *zMsg = marsad_errmsg(pDb);
    CHECK(strncmp(zMsg, "bad query: ", 11)==0);
    CHECK(strstr(zMsg, "fts5")==0 && strstr(zMsg, "syntax error")==0);
    if( rc!=MARSAD_MISUSE ) fprintf(stderr, "  query: %s\n", azBad[i]);
  }
}

/* The translation never lets user text act as FTS5 syntax. */
static void test_parse(void){
  marsad_search_expr e;
  char *zErr = 0;
  CHECK(marsad_search_parse("a\"\" OR b*", 9, 0, &e, &zErr)==MARSAD_MISUSE);
  marsad_free(zErr);
  CHECK(marsad_search_parse("القدس -غزة =المعلم", strlen("القدس -غزة =المعلم"), 0, &e, &zErr)==MARSAD_OK);
  CHECK_EQ_STR(e.zAll, "((\"^القدس\" OR \"~القدس\") AND \"=المعلم\") NOT (\"^غزة\" OR \"~غزة\")");
  CHECK_EQ_STR(e.zSome, "((\"^القدس\" OR \"~القدس\") OR \"=المعلم\") NOT (\"^غزة\" OR \"~غزة\")");
  marsad_search_expr_free(&e);
}

/* One article for the tests that need a stored one (its input id "k1"). */
static const char zOneArticle[] =
  "{\"id\":\"k1\",\"outlet\":\"o\",\"title\":\"زيارة\","
  "\"text\":\"استقبل الملك سلمان وفدا رسميا في القصر اليوم لبحث العلاقات.\"}\n";

/* Ingests zOneArticle into pDb, checking that it succeeds. */
static void ingest_one(marsad_db *pDb){
  marsad_ingest_opts o;
  marsad_ingest_stats st;
  memset(&o, 0, sizeof o);
  memset(&st, 0, sizeof st);
  o.eFormat = MARSAD_INPUT_JSONL;
  CHECK_EQ_INT(marsad_ingest_buffer(pDb, "k.jsonl", zOneArticle, sizeof zOneArticle - 1, &o, &st),
               MARSAD_OK);
}

/* Removes the database zPath with its WAL and shared-memory files. */
static void remove_db(const char *zPath){
  char zSide[600];
  unlink(zPath);
  snprintf(zSide, sizeof zSide, "%s-wal", zPath); unlink(zSide);
  snprintf(zSide, sizeof zSide, "%s-shm", zPath); unlink(zSide);
}

/* A read-only handle on an index another tokenizer version built refuses
** to search (it cannot rebuild; the keys differ) with a message saying how
** to rebuild; a writable open rebuilds it, and searches work again; so does
** a read-only open with MARSAD_OPEN_UPGRADE (what the CLI and serve use). */
static void test_stale_index(void){
  char zPath[64];
  snprintf(zPath, sizeof zPath, "/tmp/marsad-test-fts-%d.db", (int)getpid());
  marsad_db *pDb = 0;
  remove_db(zPath);
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  if( pDb==0 ) return;
  ingest_one(pDb);
  CHECK_EQ_INT(marsad_db_meta_set(pDb, "search_tokenizer", "arabic/0/0000000000000000"), MARSAD_OK);
  marsad_close(pDb);
  char *zJson = 0;
  marsad_query q;
  memset(&q, 0, sizeof q);
  q.zText = "سلمان";
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_search_json(pDb, &q, &zJson), MARSAD_DBERROR);
  CHECK(strstr(marsad_errmsg(pDb), "open the database for writing once")!=0);
  marsad_close(pDb);
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);   /* rebuilds */
  marsad_close(pDb);
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_search_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"input\":\"k1\""));
  marsad_free(zJson);
  marsad_close(pDb);
  /* a read-only open that may upgrade rebuilds it by itself */
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  if( pDb==0 ) return;
  CHECK_EQ_INT(marsad_db_meta_set(pDb, "search_tokenizer", "arabic/0/0000000000000000"), MARSAD_OK);
  marsad_close(pDb);
  zJson = 0;
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY|MARSAD_OPEN_UPGRADE, &pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(marsad_search_json(pDb, &q, &zJson), MARSAD_OK);
  CHECK(zJson && strstr(zJson, "\"input\":\"k1\""));
  marsad_free(zJson);
  marsad_close(pDb);
  remove_db(zPath);
}

/* The integer the SQL z answers on pDb (-1 when none). */
static int int_of(marsad_db *pDb, const char *z){
  sqlite3_stmt *pStmt = 0;
  int n = -1;
  if( marsad_db_prepare(pDb, z, &pStmt)==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    n = sqlite3_column_int(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return n;
}

/* FTS5's automerge setting of the search index. */
static int automerge_of(marsad_db *pDb){
  return int_of(pDb, "SELECT v FROM article_fts_config WHERE k='automerge'");
}

/* A first load runs with FTS5's automerge off (its segments are merged at
** its end, or by later ingestions), a store of SEARCH_OPTIMIZE_MIN articles
** or more keeps it on; the end of an ingestion, and the next handle opened
** for writing after one that was killed, turn it back on. */
static void test_automerge_off_while_loading(void){
  char zPath[64];
  snprintf(zPath, sizeof zPath, "/tmp/marsad-test-fts-m%d.db", (int)getpid());
  marsad_db *pDb = 0;
  remove_db(zPath);
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  if( pDb==0 ) return;
  CHECK_EQ_INT(marsad_search_before_ingest(pDb), MARSAD_OK);
  CHECK_EQ_INT(automerge_of(pDb), 0);
  CHECK_EQ_INT(marsad_search_after_ingest(pDb, 0), MARSAD_OK);
  CHECK_EQ_INT(automerge_of(pDb), 8);
  ingest_one(pDb);
  CHECK_EQ_INT(automerge_of(pDb), 8);
  check_search(pDb, "سلمان", 0, 0, "k1");
  /* as a first load killed before its end leaves it */
  CHECK_EQ_INT(marsad_db_exec(pDb,
      "INSERT INTO article_fts(article_fts, rank) VALUES('automerge', 0)"), MARSAD_OK);
  marsad_close(pDb);
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  if( pDb==0 ) return;
  CHECK_EQ_INT(automerge_of(pDb), 8);
  /* a store of 5,000 articles is no first load */
  CHECK_EQ_INT(marsad_db_exec(pDb,
      "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i+1 FROM n WHERE i<5000) "
      "INSERT INTO article(uid, input, source, format, title, ingested, body, body_hash, arabic) "
      "SELECT printf('%016x', i), 'm', 'test', 'jsonl', 'خبر', '2020-12-01T00:00:00Z', 'نص', 'h', 1 "
      "FROM n"), MARSAD_OK);
  CHECK_EQ_INT(marsad_search_before_ingest(pDb), MARSAD_OK);
  CHECK_EQ_INT(automerge_of(pDb), 8);
  marsad_close(pDb);
  remove_db(zPath);
}

/* The number of segments of the search index. */
static int segments(marsad_db *pDb){
  return int_of(pDb, "SELECT count(DISTINCT segid) FROM article_fts_idx");
}

/* An ingestion batch is indexed into one segment, from the texts the
** search module keeps (an empty title, a word longer than the index keeps,
** names the other modules store rows for), and the index matches the
** stored articles (FTS5's integrity-check tokenizes them again). */
static void test_one_segment_a_batch(void){
  char zData[2048];
  size_t n = (size_t)snprintf(zData, sizeof zData,
    "{\"id\":\"b1\",\"outlet\":\"o\",\"title\":\"وزير الخارجية في القدس\","
    "\"text\":\"قال الأمير سعود الفيصل إن المعلمين في الرياض اجتمعوا يوم الأحد.\"}\n"
    "{\"id\":\"b2\",\"outlet\":\"o\",\"title\":\"\","
    "\"text\":\"أكد المتحدث باسم وزارة الصحة أن 12 شخصا أصيبوا في جدة.\"}\n"
    "{\"id\":\"b3\",\"outlet\":\"o\",\"title\":\"المدرسة\",\"text\":\"كلمة ");
  for(int i=0; i<150; i++) n += (size_t)snprintf(zData+n, sizeof zData - n, "\xD8\xA8");
  n += (size_t)snprintf(zData+n, sizeof zData - n, " طويلة عن المعلمين.\"}\n");
  marsad_db *pDb = ingested(zData, n, 3);
  if( pDb==0 ) return;
  CHECK_EQ_INT(segments(pDb), 1);
  CHECK_EQ_INT(marsad_db_exec(pDb,
      "INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)"), MARSAD_OK);
  check_search(pDb, "المعلم", 0, 0, "b1 b3");
  check_search(pDb, "جدة", 0, 0, "b2");
  marsad_close(pDb);
}

/* After a large ingestion the index is merged into one segment; after a
** small one it is left to automerge. Searches find the same either way. */
static void test_merge_after_ingest(marsad_db *pDb){
  for(int i=0; i<3; i++){   /* three more articles, each indexed in its own segment */
    CHECK(marsad_db_exec(pDb,
      "INSERT INTO article(uid, input, source, format, title, ingested, body, body_hash, arabic) "
      "SELECT printf('%016x', max(id)+1), 'm', 'test', 'jsonl', 'خبر', '2020-12-01T00:00:00Z',"
      " 'نص عن المعلم والمدرسة', 'h', 1 FROM article;"
      "INSERT INTO article_fts(rowid, title, body) SELECT id, title, body FROM article"
      " WHERE id=(SELECT max(id) FROM article)")==MARSAD_OK);
  }
  int n = segments(pDb);
  CHECK(n>=4);
  CHECK_EQ_INT(marsad_search_after_ingest(pDb, 4999), MARSAD_OK);
  CHECK_EQ_INT(segments(pDb), n);
  CHECK_EQ_INT(marsad_search_after_ingest(pDb, 5000), MARSAD_OK);
  CHECK_EQ_INT(segments(pDb), 1);
  check_search(pDb, "=والمعلمون", 0, 0, "a5");
  check_search(pDb, "المدرسة", 0, 0, "a1 m m m");
}

int main(void){
  marsad_db *pDb = 0;
  if( marsad_open(":memory:", 0, &pDb, 0)!=MARSAD_OK ){
    printf("cannot open a database\n");
    return 1;
  }
  RUN(test_parse);
  test_document_tokens(pDb);
  test_offsets(pDb);
  test_query_tokens(pDb);
  test_highlight(pDb);
  test_cached_words(pDb);
  test_exact_match(pDb);
  test_bm25(pDb);
  test_known_documents(pDb);
  test_search(pDb);
  test_bad_queries(pDb);
  RUN(test_ingested_index);
  RUN(test_stale_index);
  RUN(test_automerge_off_while_loading);
  RUN(test_one_segment_a_batch);
  test_merge_after_ingest(pDb);
  marsad_close(pDb);
  return DONE();
}
