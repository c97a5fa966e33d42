/*
** reader_jsonl.c: JSON Lines, one article object a line, with optional
** "id", "url", "outlet", "published", "title", and "text" or "html". A line
** that is not a JSON object, or has neither text nor html, is reported with
** its line number and skipped; the other lines go on. An "html" member is
** read by the HTML reader when the library has one. HTML character
** references left in a title by scrapers (&quot;, &#8220;) are decoded.
*/
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include "marsad.h"
#include "alloc.h"
#include "doc.h"
#include "html.h"

/* A copy of string member zKey of pObj (numbers are written as text), or
** NULL when absent or null. *pbNoMem is set when a copy fails. */
static char *member_string(json_t *pObj, const char *zKey, int *pbNoMem){
  json_t *p = json_object_get(pObj, zKey);
  char *z = 0;
  if( json_is_string(p) ){
    z = marsad_strndup(json_string_value(p), json_string_length(p));
  }else if( json_is_integer(p) ){
    char zNum[32];
    snprintf(zNum, sizeof zNum, "%lld", (long long)json_integer_value(p));
    z = marsad_strdup(zNum);
  }else{
    return 0;
  }
  if( z==0 ) *pbNoMem = 1;
  return z;
}

/* Collects what the HTML reader found in an "html" member. */
typedef struct html_result {
  marsad_doc doc;    /* the first article of the page */
  int bGot;          /* set once doc holds it */
  marsad_problem_fn xProblem;  /* the JSONL reader's caller's problem callback */
  void *pCtx;        /* ... and its context */
  long iLine;        /* the JSONL line, for those problems */
} html_result;

/* marsad_doc_fn receiving the HTML reader's article. */
static int html_sink(void *pCtx, marsad_doc *pDoc){
  html_result *p = pCtx;
  if( !p->bGot ){
    p->doc = *pDoc;
    memset(pDoc, 0, sizeof *pDoc);
    p->bGot = 1;
  }
  return MARSAD_OK;
}

/* marsad_problem_fn passing the HTML reader's problems to the caller's,
** located at the JSONL line. */
static void html_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
  html_result *p = pCtx;
  p->xProblem(p->pCtx, zSource, p->iLine, zMsg);
}

/* Steals *pz into *pzDest when *pzDest is empty. */
static void fill_from(char **pzDest, char **pz){
  if( *pzDest==0 && *pz ){ *pzDest = *pz; *pz = 0; }
}

/* Reads the "html" member into pDoc with the HTML reader: fields the JSON
** gave win over what the page says. Returns MARSAD_FORMAT (after reporting)
** when the library has no HTML reader or the page yields no text. */
static int read_html_member(const char *zSource, long iLine, const char *zHtml,
                            size_t nHtml, marsad_doc *pDoc,
                            marsad_problem_fn xProblem, void *pCtx){
  const marsad_reader *pHtml = marsad_reader_for_format(MARSAD_INPUT_HTML);
  if( pHtml==0 ){
    xProblem(pCtx, zSource, iLine, "\"html\" member, but this build reads no HTML");
    return MARSAD_FORMAT;
  }
  html_result res;
  memset(&res, 0, sizeof res);
  res.xProblem = xProblem;
  res.pCtx = pCtx;
  res.iLine = iLine;
  int rc = pHtml->xRead(zSource, zHtml, nHtml, html_sink, html_problem, &res);
  if( rc==MARSAD_OK && res.bGot ){
    fill_from(&pDoc->zTitle, &res.doc.zTitle);
    fill_from(&pDoc->zOutlet, &res.doc.zOutlet);
    fill_from(&pDoc->zUrl, &res.doc.zUrl);
    fill_from(&pDoc->zPublished, &res.doc.zPublished);
    pDoc->zText = res.doc.zText;
    pDoc->nText = res.doc.nText;
    res.doc.zText = 0;
  }else if( rc==MARSAD_OK || rc==MARSAD_FORMAT ){
    rc = MARSAD_FORMAT;
  }
  marsad_doc_clear(&res.doc);
  return rc;
}

/* Turns one parsed line into a doc and hands it to xDoc. Returns MARSAD_OK,
** MARSAD_FORMAT for a bad line (reported), or the sink's code. */
static int read_object(const char *zSource, long iLine, json_t *pObj,
                       const char *pLine, size_t nLine,
                       marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  int bNoMem = 0;
  marsad_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.iLine = iLine;
  doc.zSource = marsad_strdup(zSource);
  doc.zInput = member_string(pObj, "id", &bNoMem);
  if( doc.zInput==0 && !bNoMem ) doc.zInput = marsad_strdup(zSource);
  doc.zUrl = member_string(pObj, "url", &bNoMem);
  doc.zOutlet = member_string(pObj, "outlet", &bNoMem);
  doc.zPublished = member_string(pObj, "published", &bNoMem);
  doc.zTitle = member_string(pObj, "title", &bNoMem);
  if( doc.zTitle && strchr(doc.zTitle, '&') ){   /* scraped titles keep &quot; */
    char *z = marsad_html_unescape(doc.zTitle, strlen(doc.zTitle));
    if( z==0 ) bNoMem = 1;
    marsad_free(doc.zTitle);
    doc.zTitle = z;
  }
  doc.zRaw = marsad_strndup(pLine, nLine);
  doc.nRaw = nLine;
  int rc = MARSAD_OK;
  json_t *pText = json_object_get(pObj, "text");
  json_t *pHtml = json_object_get(pObj, "html");
  if( bNoMem || !doc.zSource || !doc.zInput || !doc.zRaw ){
    rc = MARSAD_NOMEM;
  }else if( json_is_string(pText) ){
    doc.nText = json_string_length(pText);
    doc.zText = marsad_strndup(json_string_value(pText), doc.nText);
    if( doc.zText==0 ) rc = MARSAD_NOMEM;
  }else if( json_is_string(pHtml) ){
    rc = read_html_member(zSource, iLine, json_string_value(pHtml),
                          json_string_length(pHtml), &doc, xProblem, pCtx);
  }else{
    xProblem(pCtx, zSource, iLine, "no \"text\" or \"html\" string member");
    rc = MARSAD_FORMAT;
  }
  if( rc==MARSAD_OK ) rc = xDoc(pCtx, &doc);
  marsad_doc_clear(&doc);
  return rc;
}

/* Parses one line; blank lines are passed over. Returns as read_object. */
static int read_line(const char *zSource, long iLine, const char *p, size_t n,
                     marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  size_t i = 0;
  while( i<n && (p[i]==' ' || p[i]=='\t' || p[i]=='\r') ) i++;
  if( i==n ) return MARSAD_OK;
  json_error_t err;
  json_t *pObj = json_loadb(p, n, JSON_REJECT_DUPLICATES, &err);
  if( pObj==0 ){
    char zMsg[256];
    snprintf(zMsg, sizeof zMsg, "bad JSON at column %d: %s", err.column, err.text);
    xProblem(pCtx, zSource, iLine, zMsg);
    return MARSAD_FORMAT;
  }
  int rc;
  if( !json_is_object(pObj) ){
    xProblem(pCtx, zSource, iLine, "not a JSON object");
    rc = MARSAD_FORMAT;
  }else{
    rc = read_object(zSource, iLine, pObj, p, n, xDoc, xProblem, pCtx);
  }
  json_decref(pObj);
  return rc;
}

/* The JSON Lines reader's xRead (see doc.h): bad lines are reported and
** skipped, so only a sink's failure or running out of memory stops it. */
static int jsonl_read(const char *zSource, const char *p, size_t n,
                      marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  size_t iStart = 0;
  long iLine = 1;
  if( n>=3 && memcmp(p, "\xEF\xBB\xBF", 3)==0 ) iStart = 3;
  while( iStart<n ){
    const char *pNl = memchr(p+iStart, '\n', n-iStart);
    size_t iEnd = pNl ? (size_t)(pNl-p) : n;
    int rc = read_line(zSource, iLine, p+iStart, iEnd-iStart, xDoc, xProblem, pCtx);
    if( rc!=MARSAD_OK && rc!=MARSAD_FORMAT ) return rc;
    iStart = iEnd+1;
    iLine++;
  }
  return MARSAD_OK;
}

static const char *const azJsonlExt[] = { "jsonl", "ndjson", 0 };

const marsad_reader marsad_reader_jsonl = {
  "jsonl", MARSAD_INPUT_JSONL, azJsonlExt, jsonl_read
};
