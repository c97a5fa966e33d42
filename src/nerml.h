/*
** nerml.h: a statistical tagger beside the rules of the recogniser: an
** averaged perceptron over word, affix, shape and gazetteer features and the
** rules' own tags, decoding greedily left to right with the previous tags
** as features. It tags tokens O, B-/I- PERS, LOC, ORG.
**
** The model is trained by `marsad ner --train` on CoNLL files (the derived
** ANERcorp train split and Wojood's train split), written as
** data/model_ner.tsv and compiled into the
** library by tools/gen_ner_model.py (build/gen/ner_model.c). Without that
** file the model is empty and the recogniser uses its rules alone.
*/
#ifndef MARSAD_NERML_H
#define MARSAD_NERML_H
#include <stdint.h>
#include <stdio.h>
#include "marsad.h"
#include "gaz.h"

/* Tags. */
#define MARSAD_ML_O       0
#define MARSAD_ML_B_PERS  1
#define MARSAD_ML_I_PERS  2
#define MARSAD_ML_B_LOC   3
#define MARSAD_ML_I_LOC   4
#define MARSAD_ML_B_ORG   5
#define MARSAD_ML_I_ORG   6
#define MARSAD_ML_NTAG    7

/* The summed weights of a word's own features (its key, bare form, affixes,
** classes, kinds, length: the same for every token of the word), kept with
** the word by the recogniser (src/ner.c) from one text to the next and
** filled by the tagger on first use. */
typedef struct marsad_ml_word {
  int32_t aSum[MARSAD_ML_NTAG];
  int32_t bSet;        /* 0: not filled; 1: aSum is filled; MARSAD_ML_SURE_O:
                          filled, and it favours O enough (nerml.c) that a
                          token of the word after an O is tagged O */
} marsad_ml_word;
#define MARSAD_ML_SURE_O 2

/* The ids of the features a token gives its neighbours by its word alone
** (marsad_ml_tok.aRole): as the word before a token, after it, two before,
** two after (templates 3, 4, 27, 28), its bare form before and after
** (8, 9), and the word after the tag O (23; 0 for punctuation, which is
** never scored). */
#define MARSAD_ML_ROLE_PREV      0
#define MARSAD_ML_ROLE_NEXT      1
#define MARSAD_ML_ROLE_PREV2     2
#define MARSAD_ML_ROLE_NEXT2     3
#define MARSAD_ML_ROLE_PREV_BARE 4
#define MARSAD_ML_ROLE_NEXT_BARE 5
#define MARSAD_ML_ROLE_AFTER_O   6
#define MARSAD_ML_NROLE          7

/* What the tagger knows of one token. */
typedef struct marsad_ml_tok {
  uint32_t hKey;       /* hash of the normalized word (0 for punctuation) */
  uint32_t hBare;      /* hash of the word without clitics and article */
  uint32_t hPre2, hPre3, hPre4;  /* hashes of its first 2, 3, 4 letters */
  uint32_t hSuf1, hSuf2, hSuf3, hSuf4;  /* ... and of its last 1 to 4 */
  int nLen;            /* its letters (at most 10 count) */
  uint32_t hPunct;     /* hash of the punctuation character, else 0 */
  int eKind;           /* MARSAD_TOKEN_* */
  unsigned cAny;       /* gazetteer classes of its readings (gaz.h, + entity) */
  unsigned cKind;      /* bit 1<<MARSAD_ENTITY_* of each kind its readings name */
  int iRule;           /* the rules' tag (MARSAD_ML_*), or -1 for an adjective */
  int bFixed;          /* the rules' tag stands (a gazetteer name or adjective) */
  int bUpper;          /* a Latin word with a capital */
  marsad_ml_word *pWord;  /* where the tagger keeps the sums of the word's own
                          features, or NULL (summed at each token; training
                          ignores it) */
  uint32_t aRole[MARSAD_ML_NROLE]; /* its features as a neighbour (marsad_ml_roles) */
} marsad_ml_tok;

/* Fills m->aRole from m's hashes (hKey or hPunct, hBare): each role's
** feature id, 0 for a bare form's role when m has none; when bModel (to
** tag, not to train), also 0 for a feature the compiled model surely lacks
** (its presence filter), so that the tagger neither looks it up nor tests
** the filter again. The ids depend on the hashes alone: a word's roles can
** be kept with the word. */
void marsad_ml_roles(marsad_ml_tok *m, int bModel);

/* True when the tagger does not score token x (it keeps the rules' tag, or
** O): punctuation and numbers, stop words that are no part of a name (no
** given name, particle, name prefix or name of their own), and the words of
** a rules' name that stands (bFixed). It then reads neither x's affixes'
** hashes nor its pWord. (Inline: the recogniser asks at every word.) */
static inline int marsad_ml_skip(const marsad_ml_tok *x){
  return x->bFixed
      || (x->eKind!=MARSAD_TOKEN_ARABIC && x->eKind!=MARSAD_TOKEN_LATIN)
      || ((x->cAny & MARSAD_GAZ_STOP)
          && !(x->cAny & (0x10000u|MARSAD_GAZ_GIVEN|MARSAD_GAZ_PARTICLE|MARSAD_GAZ_PREFIX)));
}

/* The compiled model (build/gen/ner_model.c): buckets of one cache line,
** each holding up to three features, their weight rows beside their ids,
** so that a lookup reads one line. Feature id is in bucket id & mask or,
** when that bucket is continued (bMore: it was full), in one of the next
** ones, the first not continued being the last to look at. */
#define MARSAD_ML_WROW 8           /* a weight row: the 7 tags' weights and 0 */
#define MARSAD_ML_PER 3            /* features a bucket */
typedef struct marsad_ml_bucket {
  _Alignas(64) int16_t aW[MARSAD_ML_PER][MARSAD_ML_WROW]; /* the features' weight rows */
  uint32_t aId[MARSAD_ML_PER];     /* their ids; 0: an empty entry */
  uint32_t bMore;                  /* 1: the next bucket holds ids of this one */
} marsad_ml_bucket;
extern const marsad_ml_bucket marsad_ml_buckets[];
extern const unsigned marsad_ml_mask;      /* buckets - 1, a power of two */
/* A presence filter: bit (id * 0x9E3779B1) >> marsad_ml_filter_shift of
** marsad_ml_filter is set for every feature id of the model (a feature
** whose bit is clear is absent). */
extern const uint64_t marsad_ml_filter[];
extern const unsigned marsad_ml_filter_shift;
extern const int marsad_ml_nfeatures;      /* 0: no model */

/* FNV-1a a piece at a time: the state after p[0..n) from state h (the
** first piece from MARSAD_ML_HASH0); marsad_ml_hash_value gives the hash
** of all the pieces so far, so that the hashes of a word's prefixes and of
** the whole word come from one pass. */
#define MARSAD_ML_HASH0 0x811C9DC5u
static inline uint32_t marsad_ml_hash_more(uint32_t h, const char *p, size_t n){
  for(size_t i=0; i<n; i++){ h ^= (unsigned char)p[i]; h *= 0x01000193u; }
  return h;
}

/* The hash of state h (never 0). */
static inline uint32_t marsad_ml_hash_value(uint32_t h){
  return h ? h : 1;
}

/* FNV-1a of p[0..n) (never 0). */
static inline uint32_t marsad_ml_hash(const char *p, size_t n){
  return marsad_ml_hash_value(marsad_ml_hash_more(MARSAD_ML_HASH0, p, n));
}

/* Tags a[0..n) with the compiled model into aTag (B/I fixed so that an I
** follows a B or I of its type). A token after an O whose word is in no
** list but those of words never a name, whose own features favour O by a
** wide margin and before no particle or given name is tagged O without
** its context's features (nerml.c, ML_SURE_O). */
void marsad_ml_tag(const marsad_ml_tok *a, int n, int *aTag);

/* Training. */
typedef struct marsad_ml_trainer marsad_ml_trainer;

/* A trainer with empty weights. MARSAD_OK or NOMEM. */
int marsad_ml_trainer_new(marsad_ml_trainer **ppOut /* OUT */);

/* Frees the trainer. NULL is fine. */
void marsad_ml_trainer_free(marsad_ml_trainer *p);

/* One perceptron pass over a sentence with gold tags aGold; returns the
** number of tokens it tagged wrong before updating. */
int marsad_ml_train(marsad_ml_trainer *p, const marsad_ml_tok *a, int n, const int *aGold);

/* Writes the averaged weights of the nKeep strongest features to pOut as
** TSV ("id<TAB>w0 .. w6", hexadecimal id, integer weights), after the
** comment lines of zHeader. MARSAD_OK, NOMEM or IO. */
int marsad_ml_write(marsad_ml_trainer *p, int nKeep, const char *zHeader, FILE *pOut);

#endif
