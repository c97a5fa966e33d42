/*
** facts.c: running the fact extractors over one article and writing what
** they found as JSON (see facts.h).
*/
#include <math.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "facts.h"
#include "jsonq.h"
#include "lexicon.h"

void marsad_facts_free(marsad_facts *p){
  if( p==0 ) return;
  marsad_figures_free(&p->figures);
  marsad_statements_free(&p->statements);
  marsad_numbers_free(&p->numbers);
  marsad_dates_free(&p->dates);
  marsad_words_free(&p->words);
  marsad_free(p->aUsed);
  marsad_free(p->aSpeaker);
  marsad_free(p->aReporter);
  marsad_free(p);
}

const char *marsad_facts_span(const marsad_facts *p, int i0, int i1, size_t *pn){
  const marsad_words *pW = &p->words;
  if( i0>=i1 || i0<0 || i1>pW->nWord ){ *pn = 0; return 0; }
  *pn = pW->a[i1-1].iEnd - pW->a[i0].iStart;
  return pW->p + pW->a[i0].iStart;
}

void marsad_facts_day(const marsad_facts *p, int iDate, char z[11]){
  if( iDate>=0 && iDate<p->dates.n ){
    marsad_ymd_format(&p->dates.a[iDate].v, p->dates.a[iDate].ePrec, z);
  }else{
    marsad_ymd_format(&p->pub, MARSAD_PREC_DAY, z);
  }
}

/* Rank of an entity kind as a speaker: a person before an organisation
** before a place (وزير الخارجية الروسي، سيرغي لافروف is Lavrov). */
static int kind_rank(int eKind){
  switch( eKind ){
    case MARSAD_ENTITY_PERSON: return 4;
    case MARSAD_ENTITY_ORG:    return 3;
    case MARSAD_ENTITY_PLACE:  return 2;
  }
  return 1;
}

/* The index of the first body mention of pA (in text order, title first)
** that starts at or after body byte iByte; nMention when none. */
static int mention_from(const marsad_analysis *pA, size_t iByte){
  int lo = 0, hi = pA->nMention;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    const marsad_mention *m = &pA->aMention[mid];
    if( m->eField!=MARSAD_FIELD_BODY || m->iStart<iByte ) lo = mid+1; else hi = mid;
  }
  return lo;
}

/* The entity named within body bytes [iStart, iEnd), whose second word
** ends at iHead: of the resolved mentions inside it, the one of the best
** kind, then the longest; 0. A place counts only in the phrase's first two
** words, as its head or the head's adjective (أذربيجان، الحكومة العمانية),
** not further on, where it says where the speaker is (the Mopti of مسؤول
** في المستشفى الإقليمي بموبتي does not speak). */
static long long entity_in(const marsad_analysis *pA, size_t iStart, size_t iHead, size_t iEnd){
  long long iBest = 0;
  int nRank = 0;
  size_t nLen = 0;
  for(int i=mention_from(pA, iStart); i<pA->nMention && pA->aMention[i].iStart<iEnd; i++){
    const marsad_mention *m = &pA->aMention[i];
    if( m->iEntity==0 || m->iEnd>iEnd ) continue;
    if( m->eKind==MARSAD_ENTITY_PLACE && m->iStart>=iHead ) continue;
    int r = kind_rank(m->eKind);
    if( r>nRank || (r==nRank && m->iEnd-m->iStart>nLen) ){
      iBest = m->iEntity; nRank = r; nLen = m->iEnd - m->iStart;
    }
  }
  return iBest;
}

/* The entity of a source (its fullest naming), or 0. */
static long long source_entity(const marsad_facts *p, const marsad_analysis *pA,
                               const marsad_source *s){
  if( s->iR0>=s->iR1 ) return 0;
  int iHead = s->iR0+1<s->iR1 ? s->iR0+1 : s->iR0;
  return entity_in(pA, p->words.a[s->iR0].iStart, p->words.a[iHead].iEnd,
                   p->words.a[s->iR1-1].iEnd);
}

/* Links speakers and reporters to entities. */
static int link_entities(marsad_facts *p, const marsad_analysis *pA){
  p->aSpeaker = marsad_malloc(sizeof(long long)*(size_t)(p->statements.n+1));
  p->aReporter = marsad_malloc(sizeof(long long)*(size_t)(p->figures.n+1));
  if( p->aSpeaker==0 || p->aReporter==0 ) return MARSAD_NOMEM;
  for(int i=0; i<p->statements.n; i++){
    p->aSpeaker[i] = source_entity(p, pA, &p->statements.a[i].spk);
  }
  for(int i=0; i<p->figures.n; i++){
    p->aReporter[i] = source_entity(p, pA, &p->figures.a[i].src);
  }
  return MARSAD_OK;
}

/* Flags the words of pW inside a body mention of pA in a new array *paName
** (one byte a word of MARSAD_NAME_* bits; the caller frees it). MARSAD_OK
** or MARSAD_NOMEM. */
static int name_words(const marsad_words *pW, const marsad_analysis *pA, unsigned char **paName){
  unsigned char *a = marsad_malloc((size_t)pW->nWord + 1);
  if( a==0 ) return MARSAD_NOMEM;
  memset(a, 0, (size_t)pW->nWord + 1);
  for(int i=mention_from(pA, 0); i<pA->nMention; i++){
    const marsad_mention *m = &pA->aMention[i];
    unsigned char f = MARSAD_NAME_IN | MARSAD_NAME_FIRST
                    | (m->eKind==MARSAD_ENTITY_PERSON ? MARSAD_NAME_PERSON : 0);
    for(int w=marsad_words_at(pW, m->iStart); w<pW->nWord && pW->a[w].iEnd<=m->iEnd; w++){
      a[w] |= f;
      f &= (unsigned char)~MARSAD_NAME_FIRST;
    }
  }
  *paName = a;
  return MARSAD_OK;
}

/* Runs the extractors over the body. */
static int run_extractors(marsad_facts *p, const marsad_analysis *pA){
  const marsad_article *art = &pA->art;
  marsad_ymd now = {0, 0, 0};
  int rc = marsad_words_build_body(pA, &p->words);
  if( rc==MARSAD_OK ){
    p->aUsed = marsad_malloc((size_t)p->words.nWord + 1);
    if( p->aUsed==0 ) rc = MARSAD_NOMEM;
    else memset(p->aUsed, 0, (size_t)p->words.nWord + 1);
  }
  marsad_ymd_parse(art->zIngested, &now);
  if( rc==MARSAD_OK && !marsad_ymd_parse(art->zPublished, &p->pub) ){
    /* no publication date: read one from the text, then resolve again */
    rc = marsad_dates_find(&p->words, 0, &now, 0, &p->dates);
    if( rc==MARSAD_OK ) p->bPubFromText = marsad_dates_publication(&p->words, &p->dates, &p->pub);
    marsad_dates_free(&p->dates);
  }
  if( rc==MARSAD_OK ) rc = marsad_dates_find(&p->words, &p->pub, &now, p->aUsed, &p->dates);
  if( rc==MARSAD_OK ) rc = marsad_numbers_find(&p->words, p->aUsed, &p->numbers);
  unsigned char *aName = 0;
  if( rc==MARSAD_OK ) rc = name_words(&p->words, pA, &aName);
  if( rc==MARSAD_OK ) rc = marsad_statements_find(&p->words, &p->dates, p->aUsed, aName, &p->statements);
  marsad_free(aName);
  if( rc==MARSAD_OK ) rc = marsad_figures_find(&p->words, &p->numbers, &p->statements, &p->dates, &p->pub, &p->figures);
  if( rc==MARSAD_OK ) rc = link_entities(p, pA);
  return rc;
}

int marsad_facts_analyze(marsad_analysis *pA){
  marsad_facts *p = marsad_malloc(sizeof *p);
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  marsad_words empty = MARSAD_WORDS_INIT;
  p->words = empty;
  int rc = run_extractors(p, pA);
  if( rc!=MARSAD_OK ){
    marsad_facts_free(p);
    return rc;
  }
  if( pA->pFacts && pA->xFactsFree ) pA->xFactsFree(pA->pFacts);
  pA->pFacts = p;
  pA->xFactsFree = marsad_facts_free;
  return MARSAD_OK;
}

/* ---- JSON ---- */

/* Sets pObj[zKey] = v (taking v); a sticky error in *pRc. */
static void put(json_t *pObj, const char *zKey, json_t *v, int *pRc){
  if( *pRc!=MARSAD_OK ){ json_decref(v); return; }
  if( v==0 || json_object_set_new(pObj, zKey, v) ) *pRc = MARSAD_NOMEM;
}

/* The JSON string of words [i0, i1), or null. */
static json_t *span_json(const marsad_facts *p, int i0, int i1){
  size_t n;
  const char *z = marsad_facts_span(p, i0, i1, &n);
  return marsad_jsonq_string(z, n);
}

/* The JSON of a day (a date index, -1 for the publication date): a string, or null. */
static json_t *day_json(const marsad_facts *p, int iDate){
  char z[11];
  marsad_facts_day(p, iDate, z);
  return z[0] ? json_string(z) : json_null();
}

/* "e<id>", or null for 0. */
static json_t *entity_json(long long iEntity){
  char z[32];
  if( iEntity==0 ) return json_null();
  snprintf(z, sizeof z, "e%lld", iEntity);
  return json_string(z);
}

/* The exported text of byte span [iStart, iEnd) with its offsets. */
static void put_span(const marsad_facts *p, json_t *pObj, size_t iStart, size_t iEnd, int *pRc){
  put(pObj, "text", marsad_jsonq_string(p->words.p + iStart, iEnd - iStart), pRc);
  put(pObj, "start", json_integer((json_int_t)iStart), pRc);
  put(pObj, "end", json_integer((json_int_t)iEnd), pRc);
}

/* Appends pItem to pArr (taking it). */
static void append(json_t *pArr, json_t *pItem, int *pRc){
  if( *pRc!=MARSAD_OK ){ json_decref(pItem); return; }
  if( pItem==0 || json_array_append_new(pArr, pItem) ) *pRc = MARSAD_NOMEM;
}

static const char *const azPrec[] = { "", "day", "week", "month", "year" };
static const char *const azKind[] = { "", "explicit", "numeric", "hijri", "relative", "weekday" };

/* The dates array. */
static json_t *dates_json(const marsad_facts *p, int *pRc){
  json_t *pArr = json_array();
  if( pArr==0 ) *pRc = MARSAD_NOMEM;
  for(int i=0; *pRc==MARSAD_OK && i<p->dates.n; i++){
    const marsad_date *d = &p->dates.a[i];
    json_t *o = json_object();
    if( o==0 ){ *pRc = MARSAD_NOMEM; break; }
    put(o, "value", day_json(p, i), pRc);
    put(o, "precision", json_string(azPrec[d->ePrec]), pRc);
    put(o, "kind", json_string(azKind[d->eKind]), pRc);
    put(o, "since", json_boolean(d->bSince), pRc);
    put_span(p, o, d->iStart, d->iEnd, pRc);
    append(pArr, o, pRc);
  }
  return pArr;
}

/* The numbers array: every number that is not part of a date. */
static json_t *numbers_json(const marsad_facts *p, int *pRc){
  json_t *pArr = json_array();
  if( pArr==0 ) *pRc = MARSAD_NOMEM;
  for(int i=0; *pRc==MARSAD_OK && i<p->numbers.n; i++){
    const marsad_number *n = &p->numbers.a[i];
    json_t *o = json_object();
    if( o==0 ){ *pRc = MARSAD_NOMEM; break; }
    put(o, "value", json_real(n->dValue), pRc);
    if( n->bRange ) put(o, "max", json_real(n->dMax), pRc);
    put(o, "approx", json_string(marsad_approx_name(n->eApprox)), pRc);
    put(o, "vague", json_boolean(n->bVague), pRc);
    put_span(p, o, p->words.a[n->iWord0].iStart, p->words.a[n->iWord1-1].iEnd, pRc);
    append(pArr, o, pRc);
  }
  return pArr;
}

/* The figures array. */
static json_t *figures_json(const marsad_facts *p, int *pRc){
  json_t *pArr = json_array();
  if( pArr==0 ) *pRc = MARSAD_NOMEM;
  for(int i=0; *pRc==MARSAD_OK && i<p->figures.n; i++){
    const marsad_figure *f = &p->figures.a[i];
    json_t *o = json_object();
    if( o==0 ){ *pRc = MARSAD_NOMEM; break; }
    put(o, "value", json_integer((json_int_t)llround(f->pNum->dValue)), pRc);
    if( f->pNum->bRange ) put(o, "max", json_integer((json_int_t)llround(f->pNum->dMax)), pRc);
    put(o, "approx", json_string(marsad_approx_name(f->pNum->eApprox)), pRc);
    put(o, "vague", json_boolean(f->pNum->bVague), pRc);
    put(o, "counts", json_string(marsad_counts_name(f->eCounts)), pRc);
    put(o, "who", span_json(p, f->iWho0, f->iWho1), pRc);
    put(o, "total", json_boolean(f->bTotal), pRc);
    put(o, "reported_by", entity_json(p->aReporter[i]), pRc);
    put(o, "reported_by_text", span_json(p, f->src.iR0, f->src.iR1), pRc);
    put(o, "date", day_json(p, f->iDate), pRc);
    put_span(p, o, f->iStart, f->iEnd, pRc);
    append(pArr, o, pRc);
  }
  return pArr;
}

/* The statements array. */
static json_t *statements_json(const marsad_facts *p, int *pRc){
  json_t *pArr = json_array();
  if( pArr==0 ) *pRc = MARSAD_NOMEM;
  for(int i=0; *pRc==MARSAD_OK && i<p->statements.n; i++){
    const marsad_statement *s = &p->statements.a[i];
    json_t *o = json_object();
    if( o==0 ){ *pRc = MARSAD_NOMEM; break; }
    put(o, "speaker", entity_json(p->aSpeaker[i]), pRc);
    put(o, "speaker_text", span_json(p, s->spk.iR0, s->spk.iR1), pRc);
    put(o, "cue", span_json(p, s->iCue0, s->iCue1), pRc);
    put(o, "lemma", json_string(marsad_cue_lemmas[s->iLemma]), pRc);
    put(o, "stance", json_string(marsad_stance_name(s->eStance)), pRc);
    put(o, "content", span_json(p, s->iCont0, s->iCont1), pRc);
    put(o, "date", day_json(p, s->spk.iDate), pRc);
    put_span(p, o, s->iStart, s->iEnd, pRc);
    append(pArr, o, pRc);
  }
  return pArr;
}

int marsad_facts_to_json(const marsad_facts *p, json_t *pObj){
  int rc = MARSAD_OK;
  put(pObj, "dates", dates_json(p, &rc), &rc);
  put(pObj, "numbers", numbers_json(p, &rc), &rc);
  put(pObj, "figures", figures_json(p, &rc), &rc);
  put(pObj, "statements", statements_json(p, &rc), &rc);
  return rc;
}
