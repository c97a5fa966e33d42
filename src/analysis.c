/*
** analysis.c: ownership of an article's findings, and the tokens of its
** title and body shared by the modules (see analysis.h).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "buf.h"
#include "token.h"
#include "wordcache.h"

int marsad_analysis_add_mention(marsad_analysis *p, const marsad_mention *pM){
  if( p->nMention>=p->nMentionAlloc ){
    int nNew = p->nMentionAlloc ? p->nMentionAlloc*2 : 16;
    marsad_mention *aNew = marsad_realloc(p->aMention, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ){ marsad_free(pM->zKey); return MARSAD_NOMEM; }
    p->aMention = aNew;
    p->nMentionAlloc = nNew;
  }
  p->aMention[p->nMention++] = *pM;
  return MARSAD_OK;
}

/* ---------------------------------------------------------------- tokens */

/* One token of a field: the word as the modules get it, ready (its key
** and stem point into the field's text buffer, copied there from the word
** cache: the modules read them token after token, and a copy in text order
** is read from memory faster than the words scattered in the cache), and
** its word in the cache. */
typedef struct atok {
  marsad_aword w;            /* the token, its key and stem and their hashes
                             ** (while filling, hKey is the word's
                             ** marsad_wordcache_hash) */
  marsad_cword *pWord;       /* its word in the cache */
  uint32_t iKey, iStem;      /* offsets of its key and stem in afield.text */
} atok;

/* The tokens of one field. */
typedef struct afield {
  int bDone;                 /* tokens and keys computed */
  int bStems;                /* stems computed */
  atok *a;                   /* the tokens, punctuation included */
  int n, nAlloc;
  marsad_buf text;           /* keys and stems, one after another */
} afield;

struct marsad_atokens {
  afield aField[2];          /* indexed by MARSAD_FIELD_* */
  marsad_wordcache *pWords;  /* keys and stems of the words (pOwn or lent) */
  marsad_wordcache *pOwn;    /* the cache made for this article, or NULL */
};

/* Frees what *p owns (not p). */
static void atokens_clear(struct marsad_atokens *p){
  for(int f=0; f<2; f++){
    marsad_free(p->aField[f].a);
    marsad_buf_free(&p->aField[f].text);
  }
  marsad_wordcache_free(p->pOwn);
  memset(p, 0, sizeof *p);
}

/* Gives pA its kept tokens, taking their words from pWords, or from a
** cache of their own when pWords is NULL. */
static int keep_tokens(marsad_analysis *pA, marsad_wordcache *pWords){
  if( pA->pTokens ) return MARSAD_OK;
  pA->pTokens = marsad_malloc(sizeof *pA->pTokens);
  if( pA->pTokens==0 ) return MARSAD_NOMEM;
  memset(pA->pTokens, 0, sizeof *pA->pTokens);
  pA->pTokens->pWords = pWords;
  return MARSAD_OK;
}

int marsad_analysis_keep_tokens(marsad_analysis *pA){
  return keep_tokens(pA, 0);
}

int marsad_analysis_keep_tokens_with(marsad_analysis *pA, marsad_wordcache *pWords){
  if( pA->pTokens==0 ) marsad_wordcache_trim(pWords);
  return keep_tokens(pA, pWords);
}

/* Context of atok_span. */
typedef struct atok_ctx {
  afield *pF;
  const char *z;             /* the field's text */
} atok_ctx;

/* Ensures room for nWant tokens in pF. MARSAD_OK or MARSAD_NOMEM. */
static int atok_reserve(afield *pF, int nWant){
  if( nWant<=pF->nAlloc ) return MARSAD_OK;
  atok *aNew = marsad_array_grow(pF->a, &pF->nAlloc, nWant, sizeof(*aNew), 512);
  if( aNew==0 ) return MARSAD_NOMEM;
  pF->a = aNew;
  return MARSAD_OK;
}

/* Bytes of text per token, at least, in news text: room for a field's
** tokens is reserved from its length up front (texts longer than
** ATOK_RESERVE_MAX grow as they go). */
#define ATOK_TEXT_PER_TOKEN 6
#define ATOK_RESERVE_MAX ((size_t)1<<24)

/* How many tokens ahead atok_words asks for the hash slot of a word, and
** half as many for the word itself. */
#define ATOK_AHEAD 16

/* Stores one token's span, and the hash of its bytes (a marsad_span_fn). */
static int atok_span(void *pCtx, const marsad_span_token *pT){
  atok_ctx *c = pCtx;
  afield *pF = c->pF;
  int rc = atok_reserve(pF, pF->n+1);
  if( rc ) return rc;
  atok *t = &pF->a[pF->n++];
  t->w.tok.eKind = pT->eKind;
  t->w.tok.iStart = pT->iStart;
  t->w.tok.iEnd = pT->iEnd;
  t->w.hKey = marsad_wordcache_hash(c->z+pT->iStart, pT->iEnd-pT->iStart);
  return MARSAD_OK;
}

/* Points the keys and stems of pF's tokens into its text again, after it
** moved. */
static void atok_point(afield *pF){
  for(int i=0; i<pF->n; i++){
    atok *t = &pF->a[i];
    t->w.tok.pKey = pF->text.a + t->iKey;
    t->w.tok.pStem = pF->text.a + t->iStem;
  }
}

/* Makes room for nMore bytes (and a fixed-size move past them) in pF's
** text, pointing the tokens' keys and stems there again if it moves and
** bPlaced (they are placed there). MARSAD_OK, NOMEM, or MISUSE for a text
** of 4 GB. */
static int atok_text_room(afield *pF, size_t nMore, int bPlaced){
  if( pF->text.n + nMore + MARSAD_CWORD_READ >= UINT32_MAX ) return MARSAD_MISUSE;
  int bMoves = pF->text.n + nMore + MARSAD_CWORD_READ >= pF->text.nAlloc;
  int rc = marsad_buf_grow(&pF->text, nMore + MARSAD_CWORD_READ);
  if( rc==MARSAD_OK && bMoves && bPlaced ) atok_point(pF);
  return rc;
}

/* Appends z[0..n), a key or stem of the word cache, to pF's text (with
** room made for it), setting *piOff to its offset there and returning
** where it is: a short one in one fixed-size move (the cache lets
** MARSAD_CWORD_READ bytes be read from it). */
static inline const char *atok_text(afield *pF, const char *z, size_t n, uint32_t *piOff){
  char *zOut = pF->text.a + pF->text.n;
  *piOff = (uint32_t)pF->text.n;
  if( n<=MARSAD_CWORD_READ ) memcpy(zOut, z, MARSAD_CWORD_READ);
  else memcpy(zOut, z, n);
  pF->text.n += n;
  zOut[n] = 0;
  return zOut;
}

/* Finds the words of pF's tokens (the field's text z) in the cache, asking
** for slots and words ahead, and gives each token its word's key (as its
** stem too, until atok_stems), copied into pF's text. */
static int atok_words(struct marsad_atokens *p, afield *pF, const char *z){
  int rc = MARSAD_OK;
  size_t nText = 0;
  for(int i=0; i<pF->n && i<ATOK_AHEAD; i++) marsad_wordcache_prefetch(p->pWords, pF->a[i].w.hKey, 0);
  for(int i=0; rc==MARSAD_OK && i<pF->n; i++){
    if( i+ATOK_AHEAD<pF->n ) marsad_wordcache_prefetch(p->pWords, pF->a[i+ATOK_AHEAD].w.hKey, 0);
    if( i+ATOK_AHEAD/2<pF->n ) marsad_wordcache_prefetch(p->pWords, pF->a[i+ATOK_AHEAD/2].w.hKey, 1);
    atok *t = &pF->a[i];
    marsad_token *pT = &t->w.tok;
    rc = marsad_wordcache_find(p->pWords, z+pT->iStart, pT->iEnd-pT->iStart, t->w.hKey, &t->pWord);
    if( rc==MARSAD_OK ){
      pT->nKey = pT->nStem = t->pWord->nKey;
      t->w.hKey = t->w.hStem = t->pWord->hKey;
      nText += t->pWord->nKey;
    }
  }
  if( rc==MARSAD_OK ) rc = atok_text_room(pF, nText, 0);
  for(int i=0; rc==MARSAD_OK && i<pF->n; i++){
    atok *t = &pF->a[i];
    t->w.tok.pKey = t->w.tok.pStem = atok_text(pF, marsad_cword_key(t->pWord), t->pWord->nKey, &t->iKey);
    t->iStem = t->iKey;
  }
  return rc;
}

/* Computes the stems of the Arabic words of pF. */
static int atok_stems(struct marsad_atokens *p, afield *pF){
  int rc = MARSAD_OK;
  size_t nText = 0;
  for(int i=0; rc==MARSAD_OK && i<pF->n; i++){
    atok *t = &pF->a[i];
    if( t->w.tok.eKind!=MARSAD_TOKEN_ARABIC ) continue;
    rc = marsad_wordcache_stem(p->pWords, t->pWord);
    if( rc==MARSAD_OK ) nText += t->pWord->nStem;
  }
  if( rc==MARSAD_OK ) rc = atok_text_room(pF, nText, 1);
  for(int i=0; rc==MARSAD_OK && i<pF->n; i++){
    atok *t = &pF->a[i];
    if( t->w.tok.eKind!=MARSAD_TOKEN_ARABIC ) continue;
    t->w.tok.pStem = atok_text(pF, t->pWord->pStem, t->pWord->nStem, &t->iStem);
    t->w.tok.nStem = t->pWord->nStem;
    t->w.hStem = t->pWord->hStem;
  }
  if( rc==MARSAD_OK ) pF->bStems = 1;
  return rc;
}

/* Fills field eField of p from text z[0..n), stems when bStem. */
static int atok_fill(struct marsad_atokens *p, int eField, const char *z, size_t n, int bStem){
  afield *pF = &p->aField[eField];
  int rc = MARSAD_OK;
  if( p->pWords==0 ){
    rc = marsad_wordcache_new(&p->pOwn);
    p->pWords = p->pOwn;
  }
  if( rc==MARSAD_OK && !pF->bDone ){
    atok_ctx c = {pF, z};
    pF->n = 0;
    marsad_buf_reset(&pF->text);
    if( n<ATOK_RESERVE_MAX ){
      rc = atok_reserve(pF, (int)(n/ATOK_TEXT_PER_TOKEN)+1);
      if( rc==MARSAD_OK ) rc = marsad_buf_grow(&pF->text, n + n/2 + 64 + MARSAD_CWORD_READ);
    }
    if( rc==MARSAD_OK ) rc = marsad_tokenize_spans(z, n, 1, atok_span, &c);
    if( rc==MARSAD_OK ) rc = atok_words(p, pF, z);
    if( rc==MARSAD_OK ) pF->bDone = 1;
  }
  if( rc==MARSAD_OK && bStem && !pF->bStems ) rc = atok_stems(p, pF);
  return rc;
}

/* Calls xWord, or else xToken, for the tokens of pF. */
static int atok_replay(const afield *pF, unsigned flags, marsad_token_fn xToken,
                       marsad_aword_fn xWord, void *pCtx){
  int rc = MARSAD_OK;
  int bPunct = (flags & MARSAD_TOKENIZE_PUNCT)!=0;
  for(int i=0; rc==MARSAD_OK && i<pF->n; i++){
    const atok *t = &pF->a[i];
    if( t->w.tok.eKind==MARSAD_TOKEN_PUNCT && !bPunct ) continue;
    rc = xWord ? xWord(pCtx, &t->w) : xToken(pCtx, &t->w.tok);
  }
  return rc;
}

/* marsad_analysis_tokens with either callback. */
static int analysis_replay(const marsad_analysis *pA, int eField, unsigned flags,
                           int bStem, marsad_token_fn xToken, marsad_aword_fn xWord,
                           void *pCtx){
  const char *z = eField==MARSAD_FIELD_TITLE ? pA->art.zTitle : pA->art.zBody;
  size_t n = eField==MARSAD_FIELD_TITLE ? pA->art.nTitle : pA->art.nBody;
  struct marsad_atokens once;
  struct marsad_atokens *p = pA->pTokens;
  if( eField!=MARSAD_FIELD_TITLE && eField!=MARSAD_FIELD_BODY ) return MARSAD_MISUSE;
  if( z==0 ){ z = ""; n = 0; }
  if( p==0 ){                       /* nothing kept: tokenize for this call */
    memset(&once, 0, sizeof once);
    p = &once;
  }
  int rc = atok_fill(p, eField, z, n, bStem);
  if( rc==MARSAD_OK ){
    rc = atok_replay(&p->aField[eField], flags, xToken, xWord, pCtx);
  }
  if( p==&once ) atokens_clear(&once);
  return rc;
}

int marsad_analysis_tokens(const marsad_analysis *pA, int eField, unsigned flags,
                           int bStem, marsad_token_fn xToken, void *pCtx){
  return analysis_replay(pA, eField, flags, bStem, xToken, 0, pCtx);
}

int marsad_analysis_words(const marsad_analysis *pA, int eField, unsigned flags,
                          int bStem, marsad_aword_fn xWord, void *pCtx){
  return analysis_replay(pA, eField, flags, bStem, 0, xWord, pCtx);
}

void marsad_analysis_clear(marsad_analysis *p){
  for(int i=0; i<p->nMention; i++) marsad_free(p->aMention[i].zKey);
  marsad_free(p->aMention);
  if( p->pFacts && p->xFactsFree ) p->xFactsFree(p->pFacts);
  p->aMention = 0;
  p->nMention = p->nMentionAlloc = 0;
  p->pFacts = 0;
  p->xFactsFree = 0;
  if( p->pTokens ){
    atokens_clear(p->pTokens);
    marsad_free(p->pTokens);
    p->pTokens = 0;
  }
}
