/*
** clean.h: turns a reader's article text into the stored body: NFC, line
** endings unified, white space tidied, and site chrome (navigation, share
** rows, "related articles", captions, donation appeals, tag rows) dropped by
** general rules. Nothing is lost: the dropped lines are listed so that the
** store keeps them beside the raw input.
*/
#ifndef MARSAD_CLEAN_H
#define MARSAD_CLEAN_H
#include <stddef.h>

/* Per-outlet memory of lines seen, to drop lines repeated across many
** articles of one outlet. Implemented by the caller (the store). */
typedef struct marsad_line_memory {
  /* Returns how many earlier articles of this outlet had line p[0..n). */
  long (*xSeen)(void *pCtx, const char *zOutlet, const char *p, size_t n);
  void *pCtx;
} marsad_line_memory;

typedef struct marsad_clean {
  char *zBody;      /* cleaned body, owned by this struct */
  size_t nBody;
  char *zDropped;   /* dropped lines, one a line, owned by this struct */
  size_t nDropped;
  int nLinesDropped;
} marsad_clean;

/* Cleans zText[0..nText) of an article of outlet zOutlet (may be NULL) with
** title zTitle (may be NULL; a first line repeating it is dropped). pMem may
** be NULL. MARSAD_OK or MARSAD_NOMEM; *pOut is cleared first. */
int marsad_clean_text(const char *zText, size_t nText, const char *zTitle,
                      const char *zOutlet, const marsad_line_memory *pMem,
                      marsad_clean *pOut /* OUT */);

/* Frees what *p owns. NULL is fine. */
void marsad_clean_free(marsad_clean *p);

/* True when the line p[0..n) has the shape of site chrome by itself, without
** knowledge of other articles. Exposed for tests. */
int marsad_clean_is_chrome(const char *p, size_t n);

#endif
