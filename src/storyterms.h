/*
** storyterms.h: an article as the story clusterer sees it, and how similar
** two articles are.
**
** A vocabulary (marsad_vocab) interns the stems of content words and counts
** in how many documents each occurs, which gives every term an inverse
** document frequency. An article becomes a marsad_docterms: the distinct
** stems of its title and body with their counts (title words, and the
** words of the body's first 60, its lede, count double: news says what
** happened first), the stems of its title alone, a MinHash signature of its word shingles
** (shingle.h) and a hash of its whole word sequence for exact copies.
** Similarity = a blend of the TF-IDF cosine of the two term vectors and the
** cosine of the two titles (marsad_docterms_similarity).
*/
#ifndef MARSAD_STORYTERMS_H
#define MARSAD_STORYTERMS_H
#include <stddef.h>
#include <stdint.h>
#include "analysis.h"
#include "shingle.h"

struct marsad_stemmer;
struct marsad_buf;

/* One term of a document with its weight count. */
typedef struct marsad_tf {
  uint32_t iTerm;     /* term id in the vocabulary */
  uint32_t nTf;       /* occurrences (title occurrences count twice) */
} marsad_tf;

/* An article's terms and fingerprints. Owns its arrays. */
typedef struct marsad_docterms {
  marsad_tf *aTerm;         /* distinct stems of title and body, by iTerm */
  int nTerm;
  marsad_tf *aTitle;        /* distinct stems of the title, by iTerm */
  int nTitle;
  marsad_minhash sig;       /* MinHash of the body's word shingles */
  uint64_t iExact;          /* hash of the body's word keys, 0 when too short */
  int nWord;                /* words in the body */
} marsad_docterms;

typedef struct marsad_vocab marsad_vocab;

/* Creates an empty vocabulary with its own stemmer and the stop-word list
** (data/story_stopwords.txt). *ppOut is NULL on failure. */
int marsad_vocab_new(marsad_vocab **ppOut /* OUT */);

/* Frees the vocabulary. NULL is fine. */
void marsad_vocab_free(marsad_vocab *p);

/* Terms interned so far (ids run 0..n-1). */
uint32_t marsad_vocab_size(const marsad_vocab *p);

/* The stem of term iTerm (owned by the vocabulary) and its length. */
const char *marsad_vocab_term(const marsad_vocab *p, uint32_t iTerm, size_t *pn);

/* Document frequency of iTerm, and number of documents counted. */
uint32_t marsad_vocab_df(const marsad_vocab *p, uint32_t iTerm);
uint32_t marsad_vocab_ndoc(const marsad_vocab *p);

/* Inverse document frequency of iTerm given the documents counted so far:
** ln((N+10)/(df+1)), so that a young vocabulary weighs terms nearly alike. */
double marsad_vocab_idf(const marsad_vocab *p, uint32_t iTerm);

/* Interns the stem p[0..n) and sets *piTerm. MARSAD_OK or MARSAD_NOMEM. */
int marsad_vocab_intern(marsad_vocab *p, const char *z, size_t n, uint32_t *piTerm);

/* Sets the counts of a term (when loading a stored vocabulary) and the
** number of documents. */
void marsad_vocab_set_df(marsad_vocab *p, uint32_t iTerm, uint32_t nDf);
void marsad_vocab_set_ndoc(marsad_vocab *p, uint32_t nDoc);

/* Document frequencies are stored by chunks of this many consecutive ids. */
#define MARSAD_VOCAB_CHUNK 4096

/* Counts document d: N+1 and df+1 for each of its terms (marking their
** chunks changed; see marsad_vocab_next_changed). */
void marsad_vocab_count(marsad_vocab *p, const marsad_docterms *d);

/* Iterates over the chunks whose frequencies changed since the last call:
** returns the next such chunk >= *piFrom and clears its mark, or -1 when
** none is left. */
long marsad_vocab_next_changed(marsad_vocab *p, uint32_t *piFrom);

/* The frequencies of chunk iChunk (ids iChunk*MARSAD_VOCAB_CHUNK on) and
** their number in *pn. Owned by the vocabulary. */
const uint32_t *marsad_vocab_chunk(const marsad_vocab *p, uint32_t iChunk, uint32_t *pn);

/* The stems of terms iFirst.. (iFirst <= marsad_vocab_size) in id order,
** each followed by a NUL byte, as one run of bytes owned by the vocabulary
** (valid until a term is interned); *pn gets its length in bytes. */
const char *marsad_vocab_text_from(const marsad_vocab *p, uint32_t iFirst, size_t *pn);

/* Builds the terms of the article of pA from its title and body (UTF-8,
** any may be empty), tokenized through pA (marsad_analysis_tokens: the
** tokens the other modules share). Content words are Arabic or Latin words
** (and numbers of 3+ digits) that are not stop words; their stems are
** interned. *pOut is cleared first; free with marsad_docterms_clear.
** MARSAD_OK or MARSAD_NOMEM. */
int marsad_docterms_build(marsad_vocab *pVocab, const marsad_analysis *pA,
                          marsad_docterms *pOut /* OUT */);

/* Adds the entities an article mentions to its terms: entity iEntity
** becomes the term "@<iEntity>", counted once a mention (twice in the
** title, like words), so that articles naming the same person, place or
** organisation in different spellings share a term. aEntity[i] is an entity
** id (0: skipped), abTitle[i] 1 for a mention in the title. MARSAD_OK or
** MARSAD_NOMEM (d is then cleared). */
int marsad_docterms_add_entities(marsad_vocab *pVocab, marsad_docterms *d,
                                 const long long *aEntity, const int *abTitle, int n);

/* Appends to pBuf the word part of d (its entity terms left out: they are
** added again from the mentions) in a portable form for
** marsad_docterms_decode: little-endian 32-bit numbers. Sticky pBuf->rc. */
void marsad_docterms_encode(const marsad_vocab *pVocab, const marsad_docterms *d,
                            struct marsad_buf *pBuf);

/* Rebuilds *pOut from a[0..n) written by marsad_docterms_encode. Returns
** MARSAD_OK, MARSAD_NOMEM, or MARSAD_DBERROR when the bytes are not such an
** encoding or name a term outside pVocab (*pOut is then empty). */
int marsad_docterms_decode(const marsad_vocab *pVocab, const unsigned char *a, size_t n,
                           marsad_docterms *pOut /* OUT */);

/* True when term iTerm stands for an entity ("@<id>"); sets *piEntity. */
int marsad_vocab_is_entity(const marsad_vocab *p, uint32_t iTerm, long long *piEntity);

/* Frees what d owns and zeroes it. */
void marsad_docterms_clear(marsad_docterms *d);

/* The TF-IDF weight of a term that occurs nTf times: nTf * idf (raw counts
** rank the SemEval pairs better than 1+ln(nTf) or binary weights: see
** docs/QUALITY.md). */
double marsad_vocab_weight(const marsad_vocab *p, uint32_t iTerm, uint32_t nTf);

/* Euclidean norm of the TF-IDF vector a[0..n). */
double marsad_tf_norm(const marsad_vocab *p, const marsad_tf *a, int n);

/* Cosine of two TF-IDF vectors, given their norms (0 when either is 0). */
double marsad_tf_cosine(const marsad_vocab *p, const marsad_tf *a, int na, double normA,
                        const marsad_tf *b, int nb, double normB);

/* The parts of a similarity score. */
typedef struct marsad_simparts {
  double rCosine;    /* TF-IDF cosine of title+body */
  double rTitle;     /* TF-IDF cosine of the titles */
  double rScore;     /* the blend: the similarity */
} marsad_simparts;

/* Similarity of two articles in [0,1] (see the file comment), with norms of
** a's vectors precomputed (normA of aTerm, normTitleA of aTitle; pass a
** negative value to have them computed). */
void marsad_docterms_similarity(const marsad_vocab *p, const marsad_docterms *a,
                                double normA, double normTitleA,
                                const marsad_docterms *b,
                                marsad_simparts *pOut /* OUT */);

/* One article compared with many (the clusterer's inner loop): its weights
** spread into dense arrays indexed by term id, so that each comparison is
** one pass over the other article's terms. Scores equal those of
** marsad_docterms_similarity. A bit per term id marks the article's terms:
** the bits (a few tens of KB) stay in the processor's cache, the weights
** (8 bytes a term of the vocabulary) do not, and most terms of the other
** article are not the article's. */
typedef struct marsad_simquery {
  const marsad_docterms *pDoc;   /* the article */
  double *aW;                    /* weight of each of its terms (borrowed) */
  double *aWTitle;               /* weight of each of its title terms (borrowed) */
  uint64_t *aBits;               /* bit iTerm set for each of its terms (borrowed) */
  double rNorm, rNormTitle;      /* norms of its two vectors */
} marsad_simquery;

/* Words of 64 bits that hold one bit per term id below nTerm. */
#define MARSAD_SIMQUERY_BITS(nTerm) (((size_t)(nTerm) + 63) / 64)

/* Starts comparing d: aW and aWTitle (zero, at least marsad_vocab_size
** entries each) receive its weights, aBits (zero, at least
** MARSAD_SIMQUERY_BITS(marsad_vocab_size) words) its terms; all three are
** borrowed until marsad_simquery_end. */
void marsad_simquery_begin(const marsad_vocab *p, const marsad_docterms *d,
                           double *aW, double *aWTitle, uint64_t *aBits,
                           marsad_simquery *pQ /* OUT */);

/* The similarity of the query's article and b. */
void marsad_simquery_score(const marsad_vocab *p, const marsad_simquery *pQ,
                           const marsad_docterms *b, marsad_simparts *pOut /* OUT */);

/* Zeroes the entries of the dense arrays and the bits that the query set. */
void marsad_simquery_end(marsad_simquery *pQ);

/* Up to nMax terms shared by a and b, by decreasing product of weights
** (ties by stem): writes their ids into aOut and returns how many, or -1
** when out of memory. */
int marsad_docterms_shared(const marsad_vocab *p, const marsad_docterms *a,
                           const marsad_docterms *b, uint32_t *aOut, int nMax);

/* The nMax most salient terms of d by TF-IDF weight (ties by stem): writes
** their ids into aOut and returns how many, or -1 when out of memory. */
int marsad_docterms_salient(const marsad_vocab *p, const marsad_docterms *d,
                            uint32_t *aOut, int nMax);

#endif
