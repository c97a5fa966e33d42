/*
** utf8.c: bounds-checked UTF-8 decoding, encoding and repair (see utf8.h).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "bytes16.h"
#include "utf8.h"

/* True when b is a continuation byte 10xxxxxx. */
static inline int is_cont(unsigned char b){ return (b & 0xC0)==0x80; }

uint32_t marsad_utf8_decode(const unsigned char *p, size_t n, size_t *pnLen,
                            int *pbBad){
  unsigned char b = p[0];
  uint32_t cp, nMin;
  size_t len;
  *pnLen = 1;
  *pbBad = 0;
  if( b<0x80 ) return b;
  if( b>=0xC2 && b<=0xDF ){ len = 2; cp = b & 0x1F; nMin = 0x80; }
  else if( b>=0xE0 && b<=0xEF ){ len = 3; cp = b & 0x0F; nMin = 0x800; }
  else if( b>=0xF0 && b<=0xF4 ){ len = 4; cp = b & 0x07; nMin = 0x10000; }
  else { *pbBad = 1; return MARSAD_UTF8_REPLACEMENT; }
  if( n<len ){ *pbBad = 1; return MARSAD_UTF8_REPLACEMENT; }
  for(size_t i=1; i<len; i++){
    if( !is_cont(p[i]) ){ *pbBad = 1; return MARSAD_UTF8_REPLACEMENT; }
    cp = (cp<<6) | (p[i] & 0x3F);
  }
  if( cp<nMin || cp>0x10FFFF || (cp>=0xD800 && cp<=0xDFFF) ){
    *pbBad = 1;
    return MARSAD_UTF8_REPLACEMENT;
  }
  *pnLen = len;
  return cp;
}

size_t marsad_utf8_encode(uint32_t cp, unsigned char a[4]){
  if( cp>0x10FFFF || (cp>=0xD800 && cp<=0xDFFF) ) cp = MARSAD_UTF8_REPLACEMENT;
  if( cp<0x80 ){ a[0] = (unsigned char)cp; return 1; }
  if( cp<0x800 ){
    a[0] = (unsigned char)(0xC0 | (cp>>6));
    a[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if( cp<0x10000 ){
    a[0] = (unsigned char)(0xE0 | (cp>>12));
    a[1] = (unsigned char)(0x80 | ((cp>>6) & 0x3F));
    a[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  a[0] = (unsigned char)(0xF0 | (cp>>18));
  a[1] = (unsigned char)(0x80 | ((cp>>12) & 0x3F));
  a[2] = (unsigned char)(0x80 | ((cp>>6) & 0x3F));
  a[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* The bytes from a[0] (a character's start) that are well-formed UTF-8 of
** one and two bytes, 16 or 17 (a character of two bytes at the end), or 0:
** every byte of a[0..16) is ASCII, a continuation byte, or a lead byte
** C2..DF, and a byte is a continuation byte exactly when the one before it
** (a[-1] being a character's end) is such a lead byte. a[16] must be
** readable. Most Arabic text (U+0600..U+06FF) passes so. */
static inline size_t two_byte_run16(const unsigned char *a){
  marsad_v16 v, w;                  /* w: each byte's next byte */
  marsad_v16_load_pair(a, &v, &w);
  marsad_m16 mLead = (v>=0xC2) & (v<=0xDF);
  marsad_m16 mNextCont = (w & 0xC0)==0x80;
  marsad_m16 m = (v>=0xE0) | (v==0xC0) | (v==0xC1) | (mLead ^ mNextCont);
  if( marsad_m16_any(m) || (a[0] & 0xC0)==0x80 ) return 0;
  return 16 + (mLead[15]!=0);
}

size_t marsad_utf8_count_invalid(const char *p, size_t n){
  const unsigned char *a = (const unsigned char*)p;
  size_t nBad = 0, i = 0, nRun;
  while( i<n ){
    if( n-i>17 && (nRun = two_byte_run16(a+i))>0 ){ i += nRun; continue; }
    size_t iEnd = n-i>16 ? i+16 : n;   /* then the next sixteen bytes one by one */
    while( i<iEnd ){
      if( a[i]<0x80 ){ i++; continue; }
      size_t len; int bBad;
      marsad_utf8_next(a+i, n-i, &len, &bBad);
      nBad += bBad;
      i += len;
    }
  }
  return nBad;
}

int marsad_utf8_sanitize(const char *p, size_t n, char **pzOut, size_t *pnOut,
                         size_t *pnBad){
  const unsigned char *a = (const unsigned char*)p;
  marsad_buf out = MARSAD_BUF_INIT;
  size_t nBad = 0, i = 0, iClean = 0;
  marsad_buf_grow(&out, n);
  while( i<n ){
    if( a[i]<0x80 ){ i++; continue; }
    size_t len; int bBad;
    marsad_utf8_next(a+i, n-i, &len, &bBad);
    if( bBad ){
      marsad_buf_append(&out, p+iClean, i-iClean);
      marsad_buf_putcp(&out, MARSAD_UTF8_REPLACEMENT);
      nBad++;
      iClean = i+len;
    }
    i += len;
  }
  marsad_buf_append(&out, p+iClean, n-iClean);
  *pnOut = out.n;
  *pnBad = nBad;
  *pzOut = marsad_buf_take(&out);
  if( *pzOut==0 ){ *pnOut = 0; return MARSAD_NOMEM; }
  return MARSAD_OK;
}
