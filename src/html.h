/*
** html.h: what an HTML page says about its article (title, date, outlet,
** URL) and its main text, found with libxml2's HTML parser by general rules:
** the container with the most paragraph text is kept, and inside it every
** block that is page chrome (navigation, share rows, related links,
** comments, ads, donation appeals, ...) by its element name, its class/id
** tokens (data/html_chrome.txt) or its link density is dropped. Used by the
** HTML reader for whole pages and by the feed reader for item bodies.
*/
#ifndef MARSAD_HTML_H
#define MARSAD_HTML_H
#include <stddef.h>

/* Kinds of the generated tables (build/gen/html_chrome.c). */
#define MARSAD_HTML_DROP    1   /* element: its subtree is never text */
#define MARSAD_HTML_BLOCK   2   /* element: a paragraph boundary */
#define MARSAD_HTML_EXACT   3   /* class/id token marking chrome */
#define MARSAD_HTML_PREFIX  4   /* class/id token prefix marking chrome */
#define MARSAD_HTML_ROLE    5   /* WAI-ARIA role marking chrome */

/* One row of a generated table; tables are sorted by zWord (strcmp). */
typedef struct marsad_html_word {
  const char *zWord;  /* lower-case ASCII */
  int eKind;          /* MARSAD_HTML_* */
} marsad_html_word;

extern const marsad_html_word marsad_html_elements[];  /* drop and block */
extern const size_t marsad_html_elements_n;
extern const marsad_html_word marsad_html_tokens[];    /* exact, prefix, role */
extern const size_t marsad_html_tokens_n;

/* Largest input the HTML and feed readers parse (bytes). */
#define MARSAD_HTML_MAX_INPUT (64u*1024u*1024u)

/* What a page says about its article. Every string is NUL-terminated UTF-8
** owned by the struct (marsad_html_page_free), and may be NULL. */
typedef struct marsad_html_page {
  char *zTitle;      /* og:title, else the first <h1>, else <title> minus the site name */
  char *zPublished;  /* publication date as found in the page */
  char *zOutlet;     /* og:site_name, else the host of the page's URL */
  char *zUrl;        /* canonical link, else og:url */
  char *zText;       /* main text: paragraphs separated by blank lines */
  size_t nText;      /* bytes in zText */
} marsad_html_page;

/* Parses the page p[0..n) and fills *pOut (cleared first). Returns
** MARSAD_OK (the text may be empty), MARSAD_FORMAT when the input is empty,
** too large or no document can be made of it, MARSAD_NOMEM. */
int marsad_html_page_read(const char *p, size_t n, marsad_html_page *pOut /* OUT */);

/* Frees what *p owns and zeroes it. NULL is fine. */
void marsad_html_page_free(marsad_html_page *p);

/* The text of an HTML fragment p[0..n) (a feed item's body): every
** paragraph of it with chrome dropped, as for a page but without choosing a
** container. *pzText (owned by the caller, marsad_free) is set even when
** empty; NULL on error. MARSAD_OK, MARSAD_FORMAT (too large) or
** MARSAD_NOMEM. */
int marsad_html_fragment_text(const char *p, size_t n, char **pzText /* OUT */,
                              size_t *pnText /* OUT */);

/* Makes p[0..n) safe to hand to libxml2 as markup. When it holds invalid
** UTF-8 and its head does not declare another character set, *pzCopy gets
** a copy (owned by the caller) with each invalid sequence replaced by
** U+FFFD, else NULL; *pzEncoding is "UTF-8" when the input is (now) UTF-8
** without a declaration of another set, else NULL (libxml2 then follows the
** declaration). MARSAD_OK or MARSAD_NOMEM. */
int marsad_markup_prepare(const char *p, size_t n, char **pzCopy /* OUT */,
                          const char **pzEncoding /* OUT */);

/* Converts markup p[0..n) that is not valid UTF-8 and declares another
** character set (meta charset, XML encoding, UTF-16 byte order mark) known
** to iconv into UTF-8: *pzOut (owned by the caller) and *pnOut; bytes the
** set lacks become U+FFFD. *pzOut is NULL when there is nothing to convert
** (valid UTF-8, no declaration, unknown set). MARSAD_OK or MARSAD_NOMEM. */
int marsad_markup_to_utf8(const char *p, size_t n, char **pzOut /* OUT */,
                          size_t *pnOut /* OUT */);

/* Collapses white space (ASCII and no-break space) in z[0..n) to single
** spaces and trims both ends; returns a NUL-terminated copy owned by the
** caller, NULL when out of memory. */
char *marsad_html_collapse(const char *p, size_t n);

/* Replaces the HTML character references of plain text p[0..n) (&quot;
** &amp; &#8220; &#x201D; ..., the names HTML knows) by their characters;
** anything else, a bare & included, is kept. Returns a NUL-terminated copy
** owned by the caller, NULL when out of memory. */
char *marsad_html_unescape(const char *p, size_t n);

#endif
