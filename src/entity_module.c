/*
** entity_module.c: the entity module of every database handle (module.h).
** For each new article it runs the recogniser (ner.h), resolves the
** mentions into entities (entity.h) and stores entity, entity_variant and
** mention rows (data/schema/004_entities.sql). The resolver is loaded from
** the database on the first article of a handle, so that queries on a
** handle never pay for it.
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "db.h"
#include "entity.h"
#include "module.h"
#include "ner.h"

/* The module's state on one handle. */
typedef struct entity_state {
  marsad_db *pDb;               /* the handle */
  marsad_ner *pNer;             /* the recogniser */
  marsad_resolver *pRes;        /* NULL until the first article */
  long long iArticle;           /* the article being stored */
  sqlite3_stmt *pInsEntity;     /* INSERT INTO entity */
  sqlite3_stmt *pInsVariant;    /* INSERT INTO entity_variant */
  sqlite3_stmt *pRename;        /* UPDATE entity SET name */
  sqlite3_stmt *pInsMention;    /* INSERT INTO mention */
} entity_state;

/* Runs a prepared insert or update to its end and resets it. */
static int entity_step(entity_state *s, sqlite3_stmt *pStmt, const char *zWhat){
  int rc = sqlite3_step(pStmt);
  sqlite3_reset(pStmt);
  return rc==SQLITE_DONE ? MARSAD_OK : marsad_db_sqlite_error(s->pDb, zWhat);
}

/* Stores a new entity (a marsad_resolver_store callback). */
static int entity_store_entity(void *pCtx, int eKind, const char *zName,
                               const char *zNameEn, const char *zGaz, long long *piId){
  entity_state *s = pCtx;
  sqlite3_bind_text(s->pInsEntity, 1, marsad_entity_kind_name(eKind), -1, SQLITE_STATIC);
  marsad_bind_str(s->pInsEntity, 2, zName);
  marsad_bind_str(s->pInsEntity, 3, zNameEn);
  marsad_bind_str(s->pInsEntity, 4, zGaz);
  int rc = entity_step(s, s->pInsEntity, "storing an entity");
  *piId = sqlite3_last_insert_rowid(s->pDb->db);
  return rc;
}

/* Stores a new variant (a marsad_resolver_store callback). */
static int entity_store_variant(void *pCtx, long long iId, const char *zText,
                                const char *zKey, const char *zReason){
  entity_state *s = pCtx;
  sqlite3_bind_int64(s->pInsVariant, 1, iId);
  marsad_bind_str(s->pInsVariant, 2, zText);
  marsad_bind_str(s->pInsVariant, 3, zKey);
  marsad_bind_str(s->pInsVariant, 4, zReason);
  sqlite3_bind_int64(s->pInsVariant, 5, s->iArticle);
  return entity_step(s, s->pInsVariant, "storing an entity variant");
}

/* Stores a new display name (a marsad_resolver_store callback). */
static int entity_store_rename(void *pCtx, long long iId, const char *zName){
  entity_state *s = pCtx;
  marsad_bind_str(s->pRename, 1, zName);
  sqlite3_bind_int64(s->pRename, 2, iId);
  return entity_step(s, s->pRename, "renaming an entity");
}

/* Creates the resolver and teaches it the stored entities and variants. */
static int entity_load(entity_state *s){
  marsad_resolver_store st = { entity_store_entity, entity_store_variant,
                               entity_store_rename, s };
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
  if( rc ){ marsad_resolver_free(s->pRes); s->pRes = 0; }
  return rc;
}

/* xClose. */
static void entity_close(void *pState){
  entity_state *s = pState;
  if( s==0 ) return;
  marsad_ner_free(s->pNer);
  marsad_resolver_free(s->pRes);
  sqlite3_finalize(s->pInsEntity);
  sqlite3_finalize(s->pInsVariant);
  sqlite3_finalize(s->pRename);
  sqlite3_finalize(s->pInsMention);
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
  rc = marsad_ner_new(&s->pNer);
  if( rc==MARSAD_OK && !(pDb->flags & MARSAD_OPEN_READONLY) ){
    rc = marsad_db_prepare(pDb, "INSERT INTO entity(kind, name, name_en, gaz) VALUES(?,?,?,?)", &s->pInsEntity);
    if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
        "INSERT INTO entity_variant(entity, text, key, reason, article) VALUES(?,?,?,?,?)", &s->pInsVariant);
    if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb, "UPDATE entity SET name=? WHERE id=?", &s->pRename);
    if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
        "INSERT INTO mention(article, entity, field, start, end, text) VALUES(?,?,?,?,?,?)", &s->pInsMention);
  }
  if( rc ){ entity_close(s); return rc; }
  *ppState = s;
  return MARSAD_OK;
}

/* Stores the mentions of pA. */
static int entity_store_mentions(entity_state *s, const marsad_analysis *pA){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<pA->nMention; i++){
    const marsad_mention *m = &pA->aMention[i];
    const char *z = m->eField==MARSAD_FIELD_TITLE ? pA->art.zTitle : pA->art.zBody;
    if( m->iEntity==0 || z==0 ) continue;
    sqlite3_bind_int64(s->pInsMention, 1, pA->art.iRowid);
    sqlite3_bind_int64(s->pInsMention, 2, m->iEntity);
    sqlite3_bind_int(s->pInsMention, 3, m->eField);
    sqlite3_bind_int64(s->pInsMention, 4, (sqlite3_int64)m->iStart);
    sqlite3_bind_int64(s->pInsMention, 5, (sqlite3_int64)m->iEnd);
    marsad_bind_text(s->pInsMention, 6, z+m->iStart, m->iEnd-m->iStart);
    rc = entity_step(s, s->pInsMention, "storing a mention");
  }
  return rc;
}

/* xArticle: recognise, resolve, store. */
static int entity_article(marsad_db *pDb, void *pState, marsad_analysis *pA){
  entity_state *s = pState;
  int rc = MARSAD_OK;
  if( s->pInsMention==0 ) return marsad_db_error(pDb, MARSAD_MISUSE, "the database is read-only");
  if( s->pRes==0 ) rc = entity_load(s);
  s->iArticle = pA->art.iRowid;
  if( rc==MARSAD_OK ) rc = marsad_ner_run(s->pNer, pA);
  if( rc==MARSAD_OK ) rc = marsad_resolver_resolve(s->pRes, pA);
  if( rc==MARSAD_OK ) rc = entity_store_mentions(s, pA);
  if( rc==MARSAD_NOMEM ) marsad_db_error(pDb, rc, "out of memory recognising entities");
  if( rc ){                      /* the batch will roll back: forget what it added */
    marsad_resolver_free(s->pRes);
    s->pRes = 0;
  }
  return rc;
}

const marsad_module marsad_module_entities = {
  "entities", entity_open, entity_close, entity_article, 0
};
