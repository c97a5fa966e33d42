/*
** articles.c: the article queries of the public interface: the list of
** articles, one article (with its raw input on request), and database
** statistics. Answers are JSON (see docs/API.md).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "db.h"
#include "jsonq.h"

/* Default and largest page sizes of a list. */
#define LIST_DEFAULT 50
#define LIST_MAX     10000

/* The limit of a query, defaulted and capped. */
static long query_limit(const marsad_query *pQ){
  long n = pQ && pQ->nLimit>0 ? pQ->nLimit : LIST_DEFAULT;
  return n>LIST_MAX ? LIST_MAX : n;
}

int marsad_articles_json(marsad_db *pDb, const marsad_query *pQ, char **pzJson){
  static const char zSql[] =
    "SELECT uid AS id, input, published, outlet, title, "
    "  (SELECT uid FROM article c WHERE c.id=a.copy_of) AS copy_of "
    "FROM article a "
    "WHERE (?1 IS NULL OR outlet=?1) "
    "  AND (?2 IS NULL OR coalesce(published, substr(ingested,1,10))>=?2) "
    "  AND (?3 IS NULL OR coalesce(published, substr(ingested,1,10))<=?3) "
    "ORDER BY coalesce(published, substr(ingested,1,10)) DESC, id DESC "
    "LIMIT ?4 OFFSET ?5";
  sqlite3_stmt *pStmt = 0;
  json_t *pArr = 0;
  *pzJson = 0;
  int rc = marsad_db_prepare(pDb, zSql, &pStmt);
  if( rc==MARSAD_OK ){
    marsad_bind_str(pStmt, 1, pQ ? pQ->zOutlet : 0);
    marsad_bind_str(pStmt, 2, pQ ? pQ->zSince : 0);
    marsad_bind_str(pStmt, 3, pQ ? pQ->zUntil : 0);
    sqlite3_bind_int64(pStmt, 4, query_limit(pQ));
    sqlite3_bind_int64(pStmt, 5, pQ ? pQ->nOffset : 0);
    rc = marsad_jsonq_rows(pDb, pStmt, &pArr);
  }
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK ) rc = marsad_jsonq_finish(pArr, pzJson);
  return rc;
}

/* Finds the rowid of the article whose uid is zId or starts with it, in
** either case. MARSAD_NOTFOUND (recorded) when none or several match. */
static int find_article(marsad_db *pDb, const char *zId, sqlite3_int64 *piRowid){
  sqlite3_stmt *pStmt = 0;
  int n = 0;
  int rc = marsad_db_prepare(pDb,
      "SELECT id FROM article WHERE uid>=lower(?1) AND uid<lower(?1)||'g' ORDER BY uid LIMIT 2", &pStmt);
  if( rc==MARSAD_OK ){
    marsad_bind_str(pStmt, 1, zId);
    while( sqlite3_step(pStmt)==SQLITE_ROW ){
      if( n++==0 ) *piRowid = sqlite3_column_int64(pStmt, 0);
    }
  }
  sqlite3_finalize(pStmt);
  if( rc ) return rc;
  if( n==0 || zId[0]==0 ) return marsad_db_error(pDb, MARSAD_NOTFOUND, "no article %s", zId);
  if( n>1 ) return marsad_db_error(pDb, MARSAD_NOTFOUND, "several articles start with %s", zId);
  return MARSAD_OK;
}

int marsad_article_json(marsad_db *pDb, const char *zId, unsigned flags, char **pzJson){
  static const char zSql[] =
    "SELECT a.uid AS id, a.input, a.source, a.line, a.format, a.outlet, a.url, "
    "  a.published, a.published_raw, a.ingested, a.title, a.body, a.arabic, "
    "  (SELECT uid FROM article c WHERE c.id=a.copy_of) AS copy_of, "
    "  (SELECT json_group_array(c.uid) FROM article c WHERE c.copy_of=a.id) AS copies, "
    "  a.bad_utf8, "
    "  CASE WHEN ?2 THEN r.raw END AS raw, CASE WHEN ?2 THEN r.dropped END AS dropped "
    "FROM article a LEFT JOIN article_raw r ON r.id=a.id WHERE a.id=?1";
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iRowid = 0;
  json_t *pObj = 0;
  *pzJson = 0;
  int rc = find_article(pDb, zId, &iRowid);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb, zSql, &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, iRowid);
    sqlite3_bind_int(pStmt, 2, (flags & MARSAD_QUERY_RAW)!=0);
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      pObj = marsad_jsonq_row(pStmt);
      json_t *pCopies = pObj ? json_loads(json_string_value(json_object_get(pObj, "copies")), 0, 0) : 0;
      if( pObj==0 || pCopies==0 || json_object_set_new(pObj, "copies", pCopies) ) rc = MARSAD_NOMEM;
      if( rc==MARSAD_OK && !(flags & MARSAD_QUERY_RAW) ){
        json_object_del(pObj, "raw");
        json_object_del(pObj, "dropped");
      }
    }else{
      rc = marsad_db_sqlite_error(pDb, "article");
    }
  }
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK ) return marsad_jsonq_finish(pObj, pzJson);
  json_decref(pObj);
  return rc;
}

int marsad_stats_json(marsad_db *pDb, char **pzJson){
  static const char zSql[] =
    "SELECT (SELECT count(*) FROM article) AS articles, "
    "  (SELECT count(*) FROM article WHERE copy_of IS NOT NULL) AS copies, "
    "  (SELECT count(*) FROM article WHERE arabic=0) AS not_arabic, "
    "  (SELECT count(*) FROM article WHERE published IS NULL) AS undated, "
    "  (SELECT count(DISTINCT outlet) FROM article) AS outlets, "
    "  (SELECT min(published) FROM article) AS first, "
    "  (SELECT max(published) FROM article) AS last, "
    "  (SELECT sum(length(CAST(body AS BLOB))) FROM article) AS body_bytes, "
    "  (SELECT count(*) FROM entity) AS entities, "
    "  (SELECT count(*) FROM mention) AS mentions, "
    "  (SELECT count(*) FROM story) AS stories, "
    "  (SELECT json_group_array(json_object('outlet', outlet, 'articles', n)) FROM "
    "     (SELECT outlet, count(*) AS n FROM article GROUP BY outlet ORDER BY n DESC, outlet)) "
    "  AS by_outlet";
  sqlite3_stmt *pStmt = 0;
  json_t *pObj = 0;
  *pzJson = 0;
  int rc = marsad_db_prepare(pDb, zSql, &pStmt);
  if( rc==MARSAD_OK ){
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      pObj = marsad_jsonq_row(pStmt);
      json_t *pBy = pObj ? json_loads(json_string_value(json_object_get(pObj, "by_outlet")), 0, 0) : 0;
      if( pObj==0 || pBy==0 || json_object_set_new(pObj, "by_outlet", pBy) ) rc = MARSAD_NOMEM;
    }else{
      rc = marsad_db_sqlite_error(pDb, "stats");
    }
  }
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK ) return marsad_jsonq_finish(pObj, pzJson);
  json_decref(pObj);
  return rc;
}
