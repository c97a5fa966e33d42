/*
** facts_store.c: the facts module (module.h): for each newly stored article
** it runs the fact extractors (facts.h) on the analysis the ingestion built,
** after the entities module, so that speakers and sources carry entity ids,
** and stores the dates, statements and figures (data/schema/005_facts.sql).
*/
#include <math.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "facts.h"
#include "lexicon.h"
#include "module.h"

/* Per-handle state: the insert statements, prepared on first use. */
typedef struct facts_state {
  sqlite3_stmt *pDate;
  sqlite3_stmt *pStmt;
  sqlite3_stmt *pFig;
  sqlite3_stmt *pArt;
} facts_state;

/* SQL function marsad_key(TEXT): the matching key of the text (marsad.h,
** marsad_normalize), or NULL; the facts queries match names with it. */
static void sql_key(sqlite3_context *ctx, int nArg, sqlite3_value **apArg){
  (void)nArg;
  const char *z = (const char*)sqlite3_value_text(apArg[0]);
  char *zKey = 0;
  size_t nKey = 0;
  if( z==0 ) return;
  if( marsad_normalize(z, (size_t)sqlite3_value_bytes(apArg[0]), &zKey, &nKey)!=MARSAD_OK ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, zKey, (int)nKey, marsad_free);
}

/* xOpen: registers marsad_key() and creates an empty state. */
static int facts_open(marsad_db *pDb, void **ppState){
  if( sqlite3_create_function(pDb->db, "marsad_key", 1, SQLITE_UTF8|SQLITE_DETERMINISTIC,
                              0, sql_key, 0, 0)!=SQLITE_OK ){
    return marsad_db_sqlite_error(pDb, "marsad_key");
  }
  facts_state *p = marsad_malloc(sizeof *p);
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  *ppState = p;
  return MARSAD_OK;
}

/* xClose. */
static void facts_close(void *pState){
  facts_state *p = pState;
  if( p==0 ) return;
  sqlite3_finalize(p->pDate);
  sqlite3_finalize(p->pStmt);
  sqlite3_finalize(p->pFig);
  sqlite3_finalize(p->pArt);
  marsad_free(p);
}

/* Prepares the inserts once. */
static int prepare_all(marsad_db *pDb, facts_state *p){
  int rc = MARSAD_OK;
  if( p->pDate ) return rc;
  rc = marsad_db_prepare(pDb,
      "INSERT INTO date_mention(article,start,end,value,precision,kind,since)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7)", &p->pDate);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "INSERT INTO statement(article,start,end,speaker,speaker_text,speaker_start,"
      "speaker_end,cue,lemma,stance,content_start,content_end,date,parent)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)", &p->pStmt);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "INSERT INTO figure(article,start,end,value,max,approx,vague,counts,who,total,"
      "reported_by,reported_by_text,date,statement)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)", &p->pFig);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "INSERT INTO article_facts(article,published,from_text) VALUES(?1,?2,?3)", &p->pArt);
  if( rc ){
    sqlite3_finalize(p->pDate); sqlite3_finalize(p->pStmt);
    sqlite3_finalize(p->pFig); sqlite3_finalize(p->pArt);
    memset(p, 0, sizeof *p);
  }
  return rc;
}

/* Runs and resets an insert, every parameter of which its caller bound
** (NULL ones too: the bindings are not cleared between rows); *piRowid
** (may be NULL) gets the new rowid. */
static int run_insert(marsad_db *pDb, sqlite3_stmt *q, long long *piRowid){
  int st = sqlite3_step(q);
  sqlite3_reset(q);
  if( st!=SQLITE_DONE ) return marsad_db_sqlite_error(pDb, "insert facts");
  if( piRowid ) *piRowid = sqlite3_last_insert_rowid(pDb->db);
  return MARSAD_OK;
}

/* Binds words [i0, i1) of the body as text (NULL when empty). */
static void bind_span(sqlite3_stmt *q, int iCol, const marsad_facts *f, int i0, int i1){
  size_t n;
  const char *z = marsad_facts_span(f, i0, i1, &n);
  marsad_bind_text(q, iCol, z, n);
}

/* Binds a day (date index, -1: publication) as text or NULL. */
static void bind_day(sqlite3_stmt *q, int iCol, const marsad_facts *f, int iDate){
  char z[11];
  marsad_facts_day(f, iDate, z);
  marsad_bind_str(q, iCol, z[0] ? z : 0);
}

static const char *const azPrec[] = { "", "day", "week", "month", "year" };
static const char *const azKind[] = { "", "explicit", "numeric", "hijri", "relative", "weekday" };

/* Stores the dates. */
static int store_dates(marsad_db *pDb, facts_state *p, long long iArt, const marsad_facts *f){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<f->dates.n; i++){
    const marsad_date *d = &f->dates.a[i];
    sqlite3_stmt *q = p->pDate;
    sqlite3_bind_int64(q, 1, iArt);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)d->iStart);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)d->iEnd);
    if( d->v.y ) bind_day(q, 4, f, i); else sqlite3_bind_null(q, 4);
    sqlite3_bind_text(q, 5, azPrec[d->ePrec], -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 6, azKind[d->eKind], -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 7, d->bSince);
    rc = run_insert(pDb, q, 0);
  }
  return rc;
}

/* Binds a row id (an entity's, a statement's), or NULL for 0. */
static void bind_entity(sqlite3_stmt *q, int iCol, long long iEntity){
  if( iEntity ) sqlite3_bind_int64(q, iCol, iEntity); else sqlite3_bind_null(q, iCol);
}

/* Stores the statements; aId receives their rowids. */
static int store_statements(marsad_db *pDb, facts_state *p, long long iArt,
                            const marsad_facts *f, long long *aId){
  int rc = MARSAD_OK;
  const marsad_words *pW = &f->words;
  for(int i=0; rc==MARSAD_OK && i<f->statements.n; i++){
    const marsad_statement *s = &f->statements.a[i];
    sqlite3_stmt *q = p->pStmt;
    sqlite3_bind_int64(q, 1, iArt);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)s->iStart);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)s->iEnd);
    bind_entity(q, 4, f->aSpeaker[i]);
    bind_span(q, 5, f, s->spk.iR0, s->spk.iR1);
    if( s->spk.iR0<s->spk.iR1 ){
      sqlite3_bind_int64(q, 6, (sqlite3_int64)pW->a[s->spk.iR0].iStart);
      sqlite3_bind_int64(q, 7, (sqlite3_int64)pW->a[s->spk.iR1-1].iEnd);
    }else{
      sqlite3_bind_null(q, 6);
      sqlite3_bind_null(q, 7);
    }
    bind_span(q, 8, f, s->iCue0, s->iCue1);
    sqlite3_bind_text(q, 9, marsad_cue_lemmas[s->iLemma], -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 10, marsad_stance_name(s->eStance), -1, SQLITE_STATIC);
    int c0 = s->iCont0<pW->nWord ? s->iCont0 : pW->nWord-1;
    int c1 = s->iCont1>s->iCont0 ? s->iCont1 : s->iCont0+1;
    if( c1>pW->nWord ) c1 = pW->nWord;
    sqlite3_bind_int64(q, 11, (sqlite3_int64)pW->a[c0].iStart);
    sqlite3_bind_int64(q, 12, (sqlite3_int64)(s->iCont1>s->iCont0 ? pW->a[c1-1].iEnd : pW->a[c0].iStart));
    bind_day(q, 13, f, s->spk.iDate);
    bind_entity(q, 14, s->iParent>=0 ? aId[s->iParent] : 0);
    rc = run_insert(pDb, q, &aId[i]);
  }
  return rc;
}

/* Stores the figures. */
static int store_figures(marsad_db *pDb, facts_state *p, long long iArt,
                         const marsad_facts *f, const long long *aStmtId){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<f->figures.n; i++){
    const marsad_figure *g = &f->figures.a[i];
    const marsad_number *n = g->pNum;
    sqlite3_stmt *q = p->pFig;
    sqlite3_bind_int64(q, 1, iArt);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)g->iStart);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)g->iEnd);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)llround(n->dValue));
    if( n->bRange ) sqlite3_bind_int64(q, 5, (sqlite3_int64)llround(n->dMax));
    else sqlite3_bind_null(q, 5);
    sqlite3_bind_text(q, 6, marsad_approx_name(n->eApprox), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 7, n->bVague);
    sqlite3_bind_text(q, 8, marsad_counts_name(g->eCounts), -1, SQLITE_STATIC);
    bind_span(q, 9, f, g->iWho0, g->iWho1);
    sqlite3_bind_int(q, 10, g->bTotal);
    bind_entity(q, 11, f->aReporter[i]);
    bind_span(q, 12, f, g->src.iR0, g->src.iR1);
    bind_day(q, 13, f, g->iDate);
    bind_entity(q, 14, g->iStmt>=0 ? aStmtId[g->iStmt] : 0);
    rc = run_insert(pDb, q, 0);
  }
  return rc;
}

/* Stores the publication date the facts used for an article whose own
** (article.published) is unknown: read from its text, or NULL. An article
** with its own has no article_facts row: every reader takes
** COALESCE(article.published, article_facts.published), and the facts use
** that date as it is. */
static int store_publication(marsad_db *pDb, facts_state *p, long long iArt, const marsad_facts *f){
  char zPub[11];
  marsad_ymd_format(&f->pub, MARSAD_PREC_DAY, zPub);
  sqlite3_bind_int64(p->pArt, 1, iArt);
  marsad_bind_str(p->pArt, 2, zPub[0] ? zPub : 0);
  sqlite3_bind_int(p->pArt, 3, f->bPubFromText);
  return run_insert(pDb, p->pArt, 0);
}

/* xArticle: analyse and store. */
static int facts_article(marsad_db *pDb, void *pState, marsad_analysis *pA){
  facts_state *p = pState;
  int rc = prepare_all(pDb, p);
  if( rc==MARSAD_OK ) rc = marsad_facts_analyze(pA);
  if( rc!=MARSAD_OK ) return rc;
  const marsad_facts *f = pA->pFacts;
  long long iArt = pA->art.iRowid;
  long long *aStmtId = marsad_malloc(sizeof(long long)*(size_t)(f->statements.n+1));
  if( aStmtId==0 ) return MARSAD_NOMEM;
  if( pA->art.zPublished==0 ) rc = store_publication(pDb, p, iArt, f);
  if( rc==MARSAD_OK ) rc = store_dates(pDb, p, iArt, f);
  if( rc==MARSAD_OK ) rc = store_statements(pDb, p, iArt, f, aStmtId);
  if( rc==MARSAD_OK ) rc = store_figures(pDb, p, iArt, f, aStmtId);
  marsad_free(aStmtId);
  return rc;
}

const marsad_module marsad_module_facts = {
  "facts", facts_open, facts_close, facts_article, 0, 0
};
