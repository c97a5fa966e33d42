/*
** analysis.c: ownership of an article's findings, and the tokens of its
** title and body shared by the modules (see analysis.h).
*/
#include <stdint.h>
#include <string.h>
#include <xxhash.h>
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "buf.h"
#include "norm.h"
#include "stem.h"
#include "token.h"

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

/* ---------------------------------------------------------------- word cache */

/* Slots of the word cache's table (a power of two), and the most words and
** text bytes it holds before it starts over (3 MB in all). */
#define WC_SLOTS (1u<<16)
#define WC_MAX_WORDS (WC_SLOTS/2)
#define WC_MAX_TEXT ((size_t)2<<20)

/* Longest word as written, key and stem the cache holds, in bytes. */
#define WC_MAX_BYTES 255

/* One word of the cache. */
typedef struct wc_slot {
  uint64_t h;                /* hash of the word as written and its kind; 0: empty */
  uint32_t iText;            /* in text: the word as written, its key, its stem */
  uint8_t nRaw, nKey, nStem; /* their lengths (nStem 0 and bStem 0: the key) */
  uint8_t bStem;             /* a stem of its own follows the key */
} wc_slot;

struct marsad_wordcache {
  wc_slot *a;                /* WC_SLOTS slots */
  uint32_t nUsed;            /* words held */
  marsad_buf text;           /* words, keys and stems */
  marsad_norm norm;          /* scratch key of a word not held */
  marsad_stemmer *pStem;     /* the light stemmer */
};

int marsad_wordcache_new(marsad_wordcache **ppOut){
  marsad_wordcache *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  p->a = marsad_malloc(sizeof(wc_slot)*WC_SLOTS);
  int rc = p->a ? marsad_stemmer_new(&p->pStem) : MARSAD_NOMEM;
  if( rc ){
    marsad_wordcache_free(p);
    return rc;
  }
  memset(p->a, 0, sizeof(wc_slot)*WC_SLOTS);
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_wordcache_free(marsad_wordcache *p){
  if( p==0 ) return;
  marsad_free(p->a);
  marsad_buf_free(&p->text);
  marsad_norm_free(&p->norm);
  marsad_stemmer_free(p->pStem);
  marsad_free(p);
}

/* A word's key and stem, pointers valid until the cache's next call. */
typedef struct wc_word {
  const char *zKey, *zStem;
  size_t nKey, nStem;
} wc_word;

/* The key and stem (for Arabic words; else the key) of the word z[0..n) of
** kind eKind, computed as the uncached path would. Held words are found by
** their bytes; others are computed, and held when they fit. MARSAD_OK or
** NOMEM. */
static int wc_lookup(marsad_wordcache *p, int eKind, const char *z, size_t n, wc_word *pOut){
  uint64_t h = n<=WC_MAX_BYTES ? XXH3_64bits_withSeed(z, n, (uint64_t)eKind) | 1 : 0;
  uint32_t i = (uint32_t)h & (WC_SLOTS-1);
  for(; h && p->a[i].h; i=(i+1)&(WC_SLOTS-1)){
    const wc_slot *s = &p->a[i];
    const char *t = p->text.a + s->iText;
    if( s->h!=h || s->nRaw!=n || memcmp(t, z, n)!=0 ) continue;
    pOut->zKey = t + n;
    pOut->nKey = s->nKey;
    pOut->zStem = s->bStem ? t + n + s->nKey : pOut->zKey;
    pOut->nStem = s->bStem ? s->nStem : s->nKey;
    return MARSAD_OK;
  }
  int rc = marsad_norm_run(z, n, &p->norm);
  if( rc ) return rc;
  pOut->zKey = p->norm.z;
  pOut->nKey = p->norm.n;
  pOut->zStem = pOut->zKey;
  pOut->nStem = pOut->nKey;
  if( eKind==MARSAD_TOKEN_ARABIC ){
    pOut->zStem = marsad_stem(p->pStem, pOut->zKey, pOut->nKey, &pOut->nStem);
    if( pOut->zStem==0 ) return MARSAD_NOMEM;
  }
  if( h==0 || pOut->nKey>WC_MAX_BYTES || pOut->nStem>WC_MAX_BYTES ) return MARSAD_OK;
  if( p->nUsed>=WC_MAX_WORDS || p->text.n>=WC_MAX_TEXT ){   /* full: start over */
    memset(p->a, 0, sizeof(wc_slot)*WC_SLOTS);
    p->nUsed = 0;
    marsad_buf_reset(&p->text);
    i = (uint32_t)h & (WC_SLOTS-1);
  }
  int bStem = pOut->zStem!=pOut->zKey || pOut->nStem!=pOut->nKey;
  wc_slot s = { h, (uint32_t)p->text.n, (uint8_t)n, (uint8_t)pOut->nKey,
                (uint8_t)(bStem ? pOut->nStem : 0), (uint8_t)bStem };
  marsad_buf_append(&p->text, z, n);
  marsad_buf_append(&p->text, pOut->zKey, pOut->nKey);
  if( bStem ) marsad_buf_append(&p->text, pOut->zStem, pOut->nStem);
  if( p->text.rc ) return p->text.rc;
  p->a[i] = s;
  p->nUsed++;
  return MARSAD_OK;
}

/* ---------------------------------------------------------------- tokens */

/* One token of a field: its span, and its key and stem in the field's
** text buffer. */
typedef struct atok {
  int eKind;                 /* MARSAD_TOKEN_* */
  size_t iStart, iEnd;       /* byte span in the field */
  size_t iKey, nKey;         /* its key, in afield.text */
  size_t iStem, nStem;       /* its stem, in afield.text (set with bStems) */
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
  marsad_norm norm;          /* scratch normalizer */
  marsad_stemmer *pStem;     /* light stemmer, made on first need */
};

/* Frees what *p owns (not p). */
static void atokens_clear(struct marsad_atokens *p){
  for(int f=0; f<2; f++){
    marsad_free(p->aField[f].a);
    marsad_buf_free(&p->aField[f].text);
  }
  marsad_norm_free(&p->norm);
  marsad_stemmer_free(p->pStem);
  memset(p, 0, sizeof *p);
}

int marsad_analysis_keep_tokens(marsad_analysis *pA){
  if( pA->pTokens ) return MARSAD_OK;
  pA->pTokens = marsad_malloc(sizeof *pA->pTokens);
  if( pA->pTokens==0 ) return MARSAD_NOMEM;
  memset(pA->pTokens, 0, sizeof *pA->pTokens);
  return MARSAD_OK;
}

/* Context of atok_span. */
typedef struct atok_ctx {
  struct marsad_atokens *p;
  afield *pF;
  const char *z;             /* the field's text */
  marsad_wordcache *pWords;  /* keys and stems by word, or NULL */
} atok_ctx;

/* Stores one token with its key (a marsad_span_fn). */
static int atok_span(void *pCtx, const marsad_span_token *pT){
  atok_ctx *c = pCtx;
  afield *pF = c->pF;
  if( pF->n>=pF->nAlloc ){
    int nNew = pF->nAlloc ? pF->nAlloc*2 : 512;
    atok *aNew = marsad_realloc(pF->a, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    pF->a = aNew;
    pF->nAlloc = nNew;
  }
  atok *t = &pF->a[pF->n];
  t->eKind = pT->eKind;
  t->iStart = pT->iStart;
  t->iEnd = pT->iEnd;
  t->iKey = pF->text.n;
  if( c->pWords ){                  /* key and stem at once, from the cache */
    wc_word w;
    int rc = wc_lookup(c->pWords, pT->eKind, c->z+pT->iStart, pT->iEnd-pT->iStart, &w);
    if( rc ) return rc;
    t->nKey = w.nKey;
    marsad_buf_append(&pF->text, w.zKey, w.nKey);
    t->iStem = pF->text.n;
    t->nStem = w.nStem;
    if( pT->eKind==MARSAD_TOKEN_ARABIC ) marsad_buf_append(&pF->text, w.zStem, w.nStem);
    else t->iStem = t->iKey;
  }else{
    int rc = marsad_norm_run(c->z+pT->iStart, pT->iEnd-pT->iStart, &c->p->norm);
    if( rc ) return rc;
    t->nKey = c->p->norm.n;
    t->iStem = t->iKey;
    t->nStem = t->nKey;
    marsad_buf_append(&pF->text, c->p->norm.z, c->p->norm.n);
  }
  if( pF->text.rc ) return pF->text.rc;
  pF->n++;
  return MARSAD_OK;
}

/* Computes the stems of the Arabic words of pF. */
static int atok_stems(struct marsad_atokens *p, afield *pF){
  int rc = MARSAD_OK;
  if( p->pStem==0 ) rc = marsad_stemmer_new(&p->pStem);
  for(int i=0; rc==MARSAD_OK && i<pF->n; i++){
    atok *t = &pF->a[i];
    if( t->eKind!=MARSAD_TOKEN_ARABIC ) continue;
    size_t nStem = 0;
    const char *zStem = marsad_stem(p->pStem, pF->text.a+t->iKey, t->nKey, &nStem);
    if( zStem==0 ) return MARSAD_NOMEM;
    t->iStem = pF->text.n;
    t->nStem = nStem;
    marsad_buf_append(&pF->text, zStem, nStem);
    rc = pF->text.rc;
  }
  if( rc==MARSAD_OK ) pF->bStems = 1;
  return rc;
}

/* Fills field eField of p from text z[0..n), stems when bStem (always
** with a word cache pWords, which gives them with the keys). */
static int atok_fill(struct marsad_atokens *p, marsad_wordcache *pWords, int eField,
                     const char *z, size_t n, int bStem){
  afield *pF = &p->aField[eField];
  int rc = MARSAD_OK;
  if( !pF->bDone ){
    atok_ctx c = {p, pF, z, pWords};
    pF->n = 0;
    marsad_buf_reset(&pF->text);
    rc = marsad_tokenize_spans(z, n, 1, atok_span, &c);
    if( rc==MARSAD_OK ) pF->bDone = 1;
    if( rc==MARSAD_OK && pWords ) pF->bStems = 1;
  }
  if( rc==MARSAD_OK && bStem && !pF->bStems ) rc = atok_stems(p, pF);
  return rc;
}

/* Calls xToken for the tokens of pF. */
static int atok_replay(const afield *pF, unsigned flags, int bStem,
                       marsad_token_fn xToken, void *pCtx){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<pF->n; i++){
    const atok *t = &pF->a[i];
    if( t->eKind==MARSAD_TOKEN_PUNCT && !(flags & MARSAD_TOKENIZE_PUNCT) ) continue;
    marsad_token tok;
    tok.eKind = t->eKind;
    tok.iStart = t->iStart;
    tok.iEnd = t->iEnd;
    tok.pKey = pF->text.a + t->iKey;
    tok.nKey = t->nKey;
    tok.pStem = bStem ? pF->text.a + t->iStem : tok.pKey;
    tok.nStem = bStem ? t->nStem : t->nKey;
    rc = xToken(pCtx, &tok);
  }
  return rc;
}

int marsad_analysis_tokens(const marsad_analysis *pA, int eField, unsigned flags,
                           int bStem, marsad_token_fn xToken, void *pCtx){
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
  int rc = atok_fill(p, pA->pWords, eField, z, n, bStem);
  if( rc==MARSAD_OK ) rc = atok_replay(&p->aField[eField], flags, bStem, xToken, pCtx);
  if( p==&once ) atokens_clear(&once);
  return rc;
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
