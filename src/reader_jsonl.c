/*
** reader_jsonl.c: JSON Lines, one article object a line, with optional
** "id", "url", "outlet", "published", "title", and "text" or "html". A line
** that is not a JSON object, or has neither text nor html, is reported with
** its line number and skipped; the other lines go on. An "html" member is
** read by the HTML reader when the library has one. HTML character
** references left in a title by scrapers (&quot;, &#8220;) are decoded.
** Lines are parsed by yajl's event parser: the members read are copied
** straight from its callbacks, no tree is built (jansson's reader cost
** about 170 instructions a byte, yajl's about 35; docs/BENCHMARKS.md).
** Members other than these, and anything nested, are passed over. The input
** is valid UTF-8 (doc.h: callers repair it), so yajl does not check strings'
** UTF-8 again: that check was over half of yajl's work on Arabic text, each
** non-ASCII byte taken out of its fast string scan.
*/
#include <stdio.h>
#include <string.h>
#include <yajl/yajl_parse.h>
#include "marsad.h"
#include "alloc.h"
#include "doc.h"
#include "html.h"

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

/* The members of a line the reader reads, in the order of jl_line.az. */
enum { JL_ID, JL_URL, JL_OUTLET, JL_PUBLISHED, JL_TITLE, JL_TEXT, JL_HTML, JL_N };
static const char *const azMember[JL_N] = {
  "id", "url", "outlet", "published", "title", "text", "html"
};

/* What the parse of one line collects through yajl's callbacks. */
typedef struct jl_line {
  int nDepth;              /* open objects and arrays; 1 inside the line's object */
  int bObject;             /* the line's value is an object */
  int iKey;                /* member whose value comes next (depth 1), or -1 */
  unsigned mSeen;          /* bit (1<<JL_*) for each member met, for duplicates */
  char *az[JL_N];          /* the members' values as copies (owned), or NULL */
  size_t an[JL_N];         /* their lengths */
  unsigned mNumber;        /* bit set when az[] holds an integer written as text */
  int bNoMem;              /* a copy failed */
  char zErr[96];           /* why a callback stopped the parse, or "" */
} jl_line;

/* The value of the member being read is p[0..n) (bNumber: an integer
** written as text); kept when it is a member the reader reads. Returns 0
** (stopping yajl) when out of memory or when a string holds U+0000. */
static int jl_value(jl_line *pL, const char *p, size_t n, int bNumber){
  int i = pL->iKey;
  pL->iKey = -1;
  if( pL->nDepth!=1 || i<0 ) return 1;
  if( !bNumber && memchr(p, 0, n) ){
    snprintf(pL->zErr, sizeof pL->zErr, "\"%s\" holds \\u0000", azMember[i]);
    return 0;
  }
  pL->az[i] = marsad_strndup(p, n);
  pL->an[i] = n;
  if( bNumber ) pL->mNumber |= 1u<<i;
  if( pL->az[i]==0 ) pL->bNoMem = 1;
  return pL->az[i]!=0;
}

/* yajl callbacks (see yajl_parse.h): each returns 0 to stop the parse. */
static int jl_string(void *pCtx, const unsigned char *p, size_t n){
  return jl_value(pCtx, (const char*)p, n, 0);
}
static int jl_integer(void *pCtx, long long i){
  char zNum[32];
  int n = snprintf(zNum, sizeof zNum, "%lld", i);
  return jl_value(pCtx, zNum, (size_t)n, 1);
}
static int jl_other(void *pCtx){      /* null or a boolean: as if absent */
  ((jl_line*)pCtx)->iKey = -1;
  return 1;
}
static int jl_boolean(void *pCtx, int b){
  (void)b;
  return jl_other(pCtx);
}
static int jl_open(void *pCtx){       /* an object or array opens */
  jl_line *pL = pCtx;
  pL->iKey = -1;
  pL->nDepth++;
  return 1;
}
static int jl_open_map(void *pCtx){
  jl_line *pL = pCtx;
  if( pL->nDepth==0 ) pL->bObject = 1;
  return jl_open(pCtx);
}
static int jl_close(void *pCtx){
  ((jl_line*)pCtx)->nDepth--;
  return 1;
}
static int jl_key(void *pCtx, const unsigned char *p, size_t n){
  jl_line *pL = pCtx;
  pL->iKey = -1;
  if( pL->nDepth!=1 ) return 1;
  for(int i=0; i<JL_N; i++){
    if( strlen(azMember[i])==n && memcmp(azMember[i], p, n)==0 ){
      if( pL->mSeen & (1u<<i) ){
        snprintf(pL->zErr, sizeof pL->zErr, "duplicate member \"%s\"", azMember[i]);
        return 0;
      }
      pL->mSeen |= 1u<<i;
      pL->iKey = i;
      break;
    }
  }
  return 1;
}

static const yajl_callbacks jlCallbacks = {
  jl_other, jl_boolean, jl_integer, 0, 0, jl_string,
  jl_open_map, jl_key, jl_close, jl_open, jl_close
};

/* Frees what pL owns. */
static void jl_line_clear(jl_line *pL){
  for(int i=0; i<JL_N; i++) marsad_free(pL->az[i]);
}

/* Steals member i of pL as a string, or NULL (absent). */
static char *jl_take(jl_line *pL, int i){
  char *z = pL->az[i];
  pL->az[i] = 0;
  return z;
}

/* Turns one parsed line into a doc and hands it to xDoc. Returns MARSAD_OK,
** MARSAD_FORMAT for a bad line (reported), or the sink's code. */
static int read_object(const char *zSource, long iLine, jl_line *pL,
                       const char *pLine, size_t nLine,
                       marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  int bNoMem = 0;
  marsad_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.iLine = iLine;
  doc.zSource = marsad_strdup(zSource);
  doc.zInput = pL->az[JL_ID] ? jl_take(pL, JL_ID) : marsad_strdup(zSource);
  doc.zUrl = jl_take(pL, JL_URL);
  doc.zOutlet = jl_take(pL, JL_OUTLET);
  doc.zPublished = jl_take(pL, JL_PUBLISHED);
  doc.zTitle = jl_take(pL, JL_TITLE);
  if( doc.zTitle && strchr(doc.zTitle, '&') ){   /* scraped titles keep &quot; */
    char *z = marsad_html_unescape(doc.zTitle, strlen(doc.zTitle));
    if( z==0 ) bNoMem = 1;
    marsad_free(doc.zTitle);
    doc.zTitle = z;
  }
  doc.zRaw = marsad_strndup(pLine, nLine);
  doc.nRaw = nLine;
  int rc = MARSAD_OK;
  int bText = pL->az[JL_TEXT] && !(pL->mNumber & (1u<<JL_TEXT));
  int bHtml = pL->az[JL_HTML] && !(pL->mNumber & (1u<<JL_HTML));
  if( bNoMem || !doc.zSource || !doc.zInput || !doc.zRaw ){
    rc = MARSAD_NOMEM;
  }else if( bText ){
    doc.nText = pL->an[JL_TEXT];
    doc.zText = jl_take(pL, JL_TEXT);
  }else if( bHtml ){
    rc = read_html_member(zSource, iLine, pL->az[JL_HTML], pL->an[JL_HTML],
                          &doc, xProblem, pCtx);
  }else{
    xProblem(pCtx, zSource, iLine, "no \"text\" or \"html\" string member");
    rc = MARSAD_FORMAT;
  }
  if( rc==MARSAD_OK ) rc = xDoc(pCtx, &doc);
  marsad_doc_clear(&doc);
  return rc;
}

/* Value of the 4 hex digits at p (p[0..4) readable), or -1. */
static long hex4(const char *p){
  long v = 0;
  for(int i=0; i<4; i++){
    int c = (unsigned char)p[i], d;
    if( c>='0' && c<='9' ) d = c-'0';
    else if( (c|0x20)>='a' && (c|0x20)<='f' ) d = (c|0x20)-'a'+10;
    else return -1;
    v = v*16 + d;
  }
  return v;
}

/* Offset in p[0..n) of the first \u escape that is half of a UTF-16
** surrogate pair without its other half, or n when there is none. yajl 2.1
** decodes such an escape loosely (to '?' swallowing the byte after it, or to
** bytes that are no UTF-8), so the reader refuses the line instead. A
** backslash escapes the byte after it: "\\uD800" holds no escape. */
static size_t lone_surrogate(const char *p, size_t n){
  const char *q = p, *pEnd = p+n;
  while( (q = memchr(q, '\\', (size_t)(pEnd-q)))!=0 ){
    long c = (pEnd-q>=6 && q[1]=='u') ? hex4(q+2) : -1;
    if( c>=0xD800 && c<=0xDBFF ){
      long d = (pEnd-q>=12 && q[6]=='\\' && q[7]=='u') ? hex4(q+8) : -1;
      if( d<0xDC00 || d>0xDFFF ) return (size_t)(q-p);
      q += 12;
    }else if( c>=0xDC00 && c<=0xDFFF ){
      return (size_t)(q-p);
    }else{
      q += (c>=0 ? 6 : 2);
      if( q>pEnd ) break;
    }
  }
  return n;
}

/* Reports a bad line: zWhy at the character (1-based, counted in UTF-8
** characters as an editor shows them) ending byte iByte of p. */
static void bad_json(const char *zSource, long iLine, const char *p, size_t iByte,
                     const char *zWhy, marsad_problem_fn xProblem, void *pCtx){
  size_t nCol = 0;
  for(size_t i=0; i<iByte; i++) nCol += ((unsigned char)p[i] & 0xC0)!=0x80;
  char zMsg[256];
  snprintf(zMsg, sizeof zMsg, "bad JSON at column %zu: %s", nCol ? nCol : 1, zWhy);
  xProblem(pCtx, zSource, iLine, zMsg);
}

/* Parses line p[0..n) with yajl into *pL. Returns MARSAD_OK, MARSAD_NOMEM,
** or MARSAD_FORMAT for a line that is no JSON (reported). */
static int parse_line(const char *zSource, long iLine, const char *p, size_t n,
                      jl_line *pL, marsad_problem_fn xProblem, void *pCtx){
  size_t iLone = lone_surrogate(p, n);
  if( iLone<n ){
    char zWhy[64];
    snprintf(zWhy, sizeof zWhy, "\\%.5s: half of a UTF-16 surrogate pair", p+iLone+1);
    bad_json(zSource, iLine, p, iLone+6, zWhy, xProblem, pCtx);
    return MARSAD_FORMAT;
  }
  yajl_handle h = yajl_alloc(&jlCallbacks, 0, pL);
  if( h==0 ) return MARSAD_NOMEM;
  yajl_config(h, yajl_dont_validate_strings, 1);   /* valid already (doc.h) */
  yajl_status s = yajl_parse(h, (const unsigned char*)p, n);
  size_t iByte = yajl_get_bytes_consumed(h);
  if( s==yajl_status_ok ){
    s = yajl_complete_parse(h);
    iByte = n;
  }
  int rc = MARSAD_OK;
  if( pL->bNoMem ){
    rc = MARSAD_NOMEM;
  }else if( s==yajl_status_client_canceled ){
    bad_json(zSource, iLine, p, iByte, pL->zErr, xProblem, pCtx);
    rc = MARSAD_FORMAT;
  }else if( s!=yajl_status_ok ){
    unsigned char *zErr = yajl_get_error(h, 0, 0, 0);
    size_t nErr = zErr ? strlen((char*)zErr) : 0;
    while( nErr>0 && (zErr[nErr-1]=='\n' || zErr[nErr-1]==' ') ) zErr[--nErr] = 0;
    bad_json(zSource, iLine, p, iByte, zErr ? (char*)zErr : "unreadable", xProblem, pCtx);
    if( zErr ) yajl_free_error(h, zErr);
    rc = MARSAD_FORMAT;
  }
  yajl_free(h);
  return rc;
}

/* Parses one line; blank lines are passed over. Returns as read_object. */
static int read_line(const char *zSource, long iLine, const char *p, size_t n,
                     marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  size_t i = 0;
  while( i<n && (p[i]==' ' || p[i]=='\t' || p[i]=='\r') ) i++;
  if( i==n ) return MARSAD_OK;
  jl_line line;
  memset(&line, 0, sizeof line);
  line.iKey = -1;
  int rc = parse_line(zSource, iLine, p, n, &line, xProblem, pCtx);
  if( rc==MARSAD_OK && !line.bObject ){
    xProblem(pCtx, zSource, iLine, "not a JSON object");
    rc = MARSAD_FORMAT;
  }
  if( rc==MARSAD_OK ) rc = read_object(zSource, iLine, &line, p, n, xDoc, xProblem, pCtx);
  jl_line_clear(&line);
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
