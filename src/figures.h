/*
** figures.h: figures in Arabic news: numbers that count people or things
** (killed, wounded, missing, kidnapped, arrested, fighters, bodies,
** returned, displaced, personnel, other), with what is counted, whether the
** number is a running total (ارتفعت حصيلة ... إلى 231) or a new count, who
** reported it (the speaker of the statement it is part of, or the source of
** an attribution: بحسب المرصد), the day it was reported (the day its source
** said it, a recent day of its sentence, or the publication day), and its
** evidence.
** Durations, dates, ages, money, percentages and references (المادة 20)
** are not figures. Word lists: data/facts_counts.tsv, facts_units.tsv,
** facts_total.tsv.
*/
#ifndef MARSAD_FIGURES_H
#define MARSAD_FIGURES_H
#include <stddef.h>
#include "dates.h"
#include "numbers.h"
#include "statements.h"
#include "words.h"

typedef struct marsad_figure {
  size_t iStart;       /* byte span of the evidence: the number with its hedge, */
  size_t iEnd;         /*   the event before it and the counted noun after it */
  const marsad_number *pNum;  /* the number (owned by the numbers list) */
  int eCounts;         /* MARSAD_COUNTS_* (lexicon.h) */
  int iWho0;           /* words [iWho0, iWho1) of what is counted (may be empty) */
  int iWho1;
  int bTotal;          /* a running total */
  int iStmt;           /* the statement it is reported in, or -1 */
  marsad_source src;   /* who reported it (iR0==iR1: unknown) */
  int iDate;           /* index in the dates of the day reported, or -1 */
} marsad_figure;

typedef struct marsad_figures {
  marsad_figure *a;
  int n;
  int nAlloc;
  long nWork;          /* statements, attributions and dates looked at: linear
                          in the numbers (a test bounds it) */
} marsad_figures;

#define MARSAD_FIGURES_INIT {0, 0, 0, 0}

/* Finds the figures among pNums (numbers of pW), with their sources from
** pSt and dates from pDates; pPub is the publication day (NULL or y==0:
** unknown), for telling the day of a report from the day of an event.
** Appends to *pOut; the figures point into pNums, which must outlive them.
** The work is linear in the numbers (each looks at a bounded number of
** statements, attributions and dates). MARSAD_OK or MARSAD_NOMEM. */
int marsad_figures_find(const marsad_words *pW, const marsad_numbers *pNums,
                        const marsad_statements *pSt, const marsad_dates *pDates,
                        const marsad_ymd *pPub, marsad_figures *pOut);

/* Name of a counts value: "killed", ..., "wounded_or_missing". */
const char *marsad_counts_name(int eCounts);

/* Frees what *p owns and resets it. NULL is fine. */
void marsad_figures_free(marsad_figures *p);

#endif
