/*
** test_norm.c: the key normalization of the text core (norm.h and
** marsad_normalize): every folding of data/arabic_fold.tsv that users rely
** on, and the map from key bytes back to source offsets.
*/
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "norm.h"

/* One folding case: source text and its expected key. */
typedef struct norm_case { const char *zIn; const char *zKey; } norm_case;

static const norm_case aCase[] = {
  /* harakat, superscript alef, tatweel */
  { "مُحَمَّدٌ", "محمد" },
  { "هٰذا", "هذا" },
  { "الســـلام", "السلام" },
  /* hamza carriers and alef forms */
  { "أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله" },
  { "مؤتمر رئيس", "موتمر رييس" },
  { "شيء سماء", "شيء سماء" },                /* lone hamza kept */
  { "ا\xd9\x94", "ا" },                        /* alef + combining hamza above */
  /* alef maqsura, ta marbuta */
  { "مستشفى مدرسة", "مستشفي مدرسه" },
  /* presentation forms */
  { "\xef\xbb\xbb", "لا" },                    /* U+FEFB lam-alef */
  { "\xef\xb7\xb2", "الله" },                  /* U+FDF2 */
  { "\xef\xba\x8d\xef\xbb\x9f\xef\xbb\xa3", "الم" }, /* contextual forms */
  { "\xef\xb9\xb0", "" },                      /* U+FE70 isolated fathatan */
  /* digits */
  { "٠١٢٣٤٥٦٧٨٩", "0123456789" },
  { "۰۱۲۳۴۵۶۷۸۹", "0123456789" },
  { "١٢٫٥ ١٬٠٠٠", "12.5 1,000" },
  /* invisible controls and spaces */
  { "a\xe2\x80\x8b" "b\xe2\x80\x8c" "c\xe2\x80\x8f" "d\xd8\x9c" "e", "abcde" },
  { "\xe2\x80\xaa" "x\xe2\x80\xae" "y\xe2\x81\xa6" "z\xe2\x81\xa9", "xyz" },
  { "a\xc2\xa0" "b", "a b" },
  { "\xef\xbb\xbf" "abc", "abc" },
  /* Latin: lower-cased, accents kept */
  { "Hello WORLD Élysée", "hello world élysée" },
  /* Persian letters */
  { "کی", "كي" },
  /* invalid UTF-8 becomes U+FFFD, one per bad byte */
  { "a\xff" "b", "a\xef\xbf\xbd" "b" },
  { "\xd9", "\xef\xbf\xbd" },
};

/* Checks every row of aCase through marsad_normalize. */
static void test_cases(void){
  for(size_t i=0; i<sizeof aCase/sizeof aCase[0]; i++){
    char *z = 0;
    size_t n = 99;
    int rc = marsad_normalize(aCase[i].zIn, strlen(aCase[i].zIn), &z, &n);
    CHECK_EQ_INT(rc, MARSAD_OK);
    CHECK_EQ_STR(z, aCase[i].zKey);
    CHECK_EQ_INT(n, strlen(aCase[i].zKey));
    marsad_free(z);
  }
}

/* The offset map points each key byte at the start of its source character,
** and aOff[n] is the source length. */
static void test_offsets(void){
  marsad_norm norm = MARSAD_NORM_INIT;
  const char *z = "Aأَ\xef\xb7\xb2" "b";      /* A, alef-hamza + fatha, ﷲ, b */
  CHECK_EQ_INT(marsad_norm_run(z, strlen(z), &norm), MARSAD_OK);
  CHECK_EQ_STR(norm.z, "aاالله" "b");
  uint32_t aWant[] = {0, 1,1, 5,5,5,5,5,5,5,5, 8, 9};
  CHECK_EQ_INT(norm.n, 12);
  for(size_t i=0; i<=norm.n && i<13; i++) CHECK_EQ_INT(norm.aOff[i], aWant[i]);
  /* the buffers are reused by a second run */
  CHECK_EQ_INT(marsad_norm_run("x", 1, &norm), MARSAD_OK);
  CHECK_EQ_STR(norm.z, "x");
  CHECK_EQ_INT(norm.aOff[1], 1);
  CHECK_EQ_INT(marsad_norm_run("", 0, &norm), MARSAD_OK);
  CHECK_EQ_STR(norm.z, "");
  CHECK_EQ_INT(norm.aOff[0], 0);
  /* a key range maps back over the harakat that follow its last letter */
  z = "محمدٌ قال";
  CHECK_EQ_INT(marsad_norm_run(z, strlen(z), &norm), MARSAD_OK);
  CHECK_EQ_STR(norm.z, "محمد قال");
  CHECK_EQ_INT(norm.aOff[0], 0);
  CHECK_EQ_INT(norm.aOff[8], 10);       /* the space after ٌ */
  marsad_norm_free(&norm);
  marsad_norm_free(&norm);       /* freeing twice is harmless */
}

/* A long text: growth of the buffers while expanding (ﷺ is 3 bytes and
** folds to 33). */
static void test_growth(void){
  size_t nRep = 1000;
  char *z = marsad_malloc(3*nRep);
  for(size_t i=0; i<nRep; i++) memcpy(z+3*i, "\xef\xb7\xba", 3);   /* U+FDFA */
  marsad_norm norm = MARSAD_NORM_INIT;
  CHECK_EQ_INT(marsad_norm_run(z, 3*nRep, &norm), MARSAD_OK);
  const char *zOne = "صلي الله عليه وسلم";
  CHECK_EQ_INT(norm.n, nRep*strlen(zOne));
  CHECK(memcmp(norm.z, zOne, strlen(zOne))==0);
  CHECK_EQ_INT(norm.aOff[norm.n-1], 3*nRep-3);
  CHECK_EQ_INT(norm.aOff[norm.n], 3*nRep);
  marsad_norm_free(&norm);
  marsad_free(z);
}

/* The single-character interface and the letter class. */
static void test_fold_and_letters(void){
  uint32_t a[MARSAD_NORM_FOLD_MAX];
  CHECK_EQ_INT(marsad_norm_fold(0x0623, a), 1);
  CHECK_EQ_INT(a[0], 0x0627);
  CHECK_EQ_INT(marsad_norm_fold(0x064E, a), 0);       /* fatha dropped */
  CHECK_EQ_INT(marsad_norm_fold(0x0640, a), 0);       /* tatweel dropped */
  CHECK_EQ_INT(marsad_norm_fold(0xFEFB, a), 2);       /* ﻻ */
  CHECK_EQ_INT(a[0], 0x0644);
  CHECK_EQ_INT(a[1], 0x0627);
  CHECK_EQ_INT(marsad_norm_fold('Q', a), 1);
  CHECK_EQ_INT(a[0], 'q');
  CHECK_EQ_INT(marsad_norm_fold(0x0621, a), 1);       /* hamza kept */
  CHECK_EQ_INT(a[0], 0x0621);
  CHECK(marsad_is_arabic_letter(0x0628));
  CHECK(marsad_is_arabic_letter(0x0621));
  CHECK(marsad_is_arabic_letter(0xFEFB));
  CHECK(marsad_is_arabic_letter(0xFDF2));
  CHECK(!marsad_is_arabic_letter(0x064E));
  CHECK(!marsad_is_arabic_letter(0x0640));
  CHECK(!marsad_is_arabic_letter(0x0661));
  CHECK(!marsad_is_arabic_letter(0x060C));
  CHECK(!marsad_is_arabic_letter('a'));
}

/* Out of memory: NOMEM, never a crash, nothing leaked. */
static void test_nomem(void){
  char *z = (char*)1;
  size_t n = 1;
  marsad_alloc_fail_after(0);
  CHECK_EQ_INT(marsad_normalize("abc", 3, &z, &n), MARSAD_NOMEM);
  marsad_alloc_fail_after(-1);
  CHECK(z==0);
  CHECK_EQ_INT(n, 0);
  for(long k=0; k<4; k++){
    marsad_norm norm = MARSAD_NORM_INIT;
    marsad_alloc_fail_after(k);
    int rc = marsad_norm_run("\xef\xb7\xba\xef\xb7\xba\xef\xb7\xba", 9, &norm);
    marsad_alloc_fail_after(-1);
    CHECK(rc==MARSAD_OK || rc==MARSAD_NOMEM);
    marsad_norm_free(&norm);
  }
}

int main(void){
  RUN(test_cases);
  RUN(test_offsets);
  RUN(test_growth);
  RUN(test_fold_and_letters);
  RUN(test_nomem);
  return DONE();
}
