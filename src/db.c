/*
** db.c: opening and closing a marsad database: SQLite connection in WAL
** mode, forward schema migrations (PRAGMA user_version counts the ones
** applied), the modules' per-handle state, and the error helpers every
** module uses (see db.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "db.h"
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

/* Reads PRAGMA user_version: the number of migrations applied. */
static int schema_version(marsad_db *pDb, int *piVersion){
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb, "PRAGMA user_version", &pStmt);
  *piVersion = 0;
  if( rc==MARSAD_OK ){
    if( sqlite3_step(pStmt)==SQLITE_ROW ) *piVersion = sqlite3_column_int(pStmt, 0);
    else rc = marsad_db_sqlite_error(pDb, "schema version");
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Applies the migrations the file lacks, each in its own transaction. A file
** newer than this library is refused rather than misread. */
static int migrate(marsad_db *pDb){
  int iVersion = 0;
  int rc = schema_version(pDb, &iVersion);
  if( rc ) return rc;
  if( iVersion>marsad_schema_nmigrations ){
    return marsad_db_error(pDb, MARSAD_DBERROR,
        "database schema version %d is newer than this marsad (%d)",
        iVersion, marsad_schema_nmigrations);
  }
  if( iVersion<marsad_schema_nmigrations && (pDb->flags & MARSAD_OPEN_READONLY) ){
    return marsad_db_error(pDb, MARSAD_DBERROR,
        "database schema version %d needs migrating; open it for writing once", iVersion);
  }
  while( rc==MARSAD_OK && iVersion<marsad_schema_nmigrations ){
    char zPragma[64];
    snprintf(zPragma, sizeof zPragma, "PRAGMA user_version=%d", iVersion+1);
    rc = marsad_db_begin(pDb);
    if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, marsad_schema_migrations[iVersion]);
    if( rc==MARSAD_OK ) rc = marsad_db_exec(pDb, zPragma);
    if( rc==MARSAD_OK ) rc = marsad_db_commit(pDb);
    if( rc ) marsad_db_rollback(pDb);
    iVersion++;
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

int marsad_open(const char *zPath, unsigned flags, marsad_db **ppDb, char **pzErr){
  *ppDb = 0;
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
  if( rc==MARSAD_OK ) rc = configure(pDb);
  if( rc==MARSAD_OK ) rc = migrate(pDb);
  if( rc==MARSAD_OK ) rc = marsad_stemmer_new(&pDb->pStem);
  if( rc==MARSAD_OK ) rc = open_modules(pDb);
  if( rc!=MARSAD_OK ){
    if( pzErr ) *pzErr = marsad_strdup(pDb->zErr ? pDb->zErr : marsad_errstr(rc));
    marsad_close(pDb);
    return rc;
  }
  *ppDb = pDb;
  return MARSAD_OK;
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
