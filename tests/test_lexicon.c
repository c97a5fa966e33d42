/*
** test_lexicon.c: the word-list index of the fact extractors (lexicon.h):
** every first word of every list is found with the bits of its lists, and
** words no list starts with get none.
*/
#include <string.h>
#include "harness.h"
#include "analysis.h"
#include "lexicon.h"
#include "words.h"

/* Each first word, read as text, is found with its lists' bits. */
static void test_every_first_word(void){
  int nChecked = 0;
  for(int i=0; i<marsad_lex_first_all.n; i++){
    const marsad_lexent *e = &marsad_lex_first_all.a[i];
    marsad_words w = MARSAD_WORDS_INIT;
    CHECK(marsad_words_build(e->zKey, (size_t)e->nKey, &w)==0);
    size_t nk = 0;
    const char *k = w.nWord==1 ? marsad_word_key(&w, 0, MARSAD_KEY_FULL, &nk) : 0;
    if( k && nk==(size_t)e->nKey && memcmp(k, e->zKey, nk)==0 ){
      if( w.a[0].aLex[MARSAD_KEY_FULL]!=(unsigned)e->iValue ){
        fprintf(stderr, "first word %.*s: bits %u, expected %u\n", e->nKey, e->zKey,
                w.a[0].aLex[MARSAD_KEY_FULL], (unsigned)e->iValue);
      }
      CHECK(w.a[0].aLex[MARSAD_KEY_FULL]==(unsigned)e->iValue);
      nChecked++;
    }
    marsad_words_free(&w);
  }
  /* nearly all keys are single words that read back as themselves */
  CHECK(nChecked > marsad_lex_first_all.n/2);
}

/* Words that start no entry have no bits; clitic-free keys are looked up. */
static void test_other_words(void){
  marsad_words w = MARSAD_WORDS_INIT;
  const char *z = "زرافة قال وقال";
  CHECK(marsad_words_build(z, strlen(z), &w)==0);
  CHECK_EQ_INT(w.nWord, 3);
  CHECK_EQ_INT(w.a[0].aLex[MARSAD_KEY_FULL], 0);
  CHECK(w.a[1].aLex[MARSAD_KEY_FULL]!=0);
  CHECK_EQ_INT(w.a[2].aLex[MARSAD_KEY_CONJ], w.a[1].aLex[MARSAD_KEY_FULL]);
  marsad_words_free(&w);
}

/* The body's words built from the shared tokens (their keys' hashes given
** with them) carry the same list bits as the words built from the text. */
static void test_shared_tokens(void){
  const char *z = "وقال الوزير يوم الأحد 3 مارس إن عشرات قتلوا، وأكدت للعام الماضي.";
  marsad_words w = MARSAD_WORDS_INIT, b = MARSAD_WORDS_INIT;
  marsad_analysis a;
  memset(&a, 0, sizeof a);
  a.art.zTitle = "";
  a.art.zBody = z;
  a.art.nBody = strlen(z);
  CHECK_EQ_INT(marsad_analysis_keep_tokens(&a), MARSAD_OK);
  CHECK_EQ_INT(marsad_words_build(z, strlen(z), &w), MARSAD_OK);
  CHECK_EQ_INT(marsad_words_build_body(&a, &b), MARSAD_OK);
  CHECK_EQ_INT(b.nWord, w.nWord);
  int nBits = 0;
  for(int i=0; i<w.nWord && i<b.nWord; i++){
    for(int v=0; v<3; v++){
      CHECK_EQ_INT(b.a[i].aLex[v], w.a[i].aLex[v]);
      nBits += w.a[i].aLex[v]!=0;
    }
  }
  CHECK(nBits>=8);   /* قال الوزير يوم الأحد مارس عشرات أكدت العام ... start entries */
  marsad_words_free(&w);
  marsad_words_free(&b);
  marsad_analysis_clear(&a);
}

int main(void){
  RUN(test_every_first_word);
  RUN(test_other_words);
  RUN(test_shared_tokens);
  return DONE();
}
