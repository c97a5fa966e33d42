/*
** nerml.c: the averaged perceptron of the recogniser (see nerml.h).
**
** Features are 32-bit ids mixed from a template number and hashes computed
** once per token (no strings are built per feature): the word, its
** neighbours one and two away, its bare form (and the previous word's),
** its first and last one to four letters, length, shape, gazetteer classes
** and the kinds of names the gazetteer gives it and its neighbours, the
** rules' tags around it, and the two previous predicted tags. Training keeps
** float weights and the running sums for averaging in an open-addressing
** table; the written model keeps the strongest features, quantized, and is
** compiled into buckets of ids and their weights (nerml.h).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "gaz.h"
#include "nerml.h"

#define NF_MAX 128                /* features of one token at most (76 now) */
#define NR_MAX 8                  /* its neighbours' role ids at most (6 now) */
#define TRAIN_BITS 21             /* the trainer's table: 2^21 slots */

/* Mixes a template or feature id with a value into a feature id (never 0). */
static uint32_t mix(uint32_t a, uint32_t b){
  uint32_t h = a*0x9E3779B1u ^ (b + 0x7F4A7C15u + (a<<6) + (a>>2));
  h ^= h>>15; h *= 0x2C1B3C6Du; h ^= h>>12; h *= 0x297A2D39u; h ^= h>>15;
  return h ? h : 1;
}

/* The hash of token j's word, or of a sentence boundary. */
static uint32_t key_at(const marsad_ml_tok *a, int n, int j){
  if( j<0 ) return 0x51u;
  if( j>=n ) return 0x52u;
  return a[j].hKey ? a[j].hKey : a[j].hPunct;
}

/* The rules' tag of token j (8 at a boundary). */
static uint32_t rule_at(const marsad_ml_tok *a, int n, int j){
  if( j<0 || j>=n ) return 8;
  return (uint32_t)(a[j].iRule+1);
}

/* The features of one token as they are made: ids, or, when aSmall is
** set (tagging), the features of the templates with few values as their
** codes (small_code) in aSmall, summed from a memo instead of looked up. */
typedef struct ml_feats {
  uint32_t *aF;                    /* feature ids */
  int nF;                          /* ids in aF */
  uint16_t *aSmall;                /* NULL (training), or small features' codes */
  int nSmall;                      /* codes in aSmall */
  uint32_t *aRole;                 /* NULL (training: they go to aF), or the
                                      neighbours' role ids (marsad_ml_roles),
                                      which passed the presence filter */
  int nRole;                       /* ids in aRole */
} ml_feats;

#define ML_SMALL_VALUES 16         /* a small template's values that have a code */
#define ML_NSMALL (38*ML_SMALL_VALUES)  /* codes: templates 0..37 times values */

/* Adds the feature of value v of template t, one of the templates with few
** values (1, 14-20, 30-32, 37), to *p: its code t*ML_SMALL_VALUES+v when p
** keeps codes and v is small enough, else its id. */
static inline void add_small(ml_feats *p, uint32_t t, uint32_t v){
  if( p->aSmall && v<ML_SMALL_VALUES ) p->aSmall[p->nSmall++] = (uint16_t)(t*ML_SMALL_VALUES + v);
  else p->aF[p->nF++] = mix(t, v);
}

/* Adds feature id to *p. */
static inline void add_id(ml_feats *p, uint32_t id){
  p->aF[p->nF++] = id;
}

/* Adds role id (a feature of marsad_ml_tok.aRole, or of a boundary) to *p,
** none when it is 0 (no bare form, or absent from the model). */
static inline void add_role(ml_feats *p, uint32_t id){
  if( id==0 ) return;
  if( p->aRole ) p->aRole[p->nRole++] = id;
  else p->aF[p->nF++] = id;
}

/* The id of role r (MARSAD_ML_ROLE_*, of template t) of token j, or of
** the boundary before or after the tokens. */
static inline uint32_t role_at(const marsad_ml_tok *a, int n, int j, int r, uint32_t t){
  if( j<0 ) return mix(t, 0x51u);
  if( j>=n ) return mix(t, 0x52u);
  return a[j].aRole[r];
}

/* Adds one feature per class bit of token j's classes under template t,
** in the order of the bits' list: TITLE, OFFICE, ORGHEAD, ORGADJ,
** PLACEHEAD, PARTICLE, GIVEN, STOP, COMMON (bits 2 to 10 of gaz.h, in
** order), ADJ, PREFIX (bits 0 and 1), and 0x10000 (a name), with values 1
** to 12: the classes are moved into that order, then their set bits read
** lowest first. */
static void class_features(const marsad_ml_tok *a, int n, int j, uint32_t t, ml_feats *p){
  _Static_assert(MARSAD_GAZ_ADJ==1u && MARSAD_GAZ_PREFIX==1u<<1 && MARSAD_GAZ_TITLE==1u<<2
                 && MARSAD_GAZ_OFFICE==1u<<3 && MARSAD_GAZ_ORGHEAD==1u<<4
                 && MARSAD_GAZ_ORGADJ==1u<<5 && MARSAD_GAZ_PLACEHEAD==1u<<6
                 && MARSAD_GAZ_PARTICLE==1u<<7 && MARSAD_GAZ_GIVEN==1u<<8
                 && MARSAD_GAZ_STOP==1u<<9 && MARSAD_GAZ_COMMON==1u<<10,
                 "class_features' order of the classes");
  if( j<0 || j>=n ) return;
  unsigned c = a[j].cAny;
  unsigned m = ((c>>2) & 0x1FFu) | ((c & 3u)<<9) | ((c>>16 & 1u)<<11);
  for(; m; m &= m-1) add_small(p, t, (uint32_t)__builtin_ctz(m)+1);
}

/* Which of a token's static features static_features makes. */
#define ML_WORD     1   /* those of the word alone: its key, bare form,
                           affixes, classes, kinds and length (the same for
                           every token of the word: marsad_ml_word) */
#define ML_CONTEXT  2   /* the others: bias, shape, neighbours, rules' tags */
#define ML_ALL      3

/* The features of token i that do not depend on the tags before it, of
** the kinds fWhich (ML_*), into *p (empty before), in one order whatever
** fWhich (the trainer's). */
static void static_features(const marsad_ml_tok *a, int n, int i, int fWhich, ml_feats *p){
  const marsad_ml_tok *x = &a[i];
  uint32_t kPrev = key_at(a, n, i-1), k0 = key_at(a, n, i), kNext = key_at(a, n, i+1);
  int bWord = fWhich & ML_WORD, bCtx = fWhich & ML_CONTEXT;
  if( bCtx ) add_small(p, 1, 1);
  if( bWord ) add_id(p, mix(2, k0));
  if( bCtx ){
    add_role(p, role_at(a, n, i-1, MARSAD_ML_ROLE_PREV, 3));
    add_role(p, role_at(a, n, i+1, MARSAD_ML_ROLE_NEXT, 4));
  }
  if( bWord && x->hBare ) add_id(p, mix(7, x->hBare));
  if( bCtx && i>0 ) add_role(p, a[i-1].aRole[MARSAD_ML_ROLE_PREV_BARE]);
  if( bCtx && i+1<n ) add_role(p, a[i+1].aRole[MARSAD_ML_ROLE_NEXT_BARE]);
  if( bWord ){
    if( x->hPre2 ) add_id(p, mix(10, x->hPre2));
    if( x->hPre3 ) add_id(p, mix(11, x->hPre3));
    if( x->hSuf2 ) add_id(p, mix(12, x->hSuf2));
    if( x->hSuf3 ) add_id(p, mix(13, x->hSuf3));
  }
  if( bCtx ) add_small(p, 14, (uint32_t)(x->eKind*2 + x->bUpper));
  if( bWord ) class_features(a, n, i, 15, p);
  if( bCtx ){
    add_small(p, 18, rule_at(a, n, i));
    add_small(p, 19, rule_at(a, n, i-1));
    add_small(p, 20, rule_at(a, n, i+1));
    add_id(p, mix(mix(25, k0), kNext));
    add_id(p, mix(mix(26, kPrev), k0));
    add_role(p, role_at(a, n, i-2, MARSAD_ML_ROLE_PREV2, 27));
    add_role(p, role_at(a, n, i+2, MARSAD_ML_ROLE_NEXT2, 28));
  }
  for(int d=-1; d<=1; d++){         /* kinds the gazetteer gives it and its neighbours */
    int j = i+d;
    if( j<0 || j>=n || !(d==0 ? bWord : bCtx) ) continue;
    for(unsigned m=a[j].cKind & 0x1Eu; m; m &= m-1){   /* kinds 1 to 4, in order */
      add_small(p, 30+(uint32_t)(d+1), (uint32_t)__builtin_ctz(m));
    }
  }
  if( bCtx ){
    class_features(a, n, i-1, 16, p);
    class_features(a, n, i+1, 17, p);
    if( i>0 && x->hBare && a[i-1].hBare ) add_id(p, mix(mix(33, a[i-1].hBare), x->hBare));
  }
  if( bWord ){
    if( x->hSuf1 ) add_id(p, mix(34, x->hSuf1));
    if( x->hPre4 ) add_id(p, mix(35, x->hPre4));
    if( x->hSuf4 ) add_id(p, mix(36, x->hSuf4));
    add_small(p, 37, (uint32_t)x->nLen);
  }
}

/* The features of the previous two tags t1, t2 and of the rules' tag r
** with t1 (templates 21, 22, 24) into aF[0..3): they do not depend on the
** word. */
static void history_features(uint32_t r, int t1, int t2, uint32_t *aF){
  aF[0] = mix(21, (uint32_t)t1);
  aF[1] = mix(22, (uint32_t)(t1*16+t2));
  aF[2] = mix(mix(24, r), (uint32_t)t1);
}

/* Template 23 (the word with the previous tag) mixed with the previous tag
** t1: the feature of word hash k is mix(word_tag(t1), k). */
static uint32_t word_tag(int t1){
  return mix(23, (uint32_t)t1);
}

/* The features of token i that depend on the previous two tags t1, t2,
** appended to aF[0..nF); returns the new number. */
static int tag_features(const marsad_ml_tok *a, int n, int i, int t1, int t2,
                        uint32_t *aF, int nF){
  uint32_t aH[3];
  history_features(rule_at(a, n, i), t1, t2, aH);
  aF[nF++] = aH[0];
  aF[nF++] = aH[1];
  aF[nF++] = mix(word_tag(t1), key_at(a, n, i));
  aF[nF++] = aH[2];
  return nF;
}

/* All the features of token i given the previous two tags t1, t2. */
static int features(const marsad_ml_tok *a, int n, int i, int t1, int t2, uint32_t *aF){
  ml_feats f = { aF, 0, 0, 0, 0, 0 };
  static_features(a, n, i, ML_ALL, &f);
  return tag_features(a, n, i, t1, t2, aF, f.nF);
}

/* Makes tag t valid after tag tPrev: an I- that does not continue its type
** becomes a B-. */
static int fix_tag(int t, int tPrev){
  if( t!=MARSAD_ML_O && (t%2)==0 && tPrev!=t && tPrev!=t-1 ) return t-1;
  return t;
}

/* The tag of a token that is not scored. */
static int ml_skip_tag(const marsad_ml_tok *x){
  return x->iRule>0 ? x->iRule : MARSAD_ML_O;
}

/* The weight row of every feature the model lacks. */
static const int16_t aZeroRow[MARSAD_ML_WROW] __attribute__((aligned(16)));

/* The bucket where a lookup of feature id starts. */
static const marsad_ml_bucket *model_bucket(uint32_t id){
  return &marsad_ml_buckets[id & marsad_ml_mask];
}

/* False when feature id is surely absent from the model (its bit of the
** presence filter is clear). */
static inline int model_may_have(uint32_t id){
  uint32_t b = (id*0x9E3779B1u) >> marsad_ml_filter_shift;
  return (int)((marsad_ml_filter[b>>6] >> (b&63)) & 1);
}

void marsad_ml_roles(marsad_ml_tok *m, int bModel){
  uint32_t k = m->hKey ? m->hKey : m->hPunct;
  uint32_t *r = m->aRole;
  r[MARSAD_ML_ROLE_PREV] = mix(3, k);
  r[MARSAD_ML_ROLE_NEXT] = mix(4, k);
  r[MARSAD_ML_ROLE_PREV2] = mix(27, k);
  r[MARSAD_ML_ROLE_NEXT2] = mix(28, k);
  r[MARSAD_ML_ROLE_PREV_BARE] = m->hBare ? mix(8, m->hBare) : 0;
  r[MARSAD_ML_ROLE_NEXT_BARE] = m->hBare ? mix(9, m->hBare) : 0;
  r[MARSAD_ML_ROLE_AFTER_O] = m->hKey ? mix(word_tag(MARSAD_ML_O), k) : 0;
  for(int i=0; bModel && i<MARSAD_ML_NROLE; i++){
    if( r[i] && !model_may_have(r[i]) ) r[i] = 0;
  }
}

/* The weight row of feature id in the compiled model: aZeroRow when the
** model has no such feature (chosen without a branch in a bucket: present
** and absent features come in no predictable order). */
static const int16_t *model_row(uint32_t id){
  const marsad_ml_bucket *b = model_bucket(id);
  for(;;){
    const int16_t *r = aZeroRow;
    for(int e=0; e<MARSAD_ML_PER; e++) r = b->aId[e]==id ? b->aW[e] : r;
    if( r!=aZeroRow || !b->bMore ) return r;
    b = &marsad_ml_buckets[(unsigned)(b-marsad_ml_buckets+1) & marsad_ml_mask];
  }
}

/* A weight row and its sums as vectors (GCC's and clang's vector
** extensions): a row is added in a few instructions, not 7 additions. */
typedef int16_t ml_row __attribute__((vector_size(16)));
typedef int32_t ml_sum __attribute__((vector_size(32)));

/* Adds weight row r (MARSAD_ML_WROW values) to the sums *pSum. */
static inline void add_row(ml_sum *pSum, const int16_t *r){
  ml_row w;
  memcpy(&w, r, sizeof w);
  *pSum += __builtin_convertvector(w, ml_sum);
}

/* The summed weights found on first use during one call of marsad_ml_tag:
** of the history features (history_features) of each rules' tag and
** previous two tags, and the weight row of each small feature's code
** (add_small): a few dozen of each recur in every text. */
typedef struct ml_memo {
  ml_sum aHist[9*MARSAD_ML_NTAG*MARSAD_ML_NTAG];  /* history sums */
  ml_row aSmall[ML_NSMALL];        /* small features' rows (0 when absent) */
  unsigned char aHaveHist[9*MARSAD_ML_NTAG*MARSAD_ML_NTAG];  /* 1: found */
  unsigned char aHaveSmall[ML_NSMALL];  /* 1: found */
} ml_memo;

/* The summed weights of the history features of rules' tag r and previous
** tags t1, t2, from memo pM (looked up and kept there on first use). */
static const ml_sum *history_sum(ml_memo *pM, uint32_t r, int t1, int t2){
  int k = ((int)r*MARSAD_ML_NTAG + t1)*MARSAD_ML_NTAG + t2;
  if( !pM->aHaveHist[k] ){
    uint32_t aF[3];
    history_features(r, t1, t2, aF);
    memset(&pM->aHist[k], 0, sizeof pM->aHist[k]);
    for(int f=0; f<3; f++){
      add_row(&pM->aHist[k], model_row(aF[f]));
    }
    pM->aHaveHist[k] = 1;
  }
  return &pM->aHist[k];
}

/* The weight row of small feature code k, from memo pM (looked up and
** kept there on first use). */
static ml_row small_row(ml_memo *pM, int k){
  if( !pM->aHaveSmall[k] ){
    const int16_t *r = model_row(mix((uint32_t)k/ML_SMALL_VALUES, (uint32_t)k%ML_SMALL_VALUES));
    memcpy(&pM->aSmall[k], r, sizeof pM->aSmall[k]);
    pM->aHaveSmall[k] = 1;
  }
  return pM->aSmall[k];
}

#define ML_BLOCK 8               /* tokens whose static features are gathered at once */

/* A token is tagged O without its context when the tag before it is O,
** its word is in no list of the gazetteer but those of words never a name
** (ML_SURE_CLASSES: not a given name, a particle, a name, a title...), and
** the sum of its word's own features favours O over every other tag by at
** least ML_SURE_O (the weights are scaled so that the strongest feature's
** largest is 30,000): the context then rarely overturns the word, and its
** lookups, the larger part of the tagger's work, are not made
** (docs/BENCHMARKS.md, "Entity recognition's CPU: session 10"). */
#define ML_SURE_O 5000
#define ML_SURE_CLASSES (MARSAD_GAZ_STOP|MARSAD_GAZ_COMMON)

/* True when the token after token i may continue a name started at i: a
** particle (بن، أبو) or a given name (a word the lists do not know as a
** given name may be one before them: ثامر بن فيصل، ممدوح سبحي). */
static int name_follows(const marsad_ml_tok *a, int n, int i){
  return i+1<n && (a[i+1].cAny & (MARSAD_GAZ_PARTICLE|MARSAD_GAZ_GIVEN));
}

/* MARSAD_ML_SURE_O when a word of classes cAny and own features' sum s is
** sure O (above), else 1 (marsad_ml_word.bSet's values once filled). */
static int32_t word_sure(unsigned cAny, const ml_sum *s){
  int bSure = (cAny & ~(unsigned)ML_SURE_CLASSES)==0;
  for(int c=1; c<MARSAD_ML_NTAG; c++) bSure &= (*s)[0]-(*s)[c] >= ML_SURE_O;
  return bSure ? MARSAD_ML_SURE_O : 1;
}

/* The static features of a block of tokens a[i0..i1), gathered (their
** buckets fetched) one block before they are summed. */
typedef struct ml_block {
  int i0, i1;                      /* the tokens */
  ml_feats aCtx[ML_BLOCK];         /* token i0+j's context features (none when
                                      it is not scored) */
  ml_feats aWord[ML_BLOCK];        /* its word features when its pWord is not
                                      filled yet or it has none (else none) */
  unsigned char aLate[ML_BLOCK];   /* 1: its context is not gathered (its word
                                      was sure O): made only if it is needed */
  uint32_t aF[ML_BLOCK][2][NF_MAX];     /* the ids of aCtx[j], aWord[j] */
  uint32_t aRole[ML_BLOCK][2][NR_MAX];       /* their neighbours' role ids */
  uint16_t aSmall[ML_BLOCK][2][NF_MAX]; /* their small features' codes */
} ml_block;

/* Drops from *pF the ids the presence filter knows absent (their rows
** are zeros) and fetches the buckets of the others and of its role ids. */
static void feats_fetch(ml_feats *pF){
  int m = 0;
  for(int k=0; k<pF->nRole; k++) __builtin_prefetch(model_bucket(pF->aRole[k]));
  for(int k=0; k<pF->nF; k++){
    uint32_t id = pF->aF[k];
    int bMay = model_may_have(id);
    pF->aF[m] = id;                /* kept without a branch */
    m += bMay;
    __builtin_prefetch(bMay ? (const void*)model_bucket(id) : (const void*)aZeroRow);
  }
  pF->nF = m;
}

/* Gathers into *pB the static features of the tokens a[i0..i1) and
** fetches their buckets (of the features the model may have): the model
** is larger than the caches, and the block is summed (block_scores) only
** after the next block is gathered, so that the lookups overlap and arrive
** before use instead of waiting for memory one by one. aWordTag[t] is
** word_tag(t). */
static void block_gather(const marsad_ml_tok *a, int n, int i0, int i1,
                         const uint32_t *aWordTag, ml_block *pB){
  pB->i0 = i0;
  pB->i1 = i1;
  for(int i=i0; i<i1; i++){
    int j = i-i0;
    ml_feats *c = &pB->aCtx[j], *w = &pB->aWord[j];
    *c = (ml_feats){ pB->aF[j][0], 0, pB->aSmall[j][0], 0, pB->aRole[j][0], 0 };
    *w = (ml_feats){ pB->aF[j][1], 0, pB->aSmall[j][1], 0, pB->aRole[j][1], 0 };
    pB->aLate[j] = 0;
    if( marsad_ml_skip(&a[i]) ) continue;
    const marsad_ml_word *pW = a[i].pWord;
    if( pW && pW->bSet==MARSAD_ML_SURE_O ){ pB->aLate[j] = 1; continue; }
    if( pW==0 || !pW->bSet ) static_features(a, n, i, ML_WORD, w);
    static_features(a, n, i, ML_CONTEXT, c);
    feats_fetch(w);
    feats_fetch(c);
    uint32_t id = a[i].aRole[MARSAD_ML_ROLE_AFTER_O];  /* the word after O, */
    if( id ) __builtin_prefetch(model_bucket(id));     /* the commonest tag */
  }
}

/* Adds the weights of the features *pF to *pSum, the small ones' rows
** from memo pM. */
static inline void feats_add(ml_sum *pSum, const ml_feats *pF, ml_memo *pM){
  for(int k=0; k<pF->nSmall; k++){
    *pSum += __builtin_convertvector(small_row(pM, pF->aSmall[k]), ml_sum);
  }
  for(int k=0; k<pF->nF; k++) add_row(pSum, model_row(pF->aF[k]));
  for(int k=0; k<pF->nRole; k++) add_row(pSum, model_row(pF->aRole[k]));
}

/* Sums into aScore[j] the weights of the static features of the scored
** tokens i0+j of block *pB (gathered by block_gather), and sets aSure[j]
** to the word's bSet (MARSAD_ML_SURE_O or 1): its word features' sum from
** the token's pWord (filled first when it is not yet) or looked up, the
** rest looked up (none yet when aLate[j]). */
static void block_scores(const marsad_ml_tok *a, const ml_block *pB, ml_memo *pM,
                         long aScore[][MARSAD_ML_NTAG], int32_t *aSure){
  for(int i=pB->i0; i<pB->i1; i++){
    int j = i-pB->i0;
    marsad_ml_word *w = a[i].pWord;
    ml_sum aSum = {0};               /* local sums: kept in registers */
    aSure[j] = 1;
    if( !marsad_ml_skip(&a[i]) ){
      ml_sum aWord = {0};
      if( w && w->bSet ){
        for(int c=0; c<MARSAD_ML_NTAG; c++) aWord[c] = w->aSum[c];
        aSure[j] = w->bSet;
      }else{
        feats_add(&aWord, &pB->aWord[j], pM);
        aSure[j] = word_sure(a[i].cAny, &aWord);
        if( w ){
          for(int c=0; c<MARSAD_ML_NTAG; c++) w->aSum[c] = aWord[c];
          w->bSet = aSure[j];
        }
      }
      feats_add(&aSum, &pB->aCtx[j], pM);
      aSum += aWord;
    }
    for(int c=0; c<MARSAD_ML_NTAG; c++) aScore[j][c] = aSum[c];
  }
}

/* Adds to aScore the weights of the context features of token i, which
** block_gather left out (ml_block.aLate). */
static void late_context(const marsad_ml_tok *a, int n, int i, ml_memo *pM,
                         long *aScore){
  uint32_t aF[NF_MAX], aRole[NR_MAX];
  uint16_t aSmall[NF_MAX];
  ml_feats f = { aF, 0, aSmall, 0, aRole, 0 };
  ml_sum aSum = {0};
  static_features(a, n, i, ML_CONTEXT, &f);
  feats_fetch(&f);
  feats_add(&aSum, &f, pM);
  for(int c=0; c<MARSAD_ML_NTAG; c++) aScore[c] += aSum[c];
}

void marsad_ml_tag(const marsad_ml_tok *a, int n, int *aTag){
  long aStatic[ML_BLOCK][MARSAD_ML_NTAG];
  int32_t aSure[ML_BLOCK];
  ml_block *pCur = 0;
  uint32_t aWordTag[MARSAD_ML_NTAG];
  ml_memo memo;
  ml_block aBlock[2];              /* the block being tagged, the next one */
  int t1 = MARSAD_ML_O, t2 = MARSAD_ML_O;
  int bModel = marsad_ml_nfeatures>0;
  for(int t=0; t<MARSAD_ML_NTAG; t++) aWordTag[t] = word_tag(t);
  memset(memo.aHaveHist, 0, sizeof memo.aHaveHist);
  memset(memo.aHaveSmall, 0, sizeof memo.aHaveSmall);
  if( bModel ) block_gather(a, n, 0, ML_BLOCK<n ? ML_BLOCK : n, aWordTag, &aBlock[0]);
  for(int i=0; i<n; i++){
    int j = i % ML_BLOCK;
    if( j==0 && bModel ){
      ml_block *pNext = &aBlock[(i/ML_BLOCK+1)%2];
      int i1 = i+ML_BLOCK<n ? i+ML_BLOCK : n;
      pCur = &aBlock[(i/ML_BLOCK)%2];
      if( i1<n ) block_gather(a, n, i1, i1+ML_BLOCK<n ? i1+ML_BLOCK : n, aWordTag, pNext);
      block_scores(a, pCur, &memo, aStatic, aSure);
    }
    if( marsad_ml_skip(&a[i]) ){
      aTag[i] = ml_skip_tag(&a[i]);
      t2 = t1;
      t1 = aTag[i];
      continue;
    }
    if( bModel && t1==MARSAD_ML_O && aSure[j]==MARSAD_ML_SURE_O && !name_follows(a, n, i) ){
      aTag[i] = MARSAD_ML_O;
      t2 = t1;
      continue;
    }
    long aScore[MARSAD_ML_NTAG] = {0};
    if( bModel ){
      if( pCur->aLate[j] ) late_context(a, n, i, &memo, aStatic[j]);
      ml_sum sum = *history_sum(&memo, rule_at(a, n, i), t1, t2);
      uint32_t id = a[i].aRole[MARSAD_ML_ROLE_AFTER_O];
      if( t1!=MARSAD_ML_O ){
        id = mix(aWordTag[t1], key_at(a, n, i));
        if( !model_may_have(id) ) id = 0;
      }
      if( id ) add_row(&sum, model_row(id));
      for(int c=0; c<MARSAD_ML_NTAG; c++) aScore[c] = aStatic[j][c] + sum[c];
    }
    int best = 0;
    for(int c=1; c<MARSAD_ML_NTAG; c++) if( aScore[c]>aScore[best] ) best = c;
    aTag[i] = fix_tag(best, t1);
    t2 = t1;
    t1 = aTag[i];
  }
}

/* ---------------------------------------------------------------- training */

/* One feature of the trainer. */
typedef struct train_slot {
  uint32_t id;                     /* 0: empty */
  float aW[MARSAD_ML_NTAG];        /* current weights */
  float aU[MARSAD_ML_NTAG];        /* sum of step * update, for averaging */
} train_slot;

struct marsad_ml_trainer {
  train_slot *a;                   /* 2^TRAIN_BITS slots */
  unsigned nUsed;                  /* slots in use */
  double c;                        /* steps so far (tokens seen) */
};

int marsad_ml_trainer_new(marsad_ml_trainer **ppOut){
  marsad_ml_trainer *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  p->a = marsad_malloc(sizeof(train_slot) << TRAIN_BITS);
  if( p->a==0 ){ marsad_free(p); return MARSAD_NOMEM; }
  memset(p->a, 0, sizeof(train_slot) << TRAIN_BITS);
  p->c = 1;
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_ml_trainer_free(marsad_ml_trainer *p){
  if( p==0 ) return;
  marsad_free(p->a);
  marsad_free(p);
}

/* The trainer's slot of feature id, created when bCreate (NULL when absent
** or when the table is nearly full). */
static train_slot *train_find(marsad_ml_trainer *p, uint32_t id, int bCreate){
  unsigned mask = (1u<<TRAIN_BITS)-1, h = id & mask;
  for(;;){
    train_slot *s = &p->a[h];
    if( s->id==id ) return s;
    if( s->id==0 ){
      if( !bCreate || p->nUsed > (mask/10)*9 ) return 0;
      s->id = id;
      p->nUsed++;
      return s;
    }
    h = (h+1) & mask;
  }
}

/* The tag the current weights give token i. */
static int train_predict(marsad_ml_trainer *p, const uint32_t *aF, int nF){
  double aScore[MARSAD_ML_NTAG] = {0};
  for(int f=0; f<nF; f++){
    train_slot *s = train_find(p, aF[f], 0);
    if( s ) for(int c=0; c<MARSAD_ML_NTAG; c++) aScore[c] += s->aW[c];
  }
  int best = 0;
  for(int c=1; c<MARSAD_ML_NTAG; c++) if( aScore[c]>aScore[best] ) best = c;
  return best;
}

int marsad_ml_train(marsad_ml_trainer *p, const marsad_ml_tok *a, int n, const int *aGold){
  uint32_t aF[NF_MAX];
  int nWrong = 0, t1 = MARSAD_ML_O, t2 = MARSAD_ML_O;
  for(int i=0; i<n; i++){
    if( marsad_ml_skip(&a[i]) ){
      t2 = t1;
      t1 = aGold[i];
      continue;
    }
    int nF = features(a, n, i, t1, t2, aF);
    int g = aGold[i], y = train_predict(p, aF, nF);
    if( y!=g ){
      nWrong++;
      for(int f=0; f<nF; f++){
        train_slot *s = train_find(p, aF[f], 1);
        if( s==0 ) continue;
        s->aW[g] += 1; s->aU[g] += (float)p->c;
        s->aW[y] -= 1; s->aU[y] -= (float)p->c;
      }
    }
    p->c += 1;
    t2 = t1;
    t1 = g;                          /* gold history while training */
  }
  return nWrong;
}

/* Strength of a feature for keeping (largest averaged weight). */
typedef struct keep_row { float r; unsigned i; } keep_row;

/* Orders keep rows strongest first. */
static int keep_cmp(const void *x, const void *y){
  float a = ((const keep_row*)x)->r, b = ((const keep_row*)y)->r;
  return a<b ? 1 : a>b ? -1 : 0;
}

int marsad_ml_write(marsad_ml_trainer *p, int nKeep, const char *zHeader, FILE *pOut){
  keep_row *aRow = marsad_malloc(sizeof(keep_row)*(p->nUsed+1));
  unsigned nRow = 0;
  float rMax = 0;
  if( aRow==0 ) return MARSAD_NOMEM;
  for(unsigned i=0; i<(1u<<TRAIN_BITS); i++){
    train_slot *s = &p->a[i];
    if( s->id==0 ) continue;
    float r = 0;
    for(int c=0; c<MARSAD_ML_NTAG; c++){
      float w = s->aW[c] - s->aU[c]/(float)p->c;
      s->aW[c] = w;                  /* averaged from here on */
      if( fabsf(w)>r ) r = fabsf(w);
    }
    aRow[nRow].r = r;
    aRow[nRow++].i = i;
    if( r>rMax ) rMax = r;
  }
  qsort(aRow, nRow, sizeof *aRow, keep_cmp);
  if( nKeep>(int)nRow ) nKeep = (int)nRow;
  float scale = rMax>0 ? 30000.0f/rMax : 1;
  fputs(zHeader, pOut);
  for(int k=0; k<nKeep; k++){
    const train_slot *s = &p->a[aRow[k].i];
    fprintf(pOut, "%08x\t", s->id);
    for(int c=0; c<MARSAD_ML_NTAG; c++){
      fprintf(pOut, c ? " %d" : "%d", (int)lrintf(s->aW[c]*scale));
    }
    fputc('\n', pOut);
  }
  marsad_free(aRow);
  return ferror(pOut) ? MARSAD_IO : MARSAD_OK;
}
