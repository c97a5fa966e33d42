/*
** search.c: Arabic full-text search over the articles (see search.h for the
** query language): the query parser and its translation into FTS5 MATCH
** expressions (user text never reaches FTS5 as syntax: every word is
** re-emitted from the text core's word spans inside quotes), the ranked
** search with filters and snippets (marsad_search_json), and the search
** module, which indexes the articles of each ingest batch and rebuilds the
** index when the tokenizer's version changes.
*/
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "db.h"
#include "fts_arabic.h"
#include "jsonq.h"
#include "norm.h"
#include "search.h"
#include "token.h"

/* Default and largest number of hits a search returns. */
#define SEARCH_DEFAULT_LIMIT 20
#define SEARCH_MAX_LIMIT     1000
/* Weights of title and body in BM25 (docs/QUALITY.md, ## Search). */
#define SEARCH_TITLE_WEIGHT  "3.0"
#define SEARCH_BODY_WEIGHT   "1.0"
/* Most articles the some-terms tier ranks, roughly: the rarest clauses
** whose articles add up to this bring the candidates; the commoner ones are
** left out of that tier. Ranking every article that holds a common word
** costs much and finds little (docs/BENCHMARKS.md, ## Search). */
#define SEARCH_CANDIDATES 500
/* Tokens in a snippet. */
#define SEARCH_SNIPPET_TOKENS "24"

/* ---- Query parsing ---------------------------------------------------- */

/* One term of the query, already written as an FTS5 phrase. */
typedef struct QTerm {
  char *zFts;       /* the phrase: "w1 w2" or "w" * (owned) */
  int bNeg;         /* excluded (-term) */
  int iClause;      /* the AND clause it belongs to (OR within a clause) */
} QTerm;

/* The parser's state. */
typedef struct QParse {
  const char *z;        /* the query */
  size_t n;             /* its length */
  size_t i;             /* cursor: next byte to read */
  int bAllExact;        /* MARSAD_QUERY_EXACT */
  QTerm *aTerm;         /* terms so far */
  int nTerm;
  int nAlloc;
  int nClause;          /* AND clauses so far */
  int nStop;            /* stopwords dropped */
  int bOr;              /* an OR is waiting for its right-hand term */
  int bCanOr;           /* the previous item was a positive term */
  marsad_norm norm;     /* scratch for stopword keys */
  char *zErr;           /* message of a bad query (owned) */
} QParse;

/* Word spans of one segment, collected by a span callback. */
typedef struct QWords {
  size_t aStart[64];    /* start of each word in the segment */
  size_t aEnd[64];      /* end of each word */
  int n;                /* words (at most 64 are kept) */
} QWords;

/* Records a bad-query message; returns MARSAD_MISUSE (NOMEM if no memory). */
static int qerr(QParse *pP, const char *zMsg){
  marsad_free(pP->zErr);
  pP->zErr = marsad_strdup(zMsg);
  return pP->zErr ? MARSAD_MISUSE : MARSAD_NOMEM;
}

/* marsad_span_fn: keeps the words and numbers of a segment. */
static int qwords_add(void *pCtx, const marsad_span_token *pTok){
  QWords *pW = pCtx;
  if( pTok->eKind==MARSAD_TOKEN_PUNCT || pW->n>=64 ) return 0;
  pW->aStart[pW->n] = pTok->iStart;
  pW->aEnd[pW->n] = pTok->iEnd;
  pW->n++;
  return 0;
}

/* Length of a quote opener at z[0..n) (", « or “), and its closer; 0 if none. */
static size_t quote_open(const char *z, size_t n, const char **pzClose){
  if( n>=1 && z[0]=='"' ){ *pzClose = "\""; return 1; }
  if( n>=2 && memcmp(z, "\xC2\xAB", 2)==0 ){ *pzClose = "\xC2\xBB"; return 2; }
  if( n>=3 && memcmp(z, "\xE2\x80\x9C", 3)==0 ){ *pzClose = "\xE2\x80\x9D"; return 3; }
  return 0;
}

/* True for the bytes that end a bare chunk: ASCII space and quote openers. */
static int chunk_end(const char *z, size_t n){
  const char *zClose;
  return (unsigned char)z[0]<=' ' || quote_open(z, n, &zClose)>0;
}

/* Checks a bare chunk for FTS5 syntax that is not part of our language.
** MARSAD_OK, or MISUSE with a message. */
static int check_chunk(QParse *pP, const char *z, size_t n){
  static const char *const azWord[] = {"AND", "NOT", "NEAR"};
  for(int k=0; k<3; k++){
    size_t m = strlen(azWord[k]);
    if( n>=m && memcmp(z, azWord[k], m)==0 && (n==m || z[m]=='(') ){
      return qerr(pP, "AND, NOT and NEAR are not part of the query language: "
                      "words are all required already, -word excludes a word");
    }
  }
  size_t nAlpha = 0;
  while( nAlpha<n && ((z[nAlpha]|0x20)>='a' && (z[nAlpha]|0x20)<='z') ) nAlpha++;
  if( nAlpha>0 && nAlpha<n && z[nAlpha]==':' ){
    return qerr(pP, "column filters (name:) are not supported: use --outlet, --since, --until");
  }
  for(size_t j=0; j<n; j++){
    if( strchr("(){}^", z[j]) && z[j] ){
      return qerr(pP, "parentheses, braces and ^ are not part of the query language: "
                      "use OR between words and quotes around phrases");
    }
  }
  return MARSAD_OK;
}

/* Appends to pB the word seg[s..e) (its double quotes doubled), after the
** mark byte cMark unless it is 0. */
static void write_word(marsad_buf *pB, const char *seg, size_t s, size_t e, char cMark){
  if( cMark ) marsad_buf_append(pB, &cMark, 1);
  for(size_t j=s; j<e; j++){
    if( seg[j]=='"' ) marsad_buf_append(pB, "\"\"", 2);
    else marsad_buf_append(pB, seg+j, 1);
  }
}

/* Writes the FTS5 phrase for the words of seg[0..m) into *pzOut: each word
** as it is (the tokenizer stems it), '='-prefixed when exact, the whole in
** double quotes, " *" after it for a prefix. A single word neither exact
** nor a prefix becomes two one-word phrases, ("^word" OR "~word"): its
** unmarked and its marked stem (fts_arabic.h), which marsad_bm25 ranks as
** one term. */
static int write_phrase(const char *seg, const QWords *pW, int bExact,
                        int bPrefix, char **pzOut){
  marsad_buf b = MARSAD_BUF_INIT;
  size_t s0 = pW->aStart[0];
  int bFirstExact = bExact || (s0>0 && seg[s0-1]==MARSAD_FTS_EXACT_MARK);
  if( pW->n==1 && !bFirstExact && !bPrefix ){
    marsad_buf_puts(&b, "(\"");
    write_word(&b, seg, s0, pW->aEnd[0], MARSAD_FTS_STEM_MARK);
    marsad_buf_puts(&b, "\" OR \"");
    write_word(&b, seg, s0, pW->aEnd[0], MARSAD_FTS_CHANGED_MARK);
    marsad_buf_puts(&b, "\")");
    *pzOut = marsad_buf_take(&b);
    return *pzOut ? MARSAD_OK : MARSAD_NOMEM;
  }
  marsad_buf_append(&b, "\"", 1);
  for(int k=0; k<pW->n; k++){
    size_t s = pW->aStart[k], e = pW->aEnd[k];
    int bWordExact = bExact || (s>0 && seg[s-1]==MARSAD_FTS_EXACT_MARK);
    if( k>0 ) marsad_buf_append(&b, " ", 1);
    write_word(&b, seg, s, e, bWordExact ? MARSAD_FTS_EXACT_MARK : 0);
  }
  marsad_buf_append(&b, "\"", 1);
  if( bPrefix ) marsad_buf_append(&b, " *", 2);
  *pzOut = marsad_buf_take(&b);
  return *pzOut ? MARSAD_OK : MARSAD_NOMEM;
}

/* True when the single word seg[s..e) is a stopword. */
static int is_stop(QParse *pP, const char *seg, size_t s, size_t e, int *pbStop){
  *pbStop = 0;
  if( marsad_norm_run(seg+s, e-s, &pP->norm)!=MARSAD_OK ) return MARSAD_NOMEM;
  *pbStop = marsad_search_is_stopword(pP->norm.z, pP->norm.n);
  return MARSAD_OK;
}

/* Adds one term made of seg[0..m). bPhrase: it was quoted. */
static int add_term(QParse *pP, const char *seg, size_t m, int bNeg,
                    int bExact, int bPrefix, int bPhrase){
  QWords w;
  w.n = 0;
  marsad_tokenize_spans(seg, m, 0, qwords_add, &w);
  if( w.n==0 ){
    if( bNeg || bExact || bPrefix || bPhrase ){
      return qerr(pP, "a quote, -, = or * needs a word with it");
    }
    return MARSAD_OK;
  }
  if( !bNeg && !bPhrase && !bExact && !bPrefix && !pP->bAllExact && w.n==1 ){
    int bStop = 0;
    int rc = is_stop(pP, seg, w.aStart[0], w.aEnd[0], &bStop);
    if( rc ) return rc;
    if( bStop ){
      pP->nStop++;
      if( pP->bOr ){ pP->bOr = 0; }
      return MARSAD_OK;
    }
  }
  if( bNeg && pP->bOr ) return qerr(pP, "an exclusion (-word) cannot be one side of OR");
  if( pP->nTerm==pP->nAlloc ){
    int nNew = pP->nAlloc ? pP->nAlloc*2 : 8;
    QTerm *aNew = marsad_realloc(pP->aTerm, sizeof(QTerm)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    pP->aTerm = aNew;
    pP->nAlloc = nNew;
  }
  QTerm *pT = &pP->aTerm[pP->nTerm];
  int rc = write_phrase(seg, &w, bExact || pP->bAllExact, bPrefix, &pT->zFts);
  if( rc ) return rc;
  pP->nTerm++;
  pT->bNeg = bNeg;
  if( bNeg ){
    pT->iClause = -1;
  }else if( pP->bOr && pP->nClause>0 ){
    pT->iClause = pP->nClause-1;
  }else{
    pT->iClause = pP->nClause++;
  }
  pP->bOr = 0;
  pP->bCanOr = !bNeg;
  return MARSAD_OK;
}

/* Parses one item at the cursor: an operator, a quoted phrase or a chunk. */
static int parse_item(QParse *pP){
  const char *z = pP->z + pP->i;
  size_t n = pP->n - pP->i;
  int bNeg = 0, bExact = 0, bPrefix = 0;
  size_t k = 0;
  if( n>1 && z[0]=='-' && (unsigned char)z[1]>' ' ){ bNeg = 1; k++; }
  if( k<n && z[k]=='=' ){ bExact = 1; k++; }
  const char *zClose = 0;
  size_t nOpen = quote_open(z+k, n-k, &zClose);
  if( nOpen ){
    const char *zBody = z+k+nOpen;
    size_t nRest = n-k-nOpen, m = 0;
    size_t nClose = strlen(zClose);
    while( m<nRest && !(m+nClose<=nRest && memcmp(zBody+m, zClose, nClose)==0) ) m++;
    if( m>=nRest ) return qerr(pP, "unbalanced quote: a phrase needs a closing quote");
    size_t iNext = (size_t)(zBody-pP->z) + m + nClose;
    if( iNext<pP->n && pP->z[iNext]=='*' ){ bPrefix = 1; iNext++; }
    pP->i = iNext;
    return add_term(pP, zBody, m, bNeg, bExact, bPrefix, 1);
  }
  size_t m = k;
  while( m<n && !chunk_end(z+m, n-m) ) m++;
  pP->i += m;
  if( !bNeg && !bExact && m==2 && memcmp(z, "OR", 2)==0 ){
    if( !pP->bCanOr || pP->bOr ) return qerr(pP, "OR needs a word on each side");
    pP->bOr = 1;
    pP->bCanOr = 0;
    return MARSAD_OK;
  }
  int rc = check_chunk(pP, z+k, m-k);
  if( rc ) return rc;
  size_t e = m;
  while( e>k && z[e-1]=='*' ){ bPrefix = 1; e--; }
  return add_term(pP, z+k, e-k, bNeg, bExact, bPrefix, 0);
}

/* Appends clause c of the parse (its terms joined by OR) to pB. */
static void write_clause(const QParse *pP, int c, marsad_buf *pB){
  int nIn = 0;
  for(int t=0; t<pP->nTerm; t++) nIn += (pP->aTerm[t].iClause==c);
  if( nIn>1 ) marsad_buf_append(pB, "(", 1);
  for(int t=0, k=0; t<pP->nTerm; t++){
    if( pP->aTerm[t].iClause!=c ) continue;
    if( k++ ) marsad_buf_puts(pB, " OR ");
    marsad_buf_puts(pB, pP->aTerm[t].zFts);
  }
  if( nIn>1 ) marsad_buf_append(pB, ")", 1);
}

/* Appends " NOT term" for every exclusion. */
static void write_exclusions(const QParse *pP, marsad_buf *pB){
  for(int t=0; t<pP->nTerm; t++){
    if( !pP->aTerm[t].bNeg ) continue;
    marsad_buf_puts(pB, " NOT ");
    marsad_buf_puts(pB, pP->aTerm[t].zFts);
  }
}

/* Appends the clauses of pExpr flagged in abKeep (all when NULL), joined by
** zJoin, in parentheses. */
static void write_clauses(const marsad_search_expr *pExpr, const unsigned char *abKeep,
                          const char *zJoin, marsad_buf *pB){
  marsad_buf_append(pB, "(", 1);
  for(int c=0, k=0; c<pExpr->nTerm; c++){
    if( abKeep && !abKeep[c] ) continue;
    if( k++ ) marsad_buf_puts(pB, zJoin);
    marsad_buf_puts(pB, pExpr->azClause[c]);
  }
  marsad_buf_append(pB, ")", 1);
}

int marsad_search_some(const marsad_search_expr *pExpr, const unsigned char *abKeep,
                       char **pzOut){
  marsad_buf b = MARSAD_BUF_INIT;
  write_clauses(pExpr, abKeep, " OR ", &b);
  marsad_buf_puts(&b, pExpr->zNot);
  *pzOut = marsad_buf_take(&b);
  return *pzOut ? MARSAD_OK : MARSAD_NOMEM;
}

/* Builds the clauses, zNot, zAll and zSome from a finished parse. */
static int build_expr(const QParse *pP, marsad_search_expr *pExpr){
  pExpr->azClause = marsad_malloc(sizeof(char*)*(size_t)pP->nClause);
  if( pExpr->azClause==0 ) return MARSAD_NOMEM;
  memset(pExpr->azClause, 0, sizeof(char*)*(size_t)pP->nClause);
  pExpr->nTerm = pP->nClause;
  pExpr->nStop = pP->nStop;
  for(int c=0; c<pP->nClause; c++){
    marsad_buf b = MARSAD_BUF_INIT;
    write_clause(pP, c, &b);
    if( (pExpr->azClause[c] = marsad_buf_take(&b))==0 ) return MARSAD_NOMEM;
  }
  marsad_buf nots = MARSAD_BUF_INIT, all = MARSAD_BUF_INIT;
  write_exclusions(pP, &nots);
  if( (pExpr->zNot = marsad_buf_take(&nots))==0 ) return MARSAD_NOMEM;
  write_clauses(pExpr, 0, " AND ", &all);
  marsad_buf_puts(&all, pExpr->zNot);
  if( (pExpr->zAll = marsad_buf_take(&all))==0 ) return MARSAD_NOMEM;
  if( pP->nClause>1 ) return marsad_search_some(pExpr, 0, &pExpr->zSome);
  return MARSAD_OK;
}

/* The message for a query that kept no term. */
static int empty_query(QParse *pP){
  if( pP->nStop>0 ){
    return qerr(pP, "the query has only common words (stopwords); "
                    "quote them to search for them: \"...\"");
  }
  if( pP->nTerm>0 ) return qerr(pP, "the query only excludes: give a word to search for");
  return qerr(pP, "the query has no words to search for");
}

int marsad_search_parse(const char *p, size_t n, unsigned flags,
                        marsad_search_expr *pExpr, char **pzErr){
  QParse P;
  memset(&P, 0, sizeof P);
  memset(pExpr, 0, sizeof *pExpr);
  *pzErr = 0;
  P.z = p;
  P.n = n;
  P.bAllExact = (flags & MARSAD_QUERY_EXACT)!=0;
  int rc = MARSAD_OK;
  while( rc==MARSAD_OK ){
    while( P.i<P.n && (unsigned char)P.z[P.i]<=' ' ) P.i++;
    if( P.i>=P.n ) break;
    rc = parse_item(&P);
  }
  if( rc==MARSAD_OK && P.bOr ) rc = qerr(&P, "OR needs a word on each side");
  if( rc==MARSAD_OK && P.nClause==0 ) rc = empty_query(&P);
  if( rc==MARSAD_OK ) rc = build_expr(&P, pExpr);
  for(int t=0; t<P.nTerm; t++) marsad_free(P.aTerm[t].zFts);
  marsad_free(P.aTerm);
  marsad_norm_free(&P.norm);
  if( rc!=MARSAD_OK ){
    marsad_search_expr_free(pExpr);
    *pzErr = P.zErr;
  }else{
    marsad_free(P.zErr);
  }
  return rc;
}

void marsad_search_expr_free(marsad_search_expr *pExpr){
  for(int c=0; pExpr->azClause && c<pExpr->nTerm; c++) marsad_free(pExpr->azClause[c]);
  marsad_free(pExpr->azClause);
  marsad_free(pExpr->zNot);
  marsad_free(pExpr->zAll);
  marsad_free(pExpr->zSome);
  memset(pExpr, 0, sizeof *pExpr);
}

/* ---- Running a search --------------------------------------------------- */

/* One ranked hit before its details are read. */
typedef struct SHit {
  sqlite3_int64 iRowid;   /* article rowid */
  double rScore;          /* BM25 as FTS5 gives it (lower is better) */
  int iTier;              /* 0: matched every term; 1: some */
  char *zSnippet;         /* body snippet, HTML-escaped, <mark>ed (owned) */
} SHit;

/* The filters of one search, checked and ready to bind. */
typedef struct SFilter {
  const char *zOutlet;
  const char *zSince;
  const char *zUntil;
  sqlite3_int64 iStory;   /* story rowid, 0 for none */
} SFilter;

/* Reads the story filter ("s12" or "12") into *piStory; checks that stories
** exist and this one among them. MARSAD_OK, MISUSE or NOTFOUND (recorded). */
static int story_filter(marsad_db *pDb, const char *zStory, sqlite3_int64 *piStory){
  *piStory = 0;
  if( zStory==0 || zStory[0]==0 ) return MARSAD_OK;
  const char *z = zStory[0]=='s' ? zStory+1 : zStory;
  char *zEnd = 0;
  long long v = strtoll(z, &zEnd, 10);
  if( z[0]==0 || *zEnd!=0 || v<=0 ){
    return marsad_db_error(pDb, MARSAD_MISUSE, "no story '%s' (story ids look like s12)", zStory);
  }
  int bExists = sqlite3_table_column_metadata(pDb->db, 0, "article_story", "story", 0, 0, 0, 0, 0)==SQLITE_OK;
  if( !bExists ){
    return marsad_db_error(pDb, MARSAD_MISUSE, "stories have not been built, so --story cannot filter");
  }
  *piStory = v;
  return marsad_db_story_exists(pDb, v, zStory);
}

/* Appends snippet text z to pB, HTML-escaped, with the FTS5 markers \x02
** and \x03 turned into <mark> and </mark>. */
static void snippet_html(const char *z, marsad_buf *pB){
  for(; z && *z; z++){
    switch( *z ){
      case '\x02': marsad_buf_puts(pB, "<mark>"); break;
      case '\x03': marsad_buf_puts(pB, "</mark>"); break;
      case '&': marsad_buf_puts(pB, "&amp;"); break;
      case '<': marsad_buf_puts(pB, "&lt;"); break;
      case '>': marsad_buf_puts(pB, "&gt;"); break;
      default: marsad_buf_append(pB, z, 1);
    }
  }
}

/* True when aHit[0..n) holds rowid iRowid. */
static int has_hit(const SHit *aHit, long n, sqlite3_int64 iRowid){
  for(long h=0; h<n; h++) if( aHit[h].iRowid==iRowid ) return 1;
  return 0;
}

/* Writes into *pzRank (owned by the caller) the ranking of expression zExpr
** for FTS5's rank column: marsad_bm25 (fts_bm25.c) with the title's and the
** body's weights, and a byte for each phrase of zExpr (each string in double
** quotes, in order): '1' for the "~word" half of a pair write_phrase wrote,
** which scores as one term with the phrase before it, '0' for any other.
** MARSAD_OK or MARSAD_NOMEM. */
static int rank_spec(const char *zExpr, char **pzRank){
  marsad_buf b = MARSAD_BUF_INIT;
  marsad_buf_puts(&b, "marsad_bm25('");
  for(const char *z=zExpr; *z; z++){
    if( *z!='"' ) continue;
    marsad_buf_puts(&b, z[1]==MARSAD_FTS_CHANGED_MARK ? "1" : "0");
    for(z++; *z && !(z[0]=='"' && z[1]!='"'); z++){
      if( z[0]=='"' ) z++;                 /* a doubled quote inside */
    }
    if( *z==0 ) break;
  }
  marsad_buf_puts(&b, "', " SEARCH_TITLE_WEIGHT ", " SEARCH_BODY_WEIGHT ")");
  *pzRank = marsad_buf_take(&b);
  return *pzRank ? MARSAD_OK : MARSAD_NOMEM;
}

/* Appends hits matching zExpr (and the filters), best first, tagged iTier,
** to aHit[*pnHit...] until there are nWant, passing over the articles
** aHit already holds (the some-terms tier matches those of the first). */
static int run_tier(marsad_db *pDb, const char *zExpr, const SFilter *pF,
                    int iTier, long nWant, SHit *aHit, long *pnHit){
  long nBefore = *pnHit;
  int bFilter = pF->zOutlet || pF->zSince || pF->zUntil || pF->iStory;
  marsad_buf sql = MARSAD_BUF_INIT;
  /* FTS5 sorts by rank itself, so snippets are made only for the rows
  ** returned; the article table is read only to filter */
  marsad_buf_puts(&sql,
    "SELECT article_fts.rowid, rank, "
    "  snippet(article_fts, 1, char(2), char(3), '…', " SEARCH_SNIPPET_TOKENS ") "
    "FROM article_fts ");
  if( bFilter ) marsad_buf_puts(&sql, "JOIN article a ON a.id=article_fts.rowid ");
  marsad_buf_puts(&sql,
    "WHERE article_fts MATCH ?1 AND rank MATCH ?7 ");
  if( bFilter ){
    marsad_buf_puts(&sql,
      "AND (?2 IS NULL OR a.outlet=?2) "
      "AND (?3 IS NULL OR coalesce(a.published, substr(a.ingested,1,10))>=?3) "
      "AND (?4 IS NULL OR coalesce(a.published, substr(a.ingested,1,10))<=?4) ");
  }
  if( pF->iStory ) marsad_buf_puts(&sql, "AND a.id IN (SELECT article FROM article_story WHERE story=?6) ");
  marsad_buf_puts(&sql, "ORDER BY rank LIMIT ?5");
  char *zRank = 0;
  if( sql.rc || rank_spec(zExpr, &zRank) ){
    marsad_buf_free(&sql);
    return MARSAD_NOMEM;
  }
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb, sql.a, &pStmt);
  marsad_buf_free(&sql);
  if( rc==MARSAD_OK ){
    sqlite3_bind_text(pStmt, 1, zExpr, -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 7, zRank, -1, SQLITE_STATIC);
    if( bFilter ){
      marsad_bind_str(pStmt, 2, pF->zOutlet);
      marsad_bind_str(pStmt, 3, pF->zSince);
      marsad_bind_str(pStmt, 4, pF->zUntil);
    }
    sqlite3_bind_int64(pStmt, 5, nWant);
    if( pF->iStory ) sqlite3_bind_int64(pStmt, 6, pF->iStory);
    int s = SQLITE_DONE;
    while( *pnHit<nWant && (s = sqlite3_step(pStmt))==SQLITE_ROW ){
      if( has_hit(aHit, nBefore, sqlite3_column_int64(pStmt, 0)) ) continue;
      SHit *pH = &aHit[*pnHit];
      marsad_buf snip = MARSAD_BUF_INIT;
      snippet_html((const char*)sqlite3_column_text(pStmt, 2), &snip);
      if( (pH->zSnippet = marsad_buf_take(&snip))==0 ){ rc = MARSAD_NOMEM; break; }
      pH->iRowid = sqlite3_column_int64(pStmt, 0);
      pH->rScore = sqlite3_column_double(pStmt, 1);
      pH->iTier = iTier;
      (*pnHit)++;
    }
    if( rc==MARSAD_OK && s!=SQLITE_DONE && s!=SQLITE_ROW ) rc = marsad_db_sqlite_error(pDb, "search");
  }
  sqlite3_finalize(pStmt);
  marsad_free(zRank);
  return rc;
}

/* Reads one hit's article into a new JSON object, with its score and
** snippet, appended to pArr. */
static int hit_json(marsad_db *pDb, sqlite3_stmt *pStmt, const SHit *pH, json_t *pArr){
  sqlite3_reset(pStmt);
  sqlite3_bind_int64(pStmt, 1, pH->iRowid);
  if( sqlite3_step(pStmt)!=SQLITE_ROW ) return marsad_db_sqlite_error(pDb, "search hit");
  json_t *pObj = marsad_jsonq_row(pStmt);
  int bFail = pObj==0;
  if( !bFail ) bFail = json_object_set_new(pObj, "score", json_real(-pH->rScore))!=0;
  if( !bFail ) bFail = json_object_set_new(pObj, "snippet", json_string(pH->zSnippet))!=0;
  if( !bFail ) bFail = json_array_append(pArr, pObj)!=0;
  json_decref(pObj);
  return bFail ? MARSAD_NOMEM : MARSAD_OK;
}

/* Writes the hits aHit[iFirst..nHit) as a JSON array into *pzJson. */
static int hits_json(marsad_db *pDb, const SHit *aHit, long iFirst, long nHit,
                     char **pzJson){
  static const char zSql[] =
    "SELECT uid AS id, input, title, outlet, published FROM article WHERE id=?1";
  sqlite3_stmt *pStmt = 0;
  json_t *pArr = json_array();
  int rc = pArr ? marsad_db_prepare(pDb, zSql, &pStmt) : MARSAD_NOMEM;
  for(long h=iFirst; rc==MARSAD_OK && h<nHit; h++){
    rc = hit_json(pDb, pStmt, &aHit[h], pArr);
  }
  sqlite3_finalize(pStmt);
  if( rc!=MARSAD_OK ){
    json_decref(pArr);
    return rc;
  }
  return marsad_jsonq_finish(pArr, pzJson);
}

/* Sets anDoc[c] to the number of articles holding clause c of pExpr,
** counting no further than SEARCH_CANDIDATES+1. */
static int count_clauses(marsad_db *pDb, const marsad_search_expr *pExpr,
                         sqlite3_int64 *anDoc){
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb,
      "SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH ?1 LIMIT ?2)", &pStmt);
  for(int c=0; rc==MARSAD_OK && c<pExpr->nTerm; c++){
    sqlite3_bind_text(pStmt, 1, pExpr->azClause[c], -1, SQLITE_STATIC);
    sqlite3_bind_int64(pStmt, 2, SEARCH_CANDIDATES+1);
    if( sqlite3_step(pStmt)!=SQLITE_ROW ){ rc = marsad_db_sqlite_error(pDb, "search"); break; }
    anDoc[c] = sqlite3_column_int64(pStmt, 0);
    sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Writes into *pzSome the some-terms expression limited to the rarest
** clauses whose articles add up to at most SEARCH_CANDIDATES (always the
** rarest one), or NULL when that keeps every clause and pExpr->zSome
** serves as it is. */
static int prune_some(marsad_db *pDb, const marsad_search_expr *pExpr, char **pzSome){
  size_t n = pExpr->nTerm>0 ? (size_t)pExpr->nTerm : 0;
  *pzSome = 0;
  sqlite3_int64 *anDoc = marsad_malloc(sizeof(sqlite3_int64)*n);
  unsigned char *abKeep = marsad_malloc(n);
  int rc = (anDoc && abKeep) ? count_clauses(pDb, pExpr, anDoc) : MARSAD_NOMEM;
  size_t nKeep = 0;
  sqlite3_int64 nTotal = 0;
  if( rc==MARSAD_OK ) memset(abKeep, 0, n);
  while( rc==MARSAD_OK && nKeep<n ){
    size_t iMin = n;   /* the rarest clause not kept yet */
    for(size_t c=0; c<n; c++){
      if( !abKeep[c] && (iMin==n || anDoc[c]<anDoc[iMin]) ) iMin = c;
    }
    if( nKeep>0 && nTotal+anDoc[iMin]>SEARCH_CANDIDATES ) break;
    abKeep[iMin] = 1;
    nTotal += anDoc[iMin];
    nKeep++;
  }
  if( rc==MARSAD_OK && nKeep<n ) rc = marsad_search_some(pExpr, abKeep, pzSome);
  marsad_free(anDoc);
  marsad_free(abKeep);
  return rc;
}

/* One article of the open ingest batch, waiting to be indexed: its texts
** are documents of the handle's marsad_fts_docs list (-1: an empty field). */
typedef struct SearchPending {
  sqlite3_int64 iRowid;     /* the article's rowid */
  int iTitle, iBody;        /* its title's and body's documents */
} SearchPending;

/* The module's state on a writable handle: the articles of the open ingest
** batch, whose titles and bodies (and their tokens) wait in the handle's
** marsad_fts_docs list, indexed at the batch's end by one INSERT ... VALUES
** each, run one after the other (data/schema/021_search_batch.sql says why
** together). A read-only handle has one only to say that its index is
** stale. */
typedef struct SearchState {
  sqlite3_stmt *pIndex;     /* INSERT INTO article_fts VALUES(rowid, title, body) */
  SearchPending *aPending;  /* the batch's articles, in the order stored */
  int nPending, nPendingAlloc;
  int bStale;               /* read-only handle (no statements) on an index
                            ** another version of the tokenizer built */
} SearchState;

int marsad_search_json(marsad_db *pDb, const marsad_query *pQ, char **pzJson){
  marsad_search_expr expr;
  SFilter filt;
  SHit *aHit = 0;
  long nHit = 0;
  char *zErr = 0;
  *pzJson = 0;
  memset(&expr, 0, sizeof expr);
  if( pQ==0 || pQ->zText==0 ) return marsad_db_error(pDb, MARSAD_MISUSE, "no search query");
  const SearchState *pState = marsad_module_state(pDb, "search");
  if( pState && pState->bStale ){
    return marsad_db_error(pDb, MARSAD_DBERROR, "the search index was built by another "
        "version of marsad; open the database for writing once (e.g. marsad ingest) to rebuild it");
  }
  int rc = marsad_search_parse(pQ->zText, strlen(pQ->zText), pQ->flags, &expr, &zErr);
  if( rc==MARSAD_MISUSE ) rc = marsad_db_error(pDb, rc, "bad query: %s", zErr);
  marsad_free(zErr);
  long nLimit = pQ->nLimit>0 ? pQ->nLimit : SEARCH_DEFAULT_LIMIT;
  if( nLimit>SEARCH_MAX_LIMIT ) nLimit = SEARCH_MAX_LIMIT;
  long nOffset = pQ->nOffset>0 ? pQ->nOffset : 0;
  if( nOffset>100000 ) nOffset = 100000;
  long nWant = nOffset + nLimit;
  filt.zOutlet = pQ->zOutlet;
  filt.zSince = pQ->zSince;
  filt.zUntil = pQ->zUntil;
  if( rc==MARSAD_OK ) rc = story_filter(pDb, pQ->zStory, &filt.iStory);
  if( rc==MARSAD_OK ){
    aHit = marsad_malloc(sizeof(SHit)*(size_t)nWant);
    if( aHit==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK ) rc = run_tier(pDb, expr.zAll, &filt, 0, nWant, aHit, &nHit);
  if( rc==MARSAD_OK && nHit<nWant && expr.zSome ){
    char *zPruned = 0;
    rc = prune_some(pDb, &expr, &zPruned);
    if( zPruned ){ marsad_free(expr.zSome); expr.zSome = zPruned; }
    if( rc==MARSAD_OK ) rc = run_tier(pDb, expr.zSome, &filt, 1, nWant, aHit, &nHit);
  }
  if( rc==MARSAD_OK ) rc = hits_json(pDb, aHit, nOffset, nHit, pzJson);
  for(long h=0; h<nHit; h++) marsad_free(aHit[h].zSnippet);
  marsad_free(aHit);
  marsad_search_expr_free(&expr);
  return rc;
}

/* ---- The module ----------------------------------------------------------- */


/* Frees the state. Accepts NULL. */
static void search_close(void *pState){
  SearchState *p = pState;
  if( p==0 ) return;
  sqlite3_finalize(p->pIndex);
  marsad_free(p->aPending);
  marsad_free(p);
}

/* Creates the state and its statement in *ppState. */
static int search_state(marsad_db *pDb, SearchState **ppState){
  SearchState *p = marsad_malloc(sizeof *p);
  *ppState = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  int rc = marsad_db_prepare(pDb,
      "INSERT INTO article_fts(rowid, title, body) VALUES(?1, ?2, ?3)", &p->pIndex);
  if( rc!=MARSAD_OK ){
    search_close(p);
    return rc;
  }
  *ppState = p;
  return MARSAD_OK;
}

/* Runs a statement without results and resets it. */
static int step_done(marsad_db *pDb, sqlite3_stmt *pStmt, const char *zWhat){
  int s = sqlite3_step(pStmt);
  sqlite3_reset(pStmt);
  return s==SQLITE_DONE ? MARSAD_OK : marsad_db_sqlite_error(pDb, zWhat);
}

/* Rebuilds the index when the tokenizer's version differs from the one
** recorded in meta(search_tokenizer), in one write transaction, and merges
** it into one segment (fewer segments, faster queries). */
static int search_check_version(marsad_db *pDb){
  char zVersion[64];
  char *zOld = 0;
  int rc = marsad_fts_version(zVersion, sizeof zVersion);
  if( rc==MARSAD_OK ) rc = marsad_db_meta_get(pDb, "search_tokenizer", &zOld);
  if( rc==MARSAD_OK && zOld && strcmp(zOld, zVersion)==0 ){
    marsad_free(zOld);
    return MARSAD_OK;
  }
  marsad_free(zOld);
  zOld = 0;
  if( rc==MARSAD_OK ) rc = marsad_db_begin(pDb);
  if( rc!=MARSAD_OK ) return rc;
  rc = marsad_db_meta_get(pDb, "search_tokenizer", &zOld);  /* another process may have done it */
  if( rc==MARSAD_OK && (zOld==0 || strcmp(zOld, zVersion)!=0) ){
    rc = marsad_db_exec(pDb, "INSERT INTO article_fts(article_fts) VALUES('rebuild');"
                             "INSERT INTO article_fts(article_fts) VALUES('optimize')");
    if( rc==MARSAD_OK ) rc = marsad_db_meta_set(pDb, "search_tokenizer", zVersion);
  }
  marsad_free(zOld);
  if( rc==MARSAD_OK ) rc = marsad_db_commit(pDb);
  if( rc!=MARSAD_OK ) marsad_db_rollback(pDb);
  return rc;
}

/* Fewest articles an ingestion stores for the index to be merged after it
** (docs/BENCHMARKS.md, ## Search: merging SaudiNewsNet's 16 segments into
** one costs 0.6 s of CPU and a third of each query's CPU time). */
#define SEARCH_OPTIMIZE_MIN 5000

/* FTS5's automerge outside ingestion (data/schema/002_search.sql): a level
** of the index with this many segments is merged into one. */
#define SEARCH_AUTOMERGE "8"

/* The highest article rowid stored (0 when none) in *piMax. */
static int max_article(marsad_db *pDb, sqlite3_int64 *piMax){
  sqlite3_stmt *pStmt = 0;
  *piMax = 0;
  int rc = marsad_db_prepare(pDb, "SELECT max(id) FROM article", &pStmt);
  if( rc==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ) *piMax = sqlite3_column_int64(pStmt, 0);
  sqlite3_finalize(pStmt);
  return rc;
}

int marsad_search_before_ingest(marsad_db *pDb){
  sqlite3_int64 nStored = 0;
  if( marsad_module_state(pDb, "search")==0 ) return MARSAD_OK;
  int rc = max_article(pDb, &nStored);
  if( rc==MARSAD_OK && nStored<SEARCH_OPTIMIZE_MIN ){
    rc = marsad_db_exec(pDb, "INSERT INTO article_fts(article_fts, rank) VALUES('automerge', 0)");
  }
  return rc;
}

/* Turns FTS5's automerge back on if it is off (marsad_search_before_ingest,
** or an ingestion that was stopped before it could). */
static int automerge_back_on(marsad_db *pDb){
  sqlite3_stmt *pStmt = 0;
  int bOff = 0;
  int rc = marsad_db_prepare(pDb, "SELECT v FROM article_fts_config WHERE k='automerge'", &pStmt);
  if( rc==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ) bOff = sqlite3_column_int(pStmt, 0)==0;
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK && bOff ){
    rc = marsad_db_exec(pDb,
        "INSERT INTO article_fts(article_fts, rank) VALUES('automerge', " SEARCH_AUTOMERGE ")");
  }
  return rc;
}

int marsad_search_after_ingest(marsad_db *pDb, long nAdded){
  sqlite3_int64 nStored = 0;
  if( marsad_module_state(pDb, "search")==0 ) return MARSAD_OK;
  int rc = automerge_back_on(pDb);
  if( rc || nAdded<SEARCH_OPTIMIZE_MIN ) return rc;
  rc = max_article(pDb, &nStored);
  if( rc==MARSAD_OK && (sqlite3_int64)nAdded*8>=nStored ){
    rc = marsad_db_exec(pDb, "INSERT INTO article_fts(article_fts) VALUES('optimize')");
  }
  return rc;
}

/* Sets *pbStale when the index was built by another version of the
** tokenizer than this one (meta(search_tokenizer) differs). */
static int search_is_stale(marsad_db *pDb, int *pbStale){
  char zVersion[64];
  char *zOld = 0;
  int rc = marsad_fts_version(zVersion, sizeof zVersion);
  if( rc==MARSAD_OK ) rc = marsad_db_meta_get(pDb, "search_tokenizer", &zOld);
  *pbStale = rc==MARSAD_OK && zOld && strcmp(zOld, zVersion)!=0;
  marsad_free(zOld);
  return rc;
}

/* On writable handles: brings the index up to date with the tokenizer and
** makes the state that ingestion uses. Read-only handles cannot rebuild: on
** a stale index they get a state saying so (searches then fail with a
** message, rather than look up keys the index does not hold), else none. */
static int search_open(marsad_db *pDb, void **ppState){
  *ppState = 0;
  if( pDb->flags & MARSAD_OPEN_READONLY ){
    int bStale = 0;
    int rc = search_is_stale(pDb, &bStale);
    SearchState *p = rc==MARSAD_OK && bStale ? marsad_malloc(sizeof *p) : 0;
    if( rc==MARSAD_OK && bStale && p==0 ) rc = MARSAD_NOMEM;
    if( p ){ memset(p, 0, sizeof *p); p->bStale = 1; pDb->bOutdated = 1; }
    *ppState = p;
    return rc;
  }
  int rc = search_check_version(pDb);
  if( rc==MARSAD_OK ) rc = automerge_back_on(pDb);
  SearchState *p = 0;
  if( rc==MARSAD_OK ) rc = search_state(pDb, &p);
  *ppState = p;
  return rc;
}

/* Notes a newly stored article for indexing when its batch is flushed:
** its texts and their tokens, from the analysis, in the handle's list. */
static int search_article(marsad_db *pDb, void *pState, marsad_analysis *pA){
  SearchState *p = pState;
  if( p==0 ) return MARSAD_OK;
  if( p->nPending>=p->nPendingAlloc ){
    SearchPending *aNew = marsad_array_grow(p->aPending, &p->nPendingAlloc, p->nPending+1,
                                            sizeof(*aNew), 512);
    if( aNew==0 ) return marsad_db_error(pDb, MARSAD_NOMEM, "out of memory indexing an article");
    p->aPending = aNew;
  }
  SearchPending *pP = &p->aPending[p->nPending];
  pP->iRowid = pA->art.iRowid;
  int rc = marsad_fts_docs_add(pDb->pFtsDocs, pA, MARSAD_FIELD_TITLE, &pP->iTitle);
  if( rc==MARSAD_OK ) rc = marsad_fts_docs_add(pDb->pFtsDocs, pA, MARSAD_FIELD_BODY, &pP->iBody);
  if( rc ) return marsad_db_error(pDb, rc, "out of memory indexing an article");
  p->nPending++;
  return MARSAD_OK;
}

/* Binds document iDoc of the handle's list (empty text for -1) to
** parameter i of pStmt. */
static int bind_doc(marsad_db *pDb, sqlite3_stmt *pStmt, int i, int iDoc){
  size_t n = 0;
  const char *z = iDoc>=0 ? marsad_fts_docs_text(pDb->pFtsDocs, iDoc, &n) : "";
  return sqlite3_bind_text(pStmt, i, z, (int)n, SQLITE_STATIC);
}

/* Indexes the batch's articles, one INSERT each with nothing in between,
** so that FTS5 keeps their terms together and writes one new segment. */
static int search_flush(marsad_db *pDb, void *pState){
  SearchState *p = pState;
  if( p==0 ) return MARSAD_OK;
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<p->nPending; i++){
    const SearchPending *pP = &p->aPending[i];
    sqlite3_bind_int64(p->pIndex, 1, pP->iRowid);
    if( bind_doc(pDb, p->pIndex, 2, pP->iTitle)!=SQLITE_OK
     || bind_doc(pDb, p->pIndex, 3, pP->iBody)!=SQLITE_OK ){
      rc = marsad_db_sqlite_error(pDb, "search index");
    }
    if( rc==MARSAD_OK ) rc = step_done(pDb, p->pIndex, "search index");
  }
  sqlite3_clear_bindings(p->pIndex);     /* no pointer into the list outlives it */
  p->nPending = 0;
  marsad_fts_docs_clear(pDb->pFtsDocs);
  return rc;
}

/* Forgets the articles of a rolled-back batch (and the out-of-memory
** failure that may have ended it): the next batch starts from none. */
static void search_rollback(marsad_db *pDb, void *pState){
  SearchState *p = pState;
  if( p ) p->nPending = 0;
  marsad_fts_docs_clear(pDb->pFtsDocs);
}

const marsad_module marsad_search_module = {
  "search",       /* zName */
  search_open,    /* xOpen */
  search_close,   /* xClose */
  search_article, /* xArticle */
  search_flush,   /* xFlush */
  search_rollback /* xRollback */
};
