/*
** ner.h: recognition of people, places and organisations in Arabic news
** text, with byte spans into the title and body as stored. It needs no
** database: `marsad analyze`, the ingest module and the evaluation all call
** it the same way.
**
** How it finds names (src/ner.c has the details):
**   - the gazetteer (gaz.h): countries, cities, organisations, people and
**     their adjectives, matched on normalized keys, longest first, after
**     the clitics و ف ب ل ك and the article (بأذربيجان، وأنقرة، للكرملين:
**     the span covers the name, not the clitic);
**   - patterns: a title or role before a name (وزير الخارجية الروسي سيرغي
**     لافروف), a given name and what follows it, an organisation head and its
**     genitive or adjective tail (وزارة الخارجية الروسية), a place noun and
**     the name after it (بلدة تارتار), Latin names;
**   - surnames: once a full name is found, its last words alone (لافروف)
**     are mentions of the same person anywhere in the article.
*/
#ifndef MARSAD_NER_H
#define MARSAD_NER_H
#include <stddef.h>
#include "analysis.h"

/* How a span was found (marsad_ner_span.flags). */
#define MARSAD_NER_GAZ      0x01   /* a gazetteer name */
#define MARSAD_NER_ADJ      0x02   /* an adjective of a place (الروسية) */
#define MARSAD_NER_PATTERN  0x04   /* a pattern (title, head, given name) */
#define MARSAD_NER_SURNAME  0x08   /* the surname of a name found before */
#define MARSAD_NER_MODEL    0x10   /* named by the statistical model (on a
                                   ** reported span only: marsad_ner_text) */

/* One recognised name. */
typedef struct marsad_ner_span {
  int eField;          /* MARSAD_FIELD_* */
  size_t iStart;       /* byte span in that field */
  size_t iEnd;
  int eKind;           /* MARSAD_ENTITY_* */
  unsigned flags;      /* MARSAD_NER_* */
  int iGaz;            /* gazetteer entity (gaz.h), or -1 */
  const char *pKey;    /* the resolver's key; valid during the callback */
  size_t nKey;
} marsad_ner_span;

/* Receives each span, title first, then body, each in text order. Return
** MARSAD_OK to go on; any other value stops the run, which returns it. */
typedef int (*marsad_ner_fn)(void *pCtx, const marsad_ner_span *pSpan);

/* A recogniser: reusable buffers, no shared state; one per thread. */
typedef struct marsad_ner marsad_ner;

/* Creates a recogniser; *ppOut is NULL on failure. MARSAD_OK or NOMEM. */
int marsad_ner_new(marsad_ner **ppOut /* OUT */);

/* Frees the recogniser. NULL is fine. */
void marsad_ner_free(marsad_ner *p);

/* Recognises the names in a title zTitle[0..nTitle) and a body
** zBody[0..nBody) (either may be empty) and reports each to xSpan.
** MARSAD_OK, MARSAD_NOMEM, or the callback's code. */
int marsad_ner_text(marsad_ner *p, const char *zTitle, size_t nTitle,
                    const char *zBody, size_t nBody,
                    marsad_ner_fn xSpan, void *pCtx);

/* Recognises the names of pA->art and appends them to pA->aMention (title
** first, then body, in text order) with their keys and iEntity 0.
** Adjectives are included (they name their place). MARSAD_OK or NOMEM. */
int marsad_ner_run(marsad_ner *p, marsad_analysis *pA);

/* Leaves the statistical model out (bOn) or uses it again: for measuring
** the rules alone. */
void marsad_ner_rules_only(marsad_ner *p, int bOn);

/* Training of the statistical model (nerml.h) on a text whose gold tags
** are given per input token: the byte span of each token of zText and its
** MARSAD_ML_* tag. The recogniser's rules run on the text first (their tags
** are features). Sets *pnWrong to the tokens tagged wrong before the update. */
struct marsad_ml_trainer;
typedef struct marsad_ner_gold {
  size_t iStart, iEnd;   /* the token's bytes in zText */
  int eTag;              /* MARSAD_ML_* */
} marsad_ner_gold;
int marsad_ner_train_text(marsad_ner *p, struct marsad_ml_trainer *pTr,
                          const char *zText, size_t nText,
                          const marsad_ner_gold *aGold, int nGold, int *pnWrong);

/* The endings by which the recogniser knows an inflected word of the
** dictionary (bunches of fWhat in marsad_ner_suffix), generated from
** data/inflection_suffixes.tsv by tools/gen_inflection_suffixes.py. */
#define MARSAD_NER_INFL_PLURAL 1   /* plurals (ون ين ات), feminine adjectives (ية) */
#define MARSAD_NER_INFL_MORE   2   /* duals, pronoun suffixes, verb forms */
#define MARSAD_NER_INFL_VOWEL  4   /* a final ي or و (ميس + ي: ميسي, a foreign name too) */
typedef struct marsad_ner_suffix {
  const char *zSuf;      /* the ending, a key (UTF-8) */
  int nSuf;              /* its bytes */
  const char *zStemEnd;  /* "" or the letter (ه for ة, ي for ى) the stem may
                            also end in before it */
  int fWhat;             /* MARSAD_NER_INFL_* */
} marsad_ner_suffix;
extern const marsad_ner_suffix marsad_ner_suffixes[];   /* ended by zSuf NULL */

#endif
