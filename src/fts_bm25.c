/*
** fts_bm25.c: the FTS5 ranking function marsad_bm25, FTS5's own bm25() with
** the phrases of a query grouped into terms. The search writes a query word
** as two phrases, its unmarked stem and its marked stem (fts_arabic.h),
** which FTS5 matches faster than one phrase with synonyms; bm25() would
** score them as two terms (two IDFs, two saturations), marsad_bm25 scores
** them as the one word they stand for, as bm25() scores that word written
** with synonyms:
**
**   marsad_bm25(GROUPS, W0, W1, ...)
**
** GROUPS holds one byte per phrase of the query, in the order written: '1'
** for a phrase that belongs to the term of the phrase before it, any other
** byte (or none, past its end) for a phrase that starts a term. Wi is the
** weight of column i (1.0 when not given). For each term t:
**   n(t)    rows holding any of its phrases
**   IDF(t)  log((N - n(t) + 0.5) / (n(t) + 0.5)), at least 1e-6
**   f(t)    the weights of the columns of the positions any of its phrases
**           matches in the row, each position counted once
** and the score is -sum IDF(t) * f(t)*(k1+1) / (f(t) + k1*(1 - b + b*D/avgdl))
** with k1 = 1.2, b = 0.75, D the row's tokens and avgdl the mean of the
** table's rows, the constants and formula of FTS5's bm25() (lower is better).
*/
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "fts_arabic.h"

/* BM25's constants, as FTS5's bm25() has them. */
#define BM25_K1 1.2
#define BM25_B  0.75

/* What marsad_bm25 computes once per query (FTS5 auxiliary data). */
typedef struct Bm25Query {
  int nPhrase;        /* phrases of the query */
  int nTerm;          /* terms they make */
  int *aTerm;         /* the term of each phrase */
  double *aIdf;       /* IDF of each term */
  double *aFreq;      /* scratch: f(t) of the current row */
  long long *aLast;   /* scratch: last position counted for each term */
  double rAvgdl;      /* mean tokens a row */
} Bm25Query;

/* Rowids of the rows one phrase matches, ascending (xQueryPhrase's order). */
typedef struct RowList {
  sqlite3_int64 *a;
  int n, nAlloc;
} RowList;

/* Frees a Bm25Query (its auxiliary-data destructor). Accepts NULL. */
static void bm25_query_free(void *p){
  Bm25Query *q = p;
  if( q==0 ) return;
  marsad_free(q->aTerm);
  marsad_free(q->aIdf);
  marsad_free(q->aFreq);
  marsad_free(q->aLast);
  marsad_free(q);
}

/* xQueryPhrase callback: appends the row's rowid to the RowList. */
static int rows_add(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pCtx){
  RowList *r = pCtx;
  if( r->n==r->nAlloc ){
    sqlite3_int64 *aNew = marsad_array_grow(r->a, &r->nAlloc, r->n+1, sizeof(*aNew), 256);
    if( aNew==0 ) return SQLITE_NOMEM;
    r->a = aNew;
  }
  r->a[r->n++] = pApi->xRowid(pFts);
  return SQLITE_OK;
}

/* Merges the ascending rowids pB into the ascending set pU (no duplicates
** kept). SQLITE_OK or SQLITE_NOMEM. */
static int rows_union(RowList *pU, const RowList *pB){
  if( pB->n>INT_MAX-pU->n ) return SQLITE_NOMEM;
  int nMax = pU->n + pB->n;
  sqlite3_int64 *a = marsad_malloc(sizeof(*a)*(size_t)(nMax ? nMax : 1));
  if( a==0 ) return SQLITE_NOMEM;
  int i = 0, j = 0, n = 0;
  while( i<pU->n || j<pB->n ){
    if( j>=pB->n || (i<pU->n && pU->a[i]<pB->a[j]) ) a[n++] = pU->a[i++];
    else if( i>=pU->n || pB->a[j]<pU->a[i] ) a[n++] = pB->a[j++];
    else{ a[n++] = pU->a[i++]; j++; }
  }
  marsad_free(pU->a);
  pU->a = a;
  pU->n = n;
  pU->nAlloc = nMax;
  return SQLITE_OK;
}

/* Rows of one phrase counted against a RowList: those it does not hold. */
typedef struct RowCount {
  const RowList *pU;  /* the rows of the term's other phrases, ascending */
  int i;              /* the first of them not below the last row seen */
  sqlite3_int64 nNew; /* rows seen that pU does not hold */
} RowCount;

/* xQueryPhrase callback: counts the row if the RowCount's list lacks it. */
static int rows_count(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pCtx){
  RowCount *c = pCtx;
  sqlite3_int64 iRow = pApi->xRowid(pFts);
  while( c->i<c->pU->n && c->pU->a[c->i]<iRow ) c->i++;
  if( c->i>=c->pU->n || c->pU->a[c->i]!=iRow ) c->nNew++;
  return SQLITE_OK;
}

/* Sets *pnRow to the number of rows holding any of the phrases of term t:
** the rows of all but its last phrase collected (and merged), those of the
** last counted against them. */
static int term_rows(const Fts5ExtensionApi *pApi, Fts5Context *pFts,
                     const Bm25Query *q, int t, sqlite3_int64 *pnRow){
  RowList u = {0, 0, 0}, one = {0, 0, 0};
  RowCount c = {&u, 0, 0};
  int iLast = q->nPhrase-1;
  while( q->aTerm[iLast]!=t ) iLast--;
  int rc = SQLITE_OK;
  for(int i=0; rc==SQLITE_OK && i<iLast; i++){
    if( q->aTerm[i]!=t ) continue;
    one.n = 0;
    rc = pApi->xQueryPhrase(pFts, i, u.a ? &one : &u, rows_add);
    if( rc==SQLITE_OK && one.n ) rc = rows_union(&u, &one);
  }
  if( rc==SQLITE_OK ) rc = pApi->xQueryPhrase(pFts, iLast, &c, rows_count);
  *pnRow = (sqlite3_int64)u.n + c.nNew;
  marsad_free(u.a);
  marsad_free(one.a);
  return rc;
}

/* Assigns each phrase its term from the GROUPS argument z (may be NULL). */
static void query_terms(Bm25Query *q, const unsigned char *z){
  size_t n = z ? strlen((const char*)z) : 0;
  q->nTerm = 0;
  for(int i=0; i<q->nPhrase; i++){
    int bJoin = i>0 && (size_t)i<n && z[i]=='1';
    q->aTerm[i] = bJoin ? q->aTerm[i-1] : q->nTerm++;
  }
}

/* Makes the query's data: terms, their IDFs, the mean row size. */
static int query_new(const Fts5ExtensionApi *pApi, Fts5Context *pFts,
                     const unsigned char *zGroups, Bm25Query **ppQ){
  Bm25Query *q = marsad_malloc(sizeof *q);
  *ppQ = 0;
  if( q==0 ) return SQLITE_NOMEM;
  memset(q, 0, sizeof *q);
  q->nPhrase = pApi->xPhraseCount(pFts);
  size_t n = q->nPhrase>0 ? (size_t)q->nPhrase : 1;
  q->aTerm = marsad_malloc(sizeof(int)*n);
  q->aIdf = marsad_malloc(sizeof(double)*n);
  q->aFreq = marsad_malloc(sizeof(double)*n);
  q->aLast = marsad_malloc(sizeof(long long)*n);
  int rc = (q->aTerm && q->aIdf && q->aFreq && q->aLast) ? SQLITE_OK : SQLITE_NOMEM;
  sqlite3_int64 nRow = 0, nToken = 0;
  if( rc==SQLITE_OK ){
    query_terms(q, zGroups);
    rc = pApi->xRowCount(pFts, &nRow);
  }
  if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
  if( rc==SQLITE_OK ) q->rAvgdl = (double)nToken / (double)(nRow>0 ? nRow : 1);
  for(int t=0; rc==SQLITE_OK && t<q->nTerm; t++){
    sqlite3_int64 nHit = 0;
    rc = term_rows(pApi, pFts, q, t, &nHit);
    double idf = log(((double)nRow - (double)nHit + 0.5) / ((double)nHit + 0.5));
    q->aIdf[t] = idf<=0.0 ? 1e-6 : idf;
  }
  if( rc!=SQLITE_OK ){
    bm25_query_free(q);
    return rc;
  }
  *ppQ = q;
  return SQLITE_OK;
}

/* Fills q->aFreq with f(t) of the current row (column weights apVal). */
static int row_freqs(const Fts5ExtensionApi *pApi, Fts5Context *pFts, Bm25Query *q,
                     int nVal, sqlite3_value **apVal){
  int nInst = 0;
  int rc = pApi->xInstCount(pFts, &nInst);
  for(int t=0; t<q->nTerm; t++){ q->aFreq[t] = 0.0; q->aLast[t] = -1; }
  for(int i=0; rc==SQLITE_OK && i<nInst; i++){
    int ip = 0, ic = 0, io = 0;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if( rc!=SQLITE_OK || ip<0 || ip>=q->nPhrase ) continue;
    int t = q->aTerm[ip];
    long long iPos = ((long long)ic<<32) | (unsigned)io;
    if( iPos==q->aLast[t] ) continue;     /* instances come in position order */
    q->aLast[t] = iPos;
    q->aFreq[t] += (nVal>ic) ? sqlite3_value_double(apVal[ic]) : 1.0;
  }
  return rc;
}

/* The auxiliary function marsad_bm25 (see the top of this file). */
static void bm25_function(const Fts5ExtensionApi *pApi, Fts5Context *pFts,
                          sqlite3_context *pCtx, int nVal, sqlite3_value **apVal){
  Bm25Query *q = pApi->xGetAuxdata(pFts, 0);
  int rc = SQLITE_OK;
  if( q==0 ){
    const unsigned char *zGroups = nVal>0 ? sqlite3_value_text(apVal[0]) : 0;
    rc = query_new(pApi, pFts, zGroups, &q);
    if( rc==SQLITE_OK ) rc = pApi->xSetAuxdata(pFts, q, bm25_query_free);
  }
  int nTok = 0;
  if( rc==SQLITE_OK ) rc = row_freqs(pApi, pFts, q, nVal-1, apVal+1);
  if( rc==SQLITE_OK ) rc = pApi->xColumnSize(pFts, -1, &nTok);
  if( rc!=SQLITE_OK ){
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  double D = (double)nTok, score = 0.0;
  for(int t=0; t<q->nTerm; t++){
    score += q->aIdf[t] * ((q->aFreq[t] * (BM25_K1 + 1.0)) /
             (q->aFreq[t] + BM25_K1 * (1 - BM25_B + BM25_B * D / q->rAvgdl)));
  }
  sqlite3_result_double(pCtx, -1.0 * score);
}

int marsad_fts_bm25_register(fts5_api *pApi){
  return pApi->xCreateFunction(pApi, "marsad_bm25", 0, bm25_function, 0);
}
