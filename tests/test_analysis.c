/*
** test_analysis.c: the tokens an analysis shares with its modules
** (analysis.h): with a word cache (marsad_wordcache) they are the same
** tokens, keys and stems as without one, for words met once, words met
** again, words too long to be held, across articles, and after the cache
** has filled and started over.
*/
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "buf.h"

/* Appends one token as "kind:start-end:key:stem;" to a marsad_buf. */
static int collect_token(void *pCtx, const marsad_token *p){
  marsad_buf *b = pCtx;
  marsad_buf_printf(b, "%d:%zu-%zu:%.*s:%.*s;", p->eKind, p->iStart, p->iEnd,
                    (int)p->nKey, p->pKey, (int)p->nStem, p->pStem);
  return b->rc;
}

/* The tokens of one field of an article with title zTitle and body zBody,
** as marsad_analysis_tokens gives them (punctuation included; stems when
** bStem), with word cache pWords (or none), the kept tokens asked for
** without stems first when bTwice. Owned by the caller. */
static char *tokens_of(const char *zTitle, const char *zBody, int eField, int bStem,
                       int bTwice, marsad_wordcache *pWords){
  marsad_analysis a;
  marsad_buf b = MARSAD_BUF_INIT;
  memset(&a, 0, sizeof a);
  a.art.zTitle = zTitle;
  a.art.nTitle = strlen(zTitle);
  a.art.zBody = zBody;
  a.art.nBody = strlen(zBody);
  a.pWords = pWords;
  CHECK_EQ_INT(marsad_analysis_keep_tokens(&a), MARSAD_OK);
  if( bTwice ){
    CHECK_EQ_INT(marsad_analysis_tokens(&a, eField, MARSAD_TOKENIZE_PUNCT, 0,
                                        collect_token, &b), MARSAD_OK);
    marsad_buf_reset(&b);
  }
  CHECK_EQ_INT(marsad_analysis_tokens(&a, eField, MARSAD_TOKENIZE_PUNCT, bStem,
                                      collect_token, &b), MARSAD_OK);
  marsad_analysis_clear(&a);
  marsad_buf_putcp(&b, 0);
  return marsad_buf_take(&b);
}

/* Checks that both fields give the same tokens with the cache as without,
** every way they can be asked for. */
static void check_same(const char *zTitle, const char *zBody, marsad_wordcache *pWords){
  for(int f=0; f<2; f++){
    for(int k=0; k<4; k++){
      char *zPlain = tokens_of(zTitle, zBody, f, k&1, k>>1, 0);
      char *zCached = tokens_of(zTitle, zBody, f, k&1, k>>1, pWords);
      CHECK(zPlain && zCached && strcmp(zPlain, zCached)==0);
      marsad_free(zPlain);
      marsad_free(zCached);
    }
  }
}

/* Words of every kind, met once and again, in two articles sharing the
** cache; a word longer than the cache holds. */
static void test_same_tokens(void){
  marsad_wordcache *pWords = 0;
  CHECK_EQ_INT(marsad_wordcache_new(&pWords), MARSAD_OK);
  if( pWords==0 ) return;
  const char *zTitle = "وَالمُعلّمون بالمدرسة: COVID-19 في ٢٠٢٠";
  const char *zBody =
    "قال المتحدث باسم الوزارة إن المعلمين والمعلمون بالمدرسة وكتابهم للأطفال "
    "فالكتاب كالبحر، إِسرائيل أردوغان مسؤولون رئيسة مستشفى الـــقدس ﻻ ﷲ ﷺ "
    "٢٠٢٠ 3.5 1,250,000 COVID-19 Reuters الانتخابات سيقولون والمفاوضات "
    "المصريين بلادهما. قال المتحدث: الوزارة والمدرسة!";
  check_same(zTitle, zBody, pWords);
  check_same(zBody, zTitle, pWords);       /* the same words, met again */
  char zLong[1200];
  size_t n = 0;
  for(int i=0; i<150; i++){ memcpy(zLong+n, "\xd8\xa8", 2); n += 2; }   /* 300 bytes */
  zLong[n++] = ' ';
  for(int i=0; i<300; i++) zLong[n++] = 'a';
  zLong[n] = 0;
  check_same(zLong, zLong, pWords);
  marsad_wordcache_free(pWords);
}

/* More distinct words than the cache holds: it starts over, and the
** tokens stay the same. */
static void test_full_cache(void){
  static const char *const azLetter[] = {"ب", "ت", "ج", "د", "ر", "س", "ع", "ق", "ك",
                                         "ل", "م", "ن", "ه", "و", "ي", "ف", "ح", "ص"};
  const int nL = (int)(sizeof azLetter/sizeof azLetter[0]);
  marsad_buf b = MARSAD_BUF_INIT;
  for(int i=0; i<nL*nL*nL*14; i++){      /* 81,648 distinct words */
    marsad_buf_puts(&b, "وال");
    marsad_buf_puts(&b, azLetter[i % nL]);
    marsad_buf_puts(&b, azLetter[(i/nL) % nL]);
    marsad_buf_puts(&b, azLetter[(i/nL/nL) % nL]);
    marsad_buf_puts(&b, azLetter[(i/nL/nL/nL) % nL]);
    marsad_buf_puts(&b, "ون ");
  }
  marsad_buf_putcp(&b, 0);
  CHECK_EQ_INT(b.rc, MARSAD_OK);
  marsad_wordcache *pWords = 0;
  CHECK_EQ_INT(marsad_wordcache_new(&pWords), MARSAD_OK);
  if( b.rc==MARSAD_OK && pWords ){
    char *zPlain = tokens_of("", b.a, MARSAD_FIELD_BODY, 1, 0, 0);
    char *zCached = tokens_of("", b.a, MARSAD_FIELD_BODY, 1, 0, pWords);
    char *zAgain = tokens_of("", b.a, MARSAD_FIELD_BODY, 1, 0, pWords);
    CHECK(zPlain && zCached && strcmp(zPlain, zCached)==0);
    CHECK(zPlain && zAgain && strcmp(zPlain, zAgain)==0);
    marsad_free(zPlain);
    marsad_free(zCached);
    marsad_free(zAgain);
  }
  marsad_wordcache_free(pWords);
  marsad_wordcache_free(0);
  marsad_buf_free(&b);
}

int main(void){
  RUN(test_same_tokens);
  RUN(test_full_cache);
  return DONE();
}
