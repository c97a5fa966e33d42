/*
** words.c: the token view of a text used by the fact extractors (see
** words.h): tokens from the text core's span tokenizer, keys from its
** normalizer, sentences from its sentence splitter.
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "imap.h"
#include "lexicon.h"
#include "sentence.h"
#include "token.h"
#include "words.h"

/* Bytes of the UTF-8 letters used as proclitics. */
#define L_WAW   "\xd9\x88"   /* و */
#define L_FA    "\xd9\x81"   /* ف */
#define L_BA    "\xd8\xa8"   /* ب */
#define L_LAM   "\xd9\x84"   /* ل */
#define L_KAF   "\xd9\x83"   /* ك */
#define L_ALEF  "\xd8\xa7"   /* ا */

/* Ensures room for nMore bytes in the key arena. */
static int arena_reserve(marsad_words *pW, size_t nMore){
  if( pW->nArena + nMore <= pW->nArenaAlloc ) return MARSAD_OK;
  size_t nNew = pW->nArenaAlloc ? pW->nArenaAlloc*2 : 4096;
  while( nNew < pW->nArena + nMore ) nNew *= 2;
  char *zNew = marsad_realloc(pW->zArena, nNew);
  if( zNew==0 ) return MARSAD_NOMEM;
  pW->zArena = zNew;
  pW->nArenaAlloc = nNew;
  return MARSAD_OK;
}

/* Appends a[0..na) + b[0..nb) and a NUL to the arena; *piOff gets its
** offset. */
static int arena_put(marsad_words *pW, const char *a, size_t na,
                     const char *b, size_t nb, size_t *piOff){
  int rc = arena_reserve(pW, na + nb + 1);
  if( rc!=MARSAD_OK ) return rc;
  *piOff = pW->nArena;
  memcpy(pW->zArena + pW->nArena, a, na);
  memcpy(pW->zArena + pW->nArena + na, b, nb);
  pW->nArena += na + nb;
  pW->zArena[pW->nArena++] = 0;
  return MARSAD_OK;
}

/* Ensures room for nWant words and their gates. MARSAD_OK or
** MARSAD_NOMEM. */
static int words_reserve(marsad_words *pW, int nWant){
  if( nWant<=pW->nWordAlloc ) return MARSAD_OK;
  int nAlloc = pW->nWordAlloc;
  marsad_word *aNew = marsad_array_grow(pW->a, &nAlloc, nWant, sizeof(*aNew), 256);
  if( aNew==0 ) return MARSAD_NOMEM;
  pW->a = aNew;
  unsigned *aGate = marsad_realloc(pW->aGate, sizeof(*aGate)*(size_t)nAlloc);
  if( aGate==0 ) return MARSAD_NOMEM;
  pW->aGate = aGate;
  pW->nWordAlloc = nAlloc;
  return MARSAD_OK;
}

/* Bytes of text per token, at least, in news text: room for the words and
** their keys is reserved from the text's length up front, so that they are
** not copied again and again as the arrays double (a word is 88 bytes). */
#define WORDS_TEXT_PER_TOKEN 6
#define WORDS_RESERVE_MAX ((size_t)1<<24)   /* longer texts grow as they go */

/* True when key z[0..n) starts with the two-byte letter zL and at least two
** more letters (four bytes) follow. */
static int has_clitic(const char *z, size_t n, const char *zL){
  return n>=6 && memcmp(z, zL, 2)==0;
}

/* Sets the clitic-free keys of word w, whose full key is at aKey[0]. */
static int word_variants(marsad_words *pW, marsad_word *w){
  int rc = MARSAD_OK;
  const char *z = pW->zArena + w->aKey[0];
  size_t n = w->anKey[0];
  if( has_clitic(z, n, L_WAW) || has_clitic(z, n, L_FA) ){
    w->aKey[1] = w->aKey[0] + 2;
    w->anKey[1] = (unsigned)(n - 2);
    z += 2; n -= 2;
  }
  if( n>=8 && memcmp(z, L_LAM L_LAM, 4)==0 ){
    size_t iOff = 0;
    size_t iBase = (size_t)(z - pW->zArena);
    rc = arena_reserve(pW, n + 1);
    if( rc==MARSAD_OK ){
      rc = arena_put(pW, L_ALEF L_LAM, 4, pW->zArena + iBase + 4, n - 4, &iOff);
      w->aKey[2] = iOff;
      w->anKey[2] = (unsigned)n;
    }
  }else if( has_clitic(z, n, L_BA) || has_clitic(z, n, L_LAM) || has_clitic(z, n, L_KAF) ){
    w->aKey[2] = (size_t)(z - pW->zArena) + 2;
    w->anKey[2] = (unsigned)(n - 2);
  }
  return rc;
}

/* Reads the value of a number key (ASCII digits with , and . separators):
** a ',' before exactly three digits, or a '.' before three digits and
** another '.', groups thousands (2,350 and 1.000.000); any other separator
** is the decimal point (1.5, 2,5). */
static void word_number(marsad_word *w, const char *z, size_t n){
  double v = 0, scale = 0;
  int nDigits = 0, bDotGroup = 0;
  for(size_t i=0; i<n; i++){
    char c = z[i];
    if( c>='0' && c<='9' ){
      if( scale>0 ){ v += (c-'0')*scale; scale /= 10; }
      else { v = v*10 + (c-'0'); nDigits++; }
      continue;
    }
    if( scale>0 ) break;
    size_t k = i+1;
    while( k<n && z[k]>='0' && z[k]<='9' ) k++;
    int bGroup = (k-(i+1)==3)
              && (c==',' ? (k==n || z[k]==',') : ((k<n && z[k]=='.') || bDotGroup));
    if( bGroup && c=='.' ) bDotGroup = 1;
    if( !bGroup ) scale = 0.1;
  }
  w->bNum = 1;
  w->dNum = v;
  w->nDigits = nDigits;
}

/* Sets word w's aLex masks (lexicon.h): hKey is marsad_hash64 of its full
** key; its other keys are hashed here. */
static void word_lex(const marsad_words *pW, marsad_word *w, uint64_t hKey){
  if( w->eKind==MARSAD_TOKEN_NUMBER ) return;   /* no list holds digits */
  w->aLex[0] = marsad_lex_bits(pW->zArena + w->aKey[0], w->anKey[0], hKey);
  for(int v=1; v<3; v++){
    if( w->anKey[v]==0 ) continue;
    const char *k = pW->zArena + w->aKey[v];
    w->aLex[v] = marsad_lex_bits(k, w->anKey[v], marsad_hash64(k, w->anKey[v]));
  }
}

/* Appends a word: its kind, span and key k[0..nk), whose marsad_hash64 is
** hKey. */
static int add_word(marsad_words *pW, int eKind, size_t iStart, size_t iEnd,
                    const char *k, size_t nk, uint64_t hKey){
  int rc = words_reserve(pW, pW->nWord+1);
  if( rc!=MARSAD_OK ) return rc;
  marsad_word *w = &pW->a[pW->nWord];
  memset(w, 0, sizeof *w);
  w->iStart = iStart;
  w->iEnd = iEnd;
  w->eKind = eKind;
  rc = arena_put(pW, k, nk, "", 0, &w->aKey[0]);
  if( rc!=MARSAD_OK ) return rc;
  w->anKey[0] = (unsigned)nk;
  if( w->eKind==MARSAD_TOKEN_NUMBER ){
    word_number(w, pW->zArena + w->aKey[0], w->anKey[0]);
  }else if( w->eKind==MARSAD_TOKEN_ARABIC ){
    rc = word_variants(pW, w);
  }
  if( rc==MARSAD_OK ){
    word_lex(pW, w, hKey);
    pW->aGate[pW->nWord] = (w->aLex[0] | w->aLex[1] | w->aLex[2])
                         | (w->bNum ? MARSAD_WORD_NUM : 0)
                         | (eKind==MARSAD_TOKEN_ARABIC ? MARSAD_WORD_ARABIC : 0)
                         | (eKind==MARSAD_TOKEN_PUNCT ? MARSAD_WORD_PUNCT : 0);
    pW->nWord++;
  }
  return rc;
}

/* Appends a word of the tokenizer's span (a marsad_span_fn). */
static int on_span(void *pCtx, const marsad_span_token *pTok){
  marsad_words *pW = pCtx;
  int rc = marsad_norm_run(pW->p + pTok->iStart, pTok->iEnd - pTok->iStart, &pW->norm);
  if( rc!=MARSAD_OK ) return rc;
  return add_word(pW, pTok->eKind, pTok->iStart, pTok->iEnd, pW->norm.z, pW->norm.n,
                  marsad_hash64(pW->norm.z, pW->norm.n));
}

/* Appends a shared token with its key and the key's hash (a
** marsad_aword_fn). */
static int on_word(void *pCtx, const marsad_aword *pWord){
  const marsad_token *t = &pWord->tok;
  return add_word(pCtx, t->eKind, t->iStart, t->iEnd, t->pKey, t->nKey, pWord->hKey);
}

/* Records a sentence: the index of its first word. */
static int on_sentence(void *pCtx, size_t iStart, size_t iEnd){
  marsad_words *pW = pCtx;
  (void)iEnd;
  if( pW->nSent+2>pW->nSentAlloc ){
    int nNew = pW->nSentAlloc ? pW->nSentAlloc*2 : 64;
    int *aNew = marsad_realloc(pW->aSent, sizeof(int)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    pW->aSent = aNew;
    pW->nSentAlloc = nNew;
  }
  pW->aSent[pW->nSent++] = marsad_words_at(pW, iStart);
  return MARSAD_OK;
}

/* Gives every word its sentence index; sentences that hold no word are
** dropped, and words before the first sentence join it. */
static void assign_sentences(marsad_words *pW){
  int nOut = 0;
  for(int s=0; s<pW->nSent; s++){
    int iFirst = s==0 ? 0 : pW->aSent[s];
    if( nOut>0 && iFirst<=pW->aSent[nOut-1] ) continue;
    if( iFirst>=pW->nWord ) break;
    pW->aSent[nOut++] = iFirst;
  }
  if( nOut==0 && pW->nWord>0 ) pW->aSent[nOut++] = 0;
  pW->nSent = nOut;
  pW->aSent[nOut] = pW->nWord;
  for(int s=0; s<nOut; s++){
    for(int i=pW->aSent[s]; i<pW->aSent[s+1]; i++) pW->a[i].iSent = s;
  }
}

/* Builds the words of p[0..n) into *pW: the tokens from pA's shared
** tokens of its body when pA is given (p is then that body), else from the
** tokenizer. */
static int words_build(const char *p, size_t n, const marsad_analysis *pA, marsad_words *pW){
  pW->p = p;
  pW->n = n;
  pW->nWord = 0;
  pW->nArena = 0;
  pW->nSent = 0;
  int rc = MARSAD_OK;
  if( n<WORDS_RESERVE_MAX ){
    rc = words_reserve(pW, (int)(n/WORDS_TEXT_PER_TOKEN)+1);
    if( rc==MARSAD_OK ) rc = arena_reserve(pW, n + n/2 + 64);
  }
  if( rc==MARSAD_OK ){
    rc = pA ? marsad_analysis_words(pA, MARSAD_FIELD_BODY, MARSAD_TOKENIZE_PUNCT, 0, on_word, pW)
            : marsad_tokenize_spans(p, n, 1, on_span, pW);
  }
  if( rc==MARSAD_OK ) rc = marsad_sentences(p, n, on_sentence, pW);
  if( rc==MARSAD_OK && pW->nSentAlloc<2 ) rc = on_sentence(pW, 0, n);
  if( rc==MARSAD_OK ){
    assign_sentences(pW);
  }else{
    pW->nWord = 0;
    pW->nSent = 0;
  }
  return rc;
}

int marsad_words_build(const char *p, size_t n, marsad_words *pW){
  return words_build(p, n, 0, pW);
}

int marsad_words_build_body(const marsad_analysis *pA, marsad_words *pW){
  return words_build(pA->art.zBody ? pA->art.zBody : "", pA->art.zBody ? pA->art.nBody : 0, pA, pW);
}

void marsad_words_free(marsad_words *pW){
  if( pW==0 ) return;
  marsad_free(pW->a);
  marsad_free(pW->aGate);
  marsad_free(pW->zArena);
  marsad_free(pW->aSent);
  marsad_norm_free(&pW->norm);
  marsad_words empty = MARSAD_WORDS_INIT;
  *pW = empty;
}

int marsad_word_punct_among(const marsad_words *pW, int i, const char *zSet){
  const char *s = pW->p + pW->a[i].iStart;
  size_t nTok = pW->a[i].iEnd - pW->a[i].iStart;
  for(const char *c=zSet; *c; ){
    size_t nc = 1;
    while( (c[nc] & 0xC0)==0x80 ) nc++;
    if( nc<=nTok && s[0]==c[0] && memcmp(s+1, c+1, nc-1)==0 ) return 1;
    c += nc;
  }
  return 0;
}

int marsad_words_at(const marsad_words *pW, size_t iByte){
  int lo = 0, hi = pW->nWord;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( pW->a[mid].iStart<iByte ) lo = mid+1; else hi = mid;
  }
  return lo;
}
