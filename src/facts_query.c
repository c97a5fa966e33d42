/*
** facts_query.c: the facts as the library answers them (marsad.h, section
** Facts): statements and figures as JSON, the facts of one article, and the
** export of the whole database as JSON Lines (docs/EXPORT.md) or of the
** figures and statements as CSV. Entities and stories are exported when
** their tables exist.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "db.h"
#include "figures.h"
#include "jsonq.h"
#include "lexicon.h"
#include "statements.h"

/* The bytes of the body between two columns' offsets, as text. */
#define BODY_SPAN(s, e) "CAST(substr(CAST(a.body AS BLOB), " s "+1, " e "-" s ") AS TEXT)"

/* The columns of a statement, named as exported. */
#define STATEMENT_COLS \
  "CASE WHEN s.speaker IS NULL THEN NULL ELSE 'e'||s.speaker END AS speaker," \
  " s.speaker_text, s.cue, s.lemma, s.stance," \
  " " BODY_SPAN("s.content_start", "s.content_end") " AS content," \
  " s.date, " BODY_SPAN("s.start", "s.end") " AS text, s.start, s.end"

/* The columns of a figure, named as exported. */
#define FIGURE_COLS \
  "f.value, f.max, f.approx, f.vague, f.counts, f.who, f.total," \
  " CASE WHEN f.reported_by IS NULL THEN NULL ELSE 'e'||f.reported_by END AS reported_by," \
  " f.reported_by_text, f.date, " BODY_SPAN("f.start", "f.end") " AS text, f.start, f.end"

/* The columns of a date mention, named as exported. */
#define DATE_COLS \
  "d.value, d.precision, d.kind, d.since, " BODY_SPAN("d.start", "d.end") " AS text, d.start, d.end"

/* The columns that say which article, for listings. */
#define ARTICLE_COLS \
  "a.uid AS article, a.outlet, COALESCE(a.published, af.published) AS published, "

/* True when the database has table zName (other modules' tables may not
** exist yet). */
static int has_table(marsad_db *pDb, const char *zName){
  sqlite3_stmt *q = 0;
  int b = 0;
  if( sqlite3_prepare_v2(pDb->db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1",
                         -1, &q, 0)==SQLITE_OK ){
    sqlite3_bind_text(q, 1, zName, -1, SQLITE_STATIC);
    b = sqlite3_step(q)==SQLITE_ROW;
  }
  sqlite3_finalize(q);
  return b;
}

/* Reads a story id ("s12" or "12") into *piStory (0 when z is empty). */
static int story_id(marsad_db *pDb, const char *z, sqlite3_int64 *piStory){
  *piStory = 0;
  if( z==0 || z[0]==0 ) return MARSAD_OK;
  const char *p = z[0]=='s' ? z+1 : z;
  char *zEnd = 0;
  long long v = strtoll(p, &zEnd, 10);
  if( *p==0 || *zEnd || v<=0 ) return marsad_db_error(pDb, MARSAD_MISUSE, "no story '%s' (story ids look like s12)", z);
  *piStory = v;
  return MARSAD_OK;
}

/* Turns the integer members named in azKey of object o into booleans. */
static void to_booleans(json_t *o){
  static const char *const azKey[] = { "vague", "total", "since", 0 };
  for(int i=0; azKey[i]; i++){
    json_t *v = json_object_get(o, azKey[i]);
    if( json_is_integer(v) ) json_object_set_new(o, azKey[i], json_boolean(json_integer_value(v)));
  }
}

/* Steps q to the end collecting its rows as objects (booleans fixed) in a
** new array *ppArr. */
static int rows_json(marsad_db *pDb, sqlite3_stmt *q, json_t **ppArr){
  int rc = marsad_jsonq_rows(pDb, q, ppArr);
  size_t i;
  json_t *o;
  if( rc==MARSAD_OK ) json_array_foreach(*ppArr, i, o) to_booleans(o);
  return rc;
}

/* Prepares zSql (with "%s" replaced by zStoryClause) and binds the common
** filters: ?1 kind (stance or counts), ?2 speaker, ?3 story, ?4 outlet,
** ?5 since, ?6 until, ?7 limit, ?8 offset. */
static int prepare_listing(marsad_db *pDb, const char *zSqlFmt, const marsad_query *pQ,
                           sqlite3_stmt **ppStmt){
  sqlite3_int64 iStory = 0;
  int rc = story_id(pDb, pQ->zStory, &iStory);
  int bStories = has_table(pDb, "article_story");
  if( rc==MARSAD_OK && iStory && !bStories ){
    rc = marsad_db_error(pDb, MARSAD_NOTFOUND, "no stories in this database");
  }
  char *zSql = 0;
  if( rc==MARSAD_OK ){
    marsad_buf b = MARSAD_BUF_INIT;
    marsad_buf_printf(&b, zSqlFmt, bStories
        ? "(?3 IS NULL OR a.id IN (SELECT article FROM article_story WHERE story=?3))" : "?3 IS NULL");
    zSql = marsad_buf_take(&b);
    if( zSql==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb, zSql, ppStmt);
  marsad_free(zSql);
  if( rc!=MARSAD_OK ) return rc;
  sqlite3_stmt *q = *ppStmt;
  char *zKey = 0;
  size_t nKey = 0;
  if( pQ->zSpeaker && pQ->zSpeaker[0] ){
    rc = marsad_normalize(pQ->zSpeaker, strlen(pQ->zSpeaker), &zKey, &nKey);
  }
  marsad_bind_str(q, 1, pQ->zKind && pQ->zKind[0] ? pQ->zKind : 0);
  marsad_bind_str(q, 2, zKey);
  if( iStory ) sqlite3_bind_int64(q, 3, iStory);
  marsad_bind_str(q, 4, pQ->zOutlet);
  marsad_bind_str(q, 5, pQ->zSince);
  marsad_bind_str(q, 6, pQ->zUntil);
  sqlite3_bind_int64(q, 7, pQ->nLimit>0 ? pQ->nLimit : -1);
  sqlite3_bind_int64(q, 8, pQ->nOffset);
  marsad_free(zKey);
  if( rc ){ sqlite3_finalize(q); *ppStmt = 0; }
  return rc;
}

/* The filter's words ?2 (a key: Latin lower-cased) in the English name of
** the entity COL points to (--speaker Erdogan: رجب طيب أردوغان). */
#define SPEAKER_EN(COL) " OR " COL " IN (SELECT id FROM entity WHERE instr(lower(name_en), ?2)>0)"

/* The statements query; %s is the story clause. */
static const char zStatementsSql[] =
  "SELECT " ARTICLE_COLS STATEMENT_COLS
  " FROM statement s JOIN article a ON a.id=s.article"
  " LEFT JOIN article_facts af ON af.article=a.id"
  " WHERE (?1 IS NULL OR s.stance=?1)"
  " AND (?2 IS NULL OR instr(marsad_key(s.speaker_text), ?2)>0 OR 'e'||s.speaker=?2" SPEAKER_EN("s.speaker") ")"
  " AND %s AND (?4 IS NULL OR a.outlet=?4)"
  " AND (?5 IS NULL OR s.date>=?5) AND (?6 IS NULL OR s.date<=?6)"
  " ORDER BY s.date IS NULL, s.date, a.id, s.start LIMIT ?7 OFFSET ?8";

/* The figures query; %s is the story clause. */
static const char zFiguresSql[] =
  "SELECT " ARTICLE_COLS FIGURE_COLS
  " FROM figure f JOIN article a ON a.id=f.article"
  " LEFT JOIN article_facts af ON af.article=a.id"
  " WHERE (?1 IS NULL OR f.counts=?1)"
  " AND (?2 IS NULL OR instr(marsad_key(f.reported_by_text), ?2)>0 OR 'e'||f.reported_by=?2" SPEAKER_EN("f.reported_by") ")"
  " AND %s AND (?4 IS NULL OR a.outlet=?4)"
  " AND (?5 IS NULL OR f.date>=?5) AND (?6 IS NULL OR f.date<=?6)"
  " ORDER BY f.counts, f.date IS NULL, f.date, a.id, f.start LIMIT ?7 OFFSET ?8";

/* Runs a listing and answers its rows as a JSON array. */
static int listing_json(marsad_db *pDb, const char *zSql, const marsad_query *pQ, char **pzJson){
  sqlite3_stmt *q = 0;
  json_t *pArr = 0;
  *pzJson = 0;
  int rc = prepare_listing(pDb, zSql, pQ, &q);
  if( rc==MARSAD_OK ) rc = rows_json(pDb, q, &pArr);
  sqlite3_finalize(q);
  if( rc==MARSAD_OK ) rc = marsad_jsonq_finish(pArr, pzJson);
  return rc;
}

/* Checks a stance or counts filter zKind against the names xName gives for
** 1..nLast. MARSAD_MISUSE, with the valid names in the message, when it is
** none of them, so that a mistyped filter is not answered "none found". */
static int check_kind(marsad_db *pDb, const char *zKind, const char *zWhat,
                      const char *(*xName)(int), int nLast){
  if( zKind==0 || zKind[0]==0 ) return MARSAD_OK;
  marsad_buf names = MARSAD_BUF_INIT;
  for(int i=1; i<=nLast; i++){
    if( strcmp(zKind, xName(i))==0 ){ marsad_buf_free(&names); return MARSAD_OK; }
    marsad_buf_printf(&names, "%s%s", i>1 ? ", " : "", xName(i));
  }
  int rc = marsad_db_error(pDb, MARSAD_MISUSE, "unknown %s '%s' (one of: %s)",
                           zWhat, zKind, names.a ? names.a : "");
  marsad_buf_free(&names);
  return rc;
}

int marsad_statements_json(marsad_db *pDb, const marsad_query *pQ, char **pzJson){
  *pzJson = 0;
  int rc = check_kind(pDb, pQ->zKind, "stance", marsad_stance_name, MARSAD_STANCE_STATE);
  return rc ? rc : listing_json(pDb, zStatementsSql, pQ, pzJson);
}

int marsad_figures_json(marsad_db *pDb, const marsad_query *pQ, char **pzJson){
  *pzJson = 0;
  int rc = check_kind(pDb, pQ->zKind, "counts", marsad_counts_name,
                      MARSAD_COUNTS_WOUNDED_OR_MISSING);
  return rc ? rc : listing_json(pDb, zFiguresSql, pQ, pzJson);
}

/* ---- export ---- */

/* Writes one JSON record and a newline. */
static int write_record(marsad_db *pDb, json_t *o, FILE *pOut){
  if( o==0 ) return MARSAD_NOMEM;
  int r = json_dumpf(o, pOut, JSON_COMPACT|JSON_PRESERVE_ORDER);
  json_decref(o);
  if( r || fputc('\n', pOut)==EOF ) return marsad_db_error(pDb, MARSAD_IO, "export: cannot write");
  return MARSAD_OK;
}

/* The per-article queries of the export. */
typedef struct export_q {
  sqlite3_stmt *pArt;
  sqlite3_stmt *pMention;   /* NULL without the entities' tables */
  sqlite3_stmt *pFig;
  sqlite3_stmt *pStmt;
  sqlite3_stmt *pDate;
} export_q;

/* Prepares the export's queries. */
static int export_prepare(marsad_db *pDb, export_q *e){
  int bStories = has_table(pDb, "article_story");
  int rc = marsad_db_prepare(pDb, bStories
      ? "SELECT a.id AS article_rowid, a.uid AS id, a.input, a.outlet, a.url,"
        " COALESCE(a.published, af.published) AS published, a.title, a.body,"
        " CASE WHEN s.story IS NULL THEN NULL ELSE 's'||s.story END AS story"
        " FROM article a LEFT JOIN article_facts af ON af.article=a.id"
        " LEFT JOIN article_story s ON s.article=a.id ORDER BY a.id"
      : "SELECT a.id AS article_rowid, a.uid AS id, a.input, a.outlet, a.url,"
        " COALESCE(a.published, af.published) AS published, a.title, a.body, NULL AS story"
        " FROM article a LEFT JOIN article_facts af ON af.article=a.id ORDER BY a.id", &e->pArt);
  if( rc==MARSAD_OK && has_table(pDb, "mention") ) rc = marsad_db_prepare(pDb,
      "SELECT CASE WHEN entity IS NULL OR entity=0 THEN NULL ELSE 'e'||entity END AS entity,"
      " text, start, end, CASE field WHEN 1 THEN 'title' ELSE 'body' END AS field"
      " FROM mention WHERE article=?1 ORDER BY field DESC, start", &e->pMention);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "SELECT " FIGURE_COLS " FROM figure f JOIN article a ON a.id=f.article"
      " WHERE f.article=?1 ORDER BY f.start", &e->pFig);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "SELECT " STATEMENT_COLS " FROM statement s JOIN article a ON a.id=s.article"
      " WHERE s.article=?1 ORDER BY s.start", &e->pStmt);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "SELECT " DATE_COLS " FROM date_mention d JOIN article a ON a.id=d.article"
      " WHERE d.article=?1 ORDER BY d.start", &e->pDate);
  return rc;
}

/* Frees the export's queries. */
static void export_finalize(export_q *e){
  sqlite3_finalize(e->pArt);
  sqlite3_finalize(e->pMention);
  sqlite3_finalize(e->pFig);
  sqlite3_finalize(e->pStmt);
  sqlite3_finalize(e->pDate);
}

/* Adds member zKey: the rows of q for article iArt (an empty array when q
** is NULL). */
static int add_rows(marsad_db *pDb, json_t *o, const char *zKey, sqlite3_stmt *q,
                    sqlite3_int64 iArt){
  json_t *pArr = 0;
  int rc = MARSAD_OK;
  if( q ){
    sqlite3_bind_int64(q, 1, iArt);
    rc = rows_json(pDb, q, &pArr);
    sqlite3_reset(q);
  }else{
    pArr = json_array();
    if( pArr==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK && json_object_set_new(o, zKey, pArr) ) rc = MARSAD_NOMEM;
  return rc;
}

/* Writes the article records. */
static int export_articles(marsad_db *pDb, FILE *pOut){
  export_q e;
  memset(&e, 0, sizeof e);
  int rc = export_prepare(pDb, &e);
  int st;
  while( rc==MARSAD_OK && (st = sqlite3_step(e.pArt))==SQLITE_ROW ){
    sqlite3_int64 iArt = sqlite3_column_int64(e.pArt, 0);
    json_t *pRow = marsad_jsonq_row(e.pArt);
    json_t *o = json_object();
    if( pRow==0 || o==0 || json_object_set_new(o, "type", json_string("article")) ){
      json_decref(pRow); json_decref(o);
      rc = MARSAD_NOMEM;
      break;
    }
    json_object_del(pRow, "article_rowid");
    if( json_object_update(o, pRow) ) rc = MARSAD_NOMEM;
    json_decref(pRow);
    if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "mentions", e.pMention, iArt);
    if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "figures", e.pFig, iArt);
    if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "statements", e.pStmt, iArt);
    if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "dates", e.pDate, iArt);
    if( rc==MARSAD_OK ) rc = write_record(pDb, o, pOut);
    else json_decref(o);
  }
  if( rc==MARSAD_OK && st!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "export");
  export_finalize(&e);
  return rc;
}

/* Writes one record per row of zSql (type zType), with member zListKey
** filled from the first column of zListSql (?1 = the row's id, column 0,
** which is exported as zIdPrefix + id). */
static int export_groups(marsad_db *pDb, FILE *pOut, const char *zType, const char *zIdPrefix,
                         const char *zSql, const char *zListKey, const char *zListSql){
  sqlite3_stmt *q = 0, *pList = 0;
  int rc = marsad_db_prepare(pDb, zSql, &q);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb, zListSql, &pList);
  int st = SQLITE_DONE;
  while( rc==MARSAD_OK && (st = sqlite3_step(q))==SQLITE_ROW ){
    sqlite3_int64 iId = sqlite3_column_int64(q, 0);
    char zId[32];
    snprintf(zId, sizeof zId, "%s%lld", zIdPrefix, (long long)iId);
    json_t *o = json_object();
    json_t *pRow = marsad_jsonq_row(q);
    json_t *pArr = json_array();
    if( o==0 || pRow==0 || pArr==0 || json_object_set_new(o, "type", json_string(zType)) ){
      json_decref(o); json_decref(pRow); json_decref(pArr);
      rc = MARSAD_NOMEM;
      break;
    }
    json_object_set_new(pRow, "id", json_string(zId));
    json_object_update(o, pRow);
    json_decref(pRow);
    sqlite3_bind_int64(pList, 1, iId);
    while( sqlite3_step(pList)==SQLITE_ROW ){
      json_array_append_new(pArr, marsad_jsonq_string((const char*)sqlite3_column_text(pList, 0),
                                                      (size_t)sqlite3_column_bytes(pList, 0)));
    }
    sqlite3_reset(pList);
    json_object_set_new(o, zListKey, pArr);
    rc = write_record(pDb, o, pOut);
  }
  if( rc==MARSAD_OK && st!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "export");
  sqlite3_finalize(q);
  sqlite3_finalize(pList);
  return rc;
}

/* Writes a field of CSV, quoted when needed (RFC 4180). */
static void csv_field(FILE *pOut, const char *z){
  if( z==0 ) return;
  if( strpbrk(z, ",\"\r\n")==0 ){ fputs(z, pOut); return; }
  fputc('"', pOut);
  for(; *z; z++){
    if( *z=='"' ) fputc('"', pOut);
    fputc(*z, pOut);
  }
  fputc('"', pOut);
}

/* Writes the rows of listing zSql as CSV with a header line. */
static int export_csv(marsad_db *pDb, const char *zSql, FILE *pOut){
  marsad_query all;
  memset(&all, 0, sizeof all);
  sqlite3_stmt *q = 0;
  int rc = prepare_listing(pDb, zSql, &all, &q);
  if( rc ) return rc;
  int nCol = sqlite3_column_count(q);
  for(int i=0; i<nCol; i++){
    if( i ) fputc(',', pOut);
    csv_field(pOut, sqlite3_column_name(q, i));
  }
  fputs("\r\n", pOut);
  int st;
  while( (st = sqlite3_step(q))==SQLITE_ROW ){
    for(int i=0; i<nCol; i++){
      if( i ) fputc(',', pOut);
      csv_field(pOut, (const char*)sqlite3_column_text(q, i));
    }
    fputs("\r\n", pOut);
  }
  if( st!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "export");
  sqlite3_finalize(q);
  if( rc==MARSAD_OK && ferror(pOut) ) rc = marsad_db_error(pDb, MARSAD_IO, "export: cannot write");
  return rc;
}

int marsad_export(marsad_db *pDb, int eFormat, FILE *pOut){
  int rc = MARSAD_OK;
  switch( eFormat ){
    case MARSAD_EXPORT_CSV_FIGURES:    return export_csv(pDb, zFiguresSql, pOut);
    case MARSAD_EXPORT_CSV_STATEMENTS: return export_csv(pDb, zStatementsSql, pOut);
    case MARSAD_EXPORT_JSONL: break;
    default: return marsad_db_error(pDb, MARSAD_MISUSE, "unknown export format %d", eFormat);
  }
  rc = export_articles(pDb, pOut);
  if( rc==MARSAD_OK && has_table(pDb, "entity") ){
    rc = export_groups(pDb, pOut, "entity", "e",
        "SELECT id, kind, name FROM entity ORDER BY id", "variants",
        has_table(pDb, "entity_variant")
          ? "SELECT DISTINCT text FROM entity_variant WHERE entity=?1 ORDER BY text"
          : "SELECT name FROM entity WHERE id=?1");
  }
  if( rc==MARSAD_OK && has_table(pDb, "story") && has_table(pDb, "article_story") ){
    rc = export_groups(pDb, pOut, "story", "s",
        "SELECT id, title, first, last FROM story ORDER BY id", "articles",
        "SELECT a.uid FROM article_story s JOIN article a ON a.id=s.article"
        " WHERE s.story=?1 ORDER BY a.id");
  }
  if( rc==MARSAD_OK && fflush(pOut) ) rc = marsad_db_error(pDb, MARSAD_IO, "export: cannot write");
  return rc;
}

/* Adds member "story" to o: the story of article iArt ("s12"), or null when
** it has none or there are no stories. */
static int add_story(marsad_db *pDb, json_t *o, sqlite3_int64 iArt){
  sqlite3_stmt *q = 0;
  json_t *pStory = 0;
  int rc = MARSAD_OK;
  if( has_table(pDb, "article_story") ){
    rc = marsad_db_prepare(pDb, "SELECT 's'||story FROM article_story WHERE article=?1", &q);
    if( rc==MARSAD_OK ){
      sqlite3_bind_int64(q, 1, iArt);
      if( sqlite3_step(q)==SQLITE_ROW ) pStory = json_string((const char*)sqlite3_column_text(q, 0));
    }
    sqlite3_finalize(q);
  }
  if( rc==MARSAD_OK && json_object_set_new(o, "story", pStory ? pStory : json_null()) ) rc = MARSAD_NOMEM;
  return rc;
}

int marsad_article_facts_json(marsad_db *pDb, const char *zId, char **pzJson){
  export_q e;
  memset(&e, 0, sizeof e);
  sqlite3_stmt *q = 0;
  sqlite3_int64 iArt = 0;
  json_t *o = 0;
  *pzJson = 0;
  int rc = marsad_db_prepare(pDb, "SELECT id FROM article WHERE uid=?1", &q);
  if( rc==MARSAD_OK ){
    marsad_bind_str(q, 1, zId);
    if( sqlite3_step(q)==SQLITE_ROW ) iArt = sqlite3_column_int64(q, 0);
    else rc = marsad_db_error(pDb, MARSAD_NOTFOUND, "no article %s", zId);
  }
  sqlite3_finalize(q);
  if( rc==MARSAD_OK ) rc = export_prepare(pDb, &e);
  if( rc==MARSAD_OK ){
    o = json_pack("{s:s}", "id", zId);
    if( o==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK ) rc = add_story(pDb, o, iArt);
  if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "mentions", e.pMention, iArt);
  if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "figures", e.pFig, iArt);
  if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "statements", e.pStmt, iArt);
  if( rc==MARSAD_OK ) rc = add_rows(pDb, o, "dates", e.pDate, iArt);
  export_finalize(&e);
  if( rc==MARSAD_OK ) return marsad_jsonq_finish(o, pzJson);
  json_decref(o);
  return rc;
}
