/*
** test_wordcache.c: the word cache (wordcache.h) and the shared tokens that
** take their keys and stems from it (analysis.h): a cached word has the key
** and stem computed afresh, the tokens of articles sharing one cache are
** those of marsad_tokenize, the hashes of marsad_analysis_words are those of
** the keys and stems, and a trimmed cache starts again right.
*/
#include <stdio.h>
#include "harness.h"
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "buf.h"
#include "imap.h"
#include "norm.h"
#include "stem.h"
#include "wordcache.h"

/* Appends one line per token: kind, span, key, stem. */
static int print_token(void *pCtx, const marsad_token *t){
  marsad_buf_printf((marsad_buf*)pCtx, "%d %zu-%zu %.*s %.*s\n", t->eKind, t->iStart, t->iEnd,
                    (int)t->nKey, t->pKey, (int)t->nStem, t->pStem);
  return 0;
}

/* print_token, with the key in place of the stem (tokens asked for
** without stems). */
static int print_unstemmed(void *pCtx, const marsad_token *t){
  marsad_token u = *t;
  u.pStem = t->pKey;
  u.nStem = t->nKey;
  return print_token(pCtx, &u);
}

/* print_token of a word, checking its hashes on the way. */
static int print_word(void *pCtx, const marsad_aword *w){
  CHECK(w->hKey==marsad_hash64(w->tok.pKey, w->tok.nKey));
  CHECK(w->hStem==marsad_hash64(w->tok.pStem, w->tok.nStem));
  return print_token(pCtx, &w->tok);
}

static const char *azText[] = {
  "قالَ وزيرُ الخارجيةِ السعوديُّ إنّ المملكةَ والإماراتِ ستعقدان اجتماعاً في 12 مايو، بحضور ١٥٠ مسؤولاً من G20 والـ«ناتو».",
  "وقال الوزير إن المملكة والإمارات ستعقدان الاجتماع في الرياض؛ وقال مسؤول: 3.5% فقط!",
  "",
};

/* The tokens of several articles, each through one shared cache, are those
** of marsad_tokenize, with and without stems and punctuation; the words
** carry the hashes of their keys and stems. */
static void test_same_tokens(void){
  marsad_wordcache *pWords = 0;
  CHECK_EQ_INT(marsad_wordcache_new(&pWords), MARSAD_OK);
  for(int round=0; round<2; round++){             /* the second: all cached */
    for(size_t i=0; i<sizeof azText/sizeof azText[0]; i++){
      for(int bStem=0; bStem<2; bStem++){
        marsad_buf want = MARSAD_BUF_INIT, got = MARSAD_BUF_INIT, gotW = MARSAD_BUF_INIT;
        marsad_analysis a;
        memset(&a, 0, sizeof a);
        a.art.zTitle = azText[i];
        a.art.nTitle = strlen(azText[i]);
        a.art.zBody = azText[(i+1)%3];
        a.art.nBody = strlen(a.art.zBody);
        CHECK_EQ_INT(marsad_analysis_keep_tokens_with(&a, pWords), MARSAD_OK);
        CHECK_EQ_INT(marsad_tokenize(a.art.zBody, a.art.nBody, MARSAD_TOKENIZE_PUNCT,
                                     bStem ? print_token : print_unstemmed, &want), MARSAD_OK);
        CHECK_EQ_INT(marsad_analysis_tokens(&a, MARSAD_FIELD_TITLE, 0, 1, print_token, &got),
                     MARSAD_OK);      /* the title first: the body is filled after it */
        marsad_buf_reset(&got);
        CHECK_EQ_INT(marsad_analysis_tokens(&a, MARSAD_FIELD_BODY, MARSAD_TOKENIZE_PUNCT, bStem,
                                            print_token, &got), MARSAD_OK);
        CHECK_EQ_INT(marsad_analysis_words(&a, MARSAD_FIELD_BODY, MARSAD_TOKENIZE_PUNCT, bStem,
                                           print_word, &gotW), MARSAD_OK);
        CHECK_EQ_STR(got.a ? got.a : "", want.a ? want.a : "");
        CHECK_EQ_STR(gotW.a ? gotW.a : "", want.a ? want.a : "");
        marsad_analysis_clear(&a);
        marsad_buf_free(&want);
        marsad_buf_free(&got);
        marsad_buf_free(&gotW);
      }
    }
  }
  marsad_wordcache_free(pWords);
}

/* Checks that word z of the cache has the key and stem computed afresh. */
static void check_word(marsad_wordcache *p, const char *z, uint32_t *piWord){
  marsad_norm norm = MARSAD_NORM_INIT;
  marsad_stemmer *pStem = 0;
  size_t nStem = 0;
  CHECK_EQ_INT(marsad_wordcache_word(p, z, strlen(z), piWord), MARSAD_OK);
  CHECK_EQ_INT(marsad_wordcache_stem(p, *piWord), MARSAD_OK);
  CHECK_EQ_INT(marsad_norm_run(z, strlen(z), &norm), MARSAD_OK);
  CHECK_EQ_INT(marsad_stemmer_new(&pStem), MARSAD_OK);
  const char *zStem = marsad_stem(pStem, norm.z, norm.n, &nStem);
  const marsad_cword *w = marsad_wordcache_at(p, *piWord);
  CHECK(w->nRaw==strlen(z) && memcmp(w->pRaw, z, w->nRaw)==0);
  CHECK(w->nKey==norm.n && memcmp(w->pKey, norm.z, norm.n)==0);
  CHECK(zStem && w->nStem==nStem && memcmp(w->pStem, zStem, nStem)==0);
  CHECK(w->hKey==marsad_hash64(norm.z, norm.n));
  CHECK(w->hStem==marsad_hash64(zStem, nStem));
  marsad_stemmer_free(pStem);
  marsad_norm_free(&norm);
}

/* A word is known by its exact bytes: written again it is the same word;
** written with harakat it is another word with the same key. */
static void test_words(void){
  marsad_wordcache *p = 0;
  uint32_t i1, i2, i3, i4;
  CHECK_EQ_INT(marsad_wordcache_new(&p), MARSAD_OK);
  check_word(p, "بالمدرسة", &i1);
  check_word(p, "بالمَدرسةِ", &i2);
  check_word(p, "بالمدرسة", &i3);
  check_word(p, "", &i4);
  CHECK(i1==i3);
  CHECK(i1!=i2 && i4!=i1 && i4!=i2);
  CHECK_EQ_STR(marsad_wordcache_at(p, i2)->pKey[0] ? "key" : "", "key");
  CHECK(marsad_wordcache_at(p, i1)->nKey==marsad_wordcache_at(p, i2)->nKey);
  marsad_wordcache_free(p);
  marsad_wordcache_free(0);
}

/* Past its bound the cache forgets its words at a trim, and words met
** again get their keys and stems again. */
static void test_trim(void){
  marsad_wordcache *p = 0;
  char z[32];
  uint32_t iWord = 0, iFirst = 0;
  CHECK_EQ_INT(marsad_wordcache_new(&p), MARSAD_OK);
  check_word(p, "والمعلمون", &iFirst);
  marsad_wordcache_trim(p);                       /* under the bound: kept */
  CHECK_EQ_INT(p->nWord, 1);
  for(int i=0; i<70000; i++){
    snprintf(z, sizeof z, "Word%d", i);
    CHECK(marsad_wordcache_word(p, z, strlen(z), &iWord)==MARSAD_OK && iWord==(uint32_t)i+1);
  }
  CHECK_EQ_INT(p->nWord, 70001);
  check_word(p, "Word69999", &iWord);
  CHECK_EQ_INT(iWord, 70000);
  marsad_wordcache_trim(p);                       /* over it: forgotten */
  CHECK_EQ_INT(p->nWord, 0);
  check_word(p, "Word69999", &iWord);
  CHECK_EQ_INT(iWord, 0);
  check_word(p, "والمعلمون", &iWord);
  CHECK_EQ_INT(iWord, 1);
  marsad_wordcache_free(p);
}

int main(void){
  RUN(test_same_tokens);
  RUN(test_words);
  RUN(test_trim);
  return DONE();
}
