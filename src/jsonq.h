/*
** jsonq.h: helpers for query functions that answer in JSON: turning a row of
** a prepared statement into a jansson object, and handing the text over to
** the caller in the library's ownership convention.
*/
#ifndef MARSAD_JSONQ_H
#define MARSAD_JSONQ_H
#include <jansson.h>
#include <sqlite3.h>
#include "db.h"

/* An object whose members are the statement's current row: column names as
** keys, integers, reals, text (as strings) and NULL (as null). Returns NULL
** when out of memory. */
json_t *marsad_jsonq_row(sqlite3_stmt *pStmt);

/* Steps pStmt to the end, collecting each row (marsad_jsonq_row) into a new
** array in *ppArray. MARSAD_OK, MARSAD_NOMEM or MARSAD_DBERROR (recorded). */
int marsad_jsonq_rows(marsad_db *pDb, sqlite3_stmt *pStmt, json_t **ppArray);

/* Writes p (which it then releases, NULL meaning out of memory) as compact
** UTF-8 JSON into *pzJson, owned by the caller (marsad_free). */
int marsad_jsonq_finish(json_t *p, char **pzJson);

/* A jansson string of p[0..n), or json null for a NULL p. */
json_t *marsad_jsonq_string(const char *p, size_t n);

#endif
