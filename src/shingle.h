/*
** shingle.h: near-duplicate fingerprints. A text's words (their normalized
** keys, hashed) are read as overlapping shingles of MARSAD_SHINGLE_WORDS
** words; one-permutation MinHash with MARSAD_MINHASH_N bins (densified by
** rotation, so no bin stays empty) summarizes the set of shingles, and the
** fraction of equal bins of two signatures estimates the Jaccard resemblance
** of their shingle sets. Locality-sensitive hashing cuts a signature into
** MARSAD_LSH_BANDS bands of MARSAD_LSH_ROWS bins: two texts whose
** resemblance is r share at least one band with probability
** 1-(1-r^4)^16 (0.50 at r=0.5, 0.96 at r=0.7, 1.00 at r=0.9).
*/
#ifndef MARSAD_SHINGLE_H
#define MARSAD_SHINGLE_H
#include <stdint.h>

#define MARSAD_SHINGLE_WORDS 4
#define MARSAD_MINHASH_N 64
#define MARSAD_LSH_BANDS 16
#define MARSAD_LSH_ROWS 4

/* A MinHash signature. */
typedef struct marsad_minhash {
  uint32_t a[MARSAD_MINHASH_N];  /* bin minima (after densification) */
  int nShingle;                  /* shingles seen; 0: no signature */
} marsad_minhash;

/* Builds a signature from a stream of word hashes. */
typedef struct marsad_shingler {
  marsad_minhash *pSig;                 /* the signature being built */
  uint64_t aWin[MARSAD_SHINGLE_WORDS];  /* the last words, as a ring */
  int nWord;                            /* words seen so far */
} marsad_shingler;

/* Starts building *pSig (cleared). */
void marsad_shingler_init(marsad_shingler *p, marsad_minhash *pSig);

/* Adds the next word (a 64-bit hash of its key). */
void marsad_shingler_add(marsad_shingler *p, uint64_t hWord);

/* Finishes the signature: texts with fewer words than a shingle get none
** (nShingle stays 0); empty bins take a rotated value of the next bin. */
void marsad_shingler_finish(marsad_shingler *p);

/* Estimated Jaccard resemblance of the two shingle sets, in [0,1]; 0 when
** either has no signature. */
double marsad_minhash_resemblance(const marsad_minhash *a, const marsad_minhash *b);

/* The LSH key of band iBand (0..MARSAD_LSH_BANDS-1) of a signature. */
uint64_t marsad_minhash_band(const marsad_minhash *p, int iBand);

#endif
