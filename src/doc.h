/*
** doc.h: the article as a reader produces it, before cleaning and storage,
** and the interface every input reader implements (plain text, HTML, JSON
** Lines, feeds), in the manner of Redis's dictType: a struct of function
** pointers chosen by format.
*/
#ifndef MARSAD_DOC_H
#define MARSAD_DOC_H
#include <stddef.h>

/* One article read from an input. All strings are NUL-terminated UTF-8 and
** owned by the doc (freed by marsad_doc_clear); any may be NULL except
** zSource. */
typedef struct marsad_doc {
  char *zSource;     /* the file it came from, or "-" */
  long iLine;        /* 1-based line in zSource (JSONL), else 0 */
  char *zInput;      /* the JSONL "id", else the file path */
  char *zOutlet;     /* outlet name */
  char *zUrl;        /* canonical URL */
  char *zTitle;      /* headline */
  char *zPublished;  /* publication date as found (ISO 8601 or YYYY-MM-DD) */
  char *zText;       /* article text, paragraphs separated by blank lines */
  size_t nText;      /* bytes in zText */
  char *zRaw;        /* the raw input of this article (HTML page, JSON line, file) */
  size_t nRaw;       /* bytes in zRaw */
  char *zWarning;    /* a flaw the reader got past (the article is still
                     ** read): reported by the caller, not a skip */
} marsad_doc;

/* Frees what the doc owns and zeroes it. NULL is fine. */
void marsad_doc_clear(marsad_doc *pDoc);

/* Receives each article a reader produces. The sink takes ownership of the
** doc's contents (and clears it). Return MARSAD_OK to go on; any other code
** stops the reader, which returns it. */
typedef int (*marsad_doc_fn)(void *pCtx, marsad_doc *pDoc);

/* Receives a problem with one part of the input (a line, an item): the reader
** reports it and goes on with the rest. */
typedef void (*marsad_problem_fn)(void *pCtx, const char *zSource, long iLine,
                                  const char *zMsg);

/* A reader of one input format. xRead parses the whole input p[0..n) named
** zSource and hands each article to xDoc, problems to xProblem. p[0..n) is
** valid UTF-8: callers repair their input first (marsad_utf8_sanitize, as
** ingestion and marsad analyze do), and readers do not check it again (the
** JSON Lines reader passes invalid bytes through as they are). It returns
** MARSAD_OK when it could go through the input (even with problems
** reported), MARSAD_FORMAT when the input as a whole is unreadable (with the
** reason through xProblem), or the code a callback returned. */
typedef struct marsad_reader {
  const char *zName;                      /* "text", "html", "jsonl", "feed" */
  int eFormat;                            /* MARSAD_INPUT_* */
  const char *const *azExt;               /* file extensions, NULL-terminated */
  int (*xRead)(const char *zSource, const char *p, size_t n,
               marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx);
} marsad_reader;

/* The reader for eFormat, or NULL. */
const marsad_reader *marsad_reader_for_format(int eFormat);

/* The reader for a file name by its extension (case-insensitive), or NULL. */
const marsad_reader *marsad_reader_for_path(const char *zPath);

/* The readers, defined in reader_<name>.c. */
extern const marsad_reader marsad_reader_text;
extern const marsad_reader marsad_reader_html;
extern const marsad_reader marsad_reader_jsonl;
extern const marsad_reader marsad_reader_feed;

#endif
