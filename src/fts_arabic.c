/*
** fts_arabic.c: the FTS5 tokenizer "arabic" (see fts_arabic.h), written
** against the version-1 tokenizer interface of SQLite 3.40 (fts5_api
** version 2). Words come from the text core: spans from token.h, keys from
** norm.h, stems from stem.h, of the kind the tokenizer's argument names;
** or, for documents the search module announced (marsad_fts_docs), the
** same tokens taken from the analysis that already made them.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "buf.h"
#include "fts_arabic.h"
#include "norm.h"
#include "stem.h"
#include "token.h"
#include "wordcache.h"

/* Format of the tokenizer's output: bump when the token scheme changes. */
#define FTS_ARABIC_FORMAT 3

/* Longest key indexed, in bytes; longer words are cut (at a character
** boundary) so that a pathological input cannot blow up the index. */
#define FTS_MAX_KEY 200

/* Stemmers the tokenizer can use (tokenize='arabic NAME'). */
enum { STEM_LIGHT, STEM_SNOWBALL, STEM_NONE };

/* One word of a known document: what emit_word would hand FTS5. */
typedef struct fts_word {
  int iStart, iEnd;               /* byte span in the document */
  size_t iTok;                    /* its tokens, in marsad_fts_docs.text: */
  size_t nStem;                   /* the stem token (stem, or stem + '~'), */
  size_t nMarked;                 /* then '=' + key for a changed word (else
                                  ** nMarked is 0) */
} fts_word;

/* One known document. */
typedef struct fts_doc {
  size_t iText, nText;            /* the document's text, in .text */
  int iWord, nWord;               /* its words, in .aWord; nWord is -1 when
                                  ** they are not known (the tokenizer makes
                                  ** them) */
} fts_doc;

struct marsad_fts_docs {
  fts_doc *aDoc;                  /* the documents, in the order added */
  int nDoc, nDocAlloc;
  fts_word *aWord;                /* their words */
  int nWord, nWordAlloc;
  marsad_buf text;                /* texts, stems and marked keys */
  int iNext;                      /* where the next lookup starts */
};

/* One tokenizer instance (one per FTS5 table per connection). */
typedef struct ArabicTokenizer {
  marsad_fts_docs *pDocs;         /* known documents (default stemmer only) */
  int eStem;                      /* STEM_* */
  marsad_stemmer *pStem;          /* the stemmer (NULL for STEM_NONE) */
  marsad_norm norm;               /* scratch key of the current word */
  marsad_wordcache *pWords;       /* keys and light stems of recent words
                                  ** (instances FTS5 made, default stemmer) */
  char *aTok;                     /* scratch: a marked token (mark_token) */
  size_t nTokAlloc;               /* bytes allocated at aTok */
  int bBusy;                      /* a tokenize call is running on it */
} ArabicTokenizer;

/* State of one xTokenize call. */
typedef struct TokenizeCall {
  ArabicTokenizer *pTok;          /* the tokenizer */
  const char *pText;              /* the text being tokenized */
  int flags;                      /* FTS5_TOKENIZE_* */
  void *pCtx;                     /* FTS5's context for xToken */
  int (*xToken)(void*, int, const char*, int, int, int);
} TokenizeCall;

/* Frees an instance. NULL is fine. */
static void arabic_delete(Fts5Tokenizer *pTokenizer){
  ArabicTokenizer *p = (ArabicTokenizer*)pTokenizer;
  if( p==0 ) return;
  marsad_stemmer_free(p->pStem);
  marsad_norm_free(&p->norm);
  marsad_wordcache_free(p->pWords);
  marsad_free(p->aTok);
  marsad_free(p);
}

/* Creates an instance; azArg[0], when given, names the stemmer. Unknown
** arguments are an error (SQLITE_ERROR), so that a typo in a table
** definition is caught when the table is created. */
static int arabic_create(void *pDocs, const char **azArg, int nArg,
                         Fts5Tokenizer **ppOut){
  *ppOut = 0;
  int eStem = STEM_LIGHT;
  if( nArg>1 ) return SQLITE_ERROR;
  if( nArg==1 ){
    if( strcmp(azArg[0], "light")==0 ) eStem = STEM_LIGHT;
    else if( strcmp(azArg[0], "snowball")==0 ) eStem = STEM_SNOWBALL;
    else if( strcmp(azArg[0], "none")==0 ) eStem = STEM_NONE;
    else return SQLITE_ERROR;
  }
  ArabicTokenizer *p = marsad_malloc(sizeof *p);
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof *p);
  p->eStem = eStem;
  p->pDocs = eStem==STEM_LIGHT ? pDocs : 0;   /* its tokens are the light stemmer's */
  if( eStem!=STEM_NONE ){
    int eKind = eStem==STEM_LIGHT ? MARSAD_STEM_LIGHT : MARSAD_STEM_SNOWBALL;
    if( marsad_stemmer_new_kind(eKind, &p->pStem)!=MARSAD_OK ){
      arabic_delete((Fts5Tokenizer*)p);
      return SQLITE_NOMEM;
    }
  }
  if( p->pDocs && marsad_wordcache_new(&p->pWords)!=MARSAD_OK ){
    arabic_delete((Fts5Tokenizer*)p);
    return SQLITE_NOMEM;
  }
  *ppOut = (Fts5Tokenizer*)p;
  return SQLITE_OK;
}

/* The stem of key z[0..n) by the instance's stemmer, in *ppStem and *pnStem
** (memory owned by the stemmer or the key, valid until the next word).
** SQLITE_OK or SQLITE_NOMEM. */
static int stem_key(ArabicTokenizer *p, const char *z, size_t n,
                    const char **ppStem, size_t *pnStem){
  *ppStem = z;
  *pnStem = n;
  if( p->pStem ) *ppStem = marsad_stem(p->pStem, z, n, pnStem);
  return *ppStem ? SQLITE_OK : SQLITE_NOMEM;
}

/* Writes into the instance's scratch (*ppOut, *pnOut) the token z[0..n)
** marked: '=' + z for the key of a changed word when bKey, else z + '~'
** for its stem. */
static int mark_token(ArabicTokenizer *p, const char *z, size_t n, int bKey,
                      const char **ppOut, size_t *pnOut){
  if( n+1>p->nTokAlloc ){
    size_t nNew = (n+1)*2;
    char *aNew = marsad_realloc(p->aTok, nNew);
    if( aNew==0 ) return SQLITE_NOMEM;
    p->aTok = aNew;
    p->nTokAlloc = nNew;
  }
  if( bKey ){
    p->aTok[0] = MARSAD_FTS_EXACT_MARK;
    memcpy(p->aTok+1, z, n);
  }else{
    memcpy(p->aTok, z, n);
    p->aTok[n] = MARSAD_FTS_CHANGED_MARK;
  }
  *ppOut = p->aTok;
  *pnOut = n+1;
  return SQLITE_OK;
}

/* Length of the longest prefix of z[0..n) that is at most nMax bytes and
** ends on a UTF-8 character boundary. */
static size_t cut_key(const char *z, size_t n, size_t nMax){
  if( n<=nMax ) return n;
  while( nMax>0 && ((unsigned char)z[nMax] & 0xC0)==0x80 ) nMax--;
  return nMax;
}

/* The key of a prefix query in stem mode: the key less its longest leading
** definite article (ال وال بال كال فال لل, the light stemmer's list) when at
** least two letters remain, so that "الرئ*" looks up stems beginning "ري".
** Suffix rules are not applied: the word is not complete. */
static void prefix_key(const char *zKey, size_t nKey, const char **ppOut,
                       size_t *pnOut){
  size_t nBest = 0;
  for(int i=0; marsad_stem_articles[i].n; i++){
    const marsad_affix *pA = &marsad_stem_articles[i];
    size_t m = strlen(pA->z);
    if( m>nBest && nKey>=m+4 && memcmp(zKey, pA->z, m)==0 ) nBest = m;
  }
  *ppOut = zKey + nBest;
  *pnOut = nKey - nBest;
}

/* Hands FTS5 the query token(s) of one word with key zKey[0..nKey) and
** stem zStem[0..nStem) (bDiffer: they differ), span [iS, iE), as the byte
** before the word asks (fts_arabic.h): after '=', its marked key when the
** key is not its stem, else the unmarked stem (only words whose key it is
** have it); after '^' the unmarked stem, after '~' the marked stem; else
** both as synonyms (the stem of any form of the word). For a prefix, what
** prefix_key keeps (the key itself when exact). */
static int emit_query(TokenizeCall *pCall, const char *zKey, size_t nKey,
                      const char *zStem, size_t nStem, int bDiffer, int iS, int iE){
  ArabicTokenizer *p = pCall->pTok;
  char cMark = iS>0 ? pCall->pText[iS-1] : 0;
  int bPrefix = (pCall->flags & FTS5_TOKENIZE_PREFIX)!=0;
  const char *zOut = zStem;
  size_t nOut = nStem;
  int rc = SQLITE_OK;
  if( bPrefix ){
    if( cMark==MARSAD_FTS_EXACT_MARK ){ zOut = zKey; nOut = nKey; }
    else prefix_key(zKey, nKey, &zOut, &nOut);
  }else if( cMark==MARSAD_FTS_EXACT_MARK && bDiffer ){
    rc = mark_token(p, zKey, nKey, 1, &zOut, &nOut);
  }else if( cMark==MARSAD_FTS_CHANGED_MARK ){
    rc = mark_token(p, zStem, nStem, 0, &zOut, &nOut);
  }
  if( rc==SQLITE_OK ) rc = pCall->xToken(pCall->pCtx, 0, zOut, (int)nOut, iS, iE);
  int bBoth = !bPrefix && p->pStem && cMark!=MARSAD_FTS_EXACT_MARK
           && cMark!=MARSAD_FTS_CHANGED_MARK && cMark!=MARSAD_FTS_STEM_MARK;
  if( rc==SQLITE_OK && bBoth ){
    rc = mark_token(p, zStem, nStem, 0, &zOut, &nOut);
    if( rc==SQLITE_OK ){
      rc = pCall->xToken(pCall->pCtx, FTS5_TOKEN_COLOCATED, zOut, (int)nOut, iS, iE);
    }
  }
  return rc;
}

/* The key and stem of word z[0..n) from the instance's word cache, when it
** has one and the key needs no cutting (the cache stems whole keys): *pzKey
** is left NULL otherwise, and the caller makes them. The cache's key and
** light stem are those of marsad_norm_run and the light stemmer
** (wordcache.h), so the tokens are the same either way. SQLITE_OK or
** SQLITE_NOMEM. */
static int cached_word(ArabicTokenizer *p, const char *z, size_t n,
                       const char **pzKey, size_t *pnKey,
                       const char **pzStem, size_t *pnStem){
  *pzKey = 0;
  if( p->pWords==0 || n>=UINT32_MAX ) return SQLITE_OK;
  marsad_cword *w = 0;
  if( marsad_wordcache_find(p->pWords, z, n, marsad_wordcache_hash(z, n), &w)!=MARSAD_OK ){
    return SQLITE_NOMEM;
  }
  if( w->nKey>FTS_MAX_KEY ) return SQLITE_OK;
  if( w->nKey>0 && marsad_wordcache_stem(p->pWords, w)!=MARSAD_OK ) return SQLITE_NOMEM;
  *pzKey = marsad_cword_key(w);
  *pnKey = w->nKey;
  *pzStem = w->nKey>0 ? w->pStem : *pzKey;
  *pnStem = w->nKey>0 ? w->nStem : 0;
  return SQLITE_OK;
}

/* Emits the token(s) of one word span [iStart, iEnd) of the text. */
static int emit_word(TokenizeCall *pCall, size_t iStart, size_t iEnd){
  ArabicTokenizer *p = pCall->pTok;
  const char *zKey = 0, *zStem = 0;
  size_t nKey = 0, nStem = 0;
  int rc = cached_word(p, pCall->pText+iStart, iEnd-iStart, &zKey, &nKey, &zStem, &nStem);
  if( rc==SQLITE_OK && zKey==0 ){
    rc = marsad_norm_run(pCall->pText+iStart, iEnd-iStart, &p->norm)==MARSAD_OK
       ? SQLITE_OK : SQLITE_NOMEM;
    if( rc!=SQLITE_OK || p->norm.n==0 ) return rc;
    zKey = p->norm.z;
    nKey = cut_key(zKey, p->norm.n, FTS_MAX_KEY);
    rc = stem_key(p, zKey, nKey, &zStem, &nStem);
  }
  if( rc!=SQLITE_OK || nKey==0 ) return rc;
  if( nStem==0 ){ zStem = zKey; nStem = nKey; }
  int bDiffer = (nStem!=nKey || memcmp(zStem, zKey, nKey)!=0);
  int iS = (int)iStart, iE = (int)iEnd;

  if( pCall->flags & FTS5_TOKENIZE_QUERY ){
    return emit_query(pCall, zKey, nKey, zStem, nStem, bDiffer, iS, iE);
  }
  if( !bDiffer ) return pCall->xToken(pCall->pCtx, 0, zStem, (int)nStem, iS, iE);
  const char *zTok = 0;
  size_t nTok = 0;
  rc = mark_token(p, zStem, nStem, 0, &zTok, &nTok);
  if( rc==SQLITE_OK ) rc = pCall->xToken(pCall->pCtx, 0, zTok, (int)nTok, iS, iE);
  if( rc==SQLITE_OK ) rc = mark_token(p, zKey, nKey, 1, &zTok, &nTok);
  if( rc==SQLITE_OK ){
    rc = pCall->xToken(pCall->pCtx, FTS5_TOKEN_COLOCATED, zTok, (int)nTok, iS, iE);
  }
  return rc;
}

/* marsad_span_fn: words and numbers become tokens. */
static int on_span(void *pCtx, const marsad_span_token *pSpan){
  if( pSpan->eKind==MARSAD_TOKEN_PUNCT ) return SQLITE_OK;
  return emit_word((TokenizeCall*)pCtx, pSpan->iStart, pSpan->iEnd);
}

/* ---------------------------------------------------------------- known documents */

/* The document of the list whose text is pText[0..nText), or NULL. The
** search looks on from the last one found: FTS5 asks in the order added. */
static const fts_doc *docs_find(marsad_fts_docs *d, const char *pText, size_t nText){
  if( d==0 ) return 0;
  for(int k=0; k<d->nDoc; k++){
    int i = (d->iNext + k) % d->nDoc;
    const fts_doc *x = &d->aDoc[i];
    if( x->nWord>=0 && x->nText==nText && memcmp(d->text.a+x->iText, pText, nText)==0 ){
      d->iNext = i+1;
      return x;
    }
  }
  return 0;
}

/* Hands FTS5 the tokens of known document pDoc, as emit_word would. */
static int docs_replay(const marsad_fts_docs *d, const fts_doc *pDoc, void *pCtx,
                       int (*xToken)(void*, int, const char*, int, int, int)){
  int rc = SQLITE_OK;
  const fts_word *w = &d->aWord[pDoc->iWord];
  const fts_word *wEnd = w + pDoc->nWord;
  for(; rc==SQLITE_OK && w<wEnd; w++){
    const char *zTok = d->text.a + w->iTok;
    rc = xToken(pCtx, 0, zTok, (int)w->nStem, w->iStart, w->iEnd);
    if( rc==SQLITE_OK && w->nMarked ){
      rc = xToken(pCtx, FTS5_TOKEN_COLOCATED, zTok+w->nStem, (int)w->nMarked,
                  w->iStart, w->iEnd);
    }
  }
  return rc;
}

/* Returned by docs_word for a word the list cannot hold exactly. */
#define DOCS_TOO_LONG 1000

/* Adds one word of the document being added (a marsad_token_fn): its
** tokens as emit_word makes them from the same key and stem. */
static int docs_word(void *pCtx, const marsad_token *t){
  marsad_fts_docs *d = pCtx;
  if( t->nKey==0 ) return MARSAD_OK;
  if( t->nKey>FTS_MAX_KEY ) return DOCS_TOO_LONG;    /* emit_word cuts it first */
  if( d->nWord>=d->nWordAlloc ){
    int nNew = d->nWordAlloc ? d->nWordAlloc*2 : 4096;
    fts_word *aNew = marsad_realloc(d->aWord, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    d->aWord = aNew;
    d->nWordAlloc = nNew;
  }
  const char *zStem = t->nStem ? t->pStem : t->pKey;
  size_t nStem = t->nStem ? t->nStem : t->nKey;
  int bDiffer = nStem!=t->nKey || (zStem!=t->pKey && memcmp(zStem, t->pKey, nStem)!=0);
  size_t nMarked = bDiffer ? t->nKey+1 : 0;
  size_t nTok = nStem + (bDiffer ? 1 : 0);
  if( (d->text.rc || nTok+nMarked>=d->text.nAlloc-d->text.n)   /* marsad_buf_append's test */
   && marsad_buf_grow(&d->text, nTok+nMarked) ){
    return d->text.rc;
  }
  char *z = d->text.a + d->text.n;       /* the stem (+ '~'), then '=' + key */
  memcpy(z, zStem, nStem);
  if( bDiffer ){
    z[nStem] = MARSAD_FTS_CHANGED_MARK;
    z[nStem+1] = MARSAD_FTS_EXACT_MARK;
    memcpy(z+nStem+2, t->pKey, t->nKey);
  }
  fts_word *w = &d->aWord[d->nWord++];
  w->iStart = (int)t->iStart;
  w->iEnd = (int)t->iEnd;
  w->iTok = d->text.n;
  w->nStem = nTok;
  w->nMarked = nMarked;
  d->text.n += nTok + nMarked;
  d->text.a[d->text.n] = 0;              /* marsad_buf keeps its terminator */
  return MARSAD_OK;
}

int marsad_fts_docs_add(marsad_fts_docs *d, const marsad_analysis *pA, int eField,
                        int *piDoc){
  const char *z = eField==MARSAD_FIELD_TITLE ? pA->art.zTitle : pA->art.zBody;
  size_t n = eField==MARSAD_FIELD_TITLE ? pA->art.nTitle : pA->art.nBody;
  *piDoc = -1;
  if( z==0 || n==0 || n>INT_MAX ) return MARSAD_OK;  /* FTS5 asks for none of these */
  if( d->nDoc>=d->nDocAlloc ){
    int nNew = d->nDocAlloc ? d->nDocAlloc*2 : 256;
    fts_doc *aNew = marsad_realloc(d->aDoc, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    d->aDoc = aNew;
    d->nDocAlloc = nNew;
  }
  fts_doc *x = &d->aDoc[d->nDoc];
  int nWordWas = d->nWord;
  x->iText = d->text.n;
  x->nText = n;
  x->iWord = d->nWord;
  marsad_buf_append(&d->text, z, n);
  int rc = d->text.rc;
  if( rc==MARSAD_OK ) rc = marsad_analysis_tokens(pA, eField, 0, 1, docs_word, d);
  if( rc==MARSAD_OK ){
    x->nWord = d->nWord - x->iWord;
  }else if( rc==DOCS_TOO_LONG ){         /* the text only: the tokenizer will do it */
    d->text.n = x->iText + n;
    d->text.a[d->text.n] = 0;
    d->nWord = nWordWas;
    x->nWord = -1;
    rc = MARSAD_OK;
  }
  if( rc!=MARSAD_OK ){
    d->text.n = x->iText;
    d->nWord = nWordWas;
    return rc;
  }
  *piDoc = d->nDoc++;
  return MARSAD_OK;
}

const char *marsad_fts_docs_text(const marsad_fts_docs *d, int iDoc, size_t *pnText){
  *pnText = d->aDoc[iDoc].nText;
  return d->text.a + d->aDoc[iDoc].iText;
}

void marsad_fts_docs_clear(marsad_fts_docs *d){
  d->nDoc = 0;
  d->nWord = 0;
  d->iNext = 0;
  marsad_buf_reset(&d->text);
}

/* Frees a document list (the xDestroy of the tokenizer's registration). */
static void docs_free(void *pArg){
  marsad_fts_docs *d = pArg;
  if( d==0 ) return;
  marsad_free(d->aDoc);
  marsad_free(d->aWord);
  marsad_buf_free(&d->text);
  marsad_free(d);
}

/* Tokenizes pText[0..nText) for FTS5. A nested call on a busy instance (an
** auxiliary function tokenizing while a query tokenizes) runs on a fresh
** instance of the same kind. */
static int arabic_tokenize(Fts5Tokenizer *pTokenizer, void *pCtx, int flags,
                           const char *pText, int nText,
                           int (*xToken)(void*, int, const char*, int, int, int)){
  ArabicTokenizer *p = (ArabicTokenizer*)pTokenizer;
  if( nText<=0 ) return SQLITE_OK;
  if( p->bBusy ){
    static const char *const azName[] = {"light", "snowball", "none"};
    const char *zArg = azName[p->eStem];
    Fts5Tokenizer *pFresh = 0;
    int rc = arabic_create(0, &zArg, 1, &pFresh);
    if( rc==SQLITE_OK ) rc = arabic_tokenize(pFresh, pCtx, flags, pText, nText, xToken);
    arabic_delete(pFresh);
    return rc;
  }
  if( !(flags & FTS5_TOKENIZE_QUERY) ){
    const fts_doc *pDoc = docs_find(p->pDocs, pText, (size_t)nText);
    if( pDoc ) return docs_replay(p->pDocs, pDoc, pCtx, xToken);
  }
  TokenizeCall call = {p, pText, flags, pCtx, xToken};
  if( p->pWords ) marsad_wordcache_trim(p->pWords);   /* no word of a call is kept */
  p->bBusy = 1;
  int rc = marsad_tokenize_spans(pText, (size_t)nText, 0, on_span, &call);
  p->bBusy = 0;
  return rc;
}

/* Fetches the connection's fts5_api (NULL when it has no FTS5). */
static fts5_api *fts5_api_of(sqlite3 *db){
  fts5_api *pApi = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pApi, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return (pApi && pApi->iVersion>=2) ? pApi : 0;
}

int marsad_fts_register(sqlite3 *db, marsad_fts_docs **ppDocs){
  static fts5_tokenizer tokenizer = {arabic_create, arabic_delete, arabic_tokenize};
  if( ppDocs ) *ppDocs = 0;
  fts5_api *pApi = fts5_api_of(db);
  if( pApi==0 ) return MARSAD_DBERROR;
  marsad_fts_docs *d = marsad_malloc(sizeof *d);
  if( d==0 ) return MARSAD_NOMEM;
  memset(d, 0, sizeof *d);
  int rc = pApi->xCreateTokenizer(pApi, "arabic", d, &tokenizer, docs_free);
  if( rc!=SQLITE_OK ){                  /* FTS5 did not take it: not destroyed there */
    docs_free(d);
    return rc==SQLITE_NOMEM ? MARSAD_NOMEM : MARSAD_DBERROR;
  }
  rc = marsad_fts_bm25_register(pApi);  /* the ranking function the search uses */
  if( rc!=SQLITE_OK ) return rc==SQLITE_NOMEM ? MARSAD_NOMEM : MARSAD_DBERROR;
  if( ppDocs ) *ppDocs = d;
  return MARSAD_OK;
}

/* xToken for the version probe: folds each token and its flags into an
** FNV-1a hash. */
static int probe_token(void *pCtx, int tflags, const char *pToken, int nToken,
                       int iStart, int iEnd){
  unsigned long long *pH = pCtx;
  unsigned long long h = *pH;
  unsigned char aMeta[3] = {(unsigned char)tflags, (unsigned char)iStart, (unsigned char)iEnd};
  for(int i=0; i<nToken; i++){ h ^= (unsigned char)pToken[i]; h *= 1099511628211ULL; }
  for(int i=0; i<3; i++){ h ^= aMeta[i]; h *= 1099511628211ULL; }
  *pH = h;
  return SQLITE_OK;
}

int marsad_fts_version(char *zOut, size_t nOut){
  /* A probe touching every folding and stemming rule the index depends on:
  ** clitics, plurals, hamza forms, ta marbuta, alef maqsura, harakat,
  ** tatweel, presentation forms, digits, Latin. */
  static const char zProbe[] =
    "وَالمُعلّمون بالمدرسة وكتابهم للأطفال فالكتاب كالبحر إِسرائيل أردوغان "
    "مسؤولون رئيسة مستشفى الـــقدس ﻻ ﷲ ٢٠٢٠ 3.5 COVID-19 Reuters الانتخابات "
    "سيقولون والمفاوضات المصريين بلادهما";
  Fts5Tokenizer *pTok = 0;
  unsigned long long h = 14695981039346656037ULL;
  int rc = arabic_create(0, 0, 0, &pTok);
  if( rc==SQLITE_OK ){
    rc = arabic_tokenize(pTok, &h, FTS5_TOKENIZE_DOCUMENT, zProbe,
                         (int)sizeof zProbe - 1, probe_token);
  }
  arabic_delete(pTok);
  if( rc!=SQLITE_OK ) return MARSAD_NOMEM;
  snprintf(zOut, nOut, "arabic/%d/%016llx", FTS_ARABIC_FORMAT, h);
  return MARSAD_OK;
}
