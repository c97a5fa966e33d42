/*
** test_db.c: opening databases: a new file gets every migration recorded,
** reopening applies nothing twice, a database made by a newer marsad (an
** unknown migration) is refused, files that are not marsad databases are
** refused instead of misread (or, opened for writing, written into), and an
** empty file is taken as a new database.
*/
#include <sqlite3.h>
#include <unistd.h>
#include "harness.h"
#include "marsad.h"
#include "db.h"

/* A path in /tmp unique to this process, with its side files removed. */
static const char *temp_db(const char *zTag){
  static char zPath[256];
  char zSide[300];
  snprintf(zPath, sizeof zPath, "/tmp/marsad-testdb-%s-%d.db", zTag, (int)getpid());
  unlink(zPath);
  snprintf(zSide, sizeof zSide, "%s-wal", zPath); unlink(zSide);
  snprintf(zSide, sizeof zSide, "%s-shm", zPath); unlink(zSide);
  return zPath;
}

/* Runs one SQL statement on a plain SQLite connection. */
static int raw_exec(const char *zPath, const char *zSql){
  sqlite3 *db = 0;
  int rc = sqlite3_open(zPath, &db);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(db, zSql, 0, 0, 0);
  sqlite3_close(db);
  return rc;
}

/* Counts rows of a query's first column on a plain connection. */
static int raw_count(const char *zPath, const char *zSql){
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  int n = -1;
  if( sqlite3_open(zPath, &db)==SQLITE_OK && sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    n = sqlite3_column_int(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  return n;
}

static void test_migrations_recorded_once(void){
  const char *zPath = temp_db("mig");
  marsad_db *pDb = 0;
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  CHECK_EQ_INT(raw_count(zPath, "SELECT count(*) FROM migration"), marsad_schema_nmigrations);
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  CHECK_EQ_INT(raw_count(zPath, "SELECT count(*) FROM migration"), marsad_schema_nmigrations);
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  unlink(zPath);
}

static void test_newer_database_refused(void){
  const char *zPath = temp_db("newer");
  marsad_db *pDb = 0;
  char *zErr = 0;
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  CHECK_EQ_INT(raw_exec(zPath, "INSERT INTO migration VALUES(999,'future','now')"), SQLITE_OK);
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, &zErr), MARSAD_DBERROR);
  CHECK(pDb==0);
  CHECK(zErr && strstr(zErr, "999") && strstr(zErr, "newer"));
  marsad_free(zErr);
  unlink(zPath);
}

static void test_not_marsad_refused(void){
  const char *zPath = temp_db("other");
  marsad_db *pDb = 0;
  char *zErr = 0;
  CHECK_EQ_INT(raw_exec(zPath, "CREATE TABLE t(x)"), SQLITE_OK);
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY, &pDb, &zErr), MARSAD_DBERROR);
  CHECK(zErr && strstr(zErr, "not a marsad database"));
  marsad_free(zErr);
  /* nor is it written into when opened for writing: no marsad table added,
  ** its journal mode untouched */
  zErr = 0;
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, &zErr), MARSAD_DBERROR);
  CHECK(pDb==0);
  CHECK(zErr && strstr(zErr, "not a marsad database: it holds 1 table of another program"));
  marsad_free(zErr);
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  CHECK_EQ_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  CHECK_EQ_INT(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &pStmt, 0), SQLITE_OK);
  CHECK_EQ_INT(sqlite3_step(pStmt), SQLITE_ROW);
  CHECK_EQ_INT(sqlite3_column_int(pStmt, 0), 1);
  sqlite3_finalize(pStmt);
  CHECK_EQ_INT(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &pStmt, 0), SQLITE_OK);
  CHECK_EQ_INT(sqlite3_step(pStmt), SQLITE_ROW);
  CHECK_EQ_STR((const char*)sqlite3_column_text(pStmt, 0), "delete");
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  marsad_close(0);
  CHECK_EQ_STR(marsad_errstr(MARSAD_NOTFOUND), "not found");
  unlink(zPath);
}

/* A database an older marsad wrote (a migration missing) is refused by a
** read-only open, with what to do; a read-only open with
** MARSAD_OPEN_UPGRADE applies the migration first and succeeds. */
static void test_older_database_upgraded(void){
  const char *zPath = temp_db("older");
  marsad_db *pDb = 0;
  char *zErr = 0;
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  CHECK_EQ_INT(raw_exec(zPath, "DROP INDEX article_story_event; DELETE FROM migration WHERE id=33"),
               SQLITE_OK);
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY, &pDb, &zErr), MARSAD_DBERROR);
  CHECK(pDb==0);
  CHECK(zErr && strstr(zErr, "lacks schema migration 033") && strstr(zErr, "for writing once"));
  marsad_free(zErr);
  zErr = 0;
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY|MARSAD_OPEN_UPGRADE, &pDb, &zErr), MARSAD_OK);
  CHECK(pDb!=0 && zErr==0);
  marsad_close(pDb);
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  unlink(zPath);
}

/* An empty file is a new database: marsad makes its schema there. */
static void test_empty_file_taken(void){
  const char *zPath = temp_db("empty");
  FILE *f = fopen(zPath, "wb");
  CHECK(f!=0);
  if( f ) fclose(f);
  marsad_db *pDb = 0;
  CHECK_EQ_INT(marsad_open(zPath, 0, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  CHECK_EQ_INT(marsad_open(zPath, MARSAD_OPEN_READONLY, &pDb, 0), MARSAD_OK);
  marsad_close(pDb);
  unlink(zPath);
}

int main(void){
  RUN(test_migrations_recorded_once);
  RUN(test_newer_database_refused);
  RUN(test_not_marsad_refused);
  RUN(test_empty_file_taken);
  RUN(test_older_database_upgraded);
  return DONE();
}
