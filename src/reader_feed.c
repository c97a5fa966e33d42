/*
** reader_feed.c: the reader of news feeds (.rss .atom .xml): RSS 2.0 (and
** RSS 1.0's item layout) and Atom, one doc per item or entry.
**
** The feed is parsed by libxml2's XML parser without network access and
** without substituting entities: external entities are never loaded and
** entity references are left out of the text (no XXE, no entity
** expansion bombs). Before parsing, the slips of hand-made feeds are
** repaired in a copy, line numbers kept: a bare '&' (AT&T, a URL's
** ?a=1&b=2) becomes "&amp;", an HTML entity reference XML does not know
** (&nbsp;) its character reference, a '<' that starts no markup "&lt;";
** CDATA sections, comments and the DOCTYPE are left as they are. The
** parser recovers from what remains; every error is mapped to the item
** whose lines hold it. An item with a repair or a character-level error
** (an unknown entity, a bad character reference) is read with a warning
** (marsad_doc.zWarning); one with a structural error (a tag left open, a
** truncated feed) is reported and skipped while the others are read. Item
** bodies (content:encoded, description, Atom content or summary) are HTML
** and go through html.c's text extraction.
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "doc.h"
#include "html.h"

/* Parse errors kept per feed; later ones are counted but not located. */
#define FEED_MAX_ERRORS 256

/* One parse error of the feed, or one repair made before parsing. */
typedef struct feed_error {
  long iLine;        /* 1-based line of the error */
  int bMinor;        /* a repair or character-level error: the item is still read */
  char zMsg[160];    /* libxml2's message, trimmed, or the repair made */
} feed_error;

/* The state of reading one feed. */
typedef struct feed_reader {
  const char *zSource;         /* input name */
  marsad_doc_fn xDoc;          /* receives each article */
  marsad_problem_fn xProblem;  /* receives each problem */
  void *pCtx;                  /* their context */
  xmlDocPtr pDoc;              /* the parsed feed */
  const xmlNs *pRootNs;        /* namespace of its root element, or NULL */
  char *zOutlet;               /* the channel's or feed's title, owned */
  feed_error aErr[FEED_MAX_ERRORS];  /* parse errors in line order */
  int nErr;                    /* entries used in aErr */
  feed_error aFix[FEED_MAX_ERRORS];  /* repairs before parsing, one per line */
  int nFix;                    /* entries used in aFix */
} feed_reader;

/* True for libxml2 errors that spoil a character or a reference but not
** the tree: the item around them is still read. */
static int feed_error_is_minor(int iCode){
  return iCode==XML_ERR_INVALID_HEX_CHARREF || iCode==XML_ERR_INVALID_DEC_CHARREF
      || iCode==XML_ERR_INVALID_CHARREF || iCode==XML_ERR_INVALID_CHAR
      || iCode==XML_ERR_ENTITYREF_NO_NAME || iCode==XML_ERR_ENTITYREF_SEMICOL_MISSING
      || iCode==XML_ERR_UNDECLARED_ENTITY || iCode==XML_WAR_UNDECLARED_ENTITY;
}

/* libxml2's structured error callback: records errors (not warnings). */
static void feed_on_error(void *pData, xmlErrorPtr pErr){
  xmlParserCtxtPtr pCtxt = pData;
  feed_reader *p = pCtxt ? pCtxt->_private : 0;
  if( p==0 || pErr==0 || pErr->level<XML_ERR_ERROR || p->nErr>=FEED_MAX_ERRORS ) return;
  feed_error *e = &p->aErr[p->nErr++];
  e->iLine = pErr->line;
  e->bMinor = feed_error_is_minor(pErr->code);
  snprintf(e->zMsg, sizeof e->zMsg, "%s", pErr->message ? pErr->message : "parse error");
  size_t n = strlen(e->zMsg);
  while( n>0 && (e->zMsg[n-1]=='\n' || e->zMsg[n-1]==' ') ) e->zMsg[--n] = 0;
}

/* True when pNode is an element with local name zName. */
static int feed_is(const xmlNode *pNode, const char *zName){
  return pNode && pNode->type==XML_ELEMENT_NODE && pNode->name
      && strcmp((const char*)pNode->name, zName)==0;
}

/* True when element pNode is in the namespace of the feed's root element
** (RSS: none; Atom: Atom's), not in an extension's (media:content, ...). */
static int feed_own_ns(const feed_reader *p, const xmlNode *pNode){
  const xmlNs *pA = pNode->ns, *pB = p->pRootNs;
  if( pA==0 || pB==0 ) return pA==pB;
  return pA->href && pB->href && strcmp((const char*)pA->href, (const char*)pB->href)==0;
}

/* The first child element of pParent with local name zName, in the feed's
** own namespace unless bAnyNs, or NULL. */
static xmlNode *feed_child(const feed_reader *p, const xmlNode *pParent,
                           const char *zName, int bAnyNs){
  for(xmlNode *pKid=pParent->children; pKid; pKid=pKid->next){
    if( feed_is(pKid, zName) && (bAnyNs || feed_own_ns(p, pKid)) ) return pKid;
  }
  return 0;
}

/* The value of attribute zName of pNode (pointing into the tree), or NULL. */
static const char *feed_attr(const xmlNode *pNode, const char *zName){
  for(const xmlAttr *pAttr=pNode->properties; pAttr; pAttr=pAttr->next){
    if( pAttr->name && strcmp((const char*)pAttr->name, zName)==0 ){
      const xmlNode *pVal = pAttr->children;
      return pVal && pVal->type==XML_TEXT_NODE && pVal->content ? (const char*)pVal->content : "";
    }
  }
  return 0;
}

/* The markup or text an element holds, as a string owned by the caller:
** its text and CDATA children as they are when it has no child elements,
** else its children serialized as XML (Atom's xhtml content). Entity
** references are left out. NULL when out of memory. */
static char *feed_inner(const feed_reader *p, xmlNode *pNode){
  marsad_buf b = MARSAD_BUF_INIT;
  int bElements = 0;
  for(xmlNode *pKid=pNode->children; pKid; pKid=pKid->next){
    bElements |= pKid->type==XML_ELEMENT_NODE;
  }
  xmlBufferPtr pXml = bElements ? xmlBufferCreate() : 0;
  if( bElements && pXml==0 ) return 0;
  for(xmlNode *pKid=pNode->children; pKid; pKid=pKid->next){
    if( pKid->type==XML_TEXT_NODE || pKid->type==XML_CDATA_SECTION_NODE ){
      if( pKid->content && !bElements ) marsad_buf_puts(&b, (const char*)pKid->content);
      else if( pKid->content ) xmlNodeDump(pXml, p->pDoc, pKid, 0, 0);   /* escaped */
    }else if( pKid->type==XML_ELEMENT_NODE ){
      xmlNodeDump(pXml, p->pDoc, pKid, 0, 0);
    }
  }
  if( pXml ){
    marsad_buf_append(&b, (const char*)xmlBufferContent(pXml), (size_t)xmlBufferLength(pXml));
    xmlBufferFree(pXml);
  }
  return marsad_buf_take(&b);
}

/* The text of element pNode with white space collapsed, owned by the
** caller; NULL when pNode is NULL or out of memory (*pRc then set). */
static char *feed_plain(const feed_reader *p, xmlNode *pNode, int *pRc){
  if( pNode==0 ) return 0;
  char *zInner = feed_inner(p, pNode);
  char *z = zInner ? marsad_html_collapse(zInner, strlen(zInner)) : 0;
  marsad_free(zInner);
  if( z==0 ) *pRc = MARSAD_NOMEM;
  return z;
}

/* Paragraphs of plain text z: lines joined, blank lines separating
** paragraphs, white space collapsed. Owned by the caller; NULL when out of
** memory. */
static char *feed_text_paragraphs(const char *z, size_t *pnText){
  marsad_buf b = MARSAD_BUF_INIT;
  int bSpace = 0;
  while( *z ){
    size_t n = strcspn(z, "\n");
    size_t nInk = 0;
    for(size_t i=0; i<n; i++) nInk += !isspace((unsigned char)z[i]);
    if( nInk==0 ){
      if( b.n>0 && b.a[b.n-1]!='\n' ) marsad_buf_append(&b, "\n\n", 2);
      bSpace = 0;
    }else{
      char *zLine = marsad_html_collapse(z, n);
      if( zLine==0 ){ marsad_buf_free(&b); return 0; }
      if( bSpace ) marsad_buf_append(&b, " ", 1);
      marsad_buf_puts(&b, zLine);
      marsad_free(zLine);
      bSpace = 1;
    }
    z += n + (z[n]=='\n');
  }
  while( b.n>0 && b.a[b.n-1]=='\n' ) b.a[--b.n] = 0;
  *pnText = b.n;
  return marsad_buf_take(&b);
}

/* The text of a body element: HTML text extraction unless an Atom type
** attribute says "text". Owned by the caller (*pnText its length); NULL
** when pNode is NULL or on error (*pRc then set). */
static char *feed_body(const feed_reader *p, xmlNode *pNode, size_t *pnText, int *pRc){
  char *zText = 0;
  *pnText = 0;
  if( pNode==0 ) return 0;
  char *zInner = feed_inner(p, pNode);
  if( zInner==0 ){ *pRc = MARSAD_NOMEM; return 0; }
  const char *zType = feed_attr(pNode, "type");
  if( zType && strcasecmp(zType, "text")==0 ){
    zText = feed_text_paragraphs(zInner, pnText);
    if( zText==0 ) *pRc = MARSAD_NOMEM;
  }else{
    int rc = marsad_html_fragment_text(zInner, strlen(zInner), &zText, pnText);
    if( rc ) *pRc = rc;
  }
  marsad_free(zInner);
  return zText;
}

/* Month names of RFC 822 dates, in order. */
static const char *const azMonth[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

/* Reads an unsigned number of 1 to nMax digits at *pz, advancing it.
** Returns the number, or -1 when there is no digit. */
static int feed_number(const char **pz, int nMax){
  int v = 0, n = 0;
  while( n<nMax && isdigit((unsigned char)**pz) ){ v = v*10 + (**pz - '0'); (*pz)++; n++; }
  return n ? v : -1;
}

/* Skips ASCII white space at *pz. */
static void feed_skip_space(const char **pz){
  while( isspace((unsigned char)**pz) ) (*pz)++;
}

/* Reads the time zone of an RFC 822 date into minutes east of UTC.
** Returns false when it is not one. An absent zone is read as UTC. */
static int feed_zone(const char *z, int *pnMinutes){
  static const struct { const char *zName; int nHours; } aZone[] = {
    {"GMT", 0}, {"UT", 0}, {"UTC", 0}, {"Z", 0}, {"EST", -5}, {"EDT", -4},
    {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}
  };
  *pnMinutes = 0;
  if( *z==0 ) return 1;
  if( (*z=='+' || *z=='-') && isdigit((unsigned char)z[1]) ){
    const char *p = z+1;
    int v = feed_number(&p, 4);
    if( p-z!=5 || *p ) return 0;
    if( v/100>14 || v%100>59 ) return 0;
    *pnMinutes = (v/100*60 + v%100) * (*z=='-' ? -1 : 1);
    return 1;
  }
  for(size_t i=0; i<sizeof aZone/sizeof aZone[0]; i++){
    if( strcasecmp(z, aZone[i].zName)==0 ){ *pnMinutes = aZone[i].nHours*60; return 1; }
  }
  return 0;
}

/* Days in month iMonth (1-12) of year iYear. */
static int feed_month_days(int iYear, int iMonth){
  static const int aDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int bLeap = (iYear%4==0 && iYear%100!=0) || iYear%400==0;
  return aDays[iMonth-1] + (iMonth==2 && bLeap);
}

/* Converts an RFC 822 date ("Tue, 10 Jun 2003 04:00:00 GMT") to ISO 8601
** ("2003-06-10T04:00:00Z", or with its offset, "+03:00") into zOut.
** Returns false when z is not such a date. */
static int feed_rfc822(const char *z, char zOut[64]){
  int iDay, iMonth = 0, iYear, iHour = 0, iMin = 0, iSec = 0, nZone = 0, bTime = 0;
  feed_skip_space(&z);
  if( isalpha((unsigned char)*z) ){
    while( isalpha((unsigned char)*z) ) z++;
    if( *z!=',' ) return 0;
    z++;
    feed_skip_space(&z);
  }
  if( (iDay = feed_number(&z, 2))<1 ) return 0;
  feed_skip_space(&z);
  for(int i=0; i<12 && iMonth==0; i++){
    if( strncasecmp(z, azMonth[i], 3)==0 ) iMonth = i+1;
  }
  if( iMonth==0 ) return 0;
  while( isalpha((unsigned char)*z) ) z++;
  feed_skip_space(&z);
  const char *zYear = z;
  if( (iYear = feed_number(&z, 4))<0 || (z-zYear!=2 && z-zYear!=4) ) return 0;
  if( z-zYear==2 ) iYear += iYear<50 ? 2000 : 1900;
  feed_skip_space(&z);
  if( isdigit((unsigned char)*z) ){
    bTime = 1;
    if( (iHour = feed_number(&z, 2))<0 || *z++!=':' || (iMin = feed_number(&z, 2))<0 ) return 0;
    if( *z==':' ){ z++; if( (iSec = feed_number(&z, 2))<0 ) return 0; }
    feed_skip_space(&z);
  }
  char zZone[8];
  size_t nZ = strcspn(z, " \t\r\n");
  if( nZ>=sizeof zZone ) return 0;
  memcpy(zZone, z, nZ);
  zZone[nZ] = 0;
  z += nZ;
  feed_skip_space(&z);
  if( *z || !feed_zone(zZone, &nZone) ) return 0;
  if( iDay>feed_month_days(iYear, iMonth) || iHour>23 || iMin>59 || iSec>60 ) return 0;
  if( !bTime ){
    snprintf(zOut, 64, "%04d-%02d-%02d", iYear, iMonth, iDay);
  }else if( nZone==0 ){
    snprintf(zOut, 64, "%04d-%02d-%02dT%02d:%02d:%02dZ", iYear, iMonth, iDay, iHour, iMin, iSec);
  }else{
    int nAbs = nZone<0 ? -nZone : nZone;
    snprintf(zOut, 64, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", iYear, iMonth, iDay,
             iHour, iMin, iSec, nZone<0 ? '-' : '+', nAbs/60, nAbs%60);
  }
  return 1;
}

/* True when z starts like an ISO 8601 date (YYYY-MM-DD) with a valid month
** and day. */
static int feed_is_iso(const char *z){
  for(int i=0; i<10; i++){
    int bDigit = isdigit((unsigned char)z[i]);
    if( (i==4 || i==7) ? z[i]!='-' : !bDigit ) return 0;
  }
  int iYear = (z[0]-'0')*1000 + (z[1]-'0')*100 + (z[2]-'0')*10 + (z[3]-'0');
  int iMonth = (z[5]-'0')*10 + (z[6]-'0');
  int iDay = (z[8]-'0')*10 + (z[9]-'0');
  return iMonth>=1 && iMonth<=12 && iDay>=1 && iDay<=feed_month_days(iYear, iMonth);
}

/* The publication date of an item from its date text z (NULL: none):
** RFC 822 dates converted to ISO 8601, anything else kept as found (the
** ingestion reads ISO dates and reports the rest). Sets *pzDate (owned by
** the caller; NULL for no date). MARSAD_OK or MARSAD_NOMEM. */
static int feed_date(const char *z, char **pzDate){
  char zIso[64];
  *pzDate = 0;
  if( z==0 || *z==0 ) return MARSAD_OK;
  *pzDate = marsad_strdup(!feed_is_iso(z) && feed_rfc822(z, zIso) ? zIso : z);
  return *pzDate ? MARSAD_OK : MARSAD_NOMEM;
}

/* The link of an Atom entry: the href of its rel=alternate link (or of a
** link without rel). Points into the tree; NULL when none. */
static const char *feed_atom_link(const feed_reader *pReader, const xmlNode *pEntry){
  for(xmlNode *p=pEntry->children; p; p=p->next){
    if( !feed_is(p, "link") || !feed_own_ns(pReader, p) ) continue;
    const char *zRel = feed_attr(p, "rel");
    const char *zHref = feed_attr(p, "href");
    if( zHref && *zHref && (zRel==0 || strcmp(zRel, "alternate")==0) ) return zHref;
  }
  return 0;
}

/* The text of an item's body: content:encoded, else description (RSS);
** content, else summary (Atom); the second also when the first gives no
** text (Atom content by reference, an empty element). Owned by the caller
** (*pnText its length); NULL when there is no body or on error (*pRc). */
static char *feed_item_text(const feed_reader *p, const xmlNode *pItem, int bAtom,
                            size_t *pnText, int *pRc){
  xmlNode *pFirst = bAtom ? feed_child(p, pItem, "content", 0) : feed_child(p, pItem, "encoded", 1);
  xmlNode *pSecond = feed_child(p, pItem, bAtom ? "summary" : "description", 0);
  char *zText = feed_body(p, pFirst, pnText, pRc);
  if( *pRc==MARSAD_OK && *pnText==0 && pSecond ){
    marsad_free(zText);
    zText = feed_body(p, pSecond, pnText, pRc);
  }
  return zText;
}

/* Reports a problem of the item at line iLine. */
static void feed_problem(feed_reader *p, long iLine, const char *zFmt, const char *zArg){
  char zMsg[320];
  snprintf(zMsg, sizeof zMsg, zFmt, zArg);
  p->xProblem(p->pCtx, p->zSource, iLine, zMsg);
}

/* Fills pDoc's fields from the RSS item or Atom entry pItem. MARSAD_OK or
** MARSAD_NOMEM. */
static int feed_item_fields(feed_reader *p, xmlNode *pItem, int bAtom, marsad_doc *pDoc){
  int rc = MARSAD_OK;
  const char *zLink;
  xmlNode *pTitle = feed_child(p, pItem, "title", 0);
  xmlNode *pDate = feed_child(p, pItem, bAtom ? "published" : "pubDate", 0);
  if( pDate==0 ) pDate = bAtom ? feed_child(p, pItem, "updated", 0) : feed_child(p, pItem, "date", 1);
  if( bAtom ){
    zLink = feed_atom_link(p, pItem);
  }else{
    xmlNode *pLink = feed_child(p, pItem, "link", 0);
    if( pLink==0 ) pLink = feed_child(p, pItem, "guid", 0);
    zLink = 0;
    if( pLink ) pDoc->zUrl = feed_plain(p, pLink, &rc);
  }
  if( zLink ){
    pDoc->zUrl = marsad_html_collapse(zLink, strlen(zLink));
    if( pDoc->zUrl==0 ) rc = MARSAD_NOMEM;
  }
  const char *zTitleType = pTitle ? feed_attr(pTitle, "type") : 0;
  if( pTitle && zTitleType && strcasecmp(zTitleType, "text")!=0 ){
    size_t nTitle;
    pDoc->zTitle = feed_body(p, pTitle, &nTitle, &rc);
  }else{
    pDoc->zTitle = feed_plain(p, pTitle, &rc);
  }
  pDoc->zText = feed_item_text(p, pItem, bAtom, &pDoc->nText, &rc);
  char *zDate = feed_plain(p, pDate, &rc);
  if( rc==MARSAD_OK ) rc = feed_date(zDate, &pDoc->zPublished);
  marsad_free(zDate);
  if( rc==MARSAD_OK && p->zOutlet && *p->zOutlet ){
    pDoc->zOutlet = marsad_strdup(p->zOutlet);
    if( pDoc->zOutlet==0 ) rc = MARSAD_NOMEM;
  }
  return rc;
}

/* The item's XML as a string owned by the caller into pDoc->zRaw.
** MARSAD_OK or MARSAD_NOMEM. */
static int feed_item_raw(feed_reader *p, xmlNode *pItem, marsad_doc *pDoc){
  xmlBufferPtr pXml = xmlBufferCreate();
  if( pXml==0 ) return MARSAD_NOMEM;
  xmlNodeDump(pXml, p->pDoc, pItem, 0, 0);
  pDoc->nRaw = (size_t)xmlBufferLength(pXml);
  pDoc->zRaw = marsad_strndup((const char*)xmlBufferContent(pXml), pDoc->nRaw);
  xmlBufferFree(pXml);
  return pDoc->zRaw ? MARSAD_OK : MARSAD_NOMEM;
}

/* True when line iErr lies in the lines [iLine, iNextLine) of an item
** (iNextLine 0: to the end). */
static int feed_in_lines(long iErr, long iLine, long iNextLine){
  return iErr>=iLine && (iNextLine<=0 || iErr<iNextLine);
}

/* Counts in *pnIn the entries of a[0..n) that are minor and lie in lines
** [iLine, iNextLine); *ppFirst gets the first of them unless already set. */
static void feed_minor_in(const feed_error *a, int n, long iLine, long iNextLine,
                          const feed_error **ppFirst, int *pnIn){
  for(int i=0; i<n; i++){
    if( !a[i].bMinor || !feed_in_lines(a[i].iLine, iLine, iNextLine) ) continue;
    if( *ppFirst==0 ) *ppFirst = &a[i];
    (*pnIn)++;
  }
}

/* The warning of an item in lines [iLine, iNextLine): the repairs and the
** minor parse errors in them, into *pzWarning (owned by the caller; NULL
** when there are none). MARSAD_OK or MARSAD_NOMEM. */
static int feed_item_warning(const feed_reader *p, long iLine, long iNextLine,
                             char **pzWarning){
  const feed_error *pFirst = 0;
  int nIn = 0;
  feed_minor_in(p->aFix, p->nFix, iLine, iNextLine, &pFirst, &nIn);
  feed_minor_in(p->aErr, p->nErr, iLine, iNextLine, &pFirst, &nIn);
  if( pFirst==0 ) return MARSAD_OK;
  marsad_buf b = MARSAD_BUF_INIT;
  marsad_buf_printf(&b, "XML error%s recovered: %s (line %ld)", nIn==1 ? "" : "s",
                    pFirst->zMsg, pFirst->iLine);
  if( nIn>1 ) marsad_buf_printf(&b, " and %d more", nIn-1);
  *pzWarning = marsad_buf_take(&b);
  return *pzWarning ? MARSAD_OK : MARSAD_NOMEM;
}

/* Reads one item or entry: skipped with a report when a structural parse
** error lies in its lines [iLine, iNextLine) (iNextLine 0: to the end) or
** when it has neither title nor text; else handed to xDoc, with a warning
** when repairs or minor errors lie in its lines. Returns MARSAD_OK, NOMEM
** or the sink's code. */
static int feed_item(feed_reader *p, xmlNode *pItem, int bAtom, long iNextLine){
  long iLine = xmlGetLineNo(pItem);
  for(int i=0; i<p->nErr; i++){
    if( !p->aErr[i].bMinor && feed_in_lines(p->aErr[i].iLine, iLine, iNextLine) ){
      feed_problem(p, iLine, "item skipped: %s", p->aErr[i].zMsg);
      return MARSAD_OK;
    }
  }
  marsad_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.iLine = iLine;
  doc.zSource = marsad_strdup(p->zSource);
  doc.zInput = marsad_strdup(p->zSource);
  int rc = doc.zSource && doc.zInput ? MARSAD_OK : MARSAD_NOMEM;
  if( rc==MARSAD_OK ) rc = feed_item_warning(p, iLine, iNextLine, &doc.zWarning);
  if( rc==MARSAD_OK ) rc = feed_item_fields(p, pItem, bAtom, &doc);
  if( rc==MARSAD_OK ) rc = feed_item_raw(p, pItem, &doc);
  if( rc==MARSAD_OK && (doc.zTitle==0 || *doc.zTitle==0) && doc.nText==0 ){
    feed_problem(p, iLine, "item skipped: %s", "no title and no text");
  }else if( rc==MARSAD_OK ){
    rc = p->xDoc(p->pCtx, &doc);
  }
  marsad_doc_clear(&doc);
  return rc;
}

/* The line where the next item after pItem starts, 0 when it is the last
** of pParent's children named zItem. */
static long feed_next_line(const xmlNode *pItem, const char *zItem){
  for(const xmlNode *p=pItem->next; p; p=p->next){
    if( feed_is(p, zItem) ) return xmlGetLineNo(p);
  }
  return 0;
}

/* True when the error at line iLine lies in some item of pParent. */
static int feed_error_in_item(const xmlNode *pParent, const char *zItem, long iLine){
  for(const xmlNode *p=pParent->children; p; p=p->next){
    if( !feed_is(p, zItem) ) continue;
    long iNext = feed_next_line(p, zItem);
    if( iLine>=xmlGetLineNo(p) && (iNext<=0 || iLine<iNext) ) return 1;
  }
  return 0;
}

/* Reads the items (zItem: "item" or "entry") that are children of pParent,
** after reporting the structural parse errors that lie outside every item
** (a minor one there spoils a character of the feed's own fields). */
static int feed_items(feed_reader *p, xmlNode *pParent, const char *zItem, int bAtom){
  int rc = MARSAD_OK;
  for(int i=0; i<p->nErr; i++){
    if( !p->aErr[i].bMinor && !feed_error_in_item(pParent, zItem, p->aErr[i].iLine) ){
      feed_problem(p, p->aErr[i].iLine, "feed damaged: %s", p->aErr[i].zMsg);
    }
  }
  for(xmlNode *pItem=pParent->children; pItem && rc==MARSAD_OK; pItem=pItem->next){
    if( feed_is(pItem, zItem) ) rc = feed_item(p, pItem, bAtom, feed_next_line(pItem, zItem));
  }
  return rc;
}

/* Reads the parsed feed: RSS 2.0 (rss/channel/item), RSS 1.0 (items beside
** the channel) or Atom (feed/entry). MARSAD_FORMAT when it is none. */
static int feed_dispatch(feed_reader *p){
  int rc = MARSAD_OK;
  xmlNode *pRoot = xmlDocGetRootElement(p->pDoc);
  p->pRootNs = pRoot->ns;
  xmlNode *pChannel = feed_child(p, pRoot, "channel", 1);
  if( feed_is(pRoot, "feed") ){
    p->zOutlet = feed_plain(p, feed_child(p, pRoot, "title", 0), &rc);
    if( rc==MARSAD_OK ) rc = feed_items(p, pRoot, "entry", 1);
  }else if( pChannel && (feed_is(pRoot, "rss") || feed_is(pRoot, "RDF")) ){
    p->pRootNs = pChannel->ns;
    p->zOutlet = feed_plain(p, feed_child(p, pChannel, "title", 1), &rc);
    xmlNode *pItems = feed_child(p, pChannel, "item", 1) ? pChannel : pRoot;
    if( rc==MARSAD_OK ) rc = feed_items(p, pItems, "item", 0);
  }else{
    p->xProblem(p->pCtx, p->zSource, 0, "not an RSS or Atom feed");
    rc = MARSAD_FORMAT;
  }
  return rc;
}

/* Notes a repair made at line iLine: one entry per line, named after the
** line's first repair. */
static void feed_note_fix(feed_reader *p, long iLine, const char *zWhat){
  if( p->nFix>0 && p->aFix[p->nFix-1].iLine==iLine ) return;
  if( p->nFix>=FEED_MAX_ERRORS ) return;
  feed_error *e = &p->aFix[p->nFix++];
  e->iLine = iLine;
  e->bMinor = 1;
  snprintf(e->zMsg, sizeof e->zMsg, "%s", zWhat);
}

/* The offset of the first zNeedle in z[0..n) past its end, or n when it
** does not occur. */
static size_t feed_past(const char *z, size_t n, const char *zNeedle){
  size_t nNeedle = strlen(zNeedle);
  for(size_t i=0; i+nNeedle<=n; i++){
    if( memcmp(z+i, zNeedle, nNeedle)==0 ) return i+nNeedle;
  }
  return n;
}

/* The length of the markup at z[0..n) that the repair leaves as it is: a
** CDATA section, a comment, a processing instruction or the DOCTYPE (with
** its internal subset), to its end or the end of the input; 0 when z
** starts none of them. */
static size_t feed_verbatim(const char *z, size_t n){
  static const struct { const char *zOpen, *zClose; } aSection[] = {
    {"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"<?", "?>"},
  };
  for(size_t k=0; k<sizeof aSection/sizeof aSection[0]; k++){
    size_t nOpen = strlen(aSection[k].zOpen);
    if( n>=nOpen && memcmp(z, aSection[k].zOpen, nOpen)==0 ){
      return nOpen + feed_past(z+nOpen, n-nOpen, aSection[k].zClose);
    }
  }
  if( n<9 || memcmp(z, "<!DOCTYPE", 9)!=0 ) return 0;
  int nDepth = 0;
  for(size_t i=9; i<n; i++){
    if( z[i]=='[' ) nDepth++;
    else if( z[i]==']' ) nDepth--;
    else if( z[i]=='>' && nDepth<=0 ) return i+1;
  }
  return n;
}

/* The length of the well-formed reference z[0..n) starts ("&amp;",
** "&#1575;", "&#x627;"), 0 when it starts none. *pnName gets the length of
** a named reference's name, 0 for a character reference. */
static size_t feed_reference(const char *z, size_t n, size_t *pnName){
  size_t i = 1;
  *pnName = 0;
  if( n>2 && z[1]=='#' ){
    int bHex = n>3 && z[2]=='x';
    for(i = bHex ? 3 : 2; i<n && (bHex ? isxdigit((unsigned char)z[i]) : isdigit((unsigned char)z[i])); i++){}
    return i>(size_t)(bHex ? 3 : 2) && i<n && z[i]==';' ? i+1 : 0;
  }
  if( n<3 || !(isalpha((unsigned char)z[1]) || z[1]=='_' || z[1]==':') ) return 0;
  while( i<n && (isalnum((unsigned char)z[i]) || (z[i] && strchr("_-.:", z[i]))) ) i++;
  if( i>=n || z[i]!=';' ) return 0;
  *pnName = i-1;
  return i+1;
}

/* The repair of the markup at z[0..n) (see the top of the file) into
** zOut (room for 16 bytes) with *pnUsed the bytes it replaces and *pzWhat
** what was repaired; false when z needs none. */
static int feed_repair_at(const char *z, size_t n, char *zOut, size_t *pnUsed,
                          const char **pzWhat){
  static const char *const azXml[] = {"amp", "lt", "gt", "quot", "apos"};
  if( z[0]=='<' ){
    unsigned char d = n>1 ? (unsigned char)z[1] : 0;
    if( d>=0x80 || isalpha(d) || d=='_' || d==':' || d=='/' || d=='!' || d=='?' ) return 0;
    strcpy(zOut, "&lt;");
    *pnUsed = 1;
    *pzWhat = "a '<' that opens no tag read as text";
    return 1;
  }
  size_t nName = 0, nRef = feed_reference(z, n, &nName);
  if( nRef==0 ){
    strcpy(zOut, "&amp;");
    *pnUsed = 1;
    *pzWhat = "a bare '&' read as text";
    return 1;
  }
  if( nName==0 || nName>=32 ) return 0;
  for(size_t k=0; k<sizeof azXml/sizeof azXml[0]; k++){
    if( strlen(azXml[k])==nName && memcmp(z+1, azXml[k], nName)==0 ) return 0;
  }
  char zName[32];
  memcpy(zName, z+1, nName);
  zName[nName] = 0;
  const htmlEntityDesc *pEnt = htmlEntityLookup((const xmlChar*)zName);
  if( pEnt==0 ) return 0;   /* unknown to HTML too: the parser reports it */
  snprintf(zOut, 16, "&#%u;", pEnt->value);
  *pnUsed = nRef;
  *pzWhat = "an HTML entity reference (&nbsp;...) read as its character";
  return 1;
}

/* Repairs the slips of a hand-made feed in z[0..n) (see the top of the
** file) into *pzOut, owned by the caller, NULL when nothing needed it;
** newlines are kept, so lines stay where they were. Each repaired line is
** noted in p->aFix. MARSAD_OK or MARSAD_NOMEM. */
static int feed_repair(feed_reader *p, const char *z, size_t n, char **pzOut,
                       size_t *pnOut){
  marsad_buf b = MARSAD_BUF_INIT;
  size_t iDone = 0;   /* z[0..iDone) is copied into b */
  long iLine = 1;
  int bFixed = 0;
  *pzOut = 0;
  for(size_t i=0; i<n; ){
    if( z[i]=='\n' ) iLine++;
    size_t nSkip = z[i]=='<' ? feed_verbatim(z+i, n-i) : 0;
    for(size_t k=0; k<nSkip; k++) iLine += z[i+k]=='\n';
    if( nSkip ){ i += nSkip; continue; }
    char zRepl[16];
    size_t nUsed = 0;
    const char *zWhat = 0;
    if( (z[i]=='<' || z[i]=='&') && feed_repair_at(z+i, n-i, zRepl, &nUsed, &zWhat) ){
      marsad_buf_append(&b, z+iDone, i-iDone);
      marsad_buf_puts(&b, zRepl);
      feed_note_fix(p, iLine, zWhat);
      bFixed = 1;
      i += nUsed;
      iDone = i;
    }else{
      i++;
    }
  }
  if( !bFixed ) return MARSAD_OK;
  marsad_buf_append(&b, z+iDone, n-iDone);
  if( b.rc ){ marsad_buf_free(&b); return MARSAD_NOMEM; }
  *pnOut = b.n;
  *pzOut = marsad_buf_take(&b);
  return *pzOut ? MARSAD_OK : MARSAD_NOMEM;
}

/* Reads the feed p[0..n) named zSource (see marsad_reader in doc.h). */
static int feed_read(const char *zSource, const char *pIn, size_t n,
                     marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  char *zCopy = 0, *zFixed = 0;
  const char *zEncoding = 0;
  if( n==0 || n>MARSAD_HTML_MAX_INPUT ){
    xProblem(pCtx, zSource, 0, n==0 ? "empty feed" : "feed too large");
    return MARSAD_FORMAT;
  }
  feed_reader *p = marsad_malloc(sizeof *p);
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  p->zSource = zSource;
  p->xDoc = xDoc;
  p->xProblem = xProblem;
  p->pCtx = pCtx;
  int rc = marsad_markup_prepare(pIn, n, &zCopy, &zEncoding);
  const char *pXml = zCopy ? zCopy : pIn;
  size_t nXml = zCopy ? strlen(zCopy) : n;
  if( rc==MARSAD_OK ) rc = feed_repair(p, pXml, nXml, &zFixed, &nXml);
  if( zFixed ) pXml = zFixed;
  xmlParserCtxtPtr pCtxt = rc==MARSAD_OK ? xmlNewParserCtxt() : 0;
  if( rc==MARSAD_OK && pCtxt==0 ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ){
    pCtxt->sax->serror = feed_on_error;
    pCtxt->_private = p;
    p->pDoc = xmlCtxtReadMemory(pCtxt, pXml, (int)nXml,
        0, zEncoding, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR
        | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA
        | (zEncoding ? XML_PARSE_IGNORE_ENC : 0));
    if( p->pDoc==0 || xmlDocGetRootElement(p->pDoc)==0 ){
      xProblem(pCtx, zSource, p->nErr ? p->aErr[0].iLine : 0,
               p->nErr ? p->aErr[0].zMsg : "not an XML feed");
      rc = MARSAD_FORMAT;
    }
  }
  if( rc==MARSAD_OK ) rc = feed_dispatch(p);
  xmlFreeDoc(p->pDoc);
  xmlFreeParserCtxt(pCtxt);
  marsad_free(zCopy);
  marsad_free(zFixed);
  marsad_free(p->zOutlet);
  marsad_free(p);
  return rc;
}

/* File extensions of feeds. */
static const char *const azFeedExt[] = {"rss", "atom", "xml", 0};

const marsad_reader marsad_reader_feed = {
  "feed", MARSAD_INPUT_FEED, azFeedExt, feed_read
};
