/*
** rowq.c: rows queued for a table and inserted several per statement
** (rowq.h).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "rowq.h"

/* Rows per INSERT statement of a queue, largest first. */
static const int aRowqSize[MARSAD_ROWQ_NSIZE] = {256, 64, 16, 4, 1};

void marsad_rowq_row(marsad_rowq *q){
  if( q->rc==MARSAD_OK && q->nRow>=q->nRowAlloc ){   /* one element: a row's cells */
    marsad_rowq_cell *aNew = marsad_array_grow(q->aCell, &q->nRowAlloc, q->nRow+1,
                                               sizeof(*aNew)*(size_t)q->nCol, 64);
    if( aNew==0 ){ q->rc = MARSAD_NOMEM; return; }
    q->aCell = aNew;
  }
  if( q->rc==MARSAD_OK ) q->nRow++;
}

void marsad_rowq_int(marsad_rowq *q, int iCol, long long i){
  if( q->rc ) return;
  marsad_rowq_cell *c = &q->aCell[(q->nRow-1)*q->nCol+iCol];
  c->eType = SQLITE_INTEGER;
  c->i = i;
}

/* Value iCol of row iRow of q: the text p[0..n) (copied), or NULL when p
** is. */
static void rowq_set(marsad_rowq *q, int iRow, int iCol, const char *p, size_t n){
  if( q->rc ) return;
  marsad_rowq_cell *c = &q->aCell[iRow*q->nCol+iCol];
  c->eType = p ? SQLITE_TEXT : SQLITE_NULL;
  c->iOff = q->text.n;
  c->n = n;
  if( p ) marsad_buf_append(&q->text, p, n);
  if( q->text.rc ) q->rc = q->text.rc;
}

void marsad_rowq_text(marsad_rowq *q, int iCol, const char *p, size_t n){
  rowq_set(q, q->nRow-1, iCol, p, n);
}

void marsad_rowq_str(marsad_rowq *q, int iCol, const char *z){
  marsad_rowq_text(q, iCol, z, z ? strlen(z) : 0);
}

void marsad_rowq_set_str(marsad_rowq *q, int iRow, int iCol, const char *z){
  rowq_set(q, iRow, iCol, z, z ? strlen(z) : 0);
}

void marsad_rowq_null(marsad_rowq *q, int iCol){
  marsad_rowq_text(q, iCol, 0, 0);
}

void marsad_rowq_clear(marsad_rowq *q){
  q->nRow = 0;
  q->rc = MARSAD_OK;
  marsad_buf_reset(&q->text);
}

int marsad_rowq_flush(marsad_db *pDb, marsad_rowq *q){
  int rc = q->rc, iRow = 0;
  for(int k=0; rc==MARSAD_OK && iRow<q->nRow; ){
    if( q->nRow-iRow<aRowqSize[k] ){ k++; continue; }
    if( q->apStmt[k]==0 ) rc = marsad_db_prepare_rows(pDb, q->zInsert, q->nCol, aRowqSize[k], &q->apStmt[k]);
    sqlite3_stmt *pStmt = q->apStmt[k];
    for(int v=0; rc==MARSAD_OK && v<aRowqSize[k]*q->nCol; v++){
      const marsad_rowq_cell *c = &q->aCell[iRow*q->nCol+v];
      if( c->eType==SQLITE_INTEGER ) sqlite3_bind_int64(pStmt, v+1, c->i);
      else if( c->eType==SQLITE_TEXT ){
        sqlite3_bind_text64(pStmt, v+1, q->text.a+c->iOff, c->n, SQLITE_STATIC, SQLITE_UTF8);
      }else sqlite3_bind_null(pStmt, v+1);
    }
    if( rc==MARSAD_OK ){
      int rcStep = sqlite3_step(pStmt);
      sqlite3_reset(pStmt);
      if( rcStep!=SQLITE_DONE ) rc = marsad_db_sqlite_error(pDb, q->zWhat);
    }
    iRow += aRowqSize[k];
  }
  marsad_rowq_clear(q);
  return rc;
}

void marsad_rowq_free(marsad_rowq *q){
  for(int k=0; k<MARSAD_ROWQ_NSIZE; k++) sqlite3_finalize(q->apStmt[k]);
  marsad_free(q->aCell);
  marsad_buf_free(&q->text);
}
