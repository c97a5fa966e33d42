/*
** statements.h: who said what in Arabic news. A statement is a reporting
** verb or noun (قال، أكد، نفى، دعا، حذر، بيان ...: data/facts_cues.tsv) with
** its speaker (named after the verb, before it, or carried over: وأضاف
** continues the previous speaker; a short name such as المرصد is resolved to
** its fullest naming earlier in the text), the content (a quote, or the
** clause after أن/إن) and a stance: the cue's own (نفى → deny), or for a
** neutral cue the strongest stance word of the content (قال إن روسيا تدعو →
** appeal). Also the attributions of the text (بحسب المرصد، وفق بيان ...),
** which the figures use.
*/
#ifndef MARSAD_STATEMENTS_H
#define MARSAD_STATEMENTS_H
#include <stddef.h>
#include "dates.h"
#include "words.h"

/* Who a statement or an attribution names as its source. */
typedef struct marsad_source {
  int iW0;             /* words [iW0, iW1) naming it at this place; equal when */
  int iW1;             /*   it is not named here (carried over) */
  int iR0;             /* words [iR0, iR1) of its fullest naming in the text */
  int iR1;             /*   (equal to iW0..iW1, or an earlier naming); iR0==iR1: unknown */
  int iDate;           /* index in the dates of the day of the report, or -1 */
} marsad_source;

typedef struct marsad_statement {
  size_t iStart;       /* byte span: speaker named here, cue and content */
  size_t iEnd;
  int iCue0;           /* words [iCue0, iCue1) of the cue */
  int iCue1;
  int iCont0;          /* words [iCont0, iCont1) of the content */
  int iCont1;
  int iSent;           /* sentence index */
  int eStance;         /* MARSAD_STANCE_* (lexicon.h) */
  int iLemma;          /* index of the cue in marsad_cue_lemmas */
  int iParent;         /* the statement whose content holds this one, or -1 */
  int iFrom;           /* the statement whose speaker this one continues, or -1 */
  marsad_source spk;   /* the speaker */
} marsad_statement;

/* An attribution: بحسب X, وفق X, نقلا عن X, حسبما أوردت X. */
typedef struct marsad_attrib {
  int iWord0;          /* words [iWord0, iWord1) of the phrase */
  int iWord1;
  marsad_source src;   /* X */
} marsad_attrib;

typedef struct marsad_statements {
  marsad_statement *a;
  int n;
  int nAlloc;
  marsad_attrib *aAttr;
  int nAttr;
  int nAttrAlloc;
  long nWork;          /* sources and dates looked at while resolving: linear
                          in the text (a test bounds it) */
} marsad_statements;

#define MARSAD_STATEMENTS_INIT {0, 0, 0, 0, 0, 0, 0}

/* Bits of a word's aName byte. */
#define MARSAD_NAME_IN      0x01   /* inside a recognised name */
#define MARSAD_NAME_PERSON  0x02   /* ... of a person */
#define MARSAD_NAME_FIRST   0x04   /* its first word */

/* Finds the statements and attributions of pW. pDates are its dates, and
** aUsed flags the words they use; aName flags the words inside names the
** entity recogniser found, with MARSAD_NAME_* bits (a speaker's phrase goes
** on past its definite genitive only into a name: وزير الخارجية سيرغي
** لافروف, but not أعلنت وزارة الصحة ارتفاع ...; and ends with a person's
** name). Both one byte a word, may be NULL. Appends to *pOut. MARSAD_OK or
** MARSAD_NOMEM. */
int marsad_statements_find(const marsad_words *pW, const marsad_dates *pDates,
                           const unsigned char *aUsed, const unsigned char *aName,
                           marsad_statements *pOut);

/* Name of a stance: "affirm", "deny", "appeal", "warn", "accuse", "state". */
const char *marsad_stance_name(int eStance);

/* Frees what *p owns and resets it. NULL is fine. */
void marsad_statements_free(marsad_statements *p);

#endif
