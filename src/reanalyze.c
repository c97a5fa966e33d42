/*
** reanalyze.c: recognises the entities and reads the facts of every stored
** article again, with the lists and model the handle has now (after new
** curated lists given with --data-dir, or a newer marsad), forgetting what
** was found before. One transaction: an interrupted run leaves the old
** findings whole, and running it again completes it. The stories, which
** weigh shared entities, are then grouped again (marsad_recluster); the
** search index is not touched.
*/
#include <string.h>
#include "db.h"
#include "module.h"
#include "analysis.h"
#include "wordcache.h"

/* The modules run again, in the order they run at ingestion. */
static const char *const azRerun[] = { "entities", "facts" };
#define NRERUN ((int)(sizeof azRerun / sizeof azRerun[0]))

/* What those modules stored, all of it, emptied with the foreign-key checks
** off: with them on, each deleted statement would scan the statements for
** one naming it as parent (no index), quadratic on a large store. */
static const char zForget[] =
  "DELETE FROM figure; DELETE FROM statement; DELETE FROM date_mention;"
  "DELETE FROM article_facts; DELETE FROM mention; DELETE FROM entity_article;"
  "DELETE FROM entity_variant;"
  "DELETE FROM entity_merged; DELETE FROM entity;";

/* The indices in marsad_modules of the rerun modules, in the order they
** run, into aMod; their number. */
static int rerun_modules(int aMod[NRERUN]){
  int n = 0;
  for(int i=0; i<marsad_nmodules; i++){
    for(int k=0; k<NRERUN; k++){
      if( strcmp(marsad_modules[i]->zName, azRerun[k])==0 ) aMod[n++] = i;
    }
  }
  return n;
}

/* Gives the modules aMod[0..nMod) a fresh state (what they cached of the
** stored entities must follow the tables), keeping the old one when a new
** one cannot be made. */
static int fresh_states(marsad_db *pDb, const int *aMod, int nMod){
  for(int k=0; k<nMod; k++){
    const marsad_module *m = marsad_modules[aMod[k]];
    void *pNew = 0;
    if( m->xOpen==0 ) continue;
    int rc = m->xOpen(pDb, &pNew);
    if( rc ) return rc;
    if( m->xClose ) m->xClose(pDb->apState[aMod[k]]);
    pDb->apState[aMod[k]] = pNew;
  }
  return MARSAD_OK;
}

/* Runs the modules aMod[0..nMod) on the stored article of pStmt's current
** row (MARSAD_DB_ARTICLE_COLUMNS), its words' keys and stems taken from
** pWords (lent to one article after the other, as at ingestion). */
static int rerun_article(marsad_db *pDb, const int *aMod, int nMod, sqlite3_stmt *pStmt,
                         marsad_wordcache *pWords){
  marsad_analysis a;
  memset(&a, 0, sizeof a);
  marsad_db_article(pStmt, &a.art);
  int rc = marsad_analysis_keep_tokens_with(&a, pWords);
  for(int k=0; rc==MARSAD_OK && k<nMod; k++){
    const marsad_module *m = marsad_modules[aMod[k]];
    if( m->xArticle ) rc = m->xArticle(pDb, pDb->apState[aMod[k]], &a);
  }
  marsad_analysis_clear(&a);
  return rc;
}

/* Runs the modules aMod[0..nMod) on every stored article in the order they
** were stored, counting them in pStats->nRead (reported every nEvery). */
static int rerun_all(marsad_db *pDb, const int *aMod, int nMod, marsad_ingest_stats *pStats,
                     marsad_progress_fn xProgress, void *pCtx){
  enum { nEvery = 1000 };
  sqlite3_stmt *pStmt = 0;
  marsad_wordcache *pWords = 0;
  int s = SQLITE_DONE;
  int rc = marsad_wordcache_new(&pWords);
  if( rc==MARSAD_OK ){
    rc = marsad_db_prepare(pDb,
        "SELECT " MARSAD_DB_ARTICLE_COLUMNS " FROM article ORDER BY id", &pStmt);
  }
  while( rc==MARSAD_OK && (s = sqlite3_step(pStmt))==SQLITE_ROW ){
    rc = rerun_article(pDb, aMod, nMod, pStmt, pWords);
    pStats->nRead++;
    if( rc==MARSAD_OK && xProgress && pStats->nRead%nEvery==0 ) xProgress(pCtx, pStats);
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "reanalyze");
  sqlite3_finalize(pStmt);
  marsad_wordcache_free(pWords);
  for(int k=0; rc==MARSAD_OK && k<nMod; k++){
    const marsad_module *m = marsad_modules[aMod[k]];
    if( m->xFlush ) rc = m->xFlush(pDb, pDb->apState[aMod[k]]);
  }
  return rc;
}

int marsad_reanalyze(marsad_db *pDb, marsad_progress_fn xProgress, void *pCtx){
  marsad_ingest_stats stats;
  int aMod[NRERUN];
  int nMod = rerun_modules(aMod);
  memset(&stats, 0, sizeof stats);
  if( pDb==0 ) return MARSAD_MISUSE;
  if( pDb->flags & MARSAD_OPEN_READONLY ){
    return marsad_db_error(pDb, MARSAD_MISUSE, "reanalyze needs a writable database");
  }
  int rc = marsad_db_exec(pDb, "PRAGMA foreign_keys=OFF");  /* only outside a transaction */
  if( rc==MARSAD_OK ) rc = marsad_db_begin(pDb);
  if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, zForget);
  if( rc==MARSAD_OK ) rc = fresh_states(pDb, aMod, nMod);
  if( rc==MARSAD_OK ) rc = rerun_all(pDb, aMod, nMod, &stats, xProgress, pCtx);
  if( rc==MARSAD_OK ) rc = marsad_db_commit(pDb);
  if( rc ){
    marsad_db_rollback(pDb);
    fresh_states(pDb, aMod, nMod);   /* forget what the rolled-back run cached */
  }
  int rc2 = marsad_db_exec(pDb, "PRAGMA foreign_keys=ON");
  if( rc ) return rc;
  if( rc2 ) return rc2;
  if( xProgress ) xProgress(pCtx, &stats);
  return marsad_recluster(pDb, 0, 0, 0);
}
