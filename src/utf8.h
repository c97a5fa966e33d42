/*
** utf8.h: a UTF-8 decoder that never reads outside its buffer. Invalid
** sequences (bad lead or continuation bytes, overlongs, surrogates, code
** points past U+10FFFF, truncation) decode to U+FFFD, one bad byte at a time.
*/
#ifndef MARSAD_UTF8_H
#define MARSAD_UTF8_H
#include <stddef.h>
#include <stdint.h>

#define MARSAD_UTF8_REPLACEMENT 0xFFFDu

/* Decodes the code point at p[0..n) (n >= 1). Sets *pnLen to the bytes it
** spans (1..4; 1 for an invalid byte) and *pbBad to 1 when the sequence was
** invalid (the result is then U+FFFD). */
uint32_t marsad_utf8_decode(const unsigned char *p, size_t n, size_t *pnLen,
                            int *pbBad);

/* marsad_utf8_decode with the common cases (ASCII, two-byte sequences such
** as Arabic letters) inlined for the hot loops of the text core. */
static inline uint32_t marsad_utf8_next(const unsigned char *p, size_t n,
                                        size_t *pnLen, int *pbBad){
  if( p[0]<0x80 ){ *pnLen = 1; *pbBad = 0; return p[0]; }
  if( p[0]>=0xC2 && p[0]<=0xDF && n>=2 && (p[1]&0xC0)==0x80 ){
    *pnLen = 2;
    *pbBad = 0;
    return ((uint32_t)(p[0]&0x1F)<<6) | (p[1]&0x3F);
  }
  return marsad_utf8_decode(p, n, pnLen, pbBad);
}

/* Writes cp as UTF-8 into a[0..4); returns the bytes written (1..4). A
** surrogate or out-of-range cp is written as U+FFFD. */
size_t marsad_utf8_encode(uint32_t cp, unsigned char a[4]);

/* Number of invalid sequences in p[0..n). */
size_t marsad_utf8_count_invalid(const char *p, size_t n);

/* Copies p[0..n) into *pzOut (owned by the caller, NUL-terminated) with every
** invalid sequence replaced by U+FFFD; *pnOut its length, *pnBad the count of
** replacements. MARSAD_OK or MARSAD_NOMEM. */
int marsad_utf8_sanitize(const char *p, size_t n, char **pzOut, size_t *pnOut,
                         size_t *pnBad);

#endif
