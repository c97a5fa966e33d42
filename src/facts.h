/*
** facts.h: the facts of one article: its dates, numbers, statements and
** figures, found by the extractors (dates.h, numbers.h, statements.h,
** figures.h) over its body, resolved against its publication date (from
** metadata, else read from the text), and linked to the entity mentions the
** entities module found (a speaker or a source is the entity named in its
** span). Pure: no database. The facts module (facts_store.c) stores them.
*/
#ifndef MARSAD_FACTS_H
#define MARSAD_FACTS_H
#include <jansson.h>
#include "analysis.h"
#include "dates.h"
#include "figures.h"
#include "numbers.h"
#include "statements.h"
#include "words.h"

typedef struct marsad_facts {
  marsad_words words;          /* the body's words */
  marsad_dates dates;
  marsad_numbers numbers;
  marsad_statements statements;
  marsad_figures figures;
  unsigned char *aUsed;        /* per word: part of a date */
  marsad_ymd pub;              /* the publication date used; y==0 unknown */
  int bPubFromText;            /* pub was read from the text */
  long long *aSpeaker;         /* per statement: the speaker's entity id, or 0 */
  long long *aReporter;        /* per figure: the reporter's entity id, or 0 */
} marsad_facts;

/* The facts module (facts_store.c): runs marsad_facts_analyze on every
** newly stored article and stores its dates, statements and figures. */
struct marsad_module;
extern const struct marsad_module marsad_module_facts;

/* Inserts the facts rows pDb's facts module has queued (it queues an
** ingestion batch's rows and inserts them before the batch commits): a
** statement that changes stored facts rows (an entity merge's UPDATEs)
** runs after it. MARSAD_OK, NOMEM or the database's error. */
int marsad_facts_flush_rows(marsad_db *pDb);

/* Finds the facts of pA's article (its body; the title is not analysed),
** using pA->aMention for entity ids, and sets pA->pFacts and
** pA->xFactsFree (replacing any earlier facts). MARSAD_OK or MARSAD_NOMEM. */
int marsad_facts_analyze(marsad_analysis *pA);

/* Frees the facts. NULL is fine. */
void marsad_facts_free(marsad_facts *p);

/* Text of words [i0, i1) of the body as written: sets *pn, returns the
** start (into the body). */
const char *marsad_facts_span(const marsad_facts *p, int i0, int i1, size_t *pn);

/* The day of date index iDate (-1: the publication date) as YYYY-MM-DD or
** shorter, in z; an empty string when unknown. */
void marsad_facts_day(const marsad_facts *p, int iDate, char z[11]);

/* Adds "dates", "numbers", "figures" and "statements" arrays to pObj, in
** the export format (docs/EXPORT.md; "numbers", every number that is not
** part of a date, is only in analyses), with entity ids written as "e<id>".
** MARSAD_OK or MARSAD_NOMEM. */
int marsad_facts_to_json(const marsad_facts *p, json_t *pObj);

#endif
