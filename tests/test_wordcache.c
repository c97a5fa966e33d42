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

/* Keys longer than their words (ﷲ's key is الله, 3 bytes to 8) make the
** field's buffer of keys and stems grow past what was reserved from the
** text's length, after the keys were placed and again for the stems: the
** tokens still carry the keys and stems of marsad_tokenize, and a long key
** (past one fixed-size move) comes whole. */
static void test_keys_longer(void){
  marsad_buf text = MARSAD_BUF_INIT, want = MARSAD_BUF_INIT, got = MARSAD_BUF_INIT;
  marsad_buf_puts(&text, "والاستراتيجيات ");
  for(int i=0; i<300; i++) marsad_buf_puts(&text, i%2 ? "ﷲﷲﷲﷲ " : "ﷲﷲ بالمدرسة، ");
  marsad_analysis a;
  memset(&a, 0, sizeof a);
  a.art.zBody = text.a;
  a.art.nBody = text.n;
  CHECK_EQ_INT(marsad_analysis_keep_tokens(&a), MARSAD_OK);
  CHECK_EQ_INT(marsad_tokenize(text.a, text.n, MARSAD_TOKENIZE_PUNCT, print_token, &want),
               MARSAD_OK);
  CHECK_EQ_INT(marsad_analysis_tokens(&a, MARSAD_FIELD_BODY, MARSAD_TOKENIZE_PUNCT, 0,
                                      print_unstemmed, &got), MARSAD_OK);
  marsad_buf_reset(&got);
  CHECK_EQ_INT(marsad_analysis_words(&a, MARSAD_FIELD_BODY, MARSAD_TOKENIZE_PUNCT, 1,
                                     print_word, &got), MARSAD_OK);
  CHECK_EQ_STR(got.a ? got.a : "", want.a ? want.a : "");
  CHECK(strstr(got.a ? got.a : "", "استراتيجيات") != 0);
  marsad_analysis_clear(&a);
  marsad_buf_free(&text);
  marsad_buf_free(&want);
  marsad_buf_free(&got);
}

/* Checks that word z of the cache has the key and stem computed afresh;
** *ppWord gets the word. */
static void check_word(marsad_wordcache *p, const char *z, marsad_cword **ppWord){
  marsad_norm norm = MARSAD_NORM_INIT;
  marsad_stemmer *pStem = 0;
  size_t nStem = 0, n = strlen(z);
  CHECK_EQ_INT(marsad_wordcache_find(p, z, n, marsad_wordcache_hash(z, n), ppWord), MARSAD_OK);
  marsad_cword *w = *ppWord;
  CHECK_EQ_INT(marsad_wordcache_stem(p, w), MARSAD_OK);
  CHECK_EQ_INT(marsad_norm_run(z, n, &norm), MARSAD_OK);
  CHECK_EQ_INT(marsad_stemmer_new(&pStem), MARSAD_OK);
  const char *zStem = marsad_stem(pStem, norm.z, norm.n, &nStem);
  CHECK(w->nRaw==n && memcmp(w->a, z, n)==0);
  CHECK(w->nKey==norm.n && memcmp(marsad_cword_key(w), norm.z, norm.n)==0);
  CHECK(zStem && w->nStem==nStem && memcmp(w->pStem, zStem, nStem)==0);
  CHECK(w->hKey==marsad_hash64(norm.z, norm.n));
  CHECK(w->hStem==marsad_hash64(zStem, nStem));
  marsad_stemmer_free(pStem);
  marsad_norm_free(&norm);
}

/* A word is known by its exact bytes: written again it is the same word;
** written with harakat it is another word with the same key. A stem is a
** span of the key or a given stem, as marsad_stem gives it. */
static void test_words(void){
  marsad_wordcache *p = 0;
  marsad_cword *w1, *w2, *w3, *w4, *w5, *w6;
  CHECK_EQ_INT(marsad_wordcache_new(&p), MARSAD_OK);
  check_word(p, "بالمدرسة", &w1);
  check_word(p, "بالمَدرسةِ", &w2);
  check_word(p, "بالمدرسة", &w3);
  check_word(p, "", &w4);
  check_word(p, "فلله", &w5);       /* a given stem (الله), not a span of the key */
  CHECK(w5->nStem==8 && memcmp(w5->pStem, "الله", 8)==0);
  check_word(p, "كتاب", &w6);       /* no affix: the stem is the key */
  CHECK(w6->nStem==w6->nKey && w6->hStem==w6->hKey);
  CHECK(w1==w3);
  CHECK(w1!=w2 && w4!=w1 && w4!=w2);
  CHECK(w1->nKey==w2->nKey && memcmp(marsad_cword_key(w1), marsad_cword_key(w2), w1->nKey)==0);
  CHECK_EQ_INT(w4->nKey, 0);
  marsad_wordcache_free(p);
  marsad_wordcache_free(0);
}

/* Past its bound a trim starts a new epoch: words met again are copied
** into it with their keys and stems (a stem given or a span of the key),
** the others go at the trim after; words stay put while it grows. */
static void test_trim(void){
  marsad_wordcache *p = 0;
  char z[32];
  marsad_cword *w = 0, *pFirst = 0;
  CHECK_EQ_INT(marsad_wordcache_new(&p), MARSAD_OK);
  check_word(p, "والمعلمون", &pFirst);
  marsad_wordcache_trim(p);                       /* under the bound: kept */
  CHECK_EQ_INT(p->nWord, 1);
  int nOk = 0;
  for(int i=0; i<40000; i++){
    snprintf(z, sizeof z, "Word%d", i);
    nOk += marsad_wordcache_find(p, z, strlen(z), marsad_wordcache_hash(z, strlen(z)), &w)==MARSAD_OK;
  }
  CHECK_EQ_INT(nOk, 40000);
  CHECK_EQ_INT(p->nWord, 40001);
  check_word(p, "والمعلمون", &w);
  CHECK(w==pFirst);
  check_word(p, "Word39999", &w);
  marsad_cword *pGiven = 0;
  check_word(p, "فلله", &pGiven);                  /* a given stem */
  marsad_wordcache_trim(p);                       /* over it: a new epoch */
  CHECK_EQ_INT(p->nWord, 0);
  check_word(p, "Word39999", &w);                 /* found again: copied */
  check_word(p, "والمعلمون", &w);
  CHECK(w!=pFirst);
  check_word(p, "فلله", &w);
  CHECK(w!=pGiven);
  CHECK_EQ_INT(p->nWord, 3);
  for(int i=0; i<40000; i++){                     /* the next epoch */
    snprintf(z, sizeof z, "Other%d", i);
    CHECK_EQ_INT(marsad_wordcache_find(p, z, strlen(z), marsad_wordcache_hash(z, strlen(z)), &w), MARSAD_OK);
  }
  marsad_wordcache_trim(p);
  marsad_wordcache_trim(p);                       /* under the bound: kept */
  check_word(p, "والمعلمون", &w);
  CHECK_EQ_INT(p->nWord, 1);
  marsad_wordcache_free(p);
}

int main(void){
  RUN(test_same_tokens);
  RUN(test_keys_longer);
  RUN(test_words);
  RUN(test_trim);
  return DONE();
}
