/*
** db.c: opening and closing a marsad database: SQLite connection in WAL
** mode, forward schema migrations (table migration records the ones
** applied), the modules' per-handle state, and the error helpers every
** module uses (see db.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "db.h"
#include "analysis.h"
#include "buf.h"
#include "fts_arabic.h"
#include "module.h"
#include "stem.h"

const char *marsad_version(void){
  return MARSAD_VERSION;
}

const char *marsad_errstr(int rc){
  switch( rc ){
    case MARSAD_OK:       return "ok";
    case MARSAD_ERROR:    return "error";
    case MARSAD_NOMEM:    return "out of memory";
    case MARSAD_IO:       return "input/output error";
    case MARSAD_FORMAT:   return "malformed input";
    case MARSAD_NOTFOUND: return "not found";
    case MARSAD_MISUSE:   return "bad arguments";
    case MARSAD_DBERROR:  return "database error";
    case MARSAD_SKIP:     return "skipped";
  }
  return "unknown error";
}

int marsad_db_error(marsad_db *pDb, int rc, const char *zFmt, ...){
  marsad_buf msg = MARSAD_BUF_INIT;
  va_list ap;
  va_start(ap, zFmt);
  int n = vsnprintf(0, 0, zFmt, ap);
  va_end(ap);
  if( n>=0 && marsad_buf_grow(&msg, (size_t)n)==MARSAD_OK ){
    va_start(ap, zFmt);
    vsnprintf(msg.a, (size_t)n + 1, zFmt, ap);
    va_end(ap);
    msg.n = (size_t)n;
  }
  marsad_free(pDb->zErr);
  pDb->zErr = marsad_buf_take(&msg);
  return rc;
}

int marsad_db_sqlite_error(marsad_db *pDb, const char *zWhat){
  int ext = sqlite3_errcode(pDb->db);
  int rc = (ext==SQLITE_NOMEM) ? MARSAD_NOMEM : MARSAD_DBERROR;
  return marsad_db_error(pDb, rc, "%s: %s", zWhat, sqlite3_errmsg(pDb->db));
}

const char *marsad_errmsg(const marsad_db *pDb){
  if( pDb==0 ) return marsad_errstr(MARSAD_NOMEM);
  return pDb->zErr ? pDb->zErr : "no error";
}

int marsad_db_prepare(marsad_db *pDb, const char *zSql, sqlite3_stmt **ppStmt){
  if( sqlite3_prepare_v2(pDb->db, zSql, -1, ppStmt, 0)!=SQLITE_OK ){
    *ppStmt = 0;
    return marsad_db_sqlite_error(pDb, "prepare");
  }
  return MARSAD_OK;
}

int marsad_db_prepare_rows(marsad_db *pDb, const char *zInsert, int nCol, int nRow,
                           sqlite3_stmt **ppStmt){
  marsad_buf sql = MARSAD_BUF_INIT;
  marsad_buf_puts(&sql, zInsert);
  for(int r=0; r<nRow; r++){
    marsad_buf_puts(&sql, r ? ",(" : "(");
    for(int c=0; c<nCol; c++) marsad_buf_puts(&sql, c ? ",?" : "?");
    marsad_buf_puts(&sql, ")");
  }
  int rc = sql.rc ? sql.rc : marsad_db_prepare(pDb, sql.a, ppStmt);
  marsad_buf_free(&sql);
  return rc;
}

int marsad_db_exec(marsad_db *pDb, const char *zSql){
  if( sqlite3_exec(pDb->db, zSql, 0, 0, 0)!=SQLITE_OK ){
    return marsad_db_sqlite_error(pDb, "exec");
  }
  return MARSAD_OK;
}

int marsad_db_begin(marsad_db *pDb){
  return marsad_db_exec(pDb, "BEGIN IMMEDIATE");
}

int marsad_db_commit(marsad_db *pDb){
  return marsad_db_exec(pDb, "COMMIT");
}

void marsad_db_rollback(marsad_db *pDb){
  if( !sqlite3_get_autocommit(pDb->db) ) sqlite3_exec(pDb->db, "ROLLBACK", 0, 0, 0);
}

int marsad_bind_text(sqlite3_stmt *pStmt, int i, const char *p, size_t n){
  if( p==0 ) return sqlite3_bind_null(pStmt, i);
  return sqlite3_bind_text64(pStmt, i, p, n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

int marsad_bind_str(sqlite3_stmt *pStmt, int i, const char *z){
  return marsad_bind_text(pStmt, i, z, z ? strlen(z) : 0);
}

int marsad_db_meta_get(marsad_db *pDb, const char *zKey, char **pzValue){
  sqlite3_stmt *pStmt = 0;
  *pzValue = 0;
  int rc = marsad_db_prepare(pDb, "SELECT value FROM meta WHERE key=?1", &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_text(pStmt, 1, zKey, -1, SQLITE_STATIC);
    int s = sqlite3_step(pStmt);
    if( s==SQLITE_ROW ){
      const char *z = (const char*)sqlite3_column_text(pStmt, 0);
      if( z && (*pzValue = marsad_strdup(z))==0 ) rc = MARSAD_NOMEM;
    }else if( s!=SQLITE_DONE ){
      rc = marsad_db_sqlite_error(pDb, "meta");
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

int marsad_db_meta_set(marsad_db *pDb, const char *zKey, const char *zValue){
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb,
      "INSERT INTO meta(key,value) VALUES(?1,?2) "
      "ON CONFLICT(key) DO UPDATE SET value=excluded.value", &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_text(pStmt, 1, zKey, -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 2, zValue, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "meta");
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* True when the database has applied migration iNumber. */
static int migration_applied(marsad_db *pDb, int iNumber, int *pbApplied){
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb, "SELECT 1 FROM migration WHERE id=?1", &pStmt);
  *pbApplied = 0;
  if( rc==MARSAD_OK ){
    sqlite3_bind_int(pStmt, 1, iNumber);
    int s = sqlite3_step(pStmt);
    if( s==SQLITE_ROW ) *pbApplied = 1;
    else if( s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "migration");
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Refuses a database that has applied a migration this library lacks: it
** was written by a newer marsad and would be misread. A file without the
** migration table is not a marsad database. */
static int check_known_migrations(marsad_db *pDb){
  sqlite3_stmt *pStmt = 0;
  int s = sqlite3_table_column_metadata(pDb->db, "main", "migration", "id", 0, 0, 0, 0, 0);
  if( s==SQLITE_READONLY || s==SQLITE_CANTOPEN ){   /* its schema could not be read at all */
    return marsad_db_error(pDb, MARSAD_DBERROR, "cannot read it (%s): a database in WAL mode is "
        "read with a -shm file beside it, which this user may not create there; copy the "
        "database where you may write, or have its owner run: sqlite3 FILE "
        "'PRAGMA journal_mode=DELETE'", sqlite3_errstr(s));
  }
  if( s!=SQLITE_OK ) return marsad_db_error(pDb, MARSAD_DBERROR, "not a marsad database (no schema)");
  int rc = marsad_db_prepare(pDb, "SELECT id, name FROM migration ORDER BY id", &pStmt);
  while( rc==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    int iNumber = sqlite3_column_int(pStmt, 0);
    int bKnown = 0;
    for(int i=0; i<marsad_schema_nmigrations; i++){
      bKnown |= (marsad_schema_migrations[i].iNumber==iNumber);
    }
    if( !bKnown ){
      rc = marsad_db_error(pDb, MARSAD_DBERROR,
          "the database has schema migration %03d (%s), unknown to this marsad: "
          "it was made by a newer version", iNumber, sqlite3_column_text(pStmt, 1));
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Applies one migration in its own transaction and records it. */
static int apply_migration(marsad_db *pDb, const marsad_migration *pM){
  char zRecord[160];
  snprintf(zRecord, sizeof zRecord,
           "INSERT INTO migration(id,name,applied) VALUES(%d,'%s',datetime('now'))",
           pM->iNumber, pM->zName);
  int rc = marsad_db_begin(pDb);
  if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, pM->zSql);
  if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, zRecord);
  if( rc==MARSAD_OK ) rc = marsad_db_commit(pDb);
  if( rc ){
    marsad_db_rollback(pDb);
    marsad_db_error(pDb, rc, "schema migration %03d (%s) failed", pM->iNumber, pM->zName);
  }
  return rc;
}

/* Brings the schema up to date: every migration the database has not
** applied is applied, in number order. A read-only handle only checks. */
static int migrate(marsad_db *pDb){
  int bReadOnly = (pDb->flags & MARSAD_OPEN_READONLY)!=0;
  int rc = bReadOnly ? MARSAD_OK : marsad_db_exec(pDb,
      "CREATE TABLE IF NOT EXISTS migration("
      "id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)");
  if( rc==MARSAD_OK ) rc = check_known_migrations(pDb);
  for(int i=0; rc==MARSAD_OK && i<marsad_schema_nmigrations; i++){
    const marsad_migration *pM = &marsad_schema_migrations[i];
    int bApplied = 0;
    rc = migration_applied(pDb, pM->iNumber, &bApplied);
    if( rc || bApplied ) continue;
    if( bReadOnly ){
      pDb->bOutdated = 1;
      rc = marsad_db_error(pDb, MARSAD_DBERROR,
          "the database lacks schema migration %03d (%s); open it for writing once "
          "(e.g. marsad ingest) to update it", pM->iNumber, pM->zName);
    }else{
      rc = apply_migration(pDb, pM);
    }
  }
  return rc;
}

/* Opens every module on the handle, in order. */
static int open_modules(marsad_db *pDb){
  pDb->apState = marsad_malloc(sizeof(void*) * (size_t)(marsad_nmodules+1));
  if( pDb->apState==0 ) return MARSAD_NOMEM;
  memset(pDb->apState, 0, sizeof(void*) * (size_t)(marsad_nmodules+1));
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<marsad_nmodules; i++){
    if( marsad_modules[i]->xOpen ) rc = marsad_modules[i]->xOpen(pDb, &pDb->apState[i]);
  }
  return rc;
}

void *marsad_module_state(marsad_db *pDb, const char *zName){
  for(int i=0; pDb->apState && i<marsad_nmodules; i++){
    if( strcmp(marsad_modules[i]->zName, zName)==0 ) return pDb->apState[i];
  }
  return 0;
}

/* Refuses a database file of another program: one without marsad's
** migration table that already holds tables of its own. Checked before
** anything (WAL mode included) is written to it. */
static int check_not_foreign(marsad_db *pDb){
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb,
      "SELECT count(*), sum(name='migration') FROM sqlite_schema WHERE type='table'", &pStmt);
  if( rc==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    int nTable = sqlite3_column_int(pStmt, 0);
    int bMarsad = sqlite3_column_int(pStmt, 1)>0;
    if( nTable>0 && !bMarsad ){
      rc = marsad_db_error(pDb, MARSAD_DBERROR,
          "not a marsad database: it holds %d table%s of another program; marsad "
          "will not write into it", nTable, nTable==1 ? "" : "s");
    }
  }else if( rc==MARSAD_OK ){
    rc = marsad_db_sqlite_error(pDb, "schema");
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Connection settings: WAL for a reader beside a writer, a busy timeout so
** that they wait for each other, foreign keys on. */
static int configure(marsad_db *pDb){
  sqlite3_busy_timeout(pDb->db, 10000);
  if( pDb->flags & MARSAD_OPEN_READONLY ){
    return marsad_db_exec(pDb, "PRAGMA foreign_keys=ON; PRAGMA query_only=1;");
  }
  return marsad_db_exec(pDb,
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
      "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
}

/* Opens the database at zPath as marsad_open does without
** MARSAD_OPEN_UPGRADE, and sets *pbOutdated when a read-only open found it
** written by an older marsad (whether or not the open failed for it). */
static int db_open(const char *zPath, unsigned flags, marsad_db **ppDb, char **pzErr,
                   int *pbOutdated){
  *ppDb = 0;
  *pbOutdated = 0;
  if( pzErr ) *pzErr = 0;
  marsad_db *pDb = marsad_malloc(sizeof *pDb);
  if( pDb==0 ) return MARSAD_NOMEM;
  memset(pDb, 0, sizeof *pDb);
  pDb->flags = flags;
  int oflags = (flags & MARSAD_OPEN_READONLY) ? SQLITE_OPEN_READONLY
             : (SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE);
  int rc = MARSAD_OK;
  if( sqlite3_open_v2(zPath, &pDb->db, oflags|SQLITE_OPEN_NOMUTEX, 0)!=SQLITE_OK ){
    rc = pDb->db ? marsad_db_sqlite_error(pDb, zPath)
                 : marsad_db_error(pDb, MARSAD_NOMEM, "out of memory");
  }
  if( rc==MARSAD_OK && !(flags & MARSAD_OPEN_READONLY) ) rc = check_not_foreign(pDb);
  if( rc==MARSAD_OK ) rc = configure(pDb);
  if( rc==MARSAD_OK && marsad_fts_register(pDb->db, &pDb->pFtsDocs)!=MARSAD_OK ){
    /* before migrating: the search table's schema names the tokenizer */
    rc = marsad_db_error(pDb, MARSAD_DBERROR, "SQLite lacks FTS5: cannot register the arabic tokenizer");
  }
  if( rc==MARSAD_OK ) rc = migrate(pDb);
  if( rc==MARSAD_OK ) rc = marsad_stemmer_new(&pDb->pStem);
  if( rc==MARSAD_OK ) rc = open_modules(pDb);
  *pbOutdated = pDb->bOutdated;
  if( rc!=MARSAD_OK ){
    if( pzErr ) *pzErr = marsad_strdup(pDb->zErr ? pDb->zErr : marsad_errstr(rc));
    marsad_close(pDb);
    return rc;
  }
  *ppDb = pDb;
  return MARSAD_OK;
}

/* Updates the database at zPath, which an older marsad wrote, by opening it
** for writing once (the open applies the missing migrations and rebuilds
** the search index). On failure *pzErr (if not NULL) says why. */
static int db_update(const char *zPath, char **pzErr){
  marsad_db *pDb = 0;
  char *zWhy = 0;
  int bOutdated = 0;
  int rc = db_open(zPath, 0, &pDb, &zWhy, &bOutdated);
  marsad_close(pDb);
  if( rc!=MARSAD_OK && pzErr ){
    const char *zFmt = "it was written by an older version of marsad and must be "
                       "updated once, which needs write access to it: %s";
    const char *z = zWhy ? zWhy : marsad_errstr(rc);
    size_t n = strlen(zFmt) + strlen(z);
    *pzErr = marsad_malloc(n);
    if( *pzErr ) snprintf(*pzErr, n, zFmt, z);
  }
  marsad_free(zWhy);
  return rc;
}

int marsad_open(const char *zPath, unsigned flags, marsad_db **ppDb, char **pzErr){
  const unsigned fUpgrade = MARSAD_OPEN_READONLY|MARSAD_OPEN_UPGRADE;
  int bOutdated = 0;
  int rc = db_open(zPath, flags, ppDb, pzErr, &bOutdated);
  if( (flags & fUpgrade)!=fUpgrade || !bOutdated ) return rc;
  marsad_close(*ppDb);
  *ppDb = 0;
  if( pzErr ){ marsad_free(*pzErr); *pzErr = 0; }
  rc = db_update(zPath, pzErr);
  if( rc==MARSAD_OK ) rc = db_open(zPath, flags, ppDb, pzErr, &bOutdated);
  return rc;
}

void marsad_close(marsad_db *pDb){
  if( pDb==0 ) return;
  for(int i=marsad_nmodules-1; pDb->apState && i>=0; i--){
    if( marsad_modules[i]->xClose ) marsad_modules[i]->xClose(pDb->apState[i]);
  }
  marsad_free(pDb->apState);
  marsad_stemmer_free(pDb->pStem);
  sqlite3_close_v2(pDb->db);
  marsad_free(pDb->zErr);
  marsad_free(pDb);
}

void marsad_db_article(sqlite3_stmt *pStmt, marsad_article *pArt){
  pArt->iRowid = sqlite3_column_int64(pStmt, 0);
  pArt->zId = (const char*)sqlite3_column_text(pStmt, 1);
  pArt->zOutlet = (const char*)sqlite3_column_text(pStmt, 2);
  pArt->zPublished = (const char*)sqlite3_column_text(pStmt, 3);
  pArt->zIngested = (const char*)sqlite3_column_text(pStmt, 4);
  pArt->zTitle = (const char*)sqlite3_column_text(pStmt, 5);
  pArt->nTitle = (size_t)sqlite3_column_bytes(pStmt, 5);
  pArt->zBody = (const char*)sqlite3_column_text(pStmt, 6);
  pArt->nBody = (size_t)sqlite3_column_bytes(pStmt, 6);
  if( pArt->zTitle==0 ) pArt->zTitle = "";
  if( pArt->zBody==0 ) pArt->zBody = "";
}

int marsad_db_story_exists(marsad_db *pDb, long long iStory, const char *zStory){
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb, "SELECT 1 FROM story WHERE id=?", &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, iStory);
    if( sqlite3_step(pStmt)!=SQLITE_ROW ) rc = marsad_db_error(pDb, MARSAD_NOTFOUND, "no story %s", zStory);
  }
  sqlite3_finalize(pStmt);
  return rc;
}
