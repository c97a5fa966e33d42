/*
** test_token.c: the tokenizer (token.h) and the public marsad_tokenize:
** token kinds, byte spans in the original text, keys and stems.
*/
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "token.h"
#include "utf8.h"
#include <utf8proc.h>

/* Tokens collected as "kind:start-end:key:stem" joined by " | ". */
typedef struct collect { char z[4096]; size_t n; int nTok; } collect;

/* Appends one token to the collection. */
static int collect_token(void *pCtx, const marsad_token *p){
  collect *c = (collect*)pCtx;
  static const char *azKind[] = {"?", "A", "L", "N", "P"};
  c->n += (size_t)snprintf(c->z+c->n, sizeof c->z - c->n, "%s%s:%zu-%zu:%.*s:%.*s",
      c->nTok ? " | " : "", azKind[p->eKind], p->iStart, p->iEnd,
      (int)p->nKey, p->pKey, (int)p->nStem, p->pStem);
  c->nTok++;
  return 0;
}

/* Tokenizes z and returns the collection as a string (static storage). */
static const char *tokens_of(const char *z, unsigned flags){
  static collect c;
  memset(&c, 0, sizeof c);
  int rc = marsad_tokenize(z, strlen(z), flags, collect_token, &c);
  CHECK_EQ_INT(rc, MARSAD_OK);
  return c.z;
}

/* A tokenizer case: input, flags, expected tokens. */
typedef struct tok_case { const char *zIn; unsigned flags; const char *zWant; } tok_case;

static const tok_case aCase[] = {
  /* Arabic words: harakat and tatweel stay in the span, leave the key */
  { "كَتَبَ الطالبُ", 0, "A:0-12:كتب:كتب | A:13-27:الطالب:طالب" },
  { "الســلام", 0, "A:0-16:السلام:سلام" },
  /* ZWNJ inside a word stays in it; at its end it does not */
  { "ab\xe2\x80\x8c" "cd \xe2\x80\x8c", 0, "L:0-7:abcd:abcd" },
  /* Latin words with digits, lower-cased keys */
  { "The G20 met", 0, "L:0-3:the:the | L:4-7:g20:g20 | L:8-11:met:met" },
  /* numbers with separators, in both digit sets */
  { "3.5 1,000 ١٢٫٥ ١٬٠٠٠", 0,
    "N:0-3:3.5:3.5 | N:4-9:1,000:1,000 | N:10-18:12.5:12.5 | N:19-29:1,000:1,000" },
  /* grouping separators need groups of three; lists of numbers split */
  { "1,250,000 2354,2340 12,5 1,0000 ١٬٢٣٤٬٥٦٧", 0,
    "N:0-9:1,250,000:1,250,000 | N:10-14:2354:2354 | N:15-19:2340:2340 | N:20-22:12:12 | N:23-24:5:5"
    " | N:25-26:1:1 | N:27-31:0000:0000 | N:32-50:1,234,567:1,234,567" },
  { "3.5.1 ١٢٫٥٫", 0, "N:0-5:3.5.1:3.5.1 | N:6-14:12.5:12.5" },
  /* a date is three numbers and two slashes */
  { "01/11/2020", MARSAD_TOKENIZE_PUNCT,
    "N:0-2:01:01 | P:2-3:/:/ | N:3-5:11:11 | P:5-6:/:/ | N:6-10:2020:2020" },
  /* a sentence-final dot is not part of the number */
  { "بلغ 35.", MARSAD_TOKENIZE_PUNCT, "A:0-6:بلغ:بلغ | N:7-9:35:35 | P:9-10:.:." },
  /* Arabic punctuation */
  { "نعم، لا؛ لماذا؟", MARSAD_TOKENIZE_PUNCT,
    "A:0-6:نعم:نعم | P:6-8:،:، | A:9-13:لا:لا | P:13-15:؛:؛ | A:16-26:لماذا:لماذا | P:26-28:؟:؟" },
  /* punctuation is silent without the flag */
  { "نعم، لا", 0, "A:0-6:نعم:نعم | A:9-13:لا:لا" },
  /* Arabic word then digits: two tokens */
  { "بـ2020", 0, "A:0-4:ب:ب | N:4-8:2020:2020" },
  /* script change splits */
  { "CNNالعربية", 0, "L:0-3:cnn:cnn | A:3-17:العربيه:عرب" },
  /* presentation forms are Arabic words */
  { "\xef\xbb\xbb \xef\xb7\xb2", 0, "A:0-3:لا:لا | A:4-7:الله:الله" },
  /* invalid UTF-8 separates words and is never reported */
  { "ab\xff" "cd\xc3", MARSAD_TOKENIZE_PUNCT, "L:0-2:ab:ab | L:3-5:cd:cd" },
  /* U+FFFD is a separator too */
  { "ab\xef\xbf\xbd" "cd", MARSAD_TOKENIZE_PUNCT, "L:0-2:ab:ab | L:5-7:cd:cd" },
  /* empty and blank texts */
  { "", MARSAD_TOKENIZE_PUNCT, "" },
  { " \n\t ", MARSAD_TOKENIZE_PUNCT, "" },
  /* orphan harakat and tatweel are not tokens */
  { "ـــ َ", MARSAD_TOKENIZE_PUNCT, "" },
};

/* Checks every row of aCase. */
static void test_cases(void){
  for(size_t i=0; i<sizeof aCase/sizeof aCase[0]; i++){
    CHECK_EQ_STR(tokens_of(aCase[i].zIn, aCase[i].flags), aCase[i].zWant);
  }
}

/* Counts span tokens and keeps the last one. */
typedef struct span_last { int nTok; marsad_span_token last; } span_last;

static int keep_last_span(void *pCtx, const marsad_span_token *p){
  span_last *c = (span_last*)pCtx;
  c->nTok++;
  c->last = *p;
  return 0;
}

/* Every letter and mark of the Arabic block (U+0600..U+06FF: letters,
** tatweel, harakat) goes on an Arabic word: "ب" + it + "ب" is one word;
** its digits and punctuation split it. */
static void test_arabic_block(void){
  for(uint32_t cp=0x0600; cp<=0x06FF; cp++){
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    int bLetterOrMark = (cat>=UTF8PROC_CATEGORY_LU && cat<=UTF8PROC_CATEGORY_LO)
                     || (cat>=UTF8PROC_CATEGORY_MN && cat<=UTF8PROC_CATEGORY_ME);
    int bSplits = cat==UTF8PROC_CATEGORY_ND
               || (cat>=UTF8PROC_CATEGORY_PC && cat<=UTF8PROC_CATEGORY_PO);
    if( !bLetterOrMark && !bSplits ) continue;
    unsigned char z[8] = {0xD8, 0xA8};
    size_t n = 2 + marsad_utf8_encode(cp, z+2);
    z[n++] = 0xD8;
    z[n++] = 0xA8;
    span_last c = {0};
    CHECK_EQ_INT(marsad_tokenize_spans((const char*)z, n, 1, keep_last_span, &c), MARSAD_OK);
    if( bSplits ){
      CHECK(c.nTok>=2);
      continue;
    }
    CHECK_EQ_INT(c.nTok, 1);
    CHECK_EQ_INT(c.last.eKind, MARSAD_TOKEN_ARABIC);
    CHECK_EQ_INT((int)c.last.iEnd, (int)n);
  }
}

/* A callback's non-zero value stops the tokenizer and is returned. */
static int stop_after_one(void *pCtx, const marsad_token *p){
  ++*(int*)pCtx;
  return 42;
}

static void test_stop(void){
  int n = 0;
  CHECK_EQ_INT(marsad_tokenize("a b c", 5, 0, stop_after_one, &n), 42);
  CHECK_EQ_INT(n, 1);
}

/* Raw spans: every byte of a token lies inside the text, spans increase. */
typedef struct span_check { size_t iLast; int nTok; int bOk; size_t n; } span_check;

static int check_span(void *pCtx, const marsad_span_token *p){
  span_check *c = (span_check*)pCtx;
  if( p->iStart<c->iLast || p->iEnd<=p->iStart || p->iEnd>c->n ) c->bOk = 0;
  c->iLast = p->iEnd;
  c->nTok++;
  return 0;
}

static void test_spans(void){
  const char *z = "قال الرئيسُ إنّ 45% من \"الناس\" (تقريباً) وافقوا... OK!";
  span_check c = { 0, 0, 1, strlen(z) };
  CHECK_EQ_INT(marsad_tokenize_spans(z, strlen(z), 1, check_span, &c), MARSAD_OK);
  CHECK(c.bOk);
  CHECK_EQ_INT(c.nTok, 18);
}

/* Out of memory inside marsad_tokenize comes back as NOMEM. */
static void test_nomem(void){
  collect c;
  memset(&c, 0, sizeof c);
  marsad_alloc_fail_after(0);
  int rc = marsad_tokenize("كتاب", 8, 0, collect_token, &c);
  marsad_alloc_fail_after(-1);
  CHECK_EQ_INT(rc, MARSAD_NOMEM);
  /* a failure at every later allocation: NOMEM or done, nothing leaked
  ** (the sanitizer build checks leaks); the long key makes buffers grow */
  char zLong[600];
  memset(zLong, 'a', sizeof zLong - 1);
  zLong[sizeof zLong - 1] = 0;
  for(long k=1; k<8; k++){
    memset(&c, 0, sizeof c);
    marsad_alloc_fail_after(k);
    rc = marsad_tokenize(zLong, strlen(zLong), 0, collect_token, &c);
    marsad_alloc_fail_after(-1);
    CHECK(rc==MARSAD_OK || rc==MARSAD_NOMEM);
  }
}

int main(void){
  RUN(test_cases);
  RUN(test_arabic_block);
  RUN(test_stop);
  RUN(test_spans);
  RUN(test_nomem);
  return DONE();
}
