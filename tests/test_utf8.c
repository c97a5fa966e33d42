/*
** test_utf8.c: the bounds-checked UTF-8 decoder, encoder and repair of
** utf8.h, on valid text and on every kind of invalid sequence.
*/
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "utf8.h"

/* One decode case: bytes, expected code point, length, badness. */
typedef struct dec_case { const char *z; size_t n; uint32_t cp; size_t nLen; int bBad; } dec_case;

static const dec_case aDec[] = {
  { "A", 1, 'A', 1, 0 },
  { "\xd8\xa7", 2, 0x0627, 2, 0 },                /* ا */
  { "\xef\xbb\xbb", 3, 0xFEFB, 3, 0 },            /* ﻻ */
  { "\xf0\x9f\x98\x80", 4, 0x1F600, 4, 0 },       /* emoji */
  { "\xc2\x80", 2, 0x80, 2, 0 },                  /* smallest 2-byte */
  { "\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4, 0 },      /* largest code point */
  { "\x80", 1, 0xFFFD, 1, 1 },                    /* lone continuation */
  { "\xc0\xaf", 2, 0xFFFD, 1, 1 },                /* overlong (bad lead) */
  { "\xe0\x80\xaf", 3, 0xFFFD, 1, 1 },            /* overlong 3-byte */
  { "\xf0\x80\x80\xaf", 4, 0xFFFD, 1, 1 },        /* overlong 4-byte */
  { "\xed\xa0\x80", 3, 0xFFFD, 1, 1 },            /* surrogate */
  { "\xf4\x90\x80\x80", 4, 0xFFFD, 1, 1 },        /* past U+10FFFF */
  { "\xf5\x80\x80\x80", 4, 0xFFFD, 1, 1 },        /* bad lead */
  { "\xff", 1, 0xFFFD, 1, 1 },
  { "\xd8", 1, 0xFFFD, 1, 1 },                    /* truncated at the end */
  { "\xe2\x80", 2, 0xFFFD, 1, 1 },
  { "\xd8" "A", 2, 0xFFFD, 1, 1 },                /* bad continuation */
  { "\xe2\x80" "A", 3, 0xFFFD, 1, 1 },
};

static void test_decode(void){
  for(size_t i=0; i<sizeof aDec/sizeof aDec[0]; i++){
    size_t nLen = 0;
    int bBad = -1;
    uint32_t cp = marsad_utf8_decode((const unsigned char*)aDec[i].z, aDec[i].n, &nLen, &bBad);
    CHECK_EQ_INT(cp, aDec[i].cp);
    CHECK_EQ_INT(nLen, aDec[i].nLen);
    CHECK_EQ_INT(bBad, aDec[i].bBad);
  }
}

/* Encoding round-trips through decoding; bad code points become U+FFFD. */
static void test_encode(void){
  static const uint32_t aCp[] = { 0, 'z', 0x7F, 0x80, 0x7FF, 0x800, 0x0627,
                                  0xFFFF, 0x10000, 0x10FFFF };
  for(size_t i=0; i<sizeof aCp/sizeof aCp[0]; i++){
    unsigned char a[4];
    size_t n = marsad_utf8_encode(aCp[i], a), nLen;
    int bBad;
    CHECK_EQ_INT(marsad_utf8_decode(a, n, &nLen, &bBad), aCp[i]);
    CHECK_EQ_INT(nLen, n);
    CHECK_EQ_INT(bBad, 0);
  }
  unsigned char a[4];
  CHECK_EQ_INT(marsad_utf8_encode(0xD800, a), 3);
  CHECK(memcmp(a, "\xef\xbf\xbd", 3)==0);
  CHECK_EQ_INT(marsad_utf8_encode(0x110000, a), 3);
  CHECK(memcmp(a, "\xef\xbf\xbd", 3)==0);
}

/* Counting and repairing: each bad byte is one U+FFFD; good text is kept. */
static void test_sanitize(void){
  const char *zIn = "ab\xff" "سلام\xd8" "c\xe2\x80";
  size_t nIn = strlen(zIn);
  CHECK_EQ_INT(marsad_utf8_count_invalid(zIn, nIn), 4);
  char *z = 0;
  size_t n = 0, nBad = 0;
  CHECK_EQ_INT(marsad_utf8_sanitize(zIn, nIn, &z, &n, &nBad), MARSAD_OK);
  CHECK_EQ_STR(z, "ab\xef\xbf\xbd" "سلام\xef\xbf\xbd" "c\xef\xbf\xbd\xef\xbf\xbd");
  CHECK_EQ_INT(n, strlen(z));
  CHECK_EQ_INT(nBad, 4);
  CHECK_EQ_INT(marsad_utf8_count_invalid(z, n), 0);
  marsad_free(z);
  CHECK_EQ_INT(marsad_utf8_sanitize("", 0, &z, &n, &nBad), MARSAD_OK);
  CHECK_EQ_STR(z, "");
  CHECK_EQ_INT(nBad, 0);
  marsad_free(z);
  marsad_alloc_fail_after(0);
  CHECK_EQ_INT(marsad_utf8_sanitize("abc", 3, &z, &n, &nBad), MARSAD_NOMEM);
  marsad_alloc_fail_after(-1);
  CHECK(z==0);
}

int main(void){
  RUN(test_decode);
  RUN(test_encode);
  RUN(test_sanitize);
  return DONE();
}
