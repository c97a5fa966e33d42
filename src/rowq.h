/*
** rowq.h: rows waiting to be inserted into one table, inserted together
** several rows per INSERT statement (each execution of a statement has a
** fixed cost: its program started, its cursors opened, its B-trees sought
** from the root). The entity module queues its entity, variant and mention
** rows, the facts module its date, statement and figure rows, and each
** inserts them before its batch commits or before a statement of its own
** changes stored rows.
*/
#ifndef MARSAD_ROWQ_H
#define MARSAD_ROWQ_H
#include <stddef.h>
#include "buf.h"
#include "db.h"

#define MARSAD_ROWQ_NSIZE 5   /* statements per queue: rows per INSERT, largest first */

/* One value of a queued row. */
typedef struct marsad_rowq_cell {
  int eType;           /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
  long long i;         /* the integer */
  size_t iOff, n;      /* the text, in marsad_rowq.text */
} marsad_rowq_cell;

/* The rows waiting to be inserted into one table. Set zInsert, nCol and
** zWhat; the rest starts zeroed. */
typedef struct marsad_rowq {
  const char *zInsert;            /* "INSERT INTO t(a, b) VALUES" */
  int nCol;                       /* values per row */
  const char *zWhat;              /* for errors: "storing a mention" */
  sqlite3_stmt *apStmt[MARSAD_ROWQ_NSIZE]; /* INSERTs of several sizes, prepared on need */
  marsad_rowq_cell *aCell;        /* nRow*nCol values */
  int nRow, nRowAlloc;
  marsad_buf text;                /* the texts' bytes */
  int rc;                         /* MARSAD_NOMEM once a row could not be queued */
} marsad_rowq;

/* Starts a row of queue q; its values follow through marsad_rowq_int,
** marsad_rowq_text, marsad_rowq_str. Sets q->rc on failure. */
void marsad_rowq_row(marsad_rowq *q);

/* Value iCol of the last row of q: the integer i. */
void marsad_rowq_int(marsad_rowq *q, int iCol, long long i);

/* Value iCol of the last row of q: the text p[0..n) (copied), or NULL when
** p is. */
void marsad_rowq_text(marsad_rowq *q, int iCol, const char *p, size_t n);

/* Value iCol of the last row of q: the string z (NULL for NULL). */
void marsad_rowq_str(marsad_rowq *q, int iCol, const char *z);

/* Value iCol of row iRow of q, which has one: the string z (NULL for
** NULL), in place of what it was. */
void marsad_rowq_set_str(marsad_rowq *q, int iRow, int iCol, const char *z);

/* Value iCol of the last row of q: NULL. */
void marsad_rowq_null(marsad_rowq *q, int iCol);

/* Empties q (its rows are forgotten, not inserted). */
void marsad_rowq_clear(marsad_rowq *q);

/* Inserts the rows of q into pDb, as few statements as the sizes allow, in
** the order they were queued, and empties q. MARSAD_OK, NOMEM (a row could
** not be queued) or the database's error. */
int marsad_rowq_flush(marsad_db *pDb, marsad_rowq *q);

/* Frees the queue's memory and statements (not q itself). */
void marsad_rowq_free(marsad_rowq *q);

#endif
