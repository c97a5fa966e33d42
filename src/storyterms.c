/*
** storyterms.c: the vocabulary of the story clusterer, the terms and
** fingerprints of an article, and article similarity (see storyterms.h).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "imap.h"
#include "stem.h"
#include "token.h"
#include "topk.h"
#include "storyterms.h"

/* The stop-word list, generated from data/story_stopwords.txt. */
extern const char *const marsad_story_stopwords[];
extern const int marsad_story_nstopwords;

#define TITLE_BOOST 2         /* a title word counts as this many body words */
#define LEDE_WORDS 60         /* the body's first words (its lede) count twice */
#define MIN_EXACT_WORDS 8     /* bodies shorter than this get no exact hash */
#define N_LOG_TABLE 4096      /* ln(k) is tabulated for k < this */
#define STOP_FILTER_BITS 4096 /* bits of the stop words' filter */

/* How much each part weighs in the similarity. */
#define SIM_COSINE 0.75
#define SIM_TITLE  0.25

struct marsad_vocab {
  marsad_imap map;            /* hash of a stem -> term id + 1 */
  char *aText;                /* the stems, NUL-terminated, one after another */
  size_t nText, nTextAlloc;   /* bytes used and allocated in aText */
  uint32_t *aOff;             /* aOff[i]: offset of term i in aText */
  uint32_t *aDf;              /* document frequency of each term */
  double *aLnDf;              /* ln(df + 1) of each term, set with its df (the
                              ** comparisons read it for every term) */
  unsigned char *aChanged;    /* per chunk of MARSAD_VOCAB_CHUNK terms: 1 when
                              ** a df in it changed since last reported */
  uint32_t nTerm, nAlloc;     /* terms used and allocated */
  uint32_t nDoc;              /* documents counted */
  double rLogN;               /* ln(nDoc + 10) */
  double aLog[N_LOG_TABLE];   /* aLog[k] = ln(k) (aLog[0] unused) */
  marsad_imap stop;           /* hashes of stop-word keys -> non-NULL */
  uint64_t aStopBits[STOP_FILTER_BITS/64]; /* the bit of each stop word's hash
                              ** (stop_filter_bit): most words are told apart by it */
  marsad_imap entities;       /* entity id -> id + 1 of its term "@<id>" */
  size_t nStopMax;            /* bytes in the longest stop-word key */
  uint32_t *aCount;           /* scratch: per-term counts, zero between uses */
  uint64_t *aEntBits;         /* a bit a term: set for an entity's term "@<id>" (its
                              ** text need not be read to tell) */
  marsad_stemmer *pStem;      /* stemmer for the terms */
};

/* A hash of marsad_hash64 made never 0. */
static uint64_t nonzero_hash(uint64_t h){
  return h ? h : 1;
}

/* Hash of a key or stem, never 0. */
static uint64_t term_hash(const char *p, size_t n){
  return nonzero_hash(marsad_hash64(p, n));
}

/* The bit of the stop words' filter that hash h sets or tests. */
static unsigned stop_filter_bit(uint64_t h){
  return (unsigned)(h >> 52) % STOP_FILTER_BITS;
}

/* Adds the normalized form of each stop word to p->stop and its bit to
** p->aStopBits. */
static int vocab_load_stopwords(marsad_vocab *p){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<marsad_story_nstopwords; i++){
    char *z = 0;
    size_t n = 0;
    const char *zWord = marsad_story_stopwords[i];
    rc = marsad_normalize(zWord, strlen(zWord), &z, &n);
    if( rc==MARSAD_OK ){
      uint64_t h = term_hash(z, n);
      unsigned iBit = stop_filter_bit(h);
      p->aStopBits[iBit/64] |= (uint64_t)1 << (iBit%64);
      rc = marsad_imap_put(&p->stop, h, p);
    }
    if( n>p->nStopMax ) p->nStopMax = n;
    marsad_free(z);
  }
  return rc;
}

int marsad_vocab_new(marsad_vocab **ppOut){
  marsad_vocab *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  for(int k=1; k<N_LOG_TABLE; k++) p->aLog[k] = log((double)k);
  p->rLogN = log(10.0);
  int rc = marsad_stemmer_new(&p->pStem);
  if( rc==MARSAD_OK ) rc = vocab_load_stopwords(p);
  if( rc ){ marsad_vocab_free(p); return rc; }
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_vocab_free(marsad_vocab *p){
  if( p==0 ) return;
  marsad_imap_free(&p->map);
  marsad_imap_free(&p->stop);
  marsad_imap_free(&p->entities);
  marsad_free(p->aText);
  marsad_free(p->aOff);
  marsad_free(p->aDf);
  marsad_free(p->aLnDf);
  marsad_free(p->aChanged);
  marsad_free(p->aCount);
  marsad_free(p->aEntBits);
  marsad_stemmer_free(p->pStem);
  marsad_free(p);
}

uint32_t marsad_vocab_size(const marsad_vocab *p){ return p->nTerm; }
uint32_t marsad_vocab_df(const marsad_vocab *p, uint32_t i){ return p->aDf[i]; }
uint32_t marsad_vocab_ndoc(const marsad_vocab *p){ return p->nDoc; }

const char *marsad_vocab_term(const marsad_vocab *p, uint32_t iTerm, size_t *pn){
  const char *z = p->aText + p->aOff[iTerm];
  *pn = strlen(z);
  return z;
}

const char *marsad_vocab_text_from(const marsad_vocab *p, uint32_t iFirst, size_t *pn){
  size_t iOff = iFirst<p->nTerm ? p->aOff[iFirst] : p->nText;
  *pn = p->nText - iOff;
  return p->aText ? p->aText + iOff : "";
}

/* ln(k) for k >= 1, from the table when it can. */
static double vocab_log(const marsad_vocab *p, uint32_t k){
  return k<N_LOG_TABLE ? p->aLog[k] : log((double)k);
}

double marsad_vocab_idf(const marsad_vocab *p, uint32_t iTerm){
  return p->rLogN - p->aLnDf[iTerm];
}

double marsad_vocab_weight(const marsad_vocab *p, uint32_t iTerm, uint32_t nTf){
  return (double)nTf * marsad_vocab_idf(p, iTerm);
}

void marsad_vocab_set_df(marsad_vocab *p, uint32_t iTerm, uint32_t nDf){
  p->aDf[iTerm] = nDf;
  p->aLnDf[iTerm] = vocab_log(p, nDf + 1);
}

void marsad_vocab_set_ndoc(marsad_vocab *p, uint32_t nDoc){
  p->nDoc = nDoc;
  p->rLogN = log((double)nDoc + 10.0);
}

void marsad_vocab_count(marsad_vocab *p, const marsad_docterms *d){
  for(int i=0; i<d->nTerm; i++){
    uint32_t t = d->aTerm[i].iTerm;
    marsad_vocab_set_df(p, t, p->aDf[t] + 1);
    p->aChanged[d->aTerm[i].iTerm / MARSAD_VOCAB_CHUNK] = 1;
  }
  marsad_vocab_set_ndoc(p, p->nDoc + 1);
}

long marsad_vocab_next_changed(marsad_vocab *p, uint32_t *piFrom){
  uint32_t nChunk = (p->nTerm + MARSAD_VOCAB_CHUNK - 1) / MARSAD_VOCAB_CHUNK;
  for(uint32_t i=*piFrom; i<nChunk; i++){
    if( p->aChanged[i] ){
      p->aChanged[i] = 0;
      *piFrom = i+1;
      return (long)i;
    }
  }
  *piFrom = nChunk;
  return -1;
}

const uint32_t *marsad_vocab_chunk(const marsad_vocab *p, uint32_t iChunk, uint32_t *pn){
  uint32_t iFirst = iChunk*MARSAD_VOCAB_CHUNK;
  uint32_t nLeft = p->nTerm>iFirst ? p->nTerm-iFirst : 0;
  *pn = nLeft<MARSAD_VOCAB_CHUNK ? nLeft : MARSAD_VOCAB_CHUNK;
  return p->aDf + iFirst;
}

/* Makes room for one more term. */
static int vocab_grow(marsad_vocab *p, size_t nBytes){
  if( p->nTerm>=p->nAlloc ){
    uint32_t nNew = p->nAlloc ? p->nAlloc*2 : 1024;
    uint32_t *aOff = marsad_realloc(p->aOff, sizeof(uint32_t)*nNew);
    if( aOff ) p->aOff = aOff;
    uint32_t *aDf = aOff ? marsad_realloc(p->aDf, sizeof(uint32_t)*nNew) : 0;
    if( aDf ) p->aDf = aDf;
    double *aLnDf = aDf ? marsad_realloc(p->aLnDf, sizeof(double)*nNew) : 0;
    if( aLnDf ) p->aLnDf = aLnDf;
    size_t nChunkOld = p->nAlloc/MARSAD_VOCAB_CHUNK + 1;
    size_t nChunkNew = nNew/MARSAD_VOCAB_CHUNK + 1;
    unsigned char *aCh = aLnDf ? marsad_realloc(p->aChanged, nChunkNew) : 0;
    if( aCh==0 ) return MARSAD_NOMEM;
    uint32_t *aCount = marsad_realloc(p->aCount, sizeof(uint32_t)*nNew);
    if( aCount==0 ){ p->aChanged = aCh; return MARSAD_NOMEM; }
    memset(aCount + p->nAlloc, 0, sizeof(uint32_t)*(nNew - p->nAlloc));
    p->aCount = aCount;
    uint64_t *aEnt = marsad_realloc(p->aEntBits, sizeof(uint64_t)*(nNew/64));
    if( aEnt==0 ){ p->aChanged = aCh; return MARSAD_NOMEM; }
    memset(aEnt + p->nAlloc/64, 0, sizeof(uint64_t)*((nNew - p->nAlloc)/64));
    p->aEntBits = aEnt;
    memset(aCh + (p->aChanged ? nChunkOld : 0), 0, nChunkNew - (p->aChanged ? nChunkOld : 0));
    p->aChanged = aCh;
    p->nAlloc = nNew;
  }
  if( p->nText+nBytes > p->nTextAlloc ){
    size_t nNew = p->nTextAlloc ? p->nTextAlloc*2 : 16384;
    while( nNew < p->nText+nBytes ) nNew *= 2;
    if( nNew>UINT32_MAX ) return MARSAD_NOMEM;
    char *a = marsad_realloc(p->aText, nNew);
    if( a==0 ) return MARSAD_NOMEM;
    p->aText = a;
    p->nTextAlloc = nNew;
  }
  return MARSAD_OK;
}

/* marsad_vocab_intern of z[0..n), whose hash (term_hash) is h. */
static int vocab_intern_hashed(marsad_vocab *p, const char *z, size_t n, uint64_t h,
                               uint32_t *piTerm){
  /* A term is known by its 64-bit hash: with a million terms, two of them
  ** share one with a probability under 1e-7, and would then be counted as
  ** one term. */
  void *pVal = marsad_imap_get(&p->map, h);
  if( pVal ){
    *piTerm = (uint32_t)((uintptr_t)pVal - 1);
    return MARSAD_OK;
  }
  int rc = vocab_grow(p, n+1);
  if( rc==MARSAD_OK ) rc = marsad_imap_put(&p->map, h, (void*)(uintptr_t)(p->nTerm+1));
  if( rc ) return rc;
  memcpy(p->aText + p->nText, z, n);
  p->aText[p->nText+n] = 0;
  p->aOff[p->nTerm] = (uint32_t)p->nText;
  marsad_vocab_set_df(p, p->nTerm, 0);
  if( n>0 && z[0]=='@' ) p->aEntBits[p->nTerm/64] |= (uint64_t)1 << (p->nTerm%64);
  p->nText += n+1;
  *piTerm = p->nTerm++;
  return MARSAD_OK;
}

int marsad_vocab_intern(marsad_vocab *p, const char *z, size_t n, uint32_t *piTerm){
  return vocab_intern_hashed(p, z, n, term_hash(z, n), piTerm);
}

/* ---- building an article's terms ---- */

/* A growable array of term ids. */
typedef struct id_list {
  uint32_t *a;
  int n, nAlloc;
} id_list;

/* Appends iTerm. MARSAD_OK or MARSAD_NOMEM. */
static int id_list_add(id_list *p, uint32_t iTerm){
  if( p->n>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 256;
    uint32_t *a = marsad_realloc(p->a, sizeof(uint32_t)*(size_t)nNew);
    if( a==0 ) return MARSAD_NOMEM;
    p->a = a;
    p->nAlloc = nNew;
  }
  p->a[p->n++] = iTerm;
  return MARSAD_OK;
}

/* How many words build_on_word keeps waiting, so that the vocabulary's slot
** of each word's term is fetched into the cache before it is interned (a
** large vocabulary's slots are rarely cached). */
#define BUILD_AHEAD 16

/* State of one marsad_docterms_build while tokenizing. */
typedef struct build_ctx {
  marsad_vocab *pVocab;
  id_list *pList;            /* where content terms of this field go */
  marsad_shingler *pShingle; /* body words go here too; NULL in the title */
  uint64_t iExact;           /* running hash of the body's keys */
  int nWord;                 /* words in the body */
  int bAhead;                /* tokens are kept: words may wait in apAhead */
  const marsad_aword *apAhead[BUILD_AHEAD];  /* words met, not yet built: a ring
                             ** (kept tokens' words stay put: no copy) */
  int iAhead, nAhead;        /* the oldest waiting word, how many wait */
} build_ctx;

/* True when a token is a content word: a word of 2+ letters (3+ for Latin)
** or a number of 3+ digits, and not a stop word. */
static int is_content(const marsad_vocab *p, const marsad_token *t, uint64_t hKey){
  switch( t->eKind ){
    case MARSAD_TOKEN_ARABIC: if( t->nKey<4 ) return 0; break;
    case MARSAD_TOKEN_LATIN:
    case MARSAD_TOKEN_NUMBER: if( t->nKey<3 ) return 0; break;
    default: return 0;
  }
  unsigned iBit = stop_filter_bit(hKey);
  return t->nKey>p->nStopMax || ((p->aStopBits[iBit/64] >> (iBit%64)) & 1)==0
      || marsad_imap_get(&p->stop, hKey)==0;
}

/* Adds word w (the hashes come with it) to the terms being built. */
static int build_word(build_ctx *c, const marsad_aword *w){
  const marsad_token *t = &w->tok;
  uint64_t hKey = nonzero_hash(w->hKey);
  if( c->pShingle ){
    marsad_shingler_add(c->pShingle, hKey);
    c->iExact = marsad_mix64(c->iExact ^ hKey);
    c->nWord++;
  }
  if( !is_content(c->pVocab, t, hKey) ) return MARSAD_OK;
  uint32_t iTerm = 0;
  int rc = t->nStem>0
      ? vocab_intern_hashed(c->pVocab, t->pStem, t->nStem, nonzero_hash(w->hStem), &iTerm)
      : vocab_intern_hashed(c->pVocab, t->pKey, t->nKey, hKey, &iTerm);
  if( rc==MARSAD_OK ) rc = id_list_add(c->pList, iTerm);
  if( rc==MARSAD_OK && c->pShingle && c->nWord<=LEDE_WORDS ){  /* the lede: twice */
    rc = id_list_add(c->pList, iTerm);
  }
  return rc;
}

/* Word callback of marsad_docterms_build. With kept tokens (their words,
** keys and stems stay put), a word waits in the ring while BUILD_AHEAD later words
** are met, its vocabulary slot fetched meanwhile; build_drain builds the
** last ones. Words are built in text order either way. */
static int build_on_word(void *pArg, const marsad_aword *w){
  build_ctx *c = (build_ctx*)pArg;
  const marsad_token *t = &w->tok;
  if( t->eKind==MARSAD_TOKEN_PUNCT || t->nKey==0 ) return MARSAD_OK;
  if( !c->bAhead ) return build_word(c, w);
  marsad_imap_prefetch(&c->pVocab->map, nonzero_hash(t->nStem>0 ? w->hStem : w->hKey));
  int rc = MARSAD_OK;
  if( c->nAhead==BUILD_AHEAD ){
    rc = build_word(c, c->apAhead[c->iAhead]);
    c->iAhead = (c->iAhead+1) % BUILD_AHEAD;
    c->nAhead--;
  }
  c->apAhead[(c->iAhead + c->nAhead) % BUILD_AHEAD] = w;
  c->nAhead++;
  return rc;
}

/* Builds the words still waiting in the ring, oldest first. */
static int build_drain(build_ctx *c){
  int rc = MARSAD_OK;
  for(; rc==MARSAD_OK && c->nAhead>0; c->nAhead--){
    rc = build_word(c, c->apAhead[c->iAhead]);
    c->iAhead = (c->iAhead+1) % BUILD_AHEAD;
  }
  c->iAhead = c->nAhead = 0;
  return rc;
}

/* Bits of an id sorted by one pass of sort_ids, and the fewest ids it
** sorts so (fewer, as in a title, are sorted by insertion). */
#define SORT_DIGIT 8
#define SORT_RADIX_MIN 32

/* Sorts a[0..n) ascending, with aTmp (n entries) as scratch: a radix sort,
** least significant byte first, with as many passes as the largest id has
** bytes (one or two for most vocabularies). Unlike a comparison sort, no
** branch depends on the ids, which the processor could not guess. */
static void sort_ids(uint32_t *a, uint32_t *aTmp, int n){
  uint32_t iMax = 0;
  uint32_t *aFrom = a, *aTo = aTmp;
  if( n<SORT_RADIX_MIN ){
    for(int i=1; i<n; i++){
      uint32_t v = a[i];
      int k = i;
      while( k>0 && a[k-1]>v ){ a[k] = a[k-1]; k--; }
      a[k] = v;
    }
    return;
  }
  for(int i=0; i<n; i++) iMax |= a[i];
  for(int iShift=0; iShift<32 && (iShift==0 || (iMax>>iShift)!=0); iShift+=SORT_DIGIT){
    int aPos[1<<SORT_DIGIT];
    memset(aPos, 0, sizeof aPos);
    for(int i=0; i<n; i++) aPos[(aFrom[i]>>iShift) & ((1<<SORT_DIGIT)-1)]++;
    for(int d=0, nSum=0; d<(1<<SORT_DIGIT); d++){
      int c = aPos[d];
      aPos[d] = nSum;
      nSum += c;
    }
    for(int i=0; i<n; i++) aTo[aPos[(aFrom[i]>>iShift) & ((1<<SORT_DIGIT)-1)]++] = aFrom[i];
    uint32_t *t = aFrom; aFrom = aTo; aTo = t;
  }
  if( aFrom!=a ) memcpy(a, aFrom, sizeof(uint32_t)*(size_t)n);
}

/* Writes the distinct ids of aId[0..n) with their counts into *paOut
** (allocated, or NULL when n is 0), sorted by id; returns their number or
** -1 when out of memory. Counts through the vocabulary's dense scratch. */
static int count_terms(marsad_vocab *p, uint32_t *aId, int n, marsad_tf **paOut){
  *paOut = 0;
  if( n==0 ) return 0;
  int k = 0;
  for(int i=0; i<n; i++){                 /* distinct ids, in place */
    if( p->aCount[aId[i]]++==0 ) aId[k++] = aId[i];
  }
  marsad_tf *a = marsad_malloc(sizeof(marsad_tf)*(size_t)k);
  if( a ) sort_ids(aId, (uint32_t*)a, k);   /* a is the sort's scratch until filled */
  for(int i=0; i<k; i++){
    if( a ){ a[i].iTerm = aId[i]; a[i].nTf = p->aCount[aId[i]]; }
    p->aCount[aId[i]] = 0;
  }
  if( a==0 ) return -1;
  *paOut = a;
  return k;
}

/* Merges the counts of aTitle, times nMul, into those of aBody (both
** sorted by id); the union is written to *paOut. Returns its size or -1. */
static int merge_terms(const marsad_tf *aBody, int nBody, const marsad_tf *aTitle,
                       int nTitle, uint32_t nMul, marsad_tf **paOut){
  *paOut = 0;
  if( nBody+nTitle==0 ) return 0;
  marsad_tf *a = marsad_malloc(sizeof(marsad_tf)*(size_t)(nBody+nTitle));
  if( a==0 ) return -1;
  int i = 0, j = 0, k = 0;
  while( i<nBody || j<nTitle ){
    if( j>=nTitle || (i<nBody && aBody[i].iTerm<aTitle[j].iTerm) ){
      a[k++] = aBody[i++];
    }else if( i>=nBody || aTitle[j].iTerm<aBody[i].iTerm ){
      a[k] = aTitle[j++];
      a[k++].nTf *= nMul;
    }else{
      a[k] = aBody[i++];
      a[k++].nTf += nMul*aTitle[j++].nTf;
    }
  }
  *paOut = a;
  return k;
}

int marsad_docterms_build(marsad_vocab *pVocab, const marsad_analysis *pA,
                          marsad_docterms *pOut){
  id_list title = {0, 0, 0}, body = {0, 0, 0};
  marsad_tf *aBody = 0;
  marsad_shingler sh;
  build_ctx c;
  memset(pOut, 0, sizeof *pOut);
  memset(&c, 0, sizeof c);
  marsad_shingler_init(&sh, &pOut->sig);
  c.pVocab = pVocab;
  c.pList = &title;
  c.bAhead = (pA->pTokens!=0);
  int rc = marsad_analysis_words(pA, MARSAD_FIELD_TITLE, 0, 1, build_on_word, &c);
  if( rc==MARSAD_OK ) rc = build_drain(&c);
  if( rc==MARSAD_OK ){
    c.pList = &body;
    c.pShingle = &sh;
    rc = marsad_analysis_words(pA, MARSAD_FIELD_BODY, 0, 1, build_on_word, &c);
  }
  if( rc==MARSAD_OK ) rc = build_drain(&c);
  int nB = 0;
  if( rc==MARSAD_OK ){
    marsad_shingler_finish(&sh);
    pOut->nWord = c.nWord;
    pOut->iExact = c.nWord>=MIN_EXACT_WORDS ? (c.iExact ? c.iExact : 1) : 0;
    pOut->nTitle = count_terms(pVocab, title.a, title.n, &pOut->aTitle);
    nB = count_terms(pVocab, body.a, body.n, &aBody);
    if( pOut->nTitle<0 || nB<0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK ){
    pOut->nTerm = merge_terms(aBody, nB, pOut->aTitle, pOut->nTitle, TITLE_BOOST, &pOut->aTerm);
    if( pOut->nTerm<0 ) rc = MARSAD_NOMEM;
  }
  marsad_free(aBody);
  marsad_free(title.a);
  marsad_free(body.a);
  if( rc ) marsad_docterms_clear(pOut);
  return rc;
}

/* The term "@<iEntity>" of entity iEntity (> 0), interned on first use and
** then known by the entity's id (no text to write and hash again). */
static int vocab_entity(marsad_vocab *p, long long iEntity, uint32_t *piTerm){
  void *pVal = marsad_imap_get(&p->entities, (uint64_t)iEntity);
  if( pVal ){
    *piTerm = (uint32_t)((uintptr_t)pVal - 1);
    return MARSAD_OK;
  }
  char z[32];
  int nz = snprintf(z, sizeof z, "@%lld", iEntity);
  int rc = marsad_vocab_intern(p, z, (size_t)nz, piTerm);
  if( rc==MARSAD_OK ) rc = marsad_imap_put(&p->entities, (uint64_t)iEntity, (void*)(uintptr_t)(*piTerm+1));
  return rc;
}

int marsad_docterms_add_entities(marsad_vocab *pVocab, marsad_docterms *d,
                                 const long long *aEntity, const int *abTitle, int n){
  id_list ids = {0, 0, 0};
  marsad_tf *aEnt = 0, *aNew = 0;
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<n; i++){
    uint32_t iTerm;
    if( aEntity[i]<=0 ) continue;
    rc = vocab_entity(pVocab, aEntity[i], &iTerm);
    for(int k=0; rc==MARSAD_OK && k<(abTitle[i] ? TITLE_BOOST : 1); k++){
      rc = id_list_add(&ids, iTerm);
    }
  }
  int nEnt = rc ? 0 : count_terms(pVocab, ids.a, ids.n, &aEnt);
  if( nEnt<0 ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK && nEnt>0 ){
    /* A union where counts add: entity terms never collide with words. */
    int nNew = merge_terms(d->aTerm, d->nTerm, aEnt, nEnt, 1, &aNew);
    if( nNew<0 ) rc = MARSAD_NOMEM;
    else{
      marsad_free(d->aTerm);
      d->aTerm = aNew;
      d->nTerm = nNew;
    }
  }
  marsad_free(aEnt);
  marsad_free(ids.a);
  if( rc ) marsad_docterms_clear(d);
  return rc;
}

int marsad_vocab_is_entity(const marsad_vocab *p, uint32_t iTerm, long long *piEntity){
  if( ((p->aEntBits[iTerm/64] >> (iTerm%64)) & 1)==0 ) return 0;
  *piEntity = strtoll(p->aText + p->aOff[iTerm] + 1, 0, 10);
  return 1;
}

void marsad_docterms_clear(marsad_docterms *d){
  marsad_free(d->aTerm);
  marsad_free(d->aTitle);
  memset(d, 0, sizeof *d);
}

/* ---- similarity ---- */

double marsad_tf_norm(const marsad_vocab *p, const marsad_tf *a, int n){
  double s = 0.0;
  for(int i=0; i<n; i++){
    double w = marsad_vocab_weight(p, a[i].iTerm, a[i].nTf);
    s += w*w;
  }
  return sqrt(s);
}

double marsad_tf_cosine(const marsad_vocab *p, const marsad_tf *a, int na, double normA,
                        const marsad_tf *b, int nb, double normB){
  if( normA<=0.0 || normB<=0.0 ) return 0.0;
  double dot = 0.0;
  int i = 0, j = 0;
  while( i<na && j<nb ){
    if( a[i].iTerm<b[j].iTerm ){ i++; continue; }
    if( b[j].iTerm<a[i].iTerm ){ j++; continue; }
    dot += marsad_vocab_weight(p, a[i].iTerm, a[i].nTf)
         * marsad_vocab_weight(p, b[j].iTerm, b[j].nTf);
    i++; j++;
  }
  double r = dot/(normA*normB);
  return r>1.0 ? 1.0 : r;
}

void marsad_docterms_similarity(const marsad_vocab *p, const marsad_docterms *a,
                                double normA, double normTitleA,
                                const marsad_docterms *b, marsad_simparts *pOut){
  if( normA<0.0 ) normA = marsad_tf_norm(p, a->aTerm, a->nTerm);
  if( normTitleA<0.0 ) normTitleA = marsad_tf_norm(p, a->aTitle, a->nTitle);
  double normB = marsad_tf_norm(p, b->aTerm, b->nTerm);
  double normTitleB = marsad_tf_norm(p, b->aTitle, b->nTitle);
  pOut->rCosine = marsad_tf_cosine(p, a->aTerm, a->nTerm, normA,
                                   b->aTerm, b->nTerm, normB);
  pOut->rTitle = marsad_tf_cosine(p, a->aTitle, a->nTitle, normTitleA,
                                  b->aTitle, b->nTitle, normTitleB);
  pOut->rScore = SIM_COSINE*pOut->rCosine + SIM_TITLE*pOut->rTitle;
}

void marsad_simquery_begin(const marsad_vocab *p, const marsad_docterms *d,
                           double *aW, double *aWTitle, uint64_t *aBits,
                           marsad_simquery *pQ){
  pQ->pDoc = d;
  pQ->aW = aW;
  pQ->aWTitle = aWTitle;
  pQ->aBits = aBits;
  pQ->rNorm = marsad_tf_norm(p, d->aTerm, d->nTerm);
  pQ->rNormTitle = marsad_tf_norm(p, d->aTitle, d->nTitle);
  for(int i=0; i<d->nTerm; i++){
    uint32_t t = d->aTerm[i].iTerm;
    aW[t] = marsad_vocab_weight(p, t, d->aTerm[i].nTf);
    aBits[t/64] |= (uint64_t)1 << (t%64);
  }
  for(int i=0; i<d->nTitle; i++){
    uint32_t t = d->aTitle[i].iTerm;
    aWTitle[t] = marsad_vocab_weight(p, t, d->aTitle[i].nTf);
    aBits[t/64] |= (uint64_t)1 << (t%64);
  }
}

/* How many terms ahead dense_cosine fetches ln(df + 1) of a term into the
** cache (indexed by term id: random reads in an array as large as the
** vocabulary). */
#define DENSE_AHEAD 16

/* Dot product of the dense weights aW (read only where aBits marks a term
** of the query) with b[0..n), and b's norm, in one pass (the same sums, in
** the same order, as marsad_tf_cosine's). */
static double dense_cosine(const marsad_vocab *p, const double *aW, const uint64_t *aBits,
                           double normA, const marsad_tf *b, int n){
  double dot = 0.0, s = 0.0;
  for(int i=0; i<n; i++){
    if( i+DENSE_AHEAD<n ) __builtin_prefetch(&p->aLnDf[b[i+DENSE_AHEAD].iTerm]);
    uint32_t t = b[i].iTerm;
    double w = marsad_vocab_weight(p, t, b[i].nTf);
    if( (aBits[t/64] >> (t%64)) & 1 ){
      double wa = aW[t];
      if( wa!=0.0 ) dot += wa*w;
    }
    s += w*w;
  }
  double normB = sqrt(s);
  if( normA<=0.0 || normB<=0.0 ) return 0.0;
  double r = dot/(normA*normB);
  return r>1.0 ? 1.0 : r;
}

void marsad_simquery_score(const marsad_vocab *p, const marsad_simquery *pQ,
                           const marsad_docterms *b, marsad_simparts *pOut){
  pOut->rCosine = dense_cosine(p, pQ->aW, pQ->aBits, pQ->rNorm, b->aTerm, b->nTerm);
  pOut->rTitle = dense_cosine(p, pQ->aWTitle, pQ->aBits, pQ->rNormTitle, b->aTitle, b->nTitle);
  pOut->rScore = SIM_COSINE*pOut->rCosine + SIM_TITLE*pOut->rTitle;
}

void marsad_simquery_end(marsad_simquery *pQ){
  const marsad_docterms *d = pQ->pDoc;
  for(int i=0; i<d->nTerm; i++){
    pQ->aW[d->aTerm[i].iTerm] = 0.0;
    pQ->aBits[d->aTerm[i].iTerm/64] = 0;
  }
  for(int i=0; i<d->nTitle; i++){
    pQ->aWTitle[d->aTitle[i].iTerm] = 0.0;
    pQ->aBits[d->aTitle[i].iTerm/64] = 0;
  }
}

/* A term with a score, for ranking. */
typedef struct ranked {
  uint32_t iTerm;     /* the term */
  const char *z;      /* its stem, to break ties whatever the ids */
  double r;           /* its score */
} ranked;

/* qsort comparison: higher score first, then the stem in byte order, so
** that rankings never depend on the order terms were interned in. */
static int cmp_ranked(const void *pa, const void *pb){
  const ranked *a = pa, *b = pb;
  if( a->r!=b->r ) return a->r<b->r ? 1 : -1;
  return strcmp(a->z, b->z);
}

/* Copies the ids of the nMax best of a[0..n) (cmp_ranked order) to aOut,
** best first, reordering a (marsad_top_front). Returns how many were
** copied. */
static int take_top(ranked *a, int n, uint32_t *aOut, int nMax){
  ranked t;
  int k = marsad_top_front(a, n, sizeof *a, nMax, cmp_ranked, &t);
  for(int i=0; i<k; i++) aOut[i] = a[i].iTerm;
  return k;
}

int marsad_docterms_shared(const marsad_vocab *p, const marsad_docterms *a,
                           const marsad_docterms *b, uint32_t *aOut, int nMax){
  int n = a->nTerm<b->nTerm ? a->nTerm : b->nTerm;
  if( n==0 ) return 0;
  ranked *aR = marsad_malloc(sizeof(ranked)*(size_t)n);
  if( aR==0 ) return -1;
  int k = 0, i = 0, j = 0;
  while( i<a->nTerm && j<b->nTerm ){
    uint32_t x = a->aTerm[i].iTerm, y = b->aTerm[j].iTerm;
    if( x<y ){ i++; continue; }
    if( y<x ){ j++; continue; }
    aR[k].iTerm = x;
    aR[k].z = p->aText + p->aOff[x];
    aR[k++].r = marsad_vocab_weight(p, x, a->aTerm[i].nTf)
              * marsad_vocab_weight(p, x, b->aTerm[j].nTf);
    i++; j++;
  }
  k = take_top(aR, k, aOut, nMax);
  marsad_free(aR);
  return k;
}

int marsad_docterms_salient(const marsad_vocab *p, const marsad_docterms *d,
                            uint32_t *aOut, int nMax){
  if( d->nTerm==0 ) return 0;
  ranked *aR = marsad_malloc(sizeof(ranked)*(size_t)d->nTerm);
  if( aR==0 ) return -1;
  for(int i=0; i<d->nTerm; i++){
    aR[i].iTerm = d->aTerm[i].iTerm;
    aR[i].z = p->aText + p->aOff[d->aTerm[i].iTerm];
    aR[i].r = marsad_vocab_weight(p, d->aTerm[i].iTerm, d->aTerm[i].nTf);
  }
  int k = take_top(aR, d->nTerm, aOut, nMax);
  marsad_free(aR);
  return k;
}

/* The first byte of an encoding: its format (marsad_docterms_encode). */
#define DOCTERMS_FORMAT 2

/* Appends the 32-bit number v, little-endian (for the hashes and MinHash
** bins: random numbers, that a varint would lengthen). */
static void put_u32(marsad_buf *pBuf, uint32_t v){
  char a[4] = { (char)(v&0xff), (char)((v>>8)&0xff), (char)((v>>16)&0xff), (char)(v>>24) };
  marsad_buf_append(pBuf, a, 4);
}

/* Appends v as a varint: 7 bits a byte, lowest first, the high bit set on
** every byte but the last (1 byte below 128, at most 5). */
static void put_varint(marsad_buf *pBuf, uint32_t v){
  char a[5];
  size_t n = 0;
  while( v>=0x80 ){
    a[n++] = (char)(0x80 | (v & 0x7f));
    v >>= 7;
  }
  a[n++] = (char)v;
  marsad_buf_append(pBuf, a, n);
}

/* Appends a count and the terms of aTf[0..n) that satisfy the filter:
** every term when pVocab is NULL, else the word terms only. Each term is
** its id's distance from the previous one's (ids rise; the first is its
** distance from 0) and its count, both varints: about 3 bytes a term. */
static void put_terms(const marsad_vocab *pVocab, const marsad_tf *aTf, int n,
                      marsad_buf *pBuf){
  uint32_t nPut = 0, iPrev = 0;
  long long iEnt;
  for(int i=0; i<n; i++) nPut += !(pVocab && marsad_vocab_is_entity(pVocab, aTf[i].iTerm, &iEnt));
  put_varint(pBuf, nPut);
  for(int i=0; i<n; i++){
    if( pVocab && marsad_vocab_is_entity(pVocab, aTf[i].iTerm, &iEnt) ) continue;
    put_varint(pBuf, aTf[i].iTerm - iPrev);
    put_varint(pBuf, aTf[i].nTf);
    iPrev = aTf[i].iTerm;
  }
}

void marsad_docterms_encode(const marsad_vocab *pVocab, const marsad_docterms *d,
                            marsad_buf *pBuf){
  char cFormat = DOCTERMS_FORMAT;
  marsad_buf_append(pBuf, &cFormat, 1);
  put_varint(pBuf, (uint32_t)d->nWord);
  put_u32(pBuf, (uint32_t)(d->iExact & 0xffffffffu));
  put_u32(pBuf, (uint32_t)(d->iExact >> 32));
  put_varint(pBuf, (uint32_t)d->sig.nShingle);
  for(int i=0; i<MARSAD_MINHASH_N; i++) put_u32(pBuf, d->sig.a[i]);
  put_terms(0, d->aTitle, d->nTitle, pBuf);
  put_terms(pVocab, d->aTerm, d->nTerm, pBuf);
}

/* A reader over the bytes of an encoding. */
typedef struct enc_reader {
  const unsigned char *a;
  size_t n, i;
  int bBad;                 /* read past the end, or a number too large */
} enc_reader;

/* Reads the next 32-bit number (0 past the end, setting bBad). */
static uint32_t get_u32(enc_reader *r){
  if( r->n - r->i < 4 ){ r->bBad = 1; return 0; }
  const unsigned char *a = r->a + r->i;
  r->i += 4;
  return a[0] | (uint32_t)a[1]<<8 | (uint32_t)a[2]<<16 | (uint32_t)a[3]<<24;
}

/* Reads the next varint (put_varint) of at most nBits bits, nBits <= 32
** (0 past the end or when larger, setting bBad). */
static uint32_t get_varint(enc_reader *r, int nBits){
  uint64_t v = 0;
  for(int iShift=0; r->i<r->n && iShift<nBits; iShift+=7){
    unsigned char c = r->a[r->i++];
    v |= (uint64_t)(c & 0x7f) << iShift;
    if( (c & 0x80)==0 ){
      if( (v>>nBits)!=0 ) break;
      return (uint32_t)v;
    }
  }
  r->bBad = 1;
  return 0;
}

/* Reads a count and its terms into *paOut and *pn; ids must be below nVocab and
** rising. MARSAD_OK, MARSAD_NOMEM or MARSAD_DBERROR. */
static int get_terms(enc_reader *r, uint32_t nVocab, marsad_tf **paOut, int *pn){
  uint32_t n = get_varint(r, 32);
  *paOut = 0;
  *pn = 0;
  if( r->bBad || n > (r->n - r->i)/2 ) return MARSAD_DBERROR;
  if( n==0 ) return MARSAD_OK;
  marsad_tf *a = marsad_malloc(sizeof(marsad_tf)*n);
  if( a==0 ) return MARSAD_NOMEM;
  uint64_t iTerm = 0;
  for(uint32_t k=0; k<n; k++){
    uint32_t iStep = get_varint(r, 32);
    iTerm += iStep;
    a[k].iTerm = (uint32_t)iTerm;
    a[k].nTf = get_varint(r, 32);
    if( r->bBad || iTerm>=nVocab || (k && iStep==0) ){
      marsad_free(a);
      return MARSAD_DBERROR;
    }
  }
  *paOut = a;
  *pn = (int)n;
  return MARSAD_OK;
}

int marsad_docterms_decode(const marsad_vocab *pVocab, const unsigned char *a, size_t n,
                           marsad_docterms *pOut){
  enc_reader r = { a, n, 0, 0 };
  uint32_t nVocab = marsad_vocab_size(pVocab);
  memset(pOut, 0, sizeof *pOut);
  if( n==0 || a[0]!=DOCTERMS_FORMAT ) return MARSAD_DBERROR;
  r.i = 1;
  pOut->nWord = (int)get_varint(&r, 31);
  pOut->iExact = get_u32(&r);
  pOut->iExact |= (uint64_t)get_u32(&r) << 32;
  pOut->sig.nShingle = (int)get_varint(&r, 31);
  for(int i=0; i<MARSAD_MINHASH_N; i++) pOut->sig.a[i] = get_u32(&r);
  int rc = r.bBad ? MARSAD_DBERROR : MARSAD_OK;
  if( rc==MARSAD_OK ) rc = get_terms(&r, nVocab, &pOut->aTitle, &pOut->nTitle);
  if( rc==MARSAD_OK ) rc = get_terms(&r, nVocab, &pOut->aTerm, &pOut->nTerm);
  if( rc==MARSAD_OK && r.i!=r.n ) rc = MARSAD_DBERROR;
  if( rc ) marsad_docterms_clear(pOut);
  return rc;
}
