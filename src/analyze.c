/*
** analyze.c: the analysis of articles without a database (marsad.h,
** marsad_analyze_buffer): each article is read by its format's reader,
** cleaned as ingestion cleans it, its names recognised (ner.h) and its
** facts found (facts.h), as ingestion does; the answer
** is one JSON object per article, in the shape of the export's article
** records (docs/EXPORT.md).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "clean.h"
#include "doc.h"
#include "entity.h"
#include "facts.h"
#include "jsonq.h"
#include "lexicon.h"
#include "ner.h"
#include "utf8.h"

/* The state of one analysis. */
typedef struct analyze_run {
  json_t *pArr;           /* the answer */
  const char *zToday;     /* YYYY-MM-DD, for dates the text itself fixes */
  marsad_ner *pNer;       /* the name recogniser (speakers end at names) */
  marsad_report_fn xReport;  /* where problems go, or NULL */
  void *pReportCtx;
  long nSkipped;          /* parts of the input passed over */
  int rc;
} analyze_run;

/* Sets pObj[zKey] to a string (or null), sticky *pRc. */
static void put_str(json_t *pObj, const char *zKey, const char *z, int *pRc){
  if( *pRc ) return;
  json_t *v = z ? json_string(z) : json_null();
  if( v==0 || json_object_set_new(pObj, zKey, v) ) *pRc = MARSAD_NOMEM;
}

/* Sets pObj's "mentions" to the names recognised in pA, in the export's
** shape ({entity, text, start, end, field}) plus their "kind"; entity is
** null: without a database no mention is resolved to an entity. */
static int mentions_json(const marsad_analysis *pA, json_t *pObj){
  json_t *pArr = json_array();
  int rc = pArr ? MARSAD_OK : MARSAD_NOMEM;
  for(int i=0; rc==MARSAD_OK && i<pA->nMention; i++){
    const marsad_mention *m = &pA->aMention[i];
    int bTitle = m->eField==MARSAD_FIELD_TITLE;
    const char *z = bTitle ? pA->art.zTitle : pA->art.zBody;
    json_t *pM = json_pack("{s:n, s:s%, s:I, s:I, s:s, s:s}",
        "entity", "text", z+m->iStart, m->iEnd-m->iStart,
        "start", (json_int_t)m->iStart, "end", (json_int_t)m->iEnd,
        "field", bTitle ? "title" : "body", "kind", marsad_entity_kind_name(m->eKind));
    if( pM==0 || json_array_append_new(pArr, pM) ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK && json_object_set_new(pObj, "mentions", pArr) ) rc = MARSAD_NOMEM;
  else if( rc ) json_decref(pArr);
  return rc;
}

/* The record of one analysed article. */
static int article_json(const marsad_doc *pDoc, const marsad_clean *pClean,
                        const marsad_analysis *pA, json_t **ppObj){
  const marsad_facts *pF = pA->pFacts;
  json_t *o = json_object();
  int rc = o ? MARSAD_OK : MARSAD_NOMEM;
  char zPub[11];
  marsad_ymd_format(&pF->pub, MARSAD_PREC_DAY, zPub);
  put_str(o, "type", "article", &rc);
  put_str(o, "input", pDoc->zInput ? pDoc->zInput : pDoc->zSource, &rc);
  put_str(o, "outlet", pDoc->zOutlet, &rc);
  put_str(o, "url", pDoc->zUrl, &rc);
  put_str(o, "published", zPub[0] ? zPub : 0, &rc);
  if( rc==MARSAD_OK && json_object_set_new(o, "published_from_text", json_boolean(pF->bPubFromText)) ) rc = MARSAD_NOMEM;
  put_str(o, "title", pA->art.zTitle, &rc);
  if( rc==MARSAD_OK && json_object_set_new(o, "body", marsad_jsonq_string(pClean->zBody, pClean->nBody)) ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ) rc = mentions_json(pA, o);
  if( rc==MARSAD_OK ) rc = marsad_facts_to_json(pF, o);
  if( rc ){ json_decref(o); o = 0; }
  *ppObj = o;
  return rc;
}

/* marsad_problem_fn: a bad part of the input is reported, counted and
** passed over. */
static void analyze_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
  analyze_run *p = pCtx;
  p->nSkipped++;
  if( p->xReport ) p->xReport(p->pReportCtx, zSource, iLine, zMsg);
}

/* marsad_doc_fn: cleans and analyses one article, appending its record. */
static int analyze_doc(void *pCtx, marsad_doc *pDoc){
  analyze_run *p = pCtx;
  marsad_clean clean;
  memset(&clean, 0, sizeof clean);
  marsad_analysis a;
  memset(&a, 0, sizeof a);
  const char *zTitle = pDoc->zTitle ? pDoc->zTitle : "";
  int rc = marsad_clean_text(pDoc->zText ? pDoc->zText : "", pDoc->nText, zTitle,
                             pDoc->zOutlet, 0, &clean);
  if( rc==MARSAD_OK && clean.nBody==0 ){
    analyze_problem(p, pDoc->zSource, pDoc->iLine, "empty article: no body text, skipped");
  }else if( rc==MARSAD_OK ){
    if( pDoc->zWarning && p->xReport ) p->xReport(p->pReportCtx, pDoc->zSource, pDoc->iLine, pDoc->zWarning);
    json_t *pObj = 0;
    a.art.zId = pDoc->zInput;
    a.art.zOutlet = pDoc->zOutlet;
    a.art.zPublished = pDoc->zPublished;
    a.art.zIngested = p->zToday;
    a.art.zTitle = zTitle;
    a.art.nTitle = strlen(zTitle);
    a.art.zBody = clean.zBody;
    a.art.nBody = clean.nBody;
    rc = marsad_analysis_keep_tokens(&a);      /* one tokenization for both */
    if( rc==MARSAD_OK ) rc = marsad_ner_run(p->pNer, &a);
    if( rc==MARSAD_OK ) rc = marsad_facts_analyze(&a);
    if( rc==MARSAD_OK ) rc = article_json(pDoc, &clean, &a, &pObj);
    if( rc==MARSAD_OK && json_array_append_new(p->pArr, pObj) ) rc = MARSAD_NOMEM;
  }
  marsad_analysis_clear(&a);
  marsad_clean_free(&clean);
  marsad_doc_clear(pDoc);
  p->rc = rc;
  return rc;
}


int marsad_analyze_buffer(const char *zSource, const char *pData, size_t nData,
                          int eFormat, const char *zToday,
                          marsad_report_fn xReport, void *pCtx,
                          long *pnSkipped, char **pzJson){
  *pzJson = 0;
  if( pnSkipped ) *pnSkipped = 0;
  const marsad_reader *pReader = eFormat ? marsad_reader_for_format(eFormat)
                               : strcmp(zSource, "-")==0 ? marsad_reader_for_format(MARSAD_INPUT_JSONL)
                               : marsad_reader_for_path(zSource);
  if( pReader==0 ) return MARSAD_MISUSE;
  char *zClean = 0;
  size_t nBad = 0;
  int rc = marsad_utf8_sanitize(pData, nData, &zClean, &nData, &nBad);
  if( rc ) return rc;
  analyze_run run = { json_array(), zToday, 0, xReport, pCtx, 0, MARSAD_OK };
  if( run.pArr==0 ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ) rc = marsad_ner_new(&run.pNer);
  if( rc==MARSAD_OK ) rc = pReader->xRead(zSource, zClean, nData, analyze_doc, analyze_problem, &run);
  marsad_ner_free(run.pNer);
  marsad_free(zClean);
  if( pnSkipped ) *pnSkipped = run.nSkipped;
  if( rc==MARSAD_OK ) rc = run.rc;
  if( rc!=MARSAD_OK && rc!=MARSAD_FORMAT ){
    json_decref(run.pArr);
    return rc;
  }
  int rc2 = marsad_jsonq_finish(run.pArr, pzJson);
  return rc2 ? rc2 : rc;
}
