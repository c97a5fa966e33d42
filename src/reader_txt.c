/*
** reader_txt.c: plain-text articles. The first non-empty line is the
** title, the rest is the text. UTF-8 with or without a byte-order mark, LF
** or CRLF line ends. A file with NUL bytes is refused as binary.
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "doc.h"

/* Length of a UTF-8 byte-order mark at p, or 0. */
static size_t bom_length(const char *p, size_t n){
  return (n>=3 && memcmp(p, "\xEF\xBB\xBF", 3)==0) ? 3 : 0;
}

/* Copies p[0..n) into pOut without carriage returns. Sticky rc. */
static void append_without_cr(marsad_buf *pOut, const char *p, size_t n){
  size_t iStart = 0;
  for(size_t i=0; i<n; i++){
    if( p[i]=='\r' ){
      marsad_buf_append(pOut, p+iStart, i-iStart);
      if( i+1>=n || p[i+1]!='\n' ) marsad_buf_append(pOut, "\n", 1);
      iStart = i+1;
    }
  }
  marsad_buf_append(pOut, p+iStart, n-iStart);
}

/* Splits zText at its first non-empty line: *piTitle and *pnTitle span the
** title (trimmed), *piBody where the rest starts. */
static void split_title(const char *z, size_t n, size_t *piTitle,
                        size_t *pnTitle, size_t *piBody){
  size_t i = 0;
  while( i<n && (z[i]=='\n' || z[i]==' ' || z[i]=='\t') ) i++;
  size_t iEnd = i;
  while( iEnd<n && z[iEnd]!='\n' ) iEnd++;
  size_t iBody = iEnd<n ? iEnd+1 : iEnd;
  while( iEnd>i && (z[iEnd-1]==' ' || z[iEnd-1]=='\t') ) iEnd--;
  *piTitle = i;
  *pnTitle = iEnd-i;
  *piBody = iBody;
}

/* The text reader's xRead (see doc.h). */
static int text_read(const char *zSource, const char *p, size_t n,
                     marsad_doc_fn xDoc, marsad_problem_fn xProblem, void *pCtx){
  if( memchr(p, 0, n) ){
    xProblem(pCtx, zSource, 0, "binary file (NUL bytes), not a text article");
    return MARSAD_FORMAT;
  }
  size_t iBom = bom_length(p, n);
  marsad_buf text = MARSAD_BUF_INIT;
  append_without_cr(&text, p+iBom, n-iBom);
  if( text.rc ){ marsad_buf_free(&text); return MARSAD_NOMEM; }
  size_t iTitle, nTitle, iBody;
  split_title(text.a ? text.a : "", text.n, &iTitle, &nTitle, &iBody);

  marsad_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.zSource = marsad_strdup(zSource);
  doc.zInput = marsad_strdup(zSource);
  doc.zTitle = marsad_strndup(text.a ? text.a+iTitle : "", nTitle);
  doc.nText = text.n - iBody;
  doc.zText = marsad_strndup(text.a ? text.a+iBody : "", doc.nText);
  doc.zRaw = marsad_strndup(p, n);
  doc.nRaw = n;
  marsad_buf_free(&text);
  if( !doc.zSource || !doc.zInput || !doc.zTitle || !doc.zText || !doc.zRaw ){
    marsad_doc_clear(&doc);
    return MARSAD_NOMEM;
  }
  int rc = xDoc(pCtx, &doc);
  marsad_doc_clear(&doc);
  return rc;
}

static const char *const azTextExt[] = { "txt", "text", 0 };

const marsad_reader marsad_reader_text = {
  "text", MARSAD_INPUT_TEXT, azTextExt, text_read
};
