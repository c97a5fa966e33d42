/*
** stories.c: the public interface of the stories (marsad.h): the story
** list and one story with its articles and evidence as JSON, reclustering
** all stored articles, and article similarity without a database.
*/
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "db.h"
#include "jsonq.h"
#include "cluster.h"
#include "storyterms.h"
#include "wordcache.h"
#include "entity.h"
#include "ner.h"

#define LIST_DEFAULT 50       /* stories per page by default */
#define LIST_MAX 10000        /* and at most */
#define RECLUSTER_BATCH 1000  /* articles per transaction in a recluster */
#define STORY_LIST_ENTITIES 5 /* entities named with each story of a list */
#define STORY_ENTITIES 8      /* and with one story */

/* Replaces the string member zKey of pObj (JSON text) by its parsed value.
** MARSAD_OK, or MARSAD_NOMEM when it cannot. */
static int expand_member(json_t *pObj, const char *zKey){
  const char *z = json_string_value(json_object_get(pObj, zKey));
  if( z==0 ) return MARSAD_OK;
  json_t *pVal = json_loads(z, JSON_DECODE_ANY, 0);
  if( pVal==0 || json_object_set_new(pObj, zKey, pVal) ) return MARSAD_NOMEM;
  return MARSAD_OK;
}

/* Expands the JSON members of each story object of pArr. */
static int expand_stories(json_t *pArr){
  size_t i;
  json_t *pObj;
  int rc = MARSAD_OK;
  json_array_foreach(pArr, i, pObj){
    if( rc==MARSAD_OK ) rc = expand_member(pObj, "outlets");
    if( rc==MARSAD_OK ) rc = expand_member(pObj, "top_terms");
    if( rc==MARSAD_OK ) rc = expand_member(pObj, "lead");
  }
  return rc;
}

#define STORY_COLUMNS \
  "'s'||id AS id, title, first, last, n_articles, n_copies, n_outlets, outlets, top_terms"

/* Sets pStory's "entities" to the nMax entities named in most of the
** articles of that story (its "id"), in marsad_entities_json's shape. */
static int story_entities(marsad_db *pDb, json_t *pStory, long nMax){
  marsad_query q;
  char *zJson = 0;
  memset(&q, 0, sizeof q);
  q.zStory = json_string_value(json_object_get(pStory, "id"));
  q.nLimit = nMax;
  int rc = q.zStory ? marsad_entities_json(pDb, &q, &zJson) : MARSAD_MISUSE;
  json_t *pArr = rc==MARSAD_OK ? json_loads(zJson, 0, 0) : 0;
  if( rc==MARSAD_OK && (pArr==0 || json_object_set_new(pStory, "entities", pArr)) ) rc = MARSAD_NOMEM;
  marsad_free(zJson);
  return rc;
}

/* The stories as a front page: each story is represented by its lead event
** among those within the dates asked (its largest, or with ?6 its latest;
** dated events first), and the stories come in the order of their lead
** events. An undated event shows its story's dates. */
int marsad_stories_json(marsad_db *pDb, const marsad_query *pQ, char **pzJson){
  static const char zSql[] =
    "WITH e AS (SELECT x.*, coalesce(x.first, s.first) AS f, coalesce(x.last, s.last) AS l,"
    "   row_number() OVER (PARTITION BY x.story ORDER BY x.last IS NULL,"
    "   CASE WHEN ?6 THEN x.last END DESC, x.n_articles DESC, x.n_outlets DESC, x.last DESC,"
    "   x.id) AS k"
    "   FROM event x JOIN story s ON s.id=x.story"
    "   WHERE (?2 IS NULL OR coalesce(x.last, s.last)>=?2)"
    "   AND (?3 IS NULL OR coalesce(x.first, s.first)<=?3)) "
    "SELECT 's'||s.id AS id, s.title, s.first, s.last, s.n_articles, s.n_copies,"
    " s.n_outlets, s.outlets, s.top_terms,"
    " (SELECT count(*) FROM event WHERE story=s.id) AS n_events,"
    " json_object('title', e.title, 'first', e.f, 'last', e.l,"
    "  'n_articles', e.n_articles, 'n_copies', e.n_copies, 'n_outlets', e.n_outlets,"
    "  'outlets', json(e.outlets)) AS lead "
    "FROM e JOIN story s ON s.id=e.story WHERE e.k=1 AND s.n_articles>=?1 "
    "ORDER BY CASE WHEN ?6 THEN e.l END DESC, e.n_articles DESC, e.n_outlets DESC,"
    " s.n_articles DESC, e.l DESC, s.id "
    "LIMIT ?4 OFFSET ?5";
  sqlite3_stmt *pStmt = 0;
  json_t *pArr = 0;
  long nLimit = pQ && pQ->nLimit>0 ? pQ->nLimit : LIST_DEFAULT;
  *pzJson = 0;
  int rc = marsad_db_prepare(pDb, zSql, &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, pQ ? pQ->nMinArticles : 0);
    marsad_bind_str(pStmt, 2, pQ ? pQ->zSince : 0);
    marsad_bind_str(pStmt, 3, pQ ? pQ->zUntil : 0);
    sqlite3_bind_int64(pStmt, 4, nLimit>LIST_MAX ? LIST_MAX : nLimit);
    sqlite3_bind_int64(pStmt, 5, pQ && pQ->nOffset>0 ? pQ->nOffset : 0);
    sqlite3_bind_int(pStmt, 6, pQ && (pQ->flags & MARSAD_QUERY_LATEST)!=0);
    rc = marsad_jsonq_rows(pDb, pStmt, &pArr);
  }
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK ) rc = expand_stories(pArr);
  size_t i;
  json_t *pStory;
  json_array_foreach(pArr, i, pStory){
    if( rc==MARSAD_OK ) rc = story_entities(pDb, pStory, STORY_LIST_ENTITIES);
  }
  if( rc==MARSAD_OK ) return marsad_jsonq_finish(pArr, pzJson);
  json_decref(pArr);
  return rc;
}

/* Parses a story id ("s12" or "12") into *piId; MARSAD_NOTFOUND (recorded)
** when it is not one. */
static int parse_story_id(marsad_db *pDb, const char *zId, long long *piId){
  const char *z = zId ? zId : "";
  if( z[0]=='s' || z[0]=='S' ) z++;
  char *zEnd = 0;
  long long i = strtoll(z, &zEnd, 10);
  if( z[0]<'0' || z[0]>'9' || *zEnd || i<=0 ){
    return marsad_db_error(pDb, MARSAD_NOTFOUND, "no story %s", zId ? zId : "");
  }
  *piId = i;
  return MARSAD_OK;
}

/* Reads the summary of story iId into *ppObj. */
static int story_summary(marsad_db *pDb, long long iId, json_t **ppObj){
  sqlite3_stmt *pStmt = 0;
  *ppObj = 0;
  int rc = marsad_db_prepare(pDb, "SELECT " STORY_COLUMNS " FROM story WHERE id=?1", &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, iId);
    int s = sqlite3_step(pStmt);
    if( s==SQLITE_ROW ){
      *ppObj = marsad_jsonq_row(pStmt);
      if( *ppObj==0 ) rc = MARSAD_NOMEM;
    }else if( s==SQLITE_DONE ){
      rc = marsad_db_error(pDb, MARSAD_NOTFOUND, "no story s%lld", iId);
    }else{
      rc = marsad_db_sqlite_error(pDb, "story");
    }
  }
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK ) rc = expand_member(*ppObj, "outlets");
  if( rc==MARSAD_OK ) rc = expand_member(*ppObj, "top_terms");
  return rc;
}

/* Moves one article row object into place: copies go into the "copies"
** array of their original (found through pByRowid), others into pArr.
** bWhy keeps the evidence. Takes ownership of pRow. */
static int place_article(json_t *pArr, json_t *pByRowid, json_t *pRow, int bWhy){
  int rc = MARSAD_OK;
  json_t *pRowid = json_object_get(pRow, "rowid");
  json_t *pCopyOf = json_object_get(pRow, "copy_of");
  char zKey[32];
  snprintf(zKey, sizeof zKey, "%lld", (long long)json_integer_value(pRowid));
  if( bWhy ) rc = expand_member(pRow, "why");
  else json_object_del(pRow, "why");
  json_t *pOrig = 0;
  if( json_is_integer(pCopyOf) ){
    char zOrig[32];
    snprintf(zOrig, sizeof zOrig, "%lld", (long long)json_integer_value(pCopyOf));
    pOrig = json_object_get(pByRowid, zOrig);
  }
  json_object_del(pRow, "copy_of");
  if( pOrig==0 ) json_object_del(pRow, "resemblance");
  if( rc==MARSAD_OK && json_object_set(pByRowid, zKey, pRow) ) rc = MARSAD_NOMEM;
  json_object_del(pRow, "rowid");
  if( rc==MARSAD_OK && pOrig ){
    json_object_del(pRow, "score");
    json_t *pCopies = json_object_get(pOrig, "copies");
    if( json_array_append(pCopies, pRow) ) rc = MARSAD_NOMEM;
  }else if( rc==MARSAD_OK ){
    json_t *pCopies = json_array();
    if( pCopies==0 || json_object_set_new(pRow, "copies", pCopies)
        || json_array_append(pArr, pRow) ) rc = MARSAD_NOMEM;
  }
  json_decref(pRow);
  return rc;
}

/* Reads the articles of story iId, by date, copies folded, into *ppArr. */
static int story_articles(marsad_db *pDb, long long iId, int bWhy, json_t **ppArr){
  static const char zSql[] =
    "SELECT a.id AS rowid, a.uid AS id, a.published, a.outlet, a.title, x.score,"
    "  x.copy_of, x.resemblance, x.evidence AS why, x.event,"
    "  (SELECT uid FROM article b WHERE b.id=x.best) AS best "
    "FROM article_story x JOIN article a ON a.id=x.article WHERE x.story=?1 "
    "ORDER BY coalesce(a.published, substr(a.ingested,1,10)), a.id";
  sqlite3_stmt *pStmt = 0;
  json_t *pByRowid = json_object();
  json_t *pArr = json_array();
  int rc = (pByRowid && pArr) ? marsad_db_prepare(pDb, zSql, &pStmt) : MARSAD_NOMEM;
  int s = SQLITE_DONE;
  if( rc==MARSAD_OK ) sqlite3_bind_int64(pStmt, 1, iId);
  while( rc==MARSAD_OK && (s = sqlite3_step(pStmt))==SQLITE_ROW ){
    json_t *pRow = marsad_jsonq_row(pStmt);
    if( pRow==0 ){ rc = MARSAD_NOMEM; break; }
    rc = place_article(pArr, pByRowid, pRow, bWhy);
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "story articles");
  sqlite3_finalize(pStmt);
  json_decref(pByRowid);
  if( rc ){ json_decref(pArr); pArr = 0; }
  *ppArr = pArr;
  return rc;
}

/* Reads the events of story iId, by date, into *ppArr. */
static int story_events(marsad_db *pDb, long long iId, json_t **ppArr){
  sqlite3_stmt *pStmt = 0;
  *ppArr = 0;
  int rc = marsad_db_prepare(pDb,
      "SELECT id, title, first, last, n_articles, n_copies, n_outlets FROM event"
      " WHERE story=?1 ORDER BY first, id", &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, iId);
    rc = marsad_jsonq_rows(pDb, pStmt, ppArr);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

int marsad_story_json(marsad_db *pDb, const char *zId, unsigned flags, char **pzJson){
  long long iId = 0;
  json_t *pObj = 0, *pArr = 0, *pEvents = 0;
  *pzJson = 0;
  int rc = parse_story_id(pDb, zId, &iId);
  if( rc==MARSAD_OK ) rc = story_summary(pDb, iId, &pObj);
  if( rc==MARSAD_OK ) rc = story_events(pDb, iId, &pEvents);
  if( rc==MARSAD_OK && json_object_set_new(pObj, "events", pEvents) ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ) rc = story_articles(pDb, iId, (flags & MARSAD_QUERY_WHY)!=0, &pArr);
  if( rc==MARSAD_OK && json_object_set_new(pObj, "articles", pArr) ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ) rc = story_entities(pDb, pObj, STORY_ENTITIES);
  if( rc==MARSAD_OK ) return marsad_jsonq_finish(pObj, pzJson);
  json_decref(pObj);
  return rc;
}

/* ---- reclustering ---- */

/* Clusters the stored articles after rowid *piLast, at most nMax of them,
** moving *piLast on; *pnDone counts them. Their words' keys and stems come
** from pWords, lent to one article after the other (as at ingestion). */
static int recluster_batch(marsad_db *pDb, marsad_cluster *p, marsad_wordcache *pWords,
                           long long *piLast, int nMax, long *pnDone){
  sqlite3_stmt *pStmt = 0;
  int s = SQLITE_DONE;
  int rc = marsad_db_prepare(pDb,
      "SELECT " MARSAD_DB_ARTICLE_COLUMNS " FROM article WHERE id>?1 ORDER BY id LIMIT ?2",
      &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, *piLast);
    sqlite3_bind_int(pStmt, 2, nMax);
  }
  while( rc==MARSAD_OK && (s = sqlite3_step(pStmt))==SQLITE_ROW ){
    marsad_analysis a;
    memset(&a, 0, sizeof a);
    marsad_db_article(pStmt, &a.art);
    rc = marsad_analysis_keep_tokens_with(&a, pWords);
    if( rc==MARSAD_OK ) rc = marsad_cluster_read_mentions(p, &a);
    if( rc==MARSAD_OK ) rc = marsad_cluster_add(p, &a, 0);
    marsad_analysis_clear(&a);
    *piLast = a.art.iRowid;
    (*pnDone)++;
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "recluster");
  sqlite3_finalize(pStmt);
  return rc;
}

int marsad_recluster(marsad_db *pDb, int nWindow, marsad_progress_fn xProgress,
                     void *pCtx){
  marsad_cluster *p = marsad_module_state(pDb, "stories");
  marsad_wordcache *pWords = 0;
  marsad_ingest_stats stats;
  long long iLast = 0;
  memset(&stats, 0, sizeof stats);
  if( p==0 || (pDb->flags & MARSAD_OPEN_READONLY) ){
    return marsad_db_error(pDb, MARSAD_MISUSE, "recluster needs a writable database");
  }
  if( nWindow<0 ) return marsad_db_error(pDb, MARSAD_MISUSE, "window must be positive");
  int rc = marsad_wordcache_new(&pWords);
  if( rc==MARSAD_OK ) rc = marsad_db_begin(pDb);
  if( rc==MARSAD_OK ) rc = marsad_cluster_reset(p, nWindow);
  while( rc==MARSAD_OK ){
    long nBefore = stats.nRead;
    rc = recluster_batch(pDb, p, pWords, &iLast, RECLUSTER_BATCH, &stats.nRead);
    if( rc==MARSAD_OK ) rc = marsad_cluster_flush(p);
    if( rc==MARSAD_OK ) rc = marsad_db_commit(pDb);
    if( rc==MARSAD_OK && xProgress ) xProgress(pCtx, &stats);
    if( rc || stats.nRead-nBefore<RECLUSTER_BATCH ) break;
    rc = marsad_db_begin(pDb);
  }
  if( rc ){
    marsad_db_rollback(pDb);
    marsad_cluster_forget(p);
  }
  marsad_wordcache_free(pWords);
  return rc;
}

/* ---- similarity without a database ---- */

struct marsad_simmodel {
  marsad_vocab *pVocab;       /* the words seen and their document frequencies */
  marsad_ner *pNer;           /* names in the articles */
  marsad_resolver *pResolver; /* their entities, in memory */
};

int marsad_simmodel_new(marsad_simmodel **ppOut){
  marsad_simmodel *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  int rc = marsad_vocab_new(&p->pVocab);
  if( rc==MARSAD_OK ) rc = marsad_ner_new(&p->pNer);
  if( rc==MARSAD_OK ) rc = marsad_resolver_new(0, &p->pResolver);
  if( rc ){ marsad_simmodel_free(p); return rc; }
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_simmodel_free(marsad_simmodel *p){
  if( p==0 ) return;
  marsad_vocab_free(p->pVocab);
  marsad_ner_free(p->pNer);
  marsad_resolver_free(p->pResolver);
  marsad_free(p);
}

/* The terms of one article as the clusterer builds them during ingestion:
** words, and the entities the entities module would find in it. */
static int simmodel_terms(marsad_simmodel *p, const char *pTitle, size_t nTitle,
                          const char *pBody, size_t nBody, marsad_docterms *d){
  marsad_analysis an;
  memset(&an, 0, sizeof an);
  an.art.zTitle = pTitle;
  an.art.nTitle = nTitle;
  an.art.zBody = pBody;
  an.art.nBody = nBody;
  int rc = marsad_analysis_keep_tokens(&an);     /* for the terms and the names */
  if( rc==MARSAD_OK ) rc = marsad_docterms_build(p->pVocab, &an, d);
  if( rc==MARSAD_OK ) rc = marsad_ner_run(p->pNer, &an);
  if( rc==MARSAD_OK ) rc = marsad_resolver_resolve(p->pResolver, &an);
  if( rc==MARSAD_OK && an.nMention>0 ){
    long long *aEnt = marsad_malloc(sizeof(long long)*(size_t)an.nMention);
    int *abTitle = marsad_malloc(sizeof(int)*(size_t)an.nMention);
    if( aEnt && abTitle ){
      for(int i=0; i<an.nMention; i++){
        aEnt[i] = an.aMention[i].iEntity;
        abTitle[i] = (an.aMention[i].eField==MARSAD_FIELD_TITLE);
      }
      rc = marsad_docterms_add_entities(p->pVocab, d, aEnt, abTitle, an.nMention);
    }else{
      rc = MARSAD_NOMEM;
    }
    marsad_free(aEnt);
    marsad_free(abTitle);
  }
  marsad_analysis_clear(&an);
  if( rc ) marsad_docterms_clear(d);
  return rc;
}

int marsad_simmodel_add(marsad_simmodel *p, const char *pTitle, size_t nTitle,
                        const char *pBody, size_t nBody){
  marsad_docterms d;
  int rc = simmodel_terms(p, pTitle, nTitle, pBody, nBody, &d);
  if( rc==MARSAD_OK ) marsad_vocab_count(p->pVocab, &d);
  marsad_docterms_clear(&d);
  return rc;
}

int marsad_similarity(marsad_simmodel *pModel,
                      const char *pTitle1, size_t nTitle1, const char *pBody1, size_t nBody1,
                      const char *pTitle2, size_t nTitle2, const char *pBody2, size_t nBody2,
                      double *pr){
  marsad_simmodel *pOwn = 0;
  marsad_docterms a, b;
  marsad_simparts sim;
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  *pr = 0.0;
  int rc = pModel ? MARSAD_OK : marsad_simmodel_new(&pOwn);
  marsad_simmodel *p = pModel ? pModel : pOwn;
  if( rc==MARSAD_OK ) rc = simmodel_terms(p, pTitle1, nTitle1, pBody1, nBody1, &a);
  if( rc==MARSAD_OK ) rc = simmodel_terms(p, pTitle2, nTitle2, pBody2, nBody2, &b);
  if( rc==MARSAD_OK ){
    marsad_docterms_similarity(p->pVocab, &a, -1.0, -1.0, &b, &sim);
    *pr = sim.rScore;
  }
  marsad_docterms_clear(&a);
  marsad_docterms_clear(&b);
  marsad_simmodel_free(pOwn);
  return rc;
}

double marsad_story_threshold(const marsad_simmodel *p){
  return marsad_cluster_threshold(p ? marsad_vocab_ndoc(p->pVocab) : 0);
}

double marsad_event_threshold(const marsad_simmodel *p){
  return marsad_cluster_event_threshold(p ? marsad_vocab_ndoc(p->pVocab) : 0);
}
