/*
** buf.c: growable byte buffers with a sticky error code (see buf.h).
*/
#include <stdio.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "utf8.h"

int marsad_buf_grow(marsad_buf *pBuf, size_t nMore){
  if( pBuf->rc ) return pBuf->rc;
  size_t nNeed = pBuf->n + nMore + 1;
  if( nNeed < pBuf->n ){ pBuf->rc = MARSAD_NOMEM; return pBuf->rc; }
  if( nNeed <= pBuf->nAlloc ) return MARSAD_OK;
  size_t nNew = pBuf->nAlloc ? pBuf->nAlloc : 64;
  while( nNew < nNeed ) nNew *= 2;
  char *aNew = marsad_realloc(pBuf->a, nNew);
  if( aNew==0 ){ pBuf->rc = MARSAD_NOMEM; return pBuf->rc; }
  aNew[pBuf->n] = 0;   /* NUL-terminated, even when nothing was appended yet */
  pBuf->a = aNew;
  pBuf->nAlloc = nNew;
  return MARSAD_OK;
}

void marsad_buf_append_grow(marsad_buf *pBuf, const char *p, size_t n){
  if( marsad_buf_grow(pBuf, n) ) return;
  if( n ) memcpy(pBuf->a + pBuf->n, p, n);
  pBuf->n += n;
  pBuf->a[pBuf->n] = 0;
}

void marsad_buf_puts(marsad_buf *pBuf, const char *z){
  marsad_buf_append(pBuf, z, strlen(z));
}

void marsad_buf_putcp(marsad_buf *pBuf, unsigned int cp){
  unsigned char a[4];
  size_t n = marsad_utf8_encode(cp, a);
  marsad_buf_append(pBuf, (const char*)a, n);
}

void marsad_buf_printf(marsad_buf *pBuf, const char *zFmt, ...){
  va_list ap;
  if( pBuf->rc ) return;
  va_start(ap, zFmt);
  int n = vsnprintf(0, 0, zFmt, ap);
  va_end(ap);
  if( n<0 || marsad_buf_grow(pBuf, (size_t)n) ) return;
  va_start(ap, zFmt);
  vsnprintf(pBuf->a + pBuf->n, (size_t)n + 1, zFmt, ap);
  va_end(ap);
  pBuf->n += (size_t)n;
}

void marsad_buf_reset(marsad_buf *pBuf){
  pBuf->n = 0;
  pBuf->rc = MARSAD_OK;
  if( pBuf->a ) pBuf->a[0] = 0;
}

void marsad_buf_free(marsad_buf *pBuf){
  marsad_free(pBuf->a);
  memset(pBuf, 0, sizeof *pBuf);
}

char *marsad_buf_take(marsad_buf *pBuf){
  char *z = 0;
  if( pBuf->rc==MARSAD_OK ){
    z = pBuf->a ? pBuf->a : marsad_strdup("");
    pBuf->a = 0;
  }
  marsad_buf_free(pBuf);
  return z;
}
