/*
** reader_html.c: the reader of HTML pages (.html, .htm): one page, one
** article, its metadata and main text found by html.c.
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "doc.h"
#include "html.h"

/* Reads the page p[0..n) named zSource into one doc for xDoc (see
** marsad_reader in doc.h). An input no document can be made of is
** reported and returns MARSAD_FORMAT. */
static int html_read(const char *zSource, const char *p, size_t n,
                     marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  marsad_html_page page;
  marsad_doc doc;
  memset(&doc, 0, sizeof doc);
  int rc = marsad_html_page_read(p, n, &page);
  if( rc==MARSAD_FORMAT ){
    xProblem(pCtx, zSource, 0, n==0 ? "empty page"
             : n>MARSAD_HTML_MAX_INPUT ? "page too large" : "not an HTML page");
    return rc;
  }
  if( rc==MARSAD_OK ){
    doc.zSource = marsad_strdup(zSource);
    doc.zInput = marsad_strdup(zSource);
    doc.zRaw = marsad_strndup(p, n);
    doc.nRaw = n;
    if( doc.zSource==0 || doc.zInput==0 || doc.zRaw==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK ){
    doc.zTitle = page.zTitle;
    doc.zPublished = page.zPublished;
    doc.zOutlet = page.zOutlet;
    doc.zUrl = page.zUrl;
    doc.zText = page.zText;
    doc.nText = page.nText;
    memset(&page, 0, sizeof page);
    rc = xDoc(pCtx, &doc);
  }
  marsad_doc_clear(&doc);
  marsad_html_page_free(&page);
  return rc;
}

/* File extensions of HTML pages. */
static const char *const azHtmlExt[] = {"html", "htm", 0};

const marsad_reader marsad_reader_html = {
  "html", MARSAD_INPUT_HTML, azHtmlExt, html_read
};
