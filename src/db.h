/*
** db.h: the inside of a marsad_db handle and the helpers every module uses
** to talk to SQLite: error recording, statement preparation and the schema
** migrations. Only library modules include this header.
*/
#ifndef MARSAD_DB_H
#define MARSAD_DB_H
#include <sqlite3.h>
#include "marsad.h"
#include "buf.h"

struct marsad_stemmer;
struct marsad_article;
struct marsad_module_state;

struct marsad_db {
  sqlite3 *db;                 /* the connection */
  unsigned flags;              /* MARSAD_OPEN_* */
  char *zErr;                  /* message of the last failure, or NULL */
  struct marsad_stemmer *pStem;/* stemmer shared by the modules */
  void **apState;              /* per-module state, indexed like marsad_modules */
  struct marsad_fts_docs *pFtsDocs; /* documents the search tokenizer knows
                               ** in advance (fts_arabic.h); owned by db */
  int bOutdated;               /* read-only handle on a database an older
                               ** marsad wrote: a migration missing or the
                               ** search index of another tokenizer */
};

/* Records a printf-formatted message as the handle's error and returns rc.
** When memory for the message cannot be had, the message is the rc's name. */
int marsad_db_error(marsad_db *pDb, int rc, const char *zFmt, ...)
  __attribute__((format(printf, 3, 4)));

/* Records SQLite's current error, prefixed by zWhat, and returns
** MARSAD_DBERROR (MARSAD_NOMEM when SQLite ran out of memory). */
int marsad_db_sqlite_error(marsad_db *pDb, const char *zWhat);

/* Prepares zSql on the handle's connection; on failure records the error and
** sets *ppStmt to NULL. MARSAD_OK or MARSAD_DBERROR. */
int marsad_db_prepare(marsad_db *pDb, const char *zSql, sqlite3_stmt **ppStmt);

/* Prepares zInsert ("INSERT INTO t(a, b) VALUES") followed by nRow rows
** of nCol parameters each, "(?,?),(?,?)...": one execution stores nRow
** rows, and each execution of a statement has a fixed cost larger than a
** short row's. As marsad_db_prepare otherwise. */
int marsad_db_prepare_rows(marsad_db *pDb, const char *zInsert, int nCol, int nRow,
                           sqlite3_stmt **ppStmt);

/* Runs one or more SQL statements that return no rows. */
int marsad_db_exec(marsad_db *pDb, const char *zSql);

/* Begins, commits or rolls back a write transaction. */
int marsad_db_begin(marsad_db *pDb);
int marsad_db_commit(marsad_db *pDb);
void marsad_db_rollback(marsad_db *pDb);

/* Reads meta(zKey) into *pzValue (owned by the caller; NULL when absent). */
int marsad_db_meta_get(marsad_db *pDb, const char *zKey, char **pzValue);

/* Writes meta(zKey) = zValue. */
int marsad_db_meta_set(marsad_db *pDb, const char *zKey, const char *zValue);

/* MARSAD_OK when story number iStory exists, else MARSAD_NOTFOUND with
** "no story zStory" as the handle's error (the story table must exist). */
int marsad_db_story_exists(marsad_db *pDb, long long iStory, const char *zStory);

/* The columns of a stored article that marsad_db_article reads, in order:
** select them first from the article table. */
#define MARSAD_DB_ARTICLE_COLUMNS \
  "id, uid, outlet, published, substr(ingested,1,10), title, body"

/* Points pArt at the article of pStmt's current row, whose first columns
** are MARSAD_DB_ARTICLE_COLUMNS (a missing title or body reads as empty).
** The strings are pStmt's, valid until its next step or reset. */
void marsad_db_article(sqlite3_stmt *pStmt, struct marsad_article *pArt);

/* Binds p[0..n) as text (NULL p binds SQL NULL); SQLITE_TRANSIENT copy. */
int marsad_bind_text(sqlite3_stmt *pStmt, int i, const char *p, size_t n);

/* Binds a NUL-terminated string, or SQL NULL when z is NULL. */
int marsad_bind_str(sqlite3_stmt *pStmt, int i, const char *z);

/* One schema migration, generated from data/schema/NNN_name.sql. */
typedef struct marsad_migration {
  int iNumber;          /* NNN: unique, applied in increasing order */
  const char *zName;    /* name, for messages and the migration table */
  const char *zSql;     /* the statements */
} marsad_migration;

/* The migrations, sorted by number. A database records the numbers it has
** applied (table migration) and gets the missing ones on open. */
extern const marsad_migration marsad_schema_migrations[];
extern const int marsad_schema_nmigrations;

#endif
