/*
** text.c: the public text core of marsad.h: marsad_tokenize (spans from
** token.c, keys from norm.c, stems from stem.c) and marsad_normalize.
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "norm.h"
#include "stem.h"
#include "token.h"

/* State of one marsad_tokenize call: the scratch key buffer is reused for
** every token, so the call allocates only when a key outgrows it. */
typedef struct text_ctx {
  const char *pText;        /* the text being tokenized */
  marsad_norm norm;         /* scratch: key of the current token */
  marsad_stemmer *pStem;    /* stemmer for Arabic keys */
  marsad_token_fn xToken;   /* the caller's callback */
  void *pCtx;               /* and its context */
} text_ctx;

/* Span callback: computes the key and stem of one token and passes it on. */
static int text_on_span(void *pArg, const marsad_span_token *pSpan){
  text_ctx *p = (text_ctx*)pArg;
  marsad_token t;
  int rc = marsad_norm_run(p->pText+pSpan->iStart, pSpan->iEnd-pSpan->iStart,
                           &p->norm);
  if( rc!=MARSAD_OK ) return rc;
  t.eKind = pSpan->eKind;
  t.iStart = pSpan->iStart;
  t.iEnd = pSpan->iEnd;
  t.pKey = p->norm.z;
  t.nKey = p->norm.n;
  t.pStem = t.pKey;
  t.nStem = t.nKey;
  if( t.eKind==MARSAD_TOKEN_ARABIC ){
    t.pStem = marsad_stem(p->pStem, t.pKey, t.nKey, &t.nStem);
    if( t.pStem==0 ) return MARSAD_NOMEM;
  }
  return p->xToken(p->pCtx, &t);
}

int marsad_tokenize_stem(const char *pText, size_t nText, unsigned flags,
                         marsad_stemmer *pStem, marsad_token_fn xToken,
                         void *pCtx){
  text_ctx ctx;
  marsad_stemmer *pOwn = 0;
  int rc = MARSAD_OK;
  memset(&ctx, 0, sizeof ctx);
  ctx.pText = pText;
  ctx.xToken = xToken;
  ctx.pCtx = pCtx;
  ctx.pStem = pStem;
  if( pStem==0 ){
    rc = marsad_stemmer_new(&pOwn);
    ctx.pStem = pOwn;
  }
  if( rc==MARSAD_OK ){
    rc = marsad_tokenize_spans(pText, nText, (flags & MARSAD_TOKENIZE_PUNCT)!=0,
                               text_on_span, &ctx);
  }
  marsad_norm_free(&ctx.norm);
  marsad_stemmer_free(pOwn);
  return rc;
}

int marsad_tokenize(const char *pText, size_t nText, unsigned flags,
                    marsad_token_fn xToken, void *pCtx){
  return marsad_tokenize_stem(pText, nText, flags, 0, xToken, pCtx);
}

int marsad_normalize(const char *pText, size_t nText, char **pzOut,
                     size_t *pnOut){
  marsad_norm norm = MARSAD_NORM_INIT;
  int rc = marsad_norm_run(pText, nText, &norm);
  *pzOut = 0;
  *pnOut = 0;
  if( rc==MARSAD_OK && norm.z==0 ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ){
    *pzOut = norm.z;          /* hand the key over; drop the offset map */
    *pnOut = norm.n;
    norm.z = 0;
  }
  marsad_norm_free(&norm);
  return rc;
}
