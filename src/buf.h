/*
** buf.h: growable byte buffers with a sticky error code, in the manner of
** FTS5's Fts5Buffer. Once an append fails, rc holds MARSAD_NOMEM and every
** later append does nothing, so a caller can chain appends and check once.
*/
#ifndef MARSAD_BUF_H
#define MARSAD_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct marsad_buf {
  char *a;        /* bytes; always NUL-terminated when nAlloc > 0 */
  size_t n;       /* bytes used, not counting the terminator */
  size_t nAlloc;  /* bytes allocated */
  int rc;         /* MARSAD_OK, or the first error (sticky) */
} marsad_buf;

/* Static initializer: an empty buffer that owns nothing. */
#define MARSAD_BUF_INIT {0, 0, 0, 0}

/* Ensures room for nMore bytes past n (plus the terminator). Sticky rc. */
int marsad_buf_grow(marsad_buf *pBuf, size_t nMore);

/* marsad_buf_append when the buffer must grow (or has failed). */
void marsad_buf_append_grow(marsad_buf *pBuf, const char *p, size_t n);

/* Appends p[0..n). Sticky rc. Inline for the common case, where the bytes
** fit: the tokenizers and the cleaner append millions of short keys. */
static inline void marsad_buf_append(marsad_buf *pBuf, const char *p, size_t n){
  if( pBuf->rc || n>=pBuf->nAlloc-pBuf->n ){   /* nAlloc > n once allocated */
    marsad_buf_append_grow(pBuf, p, n);
    return;
  }
  if( n ) memcpy(pBuf->a + pBuf->n, p, n);
  pBuf->n += n;
  pBuf->a[pBuf->n] = 0;
}

/* Appends a NUL-terminated string. Sticky rc. */
void marsad_buf_puts(marsad_buf *pBuf, const char *z);

/* Appends one code point as UTF-8. Sticky rc. */
void marsad_buf_putcp(marsad_buf *pBuf, unsigned int cp);

/* Appends printf-formatted text. Sticky rc. */
void marsad_buf_printf(marsad_buf *pBuf, const char *zFmt, ...)
  __attribute__((format(printf, 2, 3)));

/* Empties the buffer, keeping its memory and clearing rc. */
void marsad_buf_reset(marsad_buf *pBuf);

/* Frees the memory and returns the buffer to MARSAD_BUF_INIT. */
void marsad_buf_free(marsad_buf *pBuf);

/* Hands the bytes over to the caller (free with marsad_free) and leaves the
** buffer empty. Returns NULL if rc is set (the bytes are then freed) and an
** empty string for an empty buffer; NULL also when that allocation fails. */
char *marsad_buf_take(marsad_buf *pBuf);

#endif
