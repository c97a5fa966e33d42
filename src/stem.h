/*
** stem.h: the stemmers used for search keys and for matching words across
** articles. They take a normalized key (norm.h), never raw text.
**
** Two kinds, chosen when the stemmer is made:
**   MARSAD_STEM_LIGHT (the default): a light stemmer after Larkey's light10,
**     written for marsad. It strips the conjunction و (when 3 letters
**     remain), then the longest definite article among ال وال بال كال فال لل,
**     then the suffixes ها ان ات ون ين يه ه ي (ية and ة are يه and ه in keys)
**     once each in that order, never leaving fewer than 3 letters. Single
**     ب ك ل ف are not stripped on their own (بلد، كتب، لعب، فلسطين). It stems
**     والكتاب -> كتاب, المعلمون -> معلم, بالمدرسة -> مدرس. The affixes are in
**     data/stem_affixes.tsv.
**   MARSAD_STEM_SNOWBALL: Snowball's Arabic stemmer (libstemmer), kept so
**     that search can measure both on ARCD. It leaves والكتاب unchanged.
** Why light is the default: it is what search and matching need (proclitic
** و before the article, as in والكتاب, is everywhere in news text), and it
** measures best. On ARCD (eval/search: 1,395 questions over 465 paragraphs,
** FTS5 'arabic' tokenizer, BM25) MRR@10 / recall@10 were: light 0.776 /
** 0.949, Snowball 0.770 / 0.946, no stemming 0.724 / 0.910. Variants of the
** light rules (2-letter minimum after articles or suffixes as in light10,
** و stripped only before 4 letters, pronoun suffixes هم هن كم نا هما and
** dual تين تان added, single ب ل ك ف stripped before 4 or 5 letters as in
** لإطلاق) all moved MRR@10 (all questions) by 0.003 or less, so the lists
** stay those of light10 with a 3-letter minimum.
** Keys that are not made only of Arabic letters (Latin words, numbers,
** mixed keys) come back unchanged from either kind; so do, from the light
** kind, keys with letters past U+06FF (Arabic Supplement, Extended-A) and
** keys longer than 64 letters.
*/
#ifndef MARSAD_STEM_H
#define MARSAD_STEM_H
#include <stddef.h>
#include <stdint.h>

typedef struct marsad_stemmer marsad_stemmer;

#define MARSAD_STEM_LIGHT     0   /* light10-style stemmer of marsad */
#define MARSAD_STEM_SNOWBALL  1   /* Snowball's Arabic stemmer */

/* Creates a stemmer of kind MARSAD_STEM_LIGHT; *ppOut is NULL on failure.
** MARSAD_OK or NOMEM. */
int marsad_stemmer_new(marsad_stemmer **ppOut /* OUT */);

/* Creates a stemmer of kind eKind (MARSAD_STEM_*); *ppOut is NULL on
** failure. MARSAD_OK, NOMEM, or MISUSE for an unknown kind. */
int marsad_stemmer_new_kind(int eKind, marsad_stemmer **ppOut /* OUT */);

/* Frees the stemmer. NULL is fine. */
void marsad_stemmer_free(marsad_stemmer *p);

/* Stems the key p[0..n). Returns a pointer to the stem (owned by the stemmer,
** valid until its next call or its free) and sets *pnOut. Non-Arabic keys
** come back as they are (copied). Returns NULL only when out of memory. */
const char *marsad_stem(marsad_stemmer *pStem, const char *p, size_t n,
                        size_t *pnOut /* OUT */);

/* The light stem of the key p[0..n) (what marsad_stem of a
** MARSAD_STEM_LIGHT stemmer gives), without a copy: returns the stem when
** the word's stem is given (a NUL-ended string of the generated tables),
** else NULL and sets the stem's span [*piStart, *piEnd) of p. */
const char *marsad_stem_light_span(const char *p, size_t n, size_t *piStart /* OUT */,
                                   size_t *piEnd /* OUT */);

/* One affix of the light stemmer: its letters as code points. */
typedef struct marsad_affix {
  unsigned char n;     /* letters; 0 ends a list */
  uint16_t a[4];       /* the letters (all in U+0621..U+064A) */
  unsigned char nLeast;  /* fewest letters it may leave */
  char z[9];           /* the letters in UTF-8 (two bytes each), NUL-ended */
} marsad_affix;

/* A word the light stemmer does not take apart: its stem is given. */
typedef struct marsad_stem_word {
  unsigned char n;     /* letters of the word (its key); 0 ends the list */
  uint16_t a[8];       /* the letters */
  char zForm[17];      /* the letters in UTF-8 (two bytes each), NUL-ended */
  const char *zStem;   /* its stem, UTF-8 */
} marsad_stem_word;

/* The affix lists and the words of the light stemmer, generated from
** data/stem_affixes.tsv (articles longest first). */
extern const marsad_affix marsad_stem_conj[];
extern const marsad_affix marsad_stem_articles[];
extern const marsad_affix marsad_stem_suffixes[];
extern const marsad_stem_word marsad_stem_words[];

/* For each affix list, the letters c its affixes begin with (the
** suffixes: end with), as bit c-U+0621 (all letters are U+0621..U+064A). */
extern const uint64_t marsad_stem_conj_edge;
extern const uint64_t marsad_stem_articles_edge;
extern const uint64_t marsad_stem_suffixes_edge;

#endif
