/*
** jsonq.c: JSON answers from SQLite rows (see jsonq.h).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "jsonq.h"

json_t *marsad_jsonq_string(const char *p, size_t n){
  return p ? json_stringn_nocheck(p, n) : json_null();
}

json_t *marsad_jsonq_row(sqlite3_stmt *pStmt){
  json_t *pObj = json_object();
  int nCol = sqlite3_column_count(pStmt);
  for(int i=0; pObj && i<nCol; i++){
    json_t *pVal;
    switch( sqlite3_column_type(pStmt, i) ){
      case SQLITE_INTEGER: pVal = json_integer(sqlite3_column_int64(pStmt, i)); break;
      case SQLITE_FLOAT:   pVal = json_real(sqlite3_column_double(pStmt, i)); break;
      case SQLITE_NULL:    pVal = json_null(); break;
      default:
        pVal = marsad_jsonq_string((const char*)sqlite3_column_text(pStmt, i),
                                   (size_t)sqlite3_column_bytes(pStmt, i));
    }
    if( pVal==0 || json_object_set_new(pObj, sqlite3_column_name(pStmt, i), pVal) ){
      json_decref(pObj);
      return 0;
    }
  }
  return pObj;
}

int marsad_jsonq_rows(marsad_db *pDb, sqlite3_stmt *pStmt, json_t **ppArray){
  json_t *pArr = json_array();
  int rc = pArr ? MARSAD_OK : MARSAD_NOMEM;
  int s;
  while( rc==MARSAD_OK && (s = sqlite3_step(pStmt))==SQLITE_ROW ){
    json_t *pRow = marsad_jsonq_row(pStmt);
    if( pRow==0 || json_array_append_new(pArr, pRow) ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, "query");
  if( rc ){ json_decref(pArr); pArr = 0; }
  *ppArray = pArr;
  return rc;
}

int marsad_jsonq_finish(json_t *p, char **pzJson){
  *pzJson = 0;
  if( p==0 ) return MARSAD_NOMEM;
  char *z = json_dumps(p, JSON_COMPACT|JSON_PRESERVE_ORDER);
  json_decref(p);
  if( z==0 ) return MARSAD_NOMEM;
  *pzJson = marsad_strdup(z);
  free(z);
  return *pzJson ? MARSAD_OK : MARSAD_NOMEM;
}
