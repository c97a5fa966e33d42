/*
** entity_module.c: the entity module of every database handle (module.h).
** For each new article it runs the recogniser (ner.h), resolves the
** mentions into entities (entity.h) and stores entity, entity_variant and
** mention rows (data/schema/004_entities.sql). The resolver is loaded from
** the database on the first article of a handle, so that queries on a
** handle never pay for it.
**
** The rows of a batch are queued (rowq.h) and inserted together before it
** commits (xFlush) or before a merge changes stored rows (a new name of an
** entity still queued is written into its queued row), several rows
** per INSERT statement: each execution of a statement has a fixed cost
** (cursors opened, and for entity the CHECK on its kind, whose IN list
** SQLite builds into a temporary index every time). Each article's
** mentions also give one entity_article row per entity they name, with
** their number (data/schema/042_entity_article.sql). New entities take
** their ids from the module (the largest id + 1, as SQLite would give them)
** so that the resolver has them before the rows exist. A batch that rolls
** back (xRollback) takes the queues and the resolver with it. After its
** rows are stored, each entity the batch named by another spelling than
** its display name is shown by its most frequent one
** (marsad_entity_frequent_name): the resolver names an entity by the first
** spelling it sees, which is often a rare one.
*/
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "db.h"
#include "entity.h"
#include "facts.h"
#include "imap.h"
#include "module.h"
#include "ner.h"
#include "rowq.h"

#define MERGE_NSTMT 10 /* azMerge's statements and its closing NULL */

/* The module's state on one handle. */
typedef struct entity_state {
  marsad_db *pDb;               /* the handle */
  marsad_ner *pNer;             /* the recogniser */
  marsad_resolver *pRes;        /* NULL until the first article */
  long long iArticle;           /* the article being stored */
  long long iNextId;            /* the id of the next new entity */
  marsad_rowq qEntity;          /* new entity rows (rowq.h) */
  marsad_rowq qVariant;         /* new entity_variant rows */
  marsad_rowq qMention;         /* mention rows */
  marsad_rowq qPair;            /* entity_article rows: (entity, article, mentions) */
  marsad_imap spell;            /* entity id -> marsad_spellings of its stored mentions */
  sqlite3_stmt *pRename;        /* UPDATE entity SET name */
  sqlite3_stmt *apMerge[MERGE_NSTMT]; /* the statements of a merge (azMerge), on need */
} entity_state;

/* What a merge of entity ?2 into entity ?1 changes (?3 the reason): its
** variants, mentions (found through its articles), articles (the counts
** of an article both name added up), the statements it spoke and the
** figures it reported (the facts module's, stored for earlier articles)
** name ?1, and ?2 is gone, its id leading to ?1 (entity_merged; as do the
** ids merged into ?2 before). */
static const char *const azMerge[MERGE_NSTMT] = {
  "UPDATE entity_variant SET entity=?1, reason=?3||'; before: '||reason WHERE entity=?2",
  "UPDATE mention SET entity=?1 WHERE entity=?2 AND article IN "
  "  (SELECT article FROM entity_article WHERE entity=?2)",
  "INSERT INTO entity_article(entity, article, n) "
  "  SELECT ?1, article, n FROM entity_article WHERE entity=?2 "
  "  ON CONFLICT(entity, article) DO UPDATE SET n=n+excluded.n",
  "DELETE FROM entity_article WHERE entity=?2",
  "UPDATE statement SET speaker=?1 WHERE speaker=?2",
  "UPDATE figure SET reported_by=?1 WHERE reported_by=?2",
  "UPDATE entity_merged SET into_id=?1 WHERE into_id=?2",
  "INSERT OR REPLACE INTO entity_merged(id, into_id, reason) VALUES(?2, ?1, ?3)",
  "DELETE FROM entity WHERE id=?2",
  0
};

/* Frees a kept list of spellings (NULL: nothing). */
static void spellings_free(marsad_spellings *p){
  if( p ){ marsad_spellings_clear(p); marsad_free(p); }
}

/* Forgets the spellings kept for entity iId (its mentions change). */
static void spell_forget(entity_state *s, long long iId){
  spellings_free(marsad_imap_del(&s->spell, (uint64_t)iId));
}

/* Forgets every entity's kept spellings. */
static void spell_forget_all(entity_state *s){
  for(size_t i=0; i<s->spell.nSlot; i++) spellings_free(s->spell.a[i].pVal);
  marsad_imap_free(&s->spell);
}

/* Entity iFrom's mentions become entity iInto's (a merge): the spellings
** kept for iFrom are added to those kept for iInto, which so stay those of
** its stored mentions without reading them again (a country's, tens of
** thousands of mentions, at every merge into it); when either is not kept,
** iInto's are forgotten. MARSAD_OK or NOMEM (iInto's forgotten). */
static int spell_merge(entity_state *s, long long iFrom, long long iInto){
  marsad_spellings *pFrom = marsad_imap_del(&s->spell, (uint64_t)iFrom);
  marsad_spellings *pInto = marsad_imap_get(&s->spell, (uint64_t)iInto);
  int rc = MARSAD_OK;
  for(int k=0; pFrom && pInto && rc==MARSAD_OK && k<pFrom->n; k++){
    rc = marsad_spellings_add(pInto, pFrom->a[k].z, pFrom->a[k].n, pFrom->a[k].nMention);
  }
  if( pFrom==0 || rc ) spell_forget(s, iInto);
  spellings_free(pFrom);
  return rc;
}

/* Counts the queued mentions (about to be stored) in the spellings kept
** for their entities, which so stay those of the stored mentions. */
static int spell_count_queued(entity_state *s){
  const marsad_rowq *q = &s->qMention;
  int rc = MARSAD_OK;
  for(int r=0; rc==MARSAD_OK && s->spell.nUsed && r<q->nRow; r++){
    const marsad_rowq_cell *c = &q->aCell[r*q->nCol];
    marsad_spellings *p = marsad_imap_get(&s->spell, (uint64_t)c[1].i);
    if( p ) rc = marsad_spellings_add(p, q->text.a+c[5].iOff, c[5].n, 1);
  }
  return rc;
}

/* Into *ppSp the spellings of entity iId's stored mentions: kept from an
** earlier batch, else read from the database and kept. */
static int spell_get(entity_state *s, long long iId, const marsad_spellings **ppSp){
  marsad_spellings *p = marsad_imap_get(&s->spell, (uint64_t)iId);
  int rc = MARSAD_OK;
  if( p==0 ){
    p = marsad_malloc(sizeof *p);
    if( p==0 ) return MARSAD_NOMEM;
    memset(p, 0, sizeof *p);
    rc = marsad_entity_spellings(s->pDb, iId, p);
    if( rc==MARSAD_OK ) rc = marsad_imap_put(&s->spell, (uint64_t)iId, p);
    if( rc ){ spellings_free(p); return rc; }
  }
  *ppSp = p;
  return MARSAD_OK;
}

/* Stores a new entity (a marsad_resolver_store callback): queued, with the
** next id. */
static int entity_store_entity(void *pCtx, int eKind, const char *zName,
                               const char *zNameEn, const char *zGaz, long long *piId){
  entity_state *s = pCtx;
  marsad_rowq *q = &s->qEntity;
  *piId = s->iNextId++;
  marsad_rowq_row(q);
  marsad_rowq_int(q, 0, *piId);
  marsad_rowq_str(q, 1, marsad_entity_kind_name(eKind));
  marsad_rowq_str(q, 2, zName);
  marsad_rowq_str(q, 3, zNameEn);
  marsad_rowq_str(q, 4, zGaz);
  return q->rc;
}

/* Stores a new variant (a marsad_resolver_store callback): queued. */
static int entity_store_variant(void *pCtx, long long iId, const char *zText,
                                const char *zKey, const char *zReason){
  entity_state *s = pCtx;
  marsad_rowq *q = &s->qVariant;
  marsad_rowq_row(q);
  marsad_rowq_int(q, 0, iId);
  marsad_rowq_str(q, 1, zText);
  marsad_rowq_str(q, 2, zKey);
  marsad_rowq_str(q, 3, zReason);
  marsad_rowq_int(q, 4, s->iArticle);
  return q->rc;
}

/* Stores a new display name (a marsad_resolver_store callback): the name
** of the queued row of a new entity of the batch (the queued entities have
** the ids from that of the first on, one after the other), else an UPDATE
** of the stored row. */
static int entity_store_rename(void *pCtx, long long iId, const char *zName){
  entity_state *s = pCtx;
  marsad_rowq *q = &s->qEntity;
  if( q->rc ) return q->rc;
  long long iFirst = q->nRow ? q->aCell[0].i : 0;
  if( q->nRow && iId>=iFirst && iId<iFirst+q->nRow ){
    marsad_rowq_set_str(q, (int)(iId-iFirst), 2, zName);
    return q->rc;
  }
  marsad_bind_str(s->pRename, 1, zName);
  sqlite3_bind_int64(s->pRename, 2, iId);
  int rc = sqlite3_step(s->pRename);
  sqlite3_reset(s->pRename);
  return rc==SQLITE_DONE ? MARSAD_OK : marsad_db_sqlite_error(s->pDb, "renaming an entity");
}

/* Inserts the rows queued so far: the new entities, then their variants,
** then the mentions and the entities' articles, which refer to them. */
static int entity_flush(entity_state *s){
  int rc = marsad_rowq_flush(s->pDb, &s->qEntity);
  if( rc==MARSAD_OK ) rc = marsad_rowq_flush(s->pDb, &s->qVariant);
  if( rc==MARSAD_OK ) rc = spell_count_queued(s);
  if( rc==MARSAD_OK ) rc = marsad_rowq_flush(s->pDb, &s->qMention);
  if( rc==MARSAD_OK ) rc = marsad_rowq_flush(s->pDb, &s->qPair);
  return rc;
}

/* Merges entity iFrom into iInto (a marsad_resolver_store callback), after
** the rows queued so far, the facts module's too (its statements and
** figures name speakers and reporters). */
static int entity_store_merge(void *pCtx, long long iFrom, long long iInto, const char *zWhy){
  entity_state *s = pCtx;
  int rc = entity_flush(s);
  if( rc==MARSAD_OK ) rc = marsad_facts_flush_rows(s->pDb);
  if( rc==MARSAD_OK ) rc = spell_merge(s, iFrom, iInto);
  for(int k=0; rc==MARSAD_OK && azMerge[k]; k++){
    if( s->apMerge[k]==0 ) rc = marsad_db_prepare(s->pDb, azMerge[k], &s->apMerge[k]);
    if( rc ) break;
    sqlite3_stmt *q = s->apMerge[k];
    sqlite3_bind_int64(q, 1, iInto);
    sqlite3_bind_int64(q, 2, iFrom);
    if( sqlite3_bind_parameter_count(q)>=3 ) marsad_bind_str(q, 3, zWhy);
    int rcStep = sqlite3_step(q);
    sqlite3_reset(q);
    if( rcStep!=SQLITE_DONE ) rc = marsad_db_sqlite_error(s->pDb, "merging two entities");
  }
  return rc;
}

/* Creates the resolver and teaches it the stored entities and variants. */
static int entity_load(entity_state *s){
  marsad_resolver_store st = { entity_store_entity, entity_store_variant,
                               entity_store_rename, entity_store_merge, s };
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_resolver_new(&st, &s->pRes);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(s->pDb,
      "SELECT id, kind, name, gaz FROM entity ORDER BY id", &pStmt);
  while( rc==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    rc = marsad_resolver_load_entity(s->pRes, sqlite3_column_int64(pStmt, 0),
        marsad_entity_kind_parse((const char*)sqlite3_column_text(pStmt, 1)),
        (const char*)sqlite3_column_text(pStmt, 2),
        (const char*)sqlite3_column_text(pStmt, 3));
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(s->pDb,
      "SELECT entity, key FROM entity_variant ORDER BY rowid", &pStmt);
  while( rc==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    rc = marsad_resolver_load_variant(s->pRes, sqlite3_column_int64(pStmt, 0),
        (const char*)sqlite3_column_text(pStmt, 1));
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(s->pDb, "SELECT max(id) FROM entity", &pStmt);
  if( rc==MARSAD_OK ){
    s->iNextId = sqlite3_step(pStmt)==SQLITE_ROW ? sqlite3_column_int64(pStmt, 0)+1 : 1;
  }
  sqlite3_finalize(pStmt);
  if( rc ){ marsad_resolver_free(s->pRes); s->pRes = 0; }
  return rc;
}

/* xClose. */
static void entity_close(void *pState){
  entity_state *s = pState;
  if( s==0 ) return;
  marsad_ner_free(s->pNer);
  marsad_resolver_free(s->pRes);
  spell_forget_all(s);
  marsad_rowq_free(&s->qEntity);
  marsad_rowq_free(&s->qVariant);
  marsad_rowq_free(&s->qMention);
  marsad_rowq_free(&s->qPair);
  sqlite3_finalize(s->pRename);
  for(int k=0; azMerge[k]; k++) sqlite3_finalize(s->apMerge[k]);
  marsad_free(s);
}

/* xOpen: the recogniser and, on writable handles, the statements. */
static int entity_open(marsad_db *pDb, void **ppState){
  entity_state *s = marsad_malloc(sizeof *s);
  int rc = MARSAD_OK;
  *ppState = 0;
  if( s==0 ) return MARSAD_NOMEM;
  memset(s, 0, sizeof *s);
  s->pDb = pDb;
  /* OR FAIL: a failing row stops its INSERT without undoing the earlier
  ** rows, so SQLite keeps no statement journal (a copy of every page an
  ** INSERT of several rows touches first); the batch rolls back on any error */
  s->qEntity.zInsert = "INSERT OR FAIL INTO entity(id, kind, name, name_en, gaz) VALUES";
  s->qEntity.nCol = 5;
  s->qEntity.zWhat = "storing an entity";
  s->qVariant.zInsert = "INSERT OR FAIL INTO entity_variant(entity, text, key, reason, article) VALUES";
  s->qVariant.nCol = 5;
  s->qVariant.zWhat = "storing an entity variant";
  s->qMention.zInsert = "INSERT OR FAIL INTO mention(article, entity, field, start, end, text) VALUES";
  s->qMention.nCol = 6;
  s->qMention.zWhat = "storing a mention";
  s->qPair.zInsert = "INSERT OR FAIL INTO entity_article(entity, article, n) VALUES";
  s->qPair.nCol = 3;
  s->qPair.zWhat = "storing an entity's article";
  rc = marsad_ner_new(&s->pNer);
  if( rc==MARSAD_OK && !(pDb->flags & MARSAD_OPEN_READONLY) ){
    rc = marsad_db_prepare(pDb, "UPDATE entity SET name=? WHERE id=?", &s->pRename);
  }
  if( rc ){ entity_close(s); return rc; }
  *ppState = s;
  return MARSAD_OK;
}

/* Counts a mention of entity iEntity in article iArticle into the
** entity_article rows queued for that article, which start at row iFirst
** of s->qPair. MARSAD_OK or NOMEM. */
static int entity_queue_pair(entity_state *s, int iFirst, long long iEntity, long long iArticle){
  marsad_rowq *q = &s->qPair;
  for(int r=iFirst; r<q->nRow; r++){
    marsad_rowq_cell *c = &q->aCell[r*q->nCol];
    if( c[0].i==iEntity ){ c[2].i++; return MARSAD_OK; }
  }
  marsad_rowq_row(q);
  marsad_rowq_int(q, 0, iEntity);
  marsad_rowq_int(q, 1, iArticle);
  marsad_rowq_int(q, 2, 1);
  return q->rc;
}

/* Queues the mentions of pA and the entity_article rows they make.
** MARSAD_OK or NOMEM. */
static int entity_queue_mentions(entity_state *s, const marsad_analysis *pA){
  marsad_rowq *q = &s->qMention;
  int iFirst = s->qPair.nRow;
  for(int i=0; q->rc==MARSAD_OK && i<pA->nMention; i++){
    const marsad_mention *m = &pA->aMention[i];
    const char *z = m->eField==MARSAD_FIELD_TITLE ? pA->art.zTitle : pA->art.zBody;
    if( m->iEntity==0 || z==0 ) continue;
    marsad_rowq_row(q);
    marsad_rowq_int(q, 0, pA->art.iRowid);
    marsad_rowq_int(q, 1, m->iEntity);
    marsad_rowq_int(q, 2, m->eField);
    marsad_rowq_int(q, 3, (long long)m->iStart);
    marsad_rowq_int(q, 4, (long long)m->iEnd);
    marsad_rowq_text(q, 5, z+m->iStart, m->iEnd-m->iStart);
    if( q->rc==MARSAD_OK ) q->rc = entity_queue_pair(s, iFirst, m->iEntity, pA->art.iRowid);
  }
  return q->rc;
}

/* xRollback: forgets the queued rows and the resolver, which knows the
** entities of the rolled-back batch (it is loaded again on need). */
static void entity_rollback(marsad_db *pDb, void *pState){
  entity_state *s = pState;
  (void)pDb;
  marsad_resolver_free(s->pRes);
  s->pRes = 0;
  spell_forget_all(s);
  marsad_rowq_clear(&s->qEntity);
  marsad_rowq_clear(&s->qVariant);
  marsad_rowq_clear(&s->qMention);
  marsad_rowq_clear(&s->qPair);
}

/* xArticle: recognise, resolve, queue the rows (stored by entity_flush). */
static int entity_article(marsad_db *pDb, void *pState, marsad_analysis *pA){
  entity_state *s = pState;
  int rc = MARSAD_OK;
  if( s->pRename==0 ) return marsad_db_error(pDb, MARSAD_MISUSE, "the database is read-only");
  if( s->pRes==0 ) rc = entity_load(s);
  s->iArticle = pA->art.iRowid;
  if( rc==MARSAD_OK ) rc = marsad_ner_run(s->pNer, pA);
  if( rc==MARSAD_OK ) rc = marsad_resolver_resolve(s->pRes, pA);
  if( rc==MARSAD_OK ) rc = entity_queue_mentions(s, pA);
  if( rc==MARSAD_NOMEM ) marsad_db_error(pDb, rc, "out of memory recognising entities");
  if( rc ) entity_rollback(pDb, s);   /* the batch will roll back */
  return rc;
}

/* Orders entity ids. */
static int id_cmp(const void *pA, const void *pB){
  long long a = *(const long long*)pA, b = *(const long long*)pB;
  return a<b ? -1 : a>b;
}

/* Into *paId (owned by the caller) and *pnId the entities of the queued
** mentions that may now be shown by another spelling: a mention was
** written otherwise than the name, which is one of the entity's own
** (marsad_resolver_own_name). Each once. MARSAD_OK or NOMEM. */
static int renames_due(entity_state *s, long long **paId, int *pnId){
  const marsad_rowq *q = &s->qMention;
  long long *a = q->nRow ? marsad_malloc(sizeof(long long)*(size_t)q->nRow) : 0;
  int n = 0;
  *paId = 0;
  *pnId = 0;
  if( q->nRow && a==0 ) return MARSAD_NOMEM;
  for(int r=0; r<q->nRow; r++){
    const marsad_rowq_cell *c = &q->aCell[r*q->nCol];
    const char *zName = marsad_resolver_own_name(s->pRes, c[1].i);
    if( zName && (strlen(zName)!=c[5].n || memcmp(zName, q->text.a+c[5].iOff, c[5].n)!=0) ){
      a[n++] = c[1].i;
    }
  }
  if( n>1 ) qsort(a, (size_t)n, sizeof *a, id_cmp);   /* a is NULL when no row is queued */
  int nOut = 0;
  for(int i=0; i<n; i++) if( nOut==0 || a[nOut-1]!=a[i] ) a[nOut++] = a[i];
  *paId = a;
  *pnId = nOut;
  return MARSAD_OK;
}

/* Shows each entity of aId[0..nId) by its most frequent spelling
** (marsad_entity_frequent_name), in the database and the resolver. */
static int rename_frequent(entity_state *s, const long long *aId, int nId){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<nId; i++){
    const char *zName = marsad_resolver_own_name(s->pRes, aId[i]);
    const marsad_spellings *pSp = 0;
    char *zNew = 0;
    if( zName ) rc = spell_get(s, aId[i], &pSp);
    if( rc==MARSAD_OK && zName ) rc = marsad_entity_frequent_name(s->pDb, aId[i], zName, pSp, &zNew);
    if( rc==MARSAD_OK && zNew ) rc = entity_store_rename(s, aId[i], zNew);
    if( rc==MARSAD_OK && zNew ) rc = marsad_resolver_set_name(s->pRes, aId[i], zNew);
    marsad_free(zNew);
  }
  return rc;
}

/* xFlush: stores the batch's queued rows, then shows the entities they
** name by their most frequent spellings. */
static int entity_batch_flush(marsad_db *pDb, void *pState){
  entity_state *s = pState;
  long long *aId = 0;
  int nId = 0;
  int rc = s->pRes ? renames_due(s, &aId, &nId) : MARSAD_OK;
  if( rc==MARSAD_OK ) rc = entity_flush(s);
  if( rc==MARSAD_OK ) rc = rename_frequent(s, aId, nId);
  marsad_free(aId);
  if( rc ) entity_rollback(pDb, pState);
  return rc;
}

const marsad_module marsad_module_entities = {
  "entities", entity_open, entity_close, entity_article, entity_batch_flush, entity_rollback
};
