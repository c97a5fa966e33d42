/*
** sentence.c: sentence splitting of Arabic news text (see sentence.h). One
** forward pass; at each terminator a few characters either side decide.
*/
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>
#include "marsad.h"
#include "bytes16.h"
#include "norm.h"
#include "sentence.h"
#include "utf8.h"

/* Decodes the character at a[i] (i < n); *pnLen gets its length. */
static inline uint32_t cp_at(const unsigned char *a, size_t n, size_t i,
                             size_t *pnLen){
  int bBad;
  if( a[i]<0x80 ){ *pnLen = 1; return a[i]; }
  return marsad_utf8_next(a+i, n-i, pnLen, &bBad);
}

/* Start of the character before a[i] (0 < i), never before 0. */
static size_t prev_start(const unsigned char *a, size_t i){
  size_t j = i-1;
  while( j>0 && i-j<4 && (a[j] & 0xC0)==0x80 ) j--;
  return j;
}

/* True for a character that ends a sentence. */
static int is_terminator(uint32_t cp){
  return cp=='.' || cp=='!' || cp=='?' || cp==0x061F /* ؟ */
      || cp==0x2026 /* … */ || cp==0x06D4 /* ۔ Arabic full stop */;
}

/* True for a closing quote or bracket that stays with the sentence it ends. */
static int is_closer(uint32_t cp){
  switch( cp ){
    case '"': case '\'': case ')': case ']': case '}':
    case 0x201D: case 0x2019: case 0x00BB: case 0x203A: case 0xFD3F:
      return 1;
  }
  return 0;
}

/* True for white space (a line break included). */
static int is_space(uint32_t cp){
  return cp==' ' || cp=='\t' || cp=='\n' || cp=='\r' || cp=='\f' || cp=='\v'
      || cp==0x00A0 || cp==0x2028 || cp==0x2029;
}

/* True for a letter of any script. */
static int is_letter(uint32_t cp){
  if( cp<0x80 ) return (cp|0x20)>='a' && (cp|0x20)<='z';
  if( marsad_is_arabic_letter(cp) ) return 1;
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c>=UTF8PROC_CATEGORY_LU && c<=UTF8PROC_CATEGORY_LO;
}

/* True for a decimal digit of any script. */
static int is_digit(uint32_t cp){
  if( cp<0x80 ) return cp>='0' && cp<='9';
  return utf8proc_category((utf8proc_int32_t)cp)==UTF8PROC_CATEGORY_ND;
}

/* True when the dot at a[i] ends an abbreviation: a one-letter word (Latin
** "J.", "U.S."; Arabic "د." for doctor, "م." for engineer or a year, "ص."
** for page) standing on its own. */
static int is_abbreviation(const unsigned char *a, size_t n, size_t i){
  size_t nLen;
  if( i==0 ) return 0;
  size_t j = prev_start(a, i);
  if( !is_letter(cp_at(a, n, j, &nLen)) ) return 0;
  if( j==0 ) return 1;
  size_t k = prev_start(a, j);
  uint32_t cp = cp_at(a, n, k, &nLen);
  return !is_letter(cp) && !is_digit(cp) && cp!=0x0640;
}

/* True when the terminators at a[i..j) (closers included) end a sentence:
** they are followed by the end, white space, or an Arabic letter (a space
** is often missing in Arabic text); a lone dot must not end a one-letter
** abbreviation. A dot between digits (3.5) or before a Latin letter
** (example.com) is followed by neither, so it never splits. */
static int ends_sentence(const unsigned char *a, size_t n, size_t i, size_t j,
                         size_t nTerm){
  size_t nLen;
  if( j<n ){
    uint32_t cp = cp_at(a, n, j, &nLen);
    if( !is_space(cp) && !marsad_is_arabic_letter(cp) ) return 0;
  }
  if( nTerm==1 && a[i]=='.' && is_abbreviation(a, n, i) ) return 0;
  return 1;
}

/* The bytes that can start a line end or a terminator (\n . ! ? and the
** lead bytes of ؟ D8 9F, ۔ DB 94, … E2 80 A6 and U+2029 E2 80 A9). No
** other byte starts one, and none of these is a continuation byte, so a
** scan may pass over the others one byte at a time: it stops at a
** character's start as the decoder would. */
static const unsigned char aMayEnd[256] = {
  ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xD8] = 1, [0xDB] = 1, [0xE2] = 1
};

/* True when skip_fast's byte loop would pass over all of the 16 bytes at a
** (a[16] must be readable): none is \n . ! ? or the lead byte DB or E2, and
** every D8 is followed by a continuation byte other than 9F. */
static inline int plain16(const unsigned char *a){
  marsad_v16 v, w;                  /* w: each byte's next byte */
  marsad_v16_load_pair(a, &v, &w);
  marsad_m16 m = (v=='\n') | (v=='.') | (v=='!') | (v=='?') | (v==0xDB) | (v==0xE2)
               | ((v==0xD8) & (((w & 0xC0)!=0x80) | (w==0x9F)));
  return !marsad_m16_any(m);
}

/* The offset of the first character at or after a[i] that may be a line end
** or a terminator, passing over the bytes that start none (ASCII other than
** \n . ! ?, continuation bytes, most lead bytes) and the well-formed
** characters of U+0600..U+063F other than ؟ (the Arabic letters led by D8):
** most of the bytes of Arabic text, tested without decoding them, sixteen
** at a time where none of them stops the scan. */
static inline size_t skip_fast(const unsigned char *a, size_t n, size_t i){
  while( i<n ){
    if( n-i>16 && plain16(a+i) ){ i += 16; continue; }
    size_t iEnd = n-i>16 ? i+16 : n;
    while( i<iEnd ){
      unsigned char c = a[i];
      if( !aMayEnd[c] ){ i++; continue; }
      if( c!=0xD8 || i+1>=n || (a[i+1]&0xC0)!=0x80 || a[i+1]==0x9F ) return i;
      i += 2;
    }
  }
  return i;
}

/* Calls xSentence for p[iStart..iEnd) with white space trimmed, unless empty. */
static int emit(const unsigned char *a, size_t iStart, size_t iEnd,
                marsad_sentence_fn xSentence, void *pCtx){
  size_t nLen;
  while( iStart<iEnd && is_space(cp_at(a, iEnd, iStart, &nLen)) ) iStart += nLen;
  while( iEnd>iStart ){
    size_t k = prev_start(a, iEnd);
    if( k<iStart || !is_space(cp_at(a, iEnd, k, &nLen)) ) break;
    iEnd = k;
  }
  if( iStart>=iEnd ) return MARSAD_OK;
  return xSentence(pCtx, iStart, iEnd);
}

int marsad_sentences(const char *p, size_t n, marsad_sentence_fn xSentence,
                     void *pCtx){
  const unsigned char *a = (const unsigned char*)p;
  size_t iStart = 0, i = 0, nLen;
  int rc = MARSAD_OK;
  while( rc==MARSAD_OK && i<n ){
    /* invariant: a[iStart..i) holds no sentence end */
    i = skip_fast(a, n, i);
    if( i>=n ) break;
    uint32_t cp = cp_at(a, n, i, &nLen);
    if( cp=='\n' || cp==0x2029 ){           /* a line is a paragraph */
      rc = emit(a, iStart, i, xSentence, pCtx);
      i += nLen;
      iStart = i;
      continue;
    }
    if( !is_terminator(cp) ){ i += nLen; continue; }
    size_t j = i+nLen, nTerm = 1;
    while( j<n && is_terminator(cp_at(a, n, j, &nLen)) ){ j += nLen; nTerm++; }
    while( j<n && is_closer(cp_at(a, n, j, &nLen)) ) j += nLen;
    if( ends_sentence(a, n, i, j, nTerm) ){
      rc = emit(a, iStart, j, xSentence, pCtx);
      iStart = j;
    }
    i = j;
  }
  if( rc==MARSAD_OK ) rc = emit(a, iStart, n, xSentence, pCtx);
  return rc;
}
