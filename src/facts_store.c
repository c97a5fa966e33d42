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
#include "rowq.h"

/* Rows queued before they are inserted: at most this many in all (a
** reanalysis runs every article in one transaction). */
#define FACTS_QUEUE_MAX 8192

/* The inserts are OR FAIL: a constraint that fails stops the INSERT
** without undoing its earlier rows, so SQLite keeps no statement journal
** for an INSERT of several rows (the batch rolls back on any error). */

/* Per-handle state: the queued rows of each table (rowq.h), inserted
** before the batch commits (xFlush), before an entity merge changes the
** speakers and reporters (marsad_facts_flush_rows) and when FACTS_QUEUE_MAX
** rows wait. A statement takes its id from the module (the largest id + 1,
** as SQLite would give it) so that its figures and the statements it holds
** can name it before it is stored. */
typedef struct facts_state {
  marsad_rowq qDate;        /* date_mention rows */
  marsad_rowq qStmt;        /* statement rows, with their ids */
  marsad_rowq qFig;         /* figure rows */
  marsad_rowq qArt;         /* article_facts rows */
  long long iNextStmt;      /* the id of the next statement, 0: not read yet */
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
  p->qDate.zInsert = "INSERT OR FAIL INTO date_mention(article,start,end,value,precision,kind,since) VALUES";
  p->qDate.nCol = 7;
  p->qDate.zWhat = "storing a date";
  p->qStmt.zInsert = "INSERT OR FAIL INTO statement(id,article,start,end,speaker,speaker_text,"
      "speaker_start,speaker_end,cue,lemma,stance,content_start,content_end,date,parent) VALUES";
  p->qStmt.nCol = 15;
  p->qStmt.zWhat = "storing a statement";
  p->qFig.zInsert = "INSERT OR FAIL INTO figure(article,start,end,value,max,approx,vague,counts,who,total,"
      "reported_by,reported_by_text,date,statement) VALUES";
  p->qFig.nCol = 14;
  p->qFig.zWhat = "storing a figure";
  p->qArt.zInsert = "INSERT OR FAIL INTO article_facts(article,published,from_text) VALUES";
  p->qArt.nCol = 3;
  p->qArt.zWhat = "storing an article's facts";
  *ppState = p;
  return MARSAD_OK;
}

/* xClose. */
static void facts_close(void *pState){
  facts_state *p = pState;
  if( p==0 ) return;
  marsad_rowq_free(&p->qDate);
  marsad_rowq_free(&p->qStmt);
  marsad_rowq_free(&p->qFig);
  marsad_rowq_free(&p->qArt);
  marsad_free(p);
}

/* Rows queued in all. */
static int queued_rows(const facts_state *p){
  return p->qDate.nRow + p->qStmt.nRow + p->qFig.nRow + p->qArt.nRow;
}

/* Inserts the queued rows. MARSAD_OK, NOMEM or the database's error. */
static int flush_rows(marsad_db *pDb, facts_state *p){
  int rc = marsad_rowq_flush(pDb, &p->qArt);
  if( rc==MARSAD_OK ) rc = marsad_rowq_flush(pDb, &p->qDate);
  if( rc==MARSAD_OK ) rc = marsad_rowq_flush(pDb, &p->qStmt);
  if( rc==MARSAD_OK ) rc = marsad_rowq_flush(pDb, &p->qFig);
  return rc;
}

/* Forgets the queued rows and the next statement id (read again). */
static void forget_rows(facts_state *p){
  marsad_rowq_clear(&p->qDate);
  marsad_rowq_clear(&p->qStmt);
  marsad_rowq_clear(&p->qFig);
  marsad_rowq_clear(&p->qArt);
  p->iNextStmt = 0;
}

int marsad_facts_flush_rows(marsad_db *pDb){
  facts_state *p = marsad_module_state(pDb, marsad_module_facts.zName);
  return p ? flush_rows(pDb, p) : MARSAD_OK;
}

/* Sets p->iNextStmt, unless set: the largest statement id + 1. */
static int next_statement_id(marsad_db *pDb, facts_state *p){
  sqlite3_stmt *q = 0;
  if( p->iNextStmt ) return MARSAD_OK;
  int rc = marsad_db_prepare(pDb, "SELECT max(id) FROM statement", &q);
  if( rc==MARSAD_OK ){
    if( sqlite3_step(q)==SQLITE_ROW ) p->iNextStmt = sqlite3_column_int64(q, 0)+1;
    else rc = marsad_db_sqlite_error(pDb, "statement ids");
  }
  sqlite3_finalize(q);
  return rc;
}

/* Queues words [i0, i1) of the body as text (NULL when empty). */
static void queue_span(marsad_rowq *q, int iCol, const marsad_facts *f, int i0, int i1){
  size_t n;
  const char *z = marsad_facts_span(f, i0, i1, &n);
  marsad_rowq_text(q, iCol, z, n);
}

/* Queues a day (date index, -1: publication) as text or NULL. */
static void queue_day(marsad_rowq *q, int iCol, const marsad_facts *f, int iDate){
  char z[11];
  marsad_facts_day(f, iDate, z);
  marsad_rowq_str(q, iCol, z[0] ? z : 0);
}

/* Queues a row id (an entity's, a statement's), or NULL for 0. */
static void queue_id(marsad_rowq *q, int iCol, long long iId){
  if( iId ) marsad_rowq_int(q, iCol, iId); else marsad_rowq_null(q, iCol);
}

static const char *const azPrec[] = { "", "day", "week", "month", "year" };
static const char *const azKind[] = { "", "explicit", "numeric", "hijri", "relative", "weekday" };

/* Queues the dates. */
static void queue_dates(facts_state *p, long long iArt, const marsad_facts *f){
  marsad_rowq *q = &p->qDate;
  for(int i=0; i<f->dates.n; i++){
    const marsad_date *d = &f->dates.a[i];
    marsad_rowq_row(q);
    marsad_rowq_int(q, 0, iArt);
    marsad_rowq_int(q, 1, (long long)d->iStart);
    marsad_rowq_int(q, 2, (long long)d->iEnd);
    if( d->v.y ) queue_day(q, 3, f, i); else marsad_rowq_null(q, 3);
    marsad_rowq_str(q, 4, azPrec[d->ePrec]);
    marsad_rowq_str(q, 5, azKind[d->eKind]);
    marsad_rowq_int(q, 6, d->bSince);
  }
}

/* Queues the statements, the first with id iFirst, the next iFirst+1... */
static void queue_statements(facts_state *p, long long iArt, const marsad_facts *f,
                             long long iFirst){
  marsad_rowq *q = &p->qStmt;
  const marsad_words *pW = &f->words;
  for(int i=0; i<f->statements.n; i++){
    const marsad_statement *s = &f->statements.a[i];
    marsad_rowq_row(q);
    marsad_rowq_int(q, 0, iFirst+i);
    marsad_rowq_int(q, 1, iArt);
    marsad_rowq_int(q, 2, (long long)s->iStart);
    marsad_rowq_int(q, 3, (long long)s->iEnd);
    queue_id(q, 4, f->aSpeaker[i]);
    queue_span(q, 5, f, s->spk.iR0, s->spk.iR1);
    if( s->spk.iR0<s->spk.iR1 ){
      marsad_rowq_int(q, 6, (long long)pW->a[s->spk.iR0].iStart);
      marsad_rowq_int(q, 7, (long long)pW->a[s->spk.iR1-1].iEnd);
    }else{
      marsad_rowq_null(q, 6);
      marsad_rowq_null(q, 7);
    }
    queue_span(q, 8, f, s->iCue0, s->iCue1);
    marsad_rowq_str(q, 9, marsad_cue_lemmas[s->iLemma]);
    marsad_rowq_str(q, 10, marsad_stance_name(s->eStance));
    int c0 = s->iCont0<pW->nWord ? s->iCont0 : pW->nWord-1;
    int c1 = s->iCont1>s->iCont0 ? s->iCont1 : s->iCont0+1;
    if( c1>pW->nWord ) c1 = pW->nWord;
    marsad_rowq_int(q, 11, (long long)pW->a[c0].iStart);
    marsad_rowq_int(q, 12, (long long)(s->iCont1>s->iCont0 ? pW->a[c1-1].iEnd : pW->a[c0].iStart));
    queue_day(q, 13, f, s->spk.iDate);
    queue_id(q, 14, s->iParent>=0 ? iFirst+s->iParent : 0);
  }
}

/* Queues the figures; the statements of the article have ids from
** iFirstStmt on. */
static void queue_figures(facts_state *p, long long iArt, const marsad_facts *f,
                          long long iFirstStmt){
  marsad_rowq *q = &p->qFig;
  for(int i=0; i<f->figures.n; i++){
    const marsad_figure *g = &f->figures.a[i];
    const marsad_number *n = g->pNum;
    marsad_rowq_row(q);
    marsad_rowq_int(q, 0, iArt);
    marsad_rowq_int(q, 1, (long long)g->iStart);
    marsad_rowq_int(q, 2, (long long)g->iEnd);
    marsad_rowq_int(q, 3, (long long)llround(n->dValue));
    if( n->bRange ) marsad_rowq_int(q, 4, (long long)llround(n->dMax));
    else marsad_rowq_null(q, 4);
    marsad_rowq_str(q, 5, marsad_approx_name(n->eApprox));
    marsad_rowq_int(q, 6, n->bVague);
    marsad_rowq_str(q, 7, marsad_counts_name(g->eCounts));
    queue_span(q, 8, f, g->iWho0, g->iWho1);
    marsad_rowq_int(q, 9, g->bTotal);
    queue_id(q, 10, f->aReporter[i]);
    queue_span(q, 11, f, g->src.iR0, g->src.iR1);
    queue_day(q, 12, f, g->iDate);
    queue_id(q, 13, g->iStmt>=0 ? iFirstStmt+g->iStmt : 0);
  }
}

/* Queues the publication date the facts used for an article whose own
** (article.published) is unknown: read from its text, or NULL. An article
** with its own has no article_facts row: every reader takes
** COALESCE(article.published, article_facts.published), and the facts use
** that date as it is. */
static void queue_publication(facts_state *p, long long iArt, const marsad_facts *f){
  char zPub[11];
  marsad_ymd_format(&f->pub, MARSAD_PREC_DAY, zPub);
  marsad_rowq_row(&p->qArt);
  marsad_rowq_int(&p->qArt, 0, iArt);
  marsad_rowq_str(&p->qArt, 1, zPub[0] ? zPub : 0);
  marsad_rowq_int(&p->qArt, 2, f->bPubFromText);
}

/* xArticle: analyse and queue the rows (inserted by flush_rows). */
static int facts_article(marsad_db *pDb, void *pState, marsad_analysis *pA){
  facts_state *p = pState;
  int rc = marsad_facts_analyze(pA);
  if( rc==MARSAD_OK && pA->pFacts->statements.n ) rc = next_statement_id(pDb, p);
  if( rc!=MARSAD_OK ) return rc;
  const marsad_facts *f = pA->pFacts;
  long long iArt = pA->art.iRowid;
  long long iFirstStmt = p->iNextStmt;
  if( pA->art.zPublished==0 ) queue_publication(p, iArt, f);
  queue_dates(p, iArt, f);
  queue_statements(p, iArt, f, iFirstStmt);
  queue_figures(p, iArt, f, iFirstStmt);
  p->iNextStmt += f->statements.n;
  if( queued_rows(p)>=FACTS_QUEUE_MAX ) rc = flush_rows(pDb, p);
  return rc;
}

/* xFlush: inserts the batch's queued rows. The next statement id is read
** again in the next batch (another handle may store statements between
** two batches). */
static int facts_flush(marsad_db *pDb, void *pState){
  facts_state *p = pState;
  int rc = flush_rows(pDb, p);
  forget_rows(p);
  return rc;
}

/* xRollback: forgets the queued rows and the next statement id. */
static void facts_rollback(marsad_db *pDb, void *pState){
  (void)pDb;
  forget_rows(pState);
}

const marsad_module marsad_module_facts = {
  "facts", facts_open, facts_close, facts_article, facts_flush, facts_rollback
};
