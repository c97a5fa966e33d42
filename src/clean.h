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

#include <stdint.h>

/* Per-outlet memory of short lines seen, to drop lines repeated across many
** articles of one outlet. Implemented by the caller (the store). */
typedef struct marsad_line_memory {
  /* Returns how many earlier articles of outlet zOutlet had the line whose
  ** key hashes to h. */
  long (*xSeen)(void *pCtx, const char *zOutlet, uint64_t h);
  void *pCtx;
} marsad_line_memory;

/* A line repeated in this many earlier articles of its outlet is chrome. */
#define MARSAD_CLEAN_REPEATS 3

/* Lines of at most this many words are remembered per outlet. */
#define MARSAD_CLEAN_SHORT_WORDS 20

typedef struct marsad_clean {
  char *zBody;        /* cleaned body, owned by this struct */
  size_t nBody;
  char *zDropped;     /* dropped lines, one a line, owned by this struct */
  size_t nDropped;
  int nLinesDropped;
  uint64_t *aShort;   /* key hashes of the article's short lines, to remember */
  int nShort;
  uint64_t hBody;     /* hash of the body's key, line by line: equal for bodies
                         that differ only in what keys fold away */
  uint64_t hText;     /* the same over every line of the input text, dropped
                         ones too: depends on the input alone, never on what
                         the line memory says */
} marsad_clean;

/* Classes of interface phrases (data/chrome.tsv). */
#define MARSAD_CHROME_CUTOFF 1   /* the rest of the page is not the article */
#define MARSAD_CHROME_LINE   2   /* this line is not the article */
#define MARSAD_CHROME_TAIL   3   /* after a sentence in a line: the rest of it
                                ** is not the article; alone: a line element */

/* One interface phrase, as a matching key; generated, sorted by key bytes. */
typedef struct marsad_chrome_phrase {
  const char *zKey;
  int nKey;
  int eClass;
} marsad_chrome_phrase;
extern const marsad_chrome_phrase marsad_chrome_phrases[];
extern const int marsad_chrome_nphrases;

/* The longest byte string that every tail phrase (MARSAD_CHROME_TAIL) holds,
** of marsad_chrome_tail_nanchor bytes (0 when they share none); generated. */
extern const char marsad_chrome_tail_anchor[];
extern const int marsad_chrome_tail_nanchor;

/* One word of share rows (data/share_words.tsv), as a matching key;
** generated, sorted by key bytes. */
typedef struct marsad_share_word {
  const char *zKey;
  int nKey;
  int bNetwork;      /* names a network (تويتر، فيسبوك), else a button word */
} marsad_share_word;
extern const marsad_share_word marsad_share_words[];
extern const int marsad_share_nwords;

/* Cleans zText[0..nText) of an article of outlet zOutlet (may be NULL) with
** title zTitle (may be NULL; a first line repeating it is dropped). pMem may
** be NULL. MARSAD_OK or MARSAD_NOMEM; *pOut is cleared first. */
int marsad_clean_text(const char *zText, size_t nText, const char *zTitle,
                      const char *zOutlet, const marsad_line_memory *pMem,
                      marsad_clean *pOut /* OUT */);

/* Frees what *p owns. NULL is fine. */
void marsad_clean_free(marsad_clean *p);

/* The key hash of a line, as remembered per outlet. */
uint64_t marsad_clean_line_hash(const char *pKey, size_t nKey);

#endif
