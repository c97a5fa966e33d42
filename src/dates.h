/*
** dates.h: dates in Arabic news text: explicit dates (01/11/2020,
** 2020-11-01, 30 من تشرين الأول, 14 أكتوبر 2020, 25 مارس/آذار), Hijri dates
** (15 رمضان 1442 هـ, converted to the Gregorian calendar by the tabular
** Islamic calendar), relative expressions (اليوم، أمس، أمس الأول، الأسبوع
** الماضي) and weekdays (الأربعاء: the latest Wednesday on or before the
** reference date), all resolved against the article's publication date, a
** missing year inferred. Each keeps its precision and its span.
*/
#ifndef MARSAD_DATES_H
#define MARSAD_DATES_H
#include <stddef.h>
#include "words.h"

/* A calendar day; fields 0 when unknown (m==0: only the year is known). */
typedef struct marsad_ymd {
  int y;
  int m;
  int d;
} marsad_ymd;

/* How a date was written. */
#define MARSAD_DATE_EXPLICIT  1   /* day and/or month names, or a year */
#define MARSAD_DATE_NUMERIC   2   /* 01/11/2020, 2020-11-01 */
#define MARSAD_DATE_HIJRI     3   /* a Hijri date, converted */
#define MARSAD_DATE_RELATIVE  4   /* اليوم، أمس، الشهر الماضي ... */
#define MARSAD_DATE_WEEKDAY   5   /* الأربعاء, يوم الخميس */

/* One date found in a text. */
typedef struct marsad_date {
  size_t iStart;     /* byte span of the expression */
  size_t iEnd;
  int iWord0;        /* words [iWord0, iWord1) it covers */
  int iWord1;
  marsad_ymd v;      /* resolved value; v.y==0 when it could not be resolved */
  int ePrec;         /* MARSAD_PREC_* (lexicon.h) */
  int eKind;         /* MARSAD_DATE_* */
  int bSince;        /* after منذ/حتى: when something began or ends, not when it was said */
  int bYearFixed;    /* the year was written, or fixed by a weekday */
} marsad_date;

/* The dates of a text, in text order. */
typedef struct marsad_dates {
  marsad_date *a;
  int n;
  int nAlloc;
} marsad_dates;

#define MARSAD_DATES_INIT {0, 0, 0}

/* Parses "YYYY-MM-DD" (or a longer ISO 8601 time stamp) at z into *pOut.
** Returns 1 on success, 0 when z is NULL or not such a date. */
int marsad_ymd_parse(const char *z, marsad_ymd *pOut);

/* Writes the date as YYYY-MM-DD, YYYY-MM or YYYY by precision (a week is
** written as its day) into z (11 bytes); an empty string when unresolved
** (a year outside 1..9999). Its month and day are 0 (unknown) or valid, as
** every date of this header is made. */
void marsad_ymd_format(const marsad_ymd *p, int ePrec, char z[11]);

/* Days since 1970-01-01 of a valid Gregorian date, and back. */
long marsad_ymd_days(const marsad_ymd *p);
marsad_ymd marsad_ymd_from_days(long nDays);

/* Gregorian date of day d of month m of Hijri year y (tabular calendar). */
marsad_ymd marsad_hijri_to_gregorian(int y, int m, int d);

/* Finds the dates of pW, resolving them against pRef (the publication date;
** NULL or y==0 when unknown: relative dates then stay unresolved). pNow (a
** day after publication, such as the ingestion day; may be NULL) serves
** only when pRef is unknown, for a weekday written with a day and month
** (الجمعة 30 من تشرين الأول) to fix the year: the latest such year not after
** pNow. Words that make up a date are flagged in aUsed (one byte per word,
** may be NULL). Appends to *pOut. MARSAD_OK or MARSAD_NOMEM. */
int marsad_dates_find(const marsad_words *pW, const marsad_ymd *pRef,
                      const marsad_ymd *pNow, unsigned char *aUsed,
                      marsad_dates *pOut);

/* The publication date read from the text itself, for an article whose
** metadata lacks one: the first full date (day, month and a year that is
** written or fixed by a weekday) in the first three sentences, from a
** *pDates found with no reference date. Returns 1 and sets *pOut, or 0. */
int marsad_dates_publication(const marsad_words *pW, const marsad_dates *pDates,
                             marsad_ymd *pOut);

/* The index of the first date of p (in text order) that starts at or after
** word iWord; p->n when none. O(log n). */
int marsad_dates_from(const marsad_dates *p, int iWord);

/* True when date index iDate is a day on which something may have been
** reported: resolved to a day, not a start or an end (منذ), and at most a
** week before pPub, not after it (any day when pPub is NULL or unknown). A
** date further off (or to come: الأربعاء المقبل) is when what is told
** happened or will. */
int marsad_dates_recent(const marsad_dates *p, int iDate, const marsad_ymd *pPub);

/* Frees what *p owns and resets it. NULL is fine. */
void marsad_dates_free(marsad_dates *p);

#endif
