/*
** html.c: metadata and main text of HTML pages and fragments (see html.h).
**
** A page is parsed by libxml2's HTML parser (recovering from bad markup,
** never touching the network) and walked three times, each walk iterative
** so that no nesting depth can exhaust the stack:
**   1. metadata: meta tags, canonical link, <title>, the <h1>s,
**      <time datetime>, itemprop=datePublished and JSON-LD (jansson);
**   2. statistics: for every element outside chrome, the bytes of text and
**      of link text in its subtree, and the "paragraph text" in it: text of
**      blocks whose own text is long and not mostly links. An element with
**      a chrome class/id token is dropped unless it holds the headline,
**      <main>, the articleBody or most of the paragraph text (then it is a
**      layout wrapper: "has-sidebar");
**   3. emission: inside the chosen container, text of every block that is
**      not chrome, one paragraph a block, whitespace collapsed.
** The container is the itemprop=articleBody element, else an <article>
** holding most of the paragraph text, else the element reached from the
** root by descending into the child that holds four fifths of its
** paragraph text, as long as there is one (widened to an enclosing
** <article>); in that last case, earlier siblings of the container with
** paragraph text and few links give their sentences too (a lead paragraph
** set apart from the body).
*/
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <jansson.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "utf8.h"
#include "html.h"

/* Own text (bytes) a block needs to count as a paragraph when scoring. */
#define HTML_MIN_PARAGRAPH 40
/* Words from which a list item reads as prose rather than a menu entry. */
#define HTML_PROSE_WORDS 8
/* Depth to which JSON-LD is searched for datePublished. */
#define HTML_JSON_DEPTH 16
/* The container descends into a child holding this share (NUM/DEN) of
** its paragraph text. */
#define HTML_DESCEND_NUM 4
#define HTML_DESCEND_DEN 5
/* <h1> elements considered for the headline (a logo may be one). */
#define HTML_MAX_H1 8
/* Levels above the container searched for an enclosing <article>. */
#define HTML_ARTICLE_LEVELS 4

/* ---------------------------------------------------------------------
** Small helpers over libxml2's tree.
*/

/* Compares a key with a generated table row, for bsearch. */
static int html_word_cmp(const void *pKey, const void *pRow){
  return strcmp((const char*)pKey, ((const marsad_html_word*)pRow)->zWord);
}

/* The generated kind (MARSAD_HTML_DROP or _BLOCK) of element pNode, or 0. */
static int html_element_kind(const xmlNode *pNode){
  if( pNode->type!=XML_ELEMENT_NODE || pNode->name==0 ) return 0;
  const marsad_html_word *pRow = bsearch(pNode->name, marsad_html_elements,
      marsad_html_elements_n, sizeof marsad_html_elements[0], html_word_cmp);
  return pRow ? pRow->eKind : 0;
}

/* True when element pNode is named zName (HTML names are lower-cased by
** the parser). */
static int html_is(const xmlNode *pNode, const char *zName){
  return pNode->type==XML_ELEMENT_NODE && pNode->name
      && strcmp((const char*)pNode->name, zName)==0;
}

/* The value of attribute zName of pNode (case-insensitive name), pointing
** into the tree, or NULL when absent. */
static const char *html_attr(const xmlNode *pNode, const char *zName){
  if( pNode->type!=XML_ELEMENT_NODE ) return 0;
  for(const xmlAttr *pAttr=pNode->properties; pAttr; pAttr=pAttr->next){
    if( pAttr->name && strcasecmp((const char*)pAttr->name, zName)==0 ){
      const xmlNode *pVal = pAttr->children;
      if( pVal && pVal->type==XML_TEXT_NODE && pVal->content ){
        return (const char*)pVal->content;
      }
      return "";
    }
  }
  return 0;
}

/* True when the white-space separated list z holds zToken (ASCII case
** ignored). NULL z holds nothing. */
static int html_has_token(const char *z, const char *zToken){
  size_t nToken = strlen(zToken);
  while( z && *z ){
    while( *z==' ' || *z=='\t' || *z=='\n' || *z=='\r' || *z=='\f' ) z++;
    size_t n = 0;
    while( z[n] && z[n]!=' ' && z[n]!='\t' && z[n]!='\n' && z[n]!='\r' && z[n]!='\f' ) n++;
    if( n==nToken && n>0 && strncasecmp(z, zToken, n)==0 ) return 1;
    z += n;
  }
  return 0;
}

/* Calls xEnter on every node below pRoot in document order and xLeave after
** the subtree of each node whose xEnter returned true; a false return skips
** the node's subtree. Only element children are followed (never entity
** declarations), and no recursion is used. */
static void html_walk(xmlNode *pRoot, int (*xEnter)(void*, xmlNode*),
                      void (*xLeave)(void*, xmlNode*), void *pCtx){
  xmlNode *p = pRoot->children;
  while( p ){
    int bDescend = xEnter(pCtx, p);
    if( bDescend && p->type==XML_ELEMENT_NODE && p->children ){
      p = p->children;
      continue;
    }
    if( bDescend && xLeave ) xLeave(pCtx, p);
    while( p->next==0 ){
      p = p->parent;
      if( p==0 || p==pRoot ) return;
      if( xLeave ) xLeave(pCtx, p);
    }
    p = p->next;
  }
}

/* True for the bytes of ASCII white space. */
static int html_is_space(unsigned char c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v';
}

/* Appends p[0..n) to pBuf with white space (ASCII and U+00A0) collapsed:
** *pbSpace carries a pending separator between calls; none is written at
** the start of the buffer. Returns the bytes appended. */
static size_t html_append_collapsed(marsad_buf *pBuf, const char *p, size_t n,
                                    int *pbSpace){
  const unsigned char *a = (const unsigned char*)p;
  size_t nBefore = pBuf->n, i = 0;
  while( i<n ){
    size_t j = i;
    int bSpace = 0;
    while( j<n ){
      if( html_is_space(a[j]) ){ j++; bSpace = 1; continue; }
      if( a[j]==0xC2 && j+1<n && a[j+1]==0xA0 ){ j += 2; bSpace = 1; continue; }
      break;
    }
    if( bSpace ){ *pbSpace = 1; i = j; continue; }
    while( j<n && !html_is_space(a[j]) && !(a[j]==0xC2 && j+1<n && a[j+1]==0xA0) ) j++;
    if( *pbSpace && pBuf->n>0 ) marsad_buf_append(pBuf, " ", 1);
    *pbSpace = 0;
    marsad_buf_append(pBuf, p+i, j-i);
    i = j;
  }
  return pBuf->n - nBefore;
}

char *marsad_html_collapse(const char *p, size_t n){
  marsad_buf b = MARSAD_BUF_INIT;
  int bSpace = 0;
  html_append_collapsed(&b, p, n, &bSpace);
  return marsad_buf_take(&b);
}

/* Decodes the character reference at z[0..n) (z[0] is '&'): *pCp gets the
** character, the return value the reference's length; 0 when it is none. */
static size_t html_char_ref(const char *z, size_t n, uint32_t *pCp){
  const char *pSemi = memchr(z, ';', n<40 ? n : 40);
  if( pSemi==0 || pSemi-z<3 ) return 0;
  size_t nRef = (size_t)(pSemi-z) + 1;
  char zName[40];
  memcpy(zName, z+1, nRef-2);
  zName[nRef-2] = 0;
  if( zName[0]=='#' ){
    int bHex = zName[1]=='x' || zName[1]=='X';
    char *zEnd = 0;
    unsigned long v = strtoul(zName + 1 + bHex, &zEnd, bHex ? 16 : 10);
    if( zEnd==zName+1+bHex || *zEnd || v==0 || v>0x10FFFF || (v>=0xD800 && v<0xE000) ) return 0;
    *pCp = (uint32_t)v;
    return nRef;
  }
  const htmlEntityDesc *pEnt = htmlEntityLookup((const xmlChar*)zName);
  if( pEnt==0 ) return 0;
  *pCp = pEnt->value;
  return nRef;
}

char *marsad_html_unescape(const char *p, size_t n){
  marsad_buf b = MARSAD_BUF_INIT;
  size_t iDone = 0;
  for(size_t i=0; i<n; i++){
    uint32_t cp;
    size_t nRef = p[i]=='&' ? html_char_ref(p+i, n-i, &cp) : 0;
    if( nRef==0 ) continue;
    unsigned char a[4];
    marsad_buf_append(&b, p+iDone, i-iDone);
    marsad_buf_append(&b, (const char*)a, marsad_utf8_encode(cp, a));
    i += nRef - 1;
    iDone = i + 1;
  }
  marsad_buf_append(&b, p+iDone, n-iDone);
  return marsad_buf_take(&b);
}

/* State of html_text_of's walk. */
typedef struct html_text_ctx {
  marsad_buf buf;  /* collapsed text so far */
  int bSpace;      /* a separator is pending */
} html_text_ctx;

/* html_text_of's visitor: appends text nodes, skips dropped elements. */
static int html_text_enter(void *pCtx, xmlNode *pNode){
  html_text_ctx *p = pCtx;
  if( pNode->type==XML_TEXT_NODE || pNode->type==XML_CDATA_SECTION_NODE ){
    if( pNode->content ){
      html_append_collapsed(&p->buf, (const char*)pNode->content,
                            strlen((const char*)pNode->content), &p->bSpace);
    }
    return 1;
  }
  if( pNode->type!=XML_ELEMENT_NODE ) return 0;
  if( html_element_kind(pNode)==MARSAD_HTML_BLOCK ) p->bSpace = 1;
  return html_is(pNode, "script") || html_is(pNode, "style") ? 0 : 1;
}

/* The text of pNode's subtree, white space collapsed, as a string owned by
** the caller; NULL when out of memory. */
static char *html_text_of(xmlNode *pNode){
  html_text_ctx ctx = {MARSAD_BUF_INIT, 0};
  html_walk(pNode, html_text_enter, 0, &ctx);
  return marsad_buf_take(&ctx.buf);
}

/* ---------------------------------------------------------------------
** Chrome: elements whose subtree never is article text.
*/

/* True when token p[0..n) (lower-case ASCII) is a chrome class/id token. */
static int html_token_is_chrome(const char *p, size_t n){
  for(size_t i=0; i<marsad_html_tokens_n; i++){
    const marsad_html_word *pRow = &marsad_html_tokens[i];
    size_t nWord = strlen(pRow->zWord);
    if( pRow->eKind==MARSAD_HTML_EXACT ){
      if( n==nWord && memcmp(p, pRow->zWord, n)==0 ) return 1;
    }else if( pRow->eKind==MARSAD_HTML_PREFIX ){
      if( n>=nWord && memcmp(p, pRow->zWord, nWord)==0 ) return 1;
    }
  }
  return 0;
}

/* True when a class or id value z holds a chrome token. Tokens are runs of
** ASCII letters and digits, also split where a lower-case letter meets an
** upper-case one (relatedArticles), compared lower-cased; tokens longer than
** 31 bytes are compared by their first 31. */
static int html_attr_is_chrome(const char *z){
  char zTok[32];
  size_t n = 0;
  for(size_t i=0; ; i++){
    unsigned char c = (unsigned char)z[i];
    int bAlnum = (c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9');
    int bCamel = n>0 && c>='A' && c<='Z' && i>0 && z[i-1]>='a' && z[i-1]<='z';
    if( (!bAlnum || bCamel) && n>0 ){
      if( html_token_is_chrome(zTok, n) ) return 1;
      n = 0;
    }
    if( c==0 ) return 0;
    if( bAlnum && n<sizeof zTok - 1 ){
      zTok[n++] = (char)((c>='A' && c<='Z') ? c+32 : c);
    }
  }
}

/* True when the element is marked as holding the article body
** (itemprop=articleBody). */
static int html_is_article_body(const xmlNode *pNode){
  return html_has_token(html_attr(pNode, "itemprop"), "articleBody");
}

/* True for elements that class/id tokens never disqualify: the page's
** structure and the article itself. */
static int html_is_protected(const xmlNode *pNode){
  return html_is(pNode, "html") || html_is(pNode, "body") || html_is(pNode, "main")
      || html_is(pNode, "article") || html_is_article_body(pNode);
}

/* True when an inline style hides the element. */
static int html_style_hides(const char *z){
  char zNorm[128];
  size_t n = 0;
  for(size_t i=0; z[i] && n<sizeof zNorm - 1; i++){
    unsigned char c = (unsigned char)z[i];
    if( html_is_space(c) ) continue;
    zNorm[n++] = (char)((c>='A' && c<='Z') ? c+32 : c);
  }
  zNorm[n] = 0;
  return strstr(zNorm, "display:none")!=0 || strstr(zNorm, "visibility:hidden")!=0;
}

/* True when the WAI-ARIA role list z names a landmark or widget that is
** page chrome (data/html_chrome.txt). */
static int html_role_is_chrome(const char *z){
  for(size_t i=0; i<marsad_html_tokens_n; i++){
    if( marsad_html_tokens[i].eKind==MARSAD_HTML_ROLE
     && html_has_token(z, marsad_html_tokens[i].zWord) ) return 1;
  }
  return 0;
}

/* True when element pNode and its subtree are page chrome by themselves:
** by element name, by being hidden or by their role. */
static int html_is_hard_chrome(const xmlNode *pNode){
  if( html_element_kind(pNode)==MARSAD_HTML_DROP ) return 1;
  if( html_attr(pNode, "hidden") ) return 1;
  const char *z = html_attr(pNode, "aria-hidden");
  if( z && strcasecmp(z, "true")==0 ) return 1;
  if( (z = html_attr(pNode, "style"))!=0 && html_style_hides(z) ) return 1;
  return (z = html_attr(pNode, "role"))!=0 && html_role_is_chrome(z);
}

/* True when element pNode has a chrome token in its class or id and is not
** protected. Whether it is dropped depends on what it holds (pass 2). */
static int html_is_class_chrome(const xmlNode *pNode){
  const char *z;
  if( html_is_protected(pNode) ) return 0;
  if( (z = html_attr(pNode, "class"))!=0 && html_attr_is_chrome(z) ) return 1;
  return (z = html_attr(pNode, "id"))!=0 && html_attr_is_chrome(z);
}

/* True when element pNode marks the article's place: a heading <h1>,
** <main> or the itemprop=articleBody element. A chrome-looking class on
** an element holding one is layout ("has-sidebar"), not chrome. */
static int html_is_anchor(const xmlNode *pNode){
  return html_is(pNode, "h1") || html_is(pNode, "main") || html_is_article_body(pNode);
}

/* ---------------------------------------------------------------------
** Pass 1: metadata.
*/

/* Date sources, best first. */
enum {
  HTML_DATE_ARTICLE,   /* meta article:published_time */
  HTML_DATE_OG,        /* meta og:published_time and the like */
  HTML_DATE_ITEMPROP,  /* itemprop=datePublished */
  HTML_DATE_JSONLD,    /* JSON-LD "datePublished" */
  HTML_DATE_META,      /* meta name=pubdate, date, dc.date... */
  HTML_DATE_TIME,      /* the first <time datetime> */
  HTML_DATE_N
};

/* What pass 1 found. Pointers into the tree except azDate[HTML_DATE_JSONLD]
** and the rc. */
typedef struct html_meta {
  const char *zOgTitle;       /* og:title */
  const char *zSiteName;      /* og:site_name */
  const char *zOgUrl;         /* og:url */
  const char *zCanonical;     /* <link rel=canonical href> */
  xmlNode *pTitle;            /* the first <title> */
  xmlNode *apH1[HTML_MAX_H1]; /* the first <h1> elements */
  int nH1;                    /* entries used in apH1 */
  xmlNode *pBody;             /* <body> */
  const char *azDate[HTML_DATE_N];  /* date candidates by source */
  char *zJsonDate;            /* owned copy of the JSON-LD date */
  int rc;                     /* MARSAD_OK or MARSAD_NOMEM */
} html_meta;

/* Finds the first string "datePublished" in a JSON-LD value, depth first,
** up to HTML_JSON_DEPTH levels. Returns a pointer owned by pJson, or NULL. */
static const char *html_jsonld_date(json_t *pJson, int iDepth){
  if( iDepth>HTML_JSON_DEPTH ) return 0;
  if( json_is_object(pJson) ){
    json_t *pDate = json_object_get(pJson, "datePublished");
    if( json_is_string(pDate) && json_string_length(pDate)>0 ) return json_string_value(pDate);
    const char *zKey;
    json_t *pVal;
    json_object_foreach(pJson, zKey, pVal){
      const char *z = html_jsonld_date(pVal, iDepth+1);
      if( z ) return z;
    }
  }else if( json_is_array(pJson) ){
    size_t i;
    json_t *pVal;
    json_array_foreach(pJson, i, pVal){
      const char *z = html_jsonld_date(pVal, iDepth+1);
      if( z ) return z;
    }
  }
  return 0;
}

/* Reads a <script type=application/ld+json> into pMeta's JSON-LD date when
** none was found yet. Bad JSON is ignored (it is the page's problem). */
static void html_meta_jsonld(html_meta *pMeta, xmlNode *pScript){
  if( pMeta->zJsonDate ) return;
  char *zJson = html_text_of(pScript);
  if( zJson==0 ){ pMeta->rc = MARSAD_NOMEM; return; }
  json_t *pJson = json_loads(zJson, JSON_DECODE_ANY, 0);
  const char *zDate = pJson ? html_jsonld_date(pJson, 0) : 0;
  if( zDate ){
    pMeta->zJsonDate = marsad_strdup(zDate);
    if( pMeta->zJsonDate==0 ) pMeta->rc = MARSAD_NOMEM;
    pMeta->azDate[HTML_DATE_JSONLD] = pMeta->zJsonDate;
  }
  json_decref(pJson);
  marsad_free(zJson);
}

/* Sets a date candidate of source eSource unless one was found before. */
static void html_meta_date(html_meta *pMeta, int eSource, const char *z){
  if( z && *z && pMeta->azDate[eSource]==0 ) pMeta->azDate[eSource] = z;
}

/* Reads one <meta> element. */
static void html_meta_tag(html_meta *pMeta, xmlNode *pNode){
  const char *zKey = html_attr(pNode, "property");
  const char *zVal = html_attr(pNode, "content");
  if( zKey==0 ) zKey = html_attr(pNode, "name");
  if( zKey==0 || zVal==0 || *zVal==0 ) return;
  if( strcasecmp(zKey, "og:title")==0 ){
    if( !pMeta->zOgTitle ) pMeta->zOgTitle = zVal;
  }else if( strcasecmp(zKey, "og:site_name")==0 ){
    if( !pMeta->zSiteName ) pMeta->zSiteName = zVal;
  }else if( strcasecmp(zKey, "og:url")==0 ){
    if( !pMeta->zOgUrl ) pMeta->zOgUrl = zVal;
  }else if( strcasecmp(zKey, "article:published_time")==0 ){
    html_meta_date(pMeta, HTML_DATE_ARTICLE, zVal);
  }else if( strcasecmp(zKey, "og:published_time")==0
         || strcasecmp(zKey, "og:article:published_time")==0 ){
    html_meta_date(pMeta, HTML_DATE_OG, zVal);
  }else if( strcasecmp(zKey, "pubdate")==0 || strcasecmp(zKey, "publishdate")==0
         || strcasecmp(zKey, "publish-date")==0 || strcasecmp(zKey, "date")==0
         || strcasecmp(zKey, "dc.date.issued")==0 || strcasecmp(zKey, "dc.date")==0 ){
    html_meta_date(pMeta, HTML_DATE_META, zVal);
  }
}

/* Pass 1 visitor: notes every element that carries metadata. */
static int html_meta_enter(void *pCtx, xmlNode *pNode){
  html_meta *pMeta = pCtx;
  if( pNode->type!=XML_ELEMENT_NODE ) return 0;
  if( html_is(pNode, "meta") ){
    html_meta_tag(pMeta, pNode);
  }else if( html_is(pNode, "link") ){
    if( html_has_token(html_attr(pNode, "rel"), "canonical") && !pMeta->zCanonical ){
      const char *z = html_attr(pNode, "href");
      if( z && *z ) pMeta->zCanonical = z;
    }
  }else if( html_is(pNode, "title") ){
    if( !pMeta->pTitle ) pMeta->pTitle = pNode;
  }else if( html_is(pNode, "h1") ){
    if( pMeta->nH1<HTML_MAX_H1 ) pMeta->apH1[pMeta->nH1++] = pNode;
  }else if( html_is(pNode, "body") ){
    if( !pMeta->pBody ) pMeta->pBody = pNode;
  }else if( html_is(pNode, "time") ){
    html_meta_date(pMeta, HTML_DATE_TIME, html_attr(pNode, "datetime"));
  }else if( html_is(pNode, "script") ){
    const char *zType = html_attr(pNode, "type");
    if( zType && strcasecmp(zType, "application/ld+json")==0 ) html_meta_jsonld(pMeta, pNode);
    return 0;
  }
  if( html_has_token(html_attr(pNode, "itemprop"), "datePublished") ){
    const char *z = html_attr(pNode, "content");
    if( z==0 ) z = html_attr(pNode, "datetime");
    html_meta_date(pMeta, HTML_DATE_ITEMPROP, z);
  }
  return pMeta->rc==MARSAD_OK;
}

/* The host of URL z (lower-cased, "www." dropped) as a string owned by the
** caller, or NULL when z has no host; *pRc set on out of memory. */
static char *html_url_host(const char *z, int *pRc){
  const char *p = z ? strstr(z, "://") : 0;
  if( p==0 ) return 0;
  p += 3;
  size_t n = strcspn(p, "/?#");
  const char *pAt = memchr(p, '@', n);
  if( pAt ){ n -= (size_t)(pAt+1-p); p = pAt+1; }
  const char *pColon = memchr(p, ':', n);
  if( pColon ) n = (size_t)(pColon-p);
  if( n>4 && strncasecmp(p, "www.", 4)==0 ){ p += 4; n -= 4; }
  if( n==0 ) return 0;
  char *zHost = marsad_strndup(p, n);
  if( zHost==0 ){ *pRc = MARSAD_NOMEM; return 0; }
  for(size_t i=0; i<n; i++){
    if( zHost[i]>='A' && zHost[i]<='Z' ) zHost[i] = (char)(zHost[i]+32);
  }
  return zHost;
}

/* Number of white-space separated words in z. */
static int html_count_words(const char *z, size_t n){
  int nWord = 0, bIn = 0;
  for(size_t i=0; i<n; i++){
    int bSpace = html_is_space((unsigned char)z[i]);
    if( !bSpace && !bIn ) nWord++;
    bIn = !bSpace;
  }
  return nWord;
}

/* True when the title part p[0..n) names the site zSite: equal to it (ASCII
** case ignored), or holding it with little else. */
static int html_part_is_site(const char *p, size_t n, const char *zSite){
  size_t nSite = zSite ? strlen(zSite) : 0;
  if( nSite==0 || n<nSite ) return 0;
  if( n==nSite ) return strncasecmp(p, zSite, n)==0;
  if( n>nSite+16 ) return 0;
  for(size_t i=0; i+nSite<=n; i++){
    if( strncasecmp(p+i, zSite, nSite)==0 ) return 1;
  }
  return 0;
}

/* Finds the first (bLast false) or last separator of a headline and its
** site name in z[0..n): " - ", " | ", " – ", " — ". Sets *piAt and *pnSep;
** returns false when there is none. */
static int html_find_separator(const char *z, size_t n, int bLast,
                               size_t *piAt, size_t *pnSep){
  static const char *const azSep[] = {" - ", " | ", " \xe2\x80\x93 ", " \xe2\x80\x94 "};
  int bFound = 0;
  for(size_t i=0; i<n; i++){
    for(size_t k=0; k<sizeof azSep/sizeof azSep[0]; k++){
      size_t nSep = strlen(azSep[k]);
      if( i+nSep<=n && memcmp(z+i, azSep[k], nSep)==0 ){
        *piAt = i;
        *pnSep = nSep;
        if( !bLast ) return 1;
        bFound = 1;
      }
    }
  }
  return bFound;
}

/* The headline in z without the site name, as a string owned by the
** caller (NULL when out of memory). The part before the first or after the
** last separator is dropped when it names zSite; when bGuess is set and no
** site name matched, a short side (at most four words, shorter than the
** rest) is dropped as the site name. */
static char *html_strip_site(const char *z, const char *zSite, int bGuess){
  size_t n = strlen(z), iFirst, nFirst, iLast = 0, nLast = 0;
  if( !html_find_separator(z, n, 0, &iFirst, &nFirst) ) return marsad_strdup(z);
  html_find_separator(z, n, 1, &iLast, &nLast);
  const char *pTail = z+iLast+nLast;
  size_t nTail = n-(iLast+nLast);
  const char *pHead = z+iFirst+nFirst;
  if( html_part_is_site(pTail, nTail, zSite) ) return marsad_strndup(z, iLast);
  if( html_part_is_site(z, iFirst, zSite) ) return marsad_strndup(pHead, n-iFirst-nFirst);
  if( bGuess ){
    if( html_count_words(pTail, nTail)<=4 && nTail<iLast ) return marsad_strndup(z, iLast);
    if( html_count_words(z, iFirst)<=4 && iFirst<n-iFirst-nFirst ){
      return marsad_strndup(pHead, n-iFirst-nFirst);
    }
  }
  return marsad_strdup(z);
}

/* The text of the <h1> with the longest text (a site's logo may be an
** <h1> too, with a short one), owned by the caller; NULL when there is no
** <h1> (or out of memory: *pRc set). */
static char *html_page_h1(const html_meta *pMeta, int *pRc){
  char *zBest = 0;
  for(int i=0; i<pMeta->nH1; i++){
    char *z = html_text_of(pMeta->apH1[i]);
    if( z==0 ){ *pRc = MARSAD_NOMEM; break; }
    if( zBest==0 || strlen(z)>strlen(zBest) ){ marsad_free(zBest); zBest = z; }
    else marsad_free(z);
  }
  if( *pRc ){ marsad_free(zBest); zBest = 0; }
  return zBest;
}

/* The page's headline: og:title, else the longest <h1>, else <title>,
** each without the site name. Owned by the caller; NULL when there is none
** or on error (*pRc set). */
static char *html_page_title(const html_meta *pMeta, int *pRc){
  char *zRaw = 0, *zTitle = 0;
  int bGuess = 0;
  if( pMeta->zOgTitle ){
    zRaw = marsad_html_collapse(pMeta->zOgTitle, strlen(pMeta->zOgTitle));
    if( zRaw==0 ) *pRc = MARSAD_NOMEM;
  }
  if( *pRc==MARSAD_OK && (zRaw==0 || *zRaw==0) ){
    marsad_free(zRaw);
    zRaw = html_page_h1(pMeta, pRc);
  }
  if( *pRc==MARSAD_OK && (zRaw==0 || *zRaw==0) && pMeta->pTitle ){
    marsad_free(zRaw);
    zRaw = html_text_of(pMeta->pTitle);
    if( zRaw==0 ) *pRc = MARSAD_NOMEM;
    bGuess = 1;
  }
  if( *pRc==MARSAD_OK && zRaw && *zRaw ){
    char *zSite = pMeta->zSiteName
        ? marsad_html_collapse(pMeta->zSiteName, strlen(pMeta->zSiteName)) : 0;
    if( zSite || !pMeta->zSiteName ) zTitle = html_strip_site(zRaw, zSite, bGuess);
    marsad_free(zSite);
    if( zTitle==0 ) *pRc = MARSAD_NOMEM;
  }
  marsad_free(zRaw);
  return zTitle;
}

/* Fills pOut's metadata fields from pMeta. MARSAD_OK or MARSAD_NOMEM. */
static int html_page_meta(const html_meta *pMeta, marsad_html_page *pOut){
  int rc = pMeta->rc;
  const char *zUrl = pMeta->zCanonical ? pMeta->zCanonical : pMeta->zOgUrl;
  const char *zDate = 0;
  for(int i=0; i<HTML_DATE_N && zDate==0; i++) zDate = pMeta->azDate[i];
  if( rc==MARSAD_OK ) pOut->zTitle = html_page_title(pMeta, &rc);
  if( rc==MARSAD_OK && zUrl ){
    pOut->zUrl = marsad_html_collapse(zUrl, strlen(zUrl));
    if( pOut->zUrl==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK && zDate ){
    pOut->zPublished = marsad_html_collapse(zDate, strlen(zDate));
    if( pOut->zPublished==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK && pMeta->zSiteName ){
    pOut->zOutlet = marsad_html_collapse(pMeta->zSiteName, strlen(pMeta->zSiteName));
    if( pOut->zOutlet==0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK && (pOut->zOutlet==0 || *pOut->zOutlet==0) ){
    marsad_free(pOut->zOutlet);
    pOut->zOutlet = html_url_host(pMeta->zOgUrl ? pMeta->zOgUrl : pMeta->zCanonical, &rc);
    if( pOut->zOutlet==0 && rc==MARSAD_OK ) pOut->zOutlet = html_url_host(zUrl, &rc);
  }
  return rc;
}

/* ---------------------------------------------------------------------
** Pass 2: text statistics per element, for the container and link density.
*/

/* Statistics of one element outside hard chrome. Byte counts leave out
** white space; the sums leave out dropped subtrees. */
typedef struct html_stat {
  xmlNode *pNode;      /* the element */
  long iParent;        /* index of its parent's stat, -1 for the root */
  long iBlock;         /* index of its nearest block (itself if a block) */
  unsigned char bInLink;   /* inside an <a> */
  unsigned char bClass;    /* has a chrome class/id token */
  unsigned char bAnchor;   /* is or holds an anchor (html_is_anchor) */
  unsigned char bDead;     /* dropped: class chrome, or inside it */
  size_t nOwn;         /* text directly in this block (not in inner blocks) */
  size_t nOwnLink;     /* ... of which link text */
  size_t nDirText;     /* text in direct text children */
  size_t nDirLink;     /* ... of which link text */
  size_t nParaAll;     /* paragraph text in the subtree, dropped parts included */
  size_t nText;        /* text in the subtree */
  size_t nLink;        /* link text in the subtree */
  size_t nPara;        /* paragraph text in the subtree */
} html_stat;

/* The statistics of a subtree. */
typedef struct html_stats {
  html_stat *a;        /* one per element, in document order; a[0] the root */
  long n;              /* used */
  long nAlloc;         /* allocated */
  int rc;              /* MARSAD_OK or MARSAD_NOMEM */
} html_stats;

/* The stat index of pNode, or -1 when it has none (hard chrome, not an
** element, outside the subtree). */
static long html_stat_index(const xmlNode *pNode){
  return pNode->type==XML_ELEMENT_NODE && pNode->_private
       ? (long)(uintptr_t)pNode->_private - 1 : -1;
}

/* The stat index of pNode when it is kept (not dropped), else -1. */
static long html_live_index(const html_stats *p, const xmlNode *pNode){
  long i = html_stat_index(pNode);
  return i>=0 && i<p->n && p->a[i].pNode==pNode && !p->a[i].bDead ? i : -1;
}

/* Appends a stat for element pNode under stat iParent. Returns its index,
** or -1 when out of memory. */
static long html_stat_add(html_stats *p, xmlNode *pNode, long iParent){
  if( p->n==p->nAlloc ){
    long nNew = p->nAlloc ? p->nAlloc*2 : 256;
    html_stat *aNew = marsad_realloc(p->a, (size_t)nNew * sizeof *aNew);
    if( aNew==0 ){ p->rc = MARSAD_NOMEM; return -1; }
    p->a = aNew;
    p->nAlloc = nNew;
  }
  long i = p->n++;
  html_stat *s = &p->a[i];
  memset(s, 0, sizeof *s);
  s->pNode = pNode;
  s->iParent = iParent;
  int bBlock = iParent<0 || html_element_kind(pNode)==MARSAD_HTML_BLOCK;
  s->iBlock = bBlock ? i : p->a[iParent].iBlock;
  s->bInLink = html_is(pNode, "a") || (iParent>=0 && p->a[iParent].bInLink);
  s->bClass = iParent>=0 && html_is_class_chrome(pNode);
  s->bAnchor = html_is_anchor(pNode);
  pNode->_private = (void*)(uintptr_t)(i+1);
  return i;
}

/* Bytes of p[0..n) that are not ASCII white space. */
static size_t html_count_ink(const char *z){
  size_t n = 0;
  for(; *z; z++) n += !html_is_space((unsigned char)*z);
  return n;
}

/* Pass 2 visitor: gives each element outside hard chrome a stat and counts
** text where it lies. */
static int html_stats_enter(void *pCtx, xmlNode *pNode){
  html_stats *p = pCtx;
  long iParent = pNode->parent ? html_stat_index(pNode->parent) : -1;
  if( p->rc || iParent<0 ) return 0;
  if( pNode->type==XML_TEXT_NODE || pNode->type==XML_CDATA_SECTION_NODE ){
    html_stat *pParent = &p->a[iParent];
    size_t n = pNode->content ? html_count_ink((const char*)pNode->content) : 0;
    html_stat *pBlock = &p->a[pParent->iBlock];
    pParent->nDirText += n;
    pBlock->nOwn += n;
    if( pParent->bInLink ){ pParent->nDirLink += n; pBlock->nOwnLink += n; }
    return 1;
  }
  if( pNode->type!=XML_ELEMENT_NODE || html_is_hard_chrome(pNode) ) return 0;
  return html_stat_add(p, pNode, iParent)>=0;
}

/* Paragraph text a block contributes by itself: its own text, when long
** enough and not mostly links. */
static size_t html_own_paragraph(const html_stat *s, long i){
  if( s->iBlock!=i || s->nOwn<HTML_MIN_PARAGRAPH || s->nOwnLink*2>=s->nOwn ) return 0;
  return s->nOwn - s->nOwnLink;
}

/* Collects the statistics of pRoot's subtree into *p (zeroed by the
** caller): counts, then which class-chrome elements are dropped (those
** holding no anchor and at most half of all paragraph text, and all
** below them), then the sums over what is kept. Each element with a stat
** is marked through its _private field (html_stat_index), valid while the
** document lives. Returns p->rc. */
static int html_stats_build(html_stats *p, xmlNode *pRoot){
  if( html_stat_add(p, pRoot, -1)<0 ) return p->rc;
  html_walk(pRoot, html_stats_enter, 0, p);
  if( p->rc ) return p->rc;
  for(long i=p->n-1; i>=0; i--){
    html_stat *s = &p->a[i];
    s->nParaAll += html_own_paragraph(s, i);
    if( s->iParent>=0 ){
      p->a[s->iParent].nParaAll += s->nParaAll;
      p->a[s->iParent].bAnchor |= s->bAnchor;
    }
  }
  size_t nTotal = p->a[0].nParaAll;
  for(long i=1; i<p->n; i++){
    html_stat *s = &p->a[i];
    s->bDead = p->a[s->iParent].bDead || (s->bClass && !s->bAnchor && s->nParaAll*2<=nTotal);
  }
  for(long i=p->n-1; i>=0; i--){
    html_stat *s = &p->a[i];
    if( s->bDead ) continue;
    s->nText += s->nDirText;
    s->nLink += s->nDirLink;
    s->nPara += html_own_paragraph(s, i);
    if( s->iParent>=0 ){
      html_stat *pParent = &p->a[s->iParent];
      pParent->nText += s->nText;
      pParent->nLink += s->nLink;
      pParent->nPara += s->nPara;
    }
  }
  return MARSAD_OK;
}

/* The stat of the element that holds the most paragraph text among those
** satisfying xIs, or -1. */
static long html_best_of(const html_stats *p, int (*xIs)(const xmlNode*)){
  long iBest = -1;
  for(long i=0; i<p->n; i++){
    if( xIs(p->a[i].pNode) && p->a[i].nPara>0
     && (iBest<0 || p->a[i].nPara>p->a[iBest].nPara) ){
      iBest = i;
    }
  }
  return iBest;
}

/* True for <article> elements (for html_best_of). */
static int html_is_article(const xmlNode *pNode){
  return html_is(pNode, "article");
}

/* The container of the article's text (see the top of the file). When it
** was found by descending, without an enclosing <article>, *ppParent is
** its parent (whose earlier children may hold a lead paragraph set apart),
** else NULL. */
static xmlNode *html_container(const html_stats *p, xmlNode **ppParent){
  size_t nTotal = p->a[0].nPara;
  *ppParent = 0;
  long i = html_best_of(p, html_is_article_body);
  if( i>=0 ) return p->a[i].pNode;
  i = html_best_of(p, html_is_article);
  if( i>=0 && p->a[i].nPara*2>=nTotal ) return p->a[i].pNode;
  i = 0;
  for(int bMoved=1; bMoved && nTotal>0; ){
    bMoved = 0;
    for(xmlNode *pChild=p->a[i].pNode->children; pChild; pChild=pChild->next){
      long iChild = html_live_index(p, pChild);
      if( iChild>=0 && p->a[iChild].nPara*HTML_DESCEND_DEN>=p->a[i].nPara*HTML_DESCEND_NUM ){
        i = iChild;
        bMoved = 1;
        break;
      }
    }
  }
  for(long iUp=p->a[i].iParent, k=0; iUp>=0 && k<HTML_ARTICLE_LEVELS; iUp=p->a[iUp].iParent, k++){
    if( html_is_article(p->a[iUp].pNode) ) return p->a[iUp].pNode;
  }
  if( p->a[i].iParent>=0 ) *ppParent = p->a[p->a[i].iParent].pNode;
  return p->a[i].pNode;
}

/* ---------------------------------------------------------------------
** Pass 3: emission of the paragraphs.
*/

/* State of the emission walk. */
typedef struct html_emit {
  const html_stats *pStats;  /* pass 2's statistics */
  xmlNode *pContainer;       /* the container */
  xmlNode *pParent;          /* its parent when earlier siblings may hold a lead */
  xmlNode *pLead;            /* the sibling being read as a lead, or NULL */
  int bPast;                 /* the container has been read */
  marsad_buf out;            /* paragraphs so far, separated by blank lines */
  marsad_buf par;            /* the paragraph being built */
  int bSpace;                /* a separator is pending in par */
  size_t nParLink;           /* bytes of par that are link text */
  int nLink;                 /* depth of <a> elements around the walk */
  int nItem;                 /* depth of <li> elements around the walk */
  int bParItem;              /* par has text from inside a list item */
} html_emit;

/* True when p[0..n) ends a sentence: . ! ? ؟ or …, before closing quotes
** or brackets. */
static int html_ends_sentence(const char *p, size_t n){
  static const char *const azEnd[] = {".", "!", "?", "\xd8\x9f" /* ؟ */,
                                      "\xe2\x80\xa6" /* … */};
  while( n>0 && (p[n-1]=='"' || p[n-1]==')' || p[n-1]=='\'') ) n--;
  for(size_t k=0; k<sizeof azEnd/sizeof azEnd[0]; k++){
    size_t nEnd = strlen(azEnd[k]);
    if( n>=nEnd && memcmp(p+n-nEnd, azEnd[k], nEnd)==0 ) return 1;
  }
  return 0;
}

/* True when a finished paragraph p[0..n) reads as prose: it has a letter or
** digit and, for list items, enough words or sentence punctuation at its
** end. */
static int html_par_is_prose(const char *p, size_t n, int bItem){
  int bInk = 0;
  for(size_t i=0; i<n && !bInk; i++){
    unsigned char c = (unsigned char)p[i];
    bInk = c>=0x80 || (c>='0' && c<='9') || (c>='a' && c<='z') || (c>='A' && c<='Z');
  }
  if( !bInk ) return 0;
  return !bItem || html_count_words(p, n)>=HTML_PROSE_WORDS || html_ends_sentence(p, n);
}

/* Ends the current paragraph: keeps it unless it is mostly link text, is a
** list item that does not read as prose, or is in a lead sibling and does
** not end a sentence (a headline, a dateline). */
static void html_emit_flush(html_emit *e){
  if( e->par.n>0 && e->par.rc==MARSAD_OK && e->nParLink*2<=e->par.n
   && html_par_is_prose(e->par.a, e->par.n, e->bParItem)
   && (e->pLead==0 || html_ends_sentence(e->par.a, e->par.n)) ){
    if( e->out.n>0 ) marsad_buf_append(&e->out, "\n\n", 2);
    marsad_buf_append(&e->out, e->par.a, e->par.n);
  }
  if( e->par.rc ) e->out.rc = e->par.rc;
  marsad_buf_reset(&e->par);
  e->bSpace = 0;
  e->nParLink = 0;
  e->bParItem = 0;
}

/* True when element pNode's subtree is mostly link text (a list of
** links: menus, related articles, tag rows). */
static int html_is_link_block(const html_emit *e, const xmlNode *pNode){
  long i = html_live_index(e->pStats, pNode);
  if( i<0 ) return 0;
  const html_stat *s = &e->pStats->a[i];
  return s->nText>0 && s->nLink*2>s->nText;
}

/* True when pNode, a child of the container's parent, is read: the
** container, or an earlier sibling with paragraph text and few links (a
** lead paragraph set apart from the body). */
static int html_emit_sibling(const html_emit *e, const xmlNode *pNode){
  if( pNode==e->pContainer ) return 1;
  long i = html_live_index(e->pStats, pNode);
  if( e->bPast || i<0 ) return 0;
  const html_stat *s = &e->pStats->a[i];
  return s->nPara>=HTML_MIN_PARAGRAPH && s->nLink*4<=s->nText;
}

/* Pass 3 visitor, entering a node. */
static int html_emit_enter(void *pCtx, xmlNode *pNode){
  html_emit *e = pCtx;
  if( e->pParent && pNode->parent==e->pParent && !html_emit_sibling(e, pNode) ) return 0;
  if( pNode->type==XML_TEXT_NODE || pNode->type==XML_CDATA_SECTION_NODE ){
    if( pNode->content ){
      size_t n = html_append_collapsed(&e->par, (const char*)pNode->content,
                                       strlen((const char*)pNode->content), &e->bSpace);
      if( e->nLink>0 ) e->nParLink += n;
      if( e->nItem>0 && n>0 ) e->bParItem = 1;
    }
    return 1;
  }
  if( pNode->type!=XML_ELEMENT_NODE ) return 0;
  int bBlock = html_element_kind(pNode)==MARSAD_HTML_BLOCK;
  if( html_live_index(e->pStats, pNode)<0 || html_is(pNode, "h1")
   || (bBlock && html_is_link_block(e, pNode)) ){
    if( bBlock ) html_emit_flush(e);
    else e->bSpace = 1;
    return 0;
  }
  int bTop = e->pParent && pNode->parent==e->pParent;
  if( bBlock || bTop ) html_emit_flush(e);
  if( bTop && pNode!=e->pContainer ) e->pLead = pNode;
  if( html_is(pNode, "a") ) e->nLink++;
  if( html_is(pNode, "li") ) e->nItem++;
  return 1;
}

/* Pass 3 visitor, leaving an element. */
static void html_emit_leave(void *pCtx, xmlNode *pNode){
  html_emit *e = pCtx;
  if( pNode->type!=XML_ELEMENT_NODE ) return;
  if( html_element_kind(pNode)==MARSAD_HTML_BLOCK || pNode==e->pLead
   || pNode==e->pContainer ) html_emit_flush(e);
  if( pNode==e->pLead ) e->pLead = 0;
  if( pNode==e->pContainer ) e->bPast = 1;
  if( html_is(pNode, "a") ) e->nLink--;
  if( html_is(pNode, "li") ) e->nItem--;
}

/* The paragraphs of pContainer's subtree (statistics in pStats), preceded
** by those of lead siblings when pParent (its parent) is given, as a string
** owned by the caller, *pnText its length; NULL when out of memory. */
static char *html_emit_text(const html_stats *pStats, xmlNode *pContainer,
                            xmlNode *pParent, size_t *pnText){
  html_emit e;
  memset(&e, 0, sizeof e);
  e.pStats = pStats;
  e.pContainer = pContainer;
  e.pParent = pParent;
  html_walk(pParent ? pParent : pContainer, html_emit_enter, html_emit_leave, &e);
  html_emit_flush(&e);
  marsad_buf_free(&e.par);
  *pnText = e.out.n;
  char *z = marsad_buf_take(&e.out);
  if( z==0 ) *pnText = 0;
  return z;
}

/* ---------------------------------------------------------------------
** Parsing and the public functions.
*/

/* The character set the head of p[0..n) declares when it is not UTF-8
** (charset=... in a meta tag, encoding="..." in an XML declaration, a
** UTF-16 byte order mark), copied into zName; false when it declares none
** or UTF-8. */
static int html_declared_charset(const char *p, size_t n, char zName[40]){
  static const char *const azKey[] = {"charset", "encoding"};
  const unsigned char *a = (const unsigned char*)p;
  if( n>=2 && ((a[0]==0xFF && a[1]==0xFE) || (a[0]==0xFE && a[1]==0xFF)) ){
    strcpy(zName, a[0]==0xFF ? "UTF-16LE" : "UTF-16BE");
    return 1;
  }
  if( n>2048 ) n = 2048;
  for(size_t i=0; i<n; i++){
    for(size_t k=0; k<2; k++){
      size_t nKey = strlen(azKey[k]), j = i+nKey;
      if( j>n || strncasecmp(p+i, azKey[k], nKey)!=0 ) continue;
      while( j<n && (html_is_space((unsigned char)p[j]) || p[j]=='=' || p[j]=='"' || p[j]=='\'') ) j++;
      size_t iVal = j;
      while( j<n && j-iVal<39 && ((p[j]>='a' && p[j]<='z') || (p[j]>='A' && p[j]<='Z')
                     || (p[j]>='0' && p[j]<='9') || p[j]=='-' || p[j]=='_' || p[j]=='.' || p[j]==':') ) j++;
      if( j==iVal ) continue;
      if( (j-iVal==5 && strncasecmp(p+iVal, "utf-8", 5)==0)
       || (j-iVal==4 && strncasecmp(p+iVal, "utf8", 4)==0) ) return 0;
      memcpy(zName, p+iVal, j-iVal);
      zName[j-iVal] = 0;
      return 1;
    }
  }
  return 0;
}

int marsad_markup_to_utf8(const char *p, size_t n, char **pzOut, size_t *pnOut){
  char zName[40];
  *pzOut = 0;
  *pnOut = 0;
  if( marsad_utf8_count_invalid(p, n)==0 || !html_declared_charset(p, n, zName) ) return MARSAD_OK;
  iconv_t cd = iconv_open("UTF-8", zName);
  if( cd==(iconv_t)-1 ) return MARSAD_OK;
  marsad_buf b = MARSAD_BUF_INIT;
  char *pIn = (char*)p;
  size_t nIn = n;
  while( nIn>0 && marsad_buf_grow(&b, nIn*2 + 16)==MARSAD_OK ){
    char *pOut = b.a + b.n;
    size_t nRoom = b.nAlloc - b.n - 1, nRoom0 = nRoom;
    size_t r = iconv(cd, &pIn, &nIn, &pOut, &nRoom);
    b.n += nRoom0 - nRoom;
    b.a[b.n] = 0;
    if( r==(size_t)-1 && errno!=E2BIG ){
      marsad_buf_putcp(&b, MARSAD_UTF8_REPLACEMENT);   /* a byte the set lacks */
      pIn++;
      nIn--;
    }
  }
  iconv_close(cd);
  *pnOut = b.n;
  *pzOut = marsad_buf_take(&b);
  if( *pzOut==0 ){ *pnOut = 0; return MARSAD_NOMEM; }
  return MARSAD_OK;
}

int marsad_markup_prepare(const char *p, size_t n, char **pzCopy, const char **pzEncoding){
  *pzCopy = 0;
  *pzEncoding = 0;
  if( marsad_utf8_count_invalid(p, n)==0 ){
    *pzEncoding = "UTF-8";
    return MARSAD_OK;
  }
  char zName[40];
  if( html_declared_charset(p, n, zName) ) return MARSAD_OK;
  size_t nCopy, nBad;
  int rc = marsad_utf8_sanitize(p, n, pzCopy, &nCopy, &nBad);
  if( rc==MARSAD_OK ) *pzEncoding = "UTF-8";
  return rc;
}

/* Parses p[0..n) with libxml2's HTML parser: recovering, no network, no
** error output. Sets *ppDoc (NULL when no document could be made). */
static int html_parse(const char *p, size_t n, htmlDocPtr *ppDoc){
  char *zCopy = 0;
  const char *zEncoding = 0;
  *ppDoc = 0;
  if( n==0 || n>MARSAD_HTML_MAX_INPUT ) return MARSAD_FORMAT;
  int rc = marsad_markup_prepare(p, n, &zCopy, &zEncoding);
  if( rc ) return rc;
  const char *pIn = zCopy ? zCopy : p;
  size_t nIn = zCopy ? strlen(zCopy) : n;
  *ppDoc = htmlReadMemory(pIn, (int)nIn, 0, zEncoding,
      HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
      | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
  marsad_free(zCopy);
  return *ppDoc ? MARSAD_OK : MARSAD_FORMAT;
}

/* The element under which a document's text lies: <body>, else the root. */
static xmlNode *html_text_root(htmlDocPtr pDoc, xmlNode *pBody){
  return pBody ? pBody : xmlDocGetRootElement(pDoc);
}

/* Extracts the text of the subtree pRoot: statistics, then the container
** (when bChoose) and its paragraphs. Sets *pzText (owned by the caller). */
static int html_extract(xmlNode *pRoot, int bChoose, char **pzText, size_t *pnText){
  html_stats stats;
  memset(&stats, 0, sizeof stats);
  *pzText = 0;
  *pnText = 0;
  int rc = pRoot ? html_stats_build(&stats, pRoot) : MARSAD_OK;
  if( rc==MARSAD_OK ){
    if( pRoot ){
      xmlNode *pParent = 0;
      xmlNode *pContainer = bChoose ? html_container(&stats, &pParent) : pRoot;
      *pzText = html_emit_text(&stats, pContainer, pParent, pnText);
    }else{
      *pzText = marsad_strdup("");
    }
    if( *pzText==0 ) rc = MARSAD_NOMEM;
  }
  marsad_free(stats.a);
  return rc;
}

int marsad_html_page_read(const char *p, size_t n, marsad_html_page *pOut){
  htmlDocPtr pDoc = 0;
  html_meta meta;
  memset(pOut, 0, sizeof *pOut);
  memset(&meta, 0, sizeof meta);
  int rc = html_parse(p, n, &pDoc);
  if( rc==MARSAD_OK ){
    html_walk((xmlNode*)pDoc, html_meta_enter, 0, &meta);
    rc = html_page_meta(&meta, pOut);
  }
  if( rc==MARSAD_OK ){
    rc = html_extract(html_text_root(pDoc, meta.pBody), 1, &pOut->zText, &pOut->nText);
  }
  marsad_free(meta.zJsonDate);
  xmlFreeDoc(pDoc);
  if( rc ) marsad_html_page_free(pOut);
  return rc;
}

void marsad_html_page_free(marsad_html_page *p){
  if( p==0 ) return;
  marsad_free(p->zTitle);
  marsad_free(p->zPublished);
  marsad_free(p->zOutlet);
  marsad_free(p->zUrl);
  marsad_free(p->zText);
  memset(p, 0, sizeof *p);
}

int marsad_html_fragment_text(const char *p, size_t n, char **pzText, size_t *pnText){
  htmlDocPtr pDoc = 0;
  *pzText = 0;
  *pnText = 0;
  if( n==0 ){
    *pzText = marsad_strdup("");
    return *pzText ? MARSAD_OK : MARSAD_NOMEM;
  }
  int rc = html_parse(p, n, &pDoc);
  if( rc==MARSAD_FORMAT && n<=MARSAD_HTML_MAX_INPUT ){
    *pzText = marsad_strdup("");
    return *pzText ? MARSAD_OK : MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK ){
    html_meta meta;
    memset(&meta, 0, sizeof meta);
    for(xmlNode *pNode=xmlDocGetRootElement(pDoc); pNode && !meta.pBody; pNode=pNode->next){
      for(xmlNode *pKid=pNode->children; pKid; pKid=pKid->next){
        if( html_is(pKid, "body") ){ meta.pBody = pKid; break; }
      }
    }
    rc = html_extract(html_text_root(pDoc, meta.pBody), 0, pzText, pnText);
  }
  xmlFreeDoc(pDoc);
  return rc;
}
