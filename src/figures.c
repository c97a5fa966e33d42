/*
** figures.c: which numbers are figures, what they count, and who reported
** them when (see figures.h). What a number counts is decided, in order, by:
**   1. a dual noun that is the number itself (قتيلان)
**   2. an event right before it (مقتل 81، أصيب وفقد 62، عاد منهم 320)
**   3. the counted noun after it (28 قتيلا، 14 من المرتزقة)
**   4. for a number that ends its phrase after إلى/من/بـ (ارتفعت إلى 231،
**      مؤلفة من 20), the nearest counted noun before it in its sentence,
**      passing over relative clauses (ممن قتلوا ...), and read as the head
**      of its construct (جثث المرتزقة counts bodies, حصيلة قتلى ... the dead).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "figures.h"
#include "lexicon.h"

#define BACK_MAX_WORDS   24   /* how far back a counted noun is looked for */
#define TOTAL_MAX_WORDS  15   /* how far back a running-total word counts */
#define WHO_MAX_WORDS     3   /* words of what is counted */
#define VERB_MAX_WORDS    6   /* how far before the number its clause's verb is looked for */
#define FATE_MAX_WORDS    8   /* how far after the counted noun a fate (مصرعهم) is looked for */
#define LOOK_BACK        16   /* statements, attributions or dates looked at
                                 around a figure (bounds the work) */

#define K_MIN    "\xd9\x85\xd9\x86"                        /* من */
#define K_MINHUM "\xd9\x85\xd9\x86\xd9\x87\xd9\x85"        /* منهم */
#define K_MINHA  "\xd9\x85\xd9\x86\xd9\x87\xd8\xa7"        /* منها */
#define K_ILA    "\xd8\xa7\xd9\x84\xd9\x8a"                /* إلى */
#define K_BA     "\xd8\xa8"                                /* بـ */

static const char *const azCounts[] = {
  "", "killed", "wounded", "missing", "kidnapped", "arrested", "fighters",
  "bodies", "returned", "displaced", "personnel", "other", "wounded_or_missing"
};

const char *marsad_counts_name(int eCounts){
  if( eCounts<1 || eCounts>=(int)(sizeof azCounts/sizeof azCounts[0]) ) return "other";
  return azCounts[eCounts];
}

/* The counts entry of word i (with or without its clitics), or NULL. */
static const marsad_lexent *counts_at(const marsad_words *pW, int i){
  int n;
  if( i<0 || i>=pW->nWord || pW->a[i].eKind!=MARSAD_TOKEN_ARABIC ) return 0;
  return marsad_lex_match(&marsad_lex_counts, pW, i, i+1, 1, &n);
}

/* True when word i is a cue or a function word (not part of what is counted). */
static int plain_word(const marsad_words *pW, int i, int iLimit){
  int n;
  if( i>=iLimit || pW->a[i].eKind!=MARSAD_TOKEN_ARABIC ) return 0;
  if( marsad_lex_match(&marsad_lex_function, pW, i, i+1, 1, &n) ) return 0;
  if( marsad_lex_match(&marsad_lex_cues, pW, i, i+1, 1, &n) ) return 0;
  if( marsad_lex_match(&marsad_lex_units_after, pW, i, i+1, 1, &n) ) return 0;
  return 1;
}

/* True when the number is a duration, money, a percentage, a measure or a
** reference rather than a count. */
static int not_a_count(const marsad_words *pW, const marsad_number *pN, int iFloor, int iLimit){
  int n;
  if( pN->bDual ) return 0;
  if( pN->iWord1<iLimit && marsad_lex_match(&marsad_lex_units_after, pW, pN->iWord1, iLimit, 1, &n) ) return 1;
  int iBefore = pN->iWord0-1;
  if( iBefore>=iFloor && pW->a[iBefore].anKey[0]<=4 && pW->a[iBefore].eKind==MARSAD_TOKEN_ARABIC
   && !marsad_word_is(pW, iBefore, K_BA) ) iBefore--;   /* the particle of الـ 48 */
  if( iBefore>=iFloor && marsad_lex_match_ending(&marsad_lex_units_before, pW, iBefore, iFloor, 1, &n) ) return 1;
  if( marsad_word_punct_in(pW, pN->iWord1, "/") || marsad_word_punct_in(pW, pN->iWord0-1, "/") ) return 1;
  return 0;
}

/* True when the event verb at word i already has its own subject, so that
** it does not share the number of a verb coordinated after it (ثلاثة أشخاص
** قتلوا وأصيب 23: the 23 are wounded only): a plural ending (قتلوا، فقدوا),
** or a number, or a number and its noun, right before it. */
static int has_subject(const marsad_words *pW, int i, int iFloor){
  size_t n;
  const char *z = marsad_word_key(pW, i, MARSAD_KEY_FULL, &n);
  if( n>=6 && memcmp(z+n-4, "\xd9\x88\xd8\xa7", 4)==0 ) return 1;   /* ـوا */
  if( i-1>=iFloor && pW->a[i-1].bNum ) return 1;
  return i-2>=iFloor && pW->a[i-2].bNum && counts_at(pW, i-1)!=0;
}

/* What the event before the number counts (0: none); *piEv its first word. */
static int event_before(const marsad_words *pW, const marsad_number *pN, int iFloor, int *piEv){
  int k = pN->iExpr0-1;
  if( marsad_word_is(pW, k, K_MINHUM) || marsad_word_is(pW, k, K_MINHA) ) k--;
  if( k<iFloor ) return 0;
  const marsad_lexent *e = counts_at(pW, k);
  if( e==0 || e->eB!=MARSAD_ROLE_EVENT ) return 0;
  int eCounts = e->eA;
  *piEv = k;
  const marsad_lexent *e2 = k-1>=iFloor ? counts_at(pW, k-1) : 0;
  size_t nConj;
  if( e2 && e2->eB==MARSAD_ROLE_EVENT && marsad_word_key(pW, k, MARSAD_KEY_CONJ, &nConj)
   && !has_subject(pW, k-1, iFloor) ){
    int a = e2->eA, b = eCounts;
    if( (a==MARSAD_COUNTS_WOUNDED && b==MARSAD_COUNTS_MISSING)
     || (a==MARSAD_COUNTS_MISSING && b==MARSAD_COUNTS_WOUNDED) ){
      eCounts = MARSAD_COUNTS_WOUNDED_OR_MISSING;
    }else{
      eCounts = a;
    }
    *piEv = k-1;
  }
  return eCounts;
}

/* True when word i also reads as و/ف and a particle (فقد = ف + قد, not
** "lost"): far from a number, it is not taken for an event. */
static int particle_read(const marsad_words *pW, int i){
  size_t n;
  int nMatch;
  if( marsad_word_key(pW, i, MARSAD_KEY_CONJ, &n)==0 ) return 0;
  const marsad_lexent *f = marsad_lex_match(&marsad_lex_function, pW, i, i+1, 1, &nMatch);
  return f!=0;
}

/* What the verb that opens the number's clause counts, when only its
** subject stands between them (أوقفت قوة من الجيش 23 شخصا، وأصيب في الحادث
** 3 أشخاص): an event at the sentence's start, after a comma or joined by
** و/ف, at most VERB_MAX_WORDS before the number with no punctuation,
** number or cue between; 0. */
static int clause_verb(const marsad_words *pW, const marsad_number *pN, int iFloor){
  for(int k=pN->iExpr0-1; k>=iFloor && k>=pN->iExpr0-VERB_MAX_WORDS; k--){
    int n;
    if( pW->a[k].eKind==MARSAD_TOKEN_PUNCT || pW->a[k].bNum
     || marsad_lex_match(&marsad_lex_cues, pW, k, k+1, 1, &n) ) return 0;
    const marsad_lexent *e = counts_at(pW, k);
    if( e==0 || e->eB!=MARSAD_ROLE_EVENT ) continue;
    if( particle_read(pW, k) ) return 0;   /* فقد كان أربعون شخصا */
    size_t nConj;
    if( k==iFloor || marsad_word_punct_in(pW, k-1, ",\xd8\x8c\xd8\x9b;")
     || marsad_word_key(pW, k, MARSAD_KEY_CONJ, &nConj) ) return e->eA;
    return 0;
  }
  return 0;
}

/* True when word i reads as a modifier of the noun before it: definite
** (المرتزقة السوريين، عناصر الجيش) or a nisba adjective (مقاتل سوري، جنود
** افغان). Verbs (ماتوا، ينشطون) and other words end what is counted. */
static int modifier(const marsad_words *pW, int i){
  size_t n;
  const char *z = marsad_word_key(pW, i, MARSAD_KEY_FULL, &n);
  if( n>=6 && memcmp(z, "\xd8\xa7\xd9\x84", 4)==0 ) return 1;            /* ال */
  if( n>=6 && memcmp(z+n-2, "\xd9\x8a", 2)==0 ) return 1;                 /* ـي */
  if( n>=8 && (memcmp(z+n-4, "\xd9\x8a\xd8\xa7", 4)==0                   /* ـيا */
            || memcmp(z+n-4, "\xd9\x8a\xd9\x87", 4)==0) ) return 1;      /* ـية */
  if( n>=10 && (memcmp(z+n-6, "\xd9\x8a\xd9\x8a\xd9\x86", 6)==0         /* ـيين */
             || memcmp(z+n-6, "\xd9\x8a\xd9\x88\xd9\x86", 6)==0) ) return 1; /* ـيون */
  return 0;
}

/* True when word i starts a date of pDates. */
static int date_at(const marsad_dates *pDates, int i){
  int d = marsad_dates_from(pDates, i);
  return d<pDates->n && pDates->a[d].iWord0==i;
}

/* Extends what is counted from its noun at word i: the end of [i, end).
** A date (شخصا الشهر الماضي) is not part of it. */
static int who_end(const marsad_words *pW, const marsad_dates *pDates, int i, int iLimit){
  int e = i+1;
  while( e<iLimit && e<i+WHO_MAX_WORDS && plain_word(pW, e, iLimit) && !pW->a[e].bNum
      && counts_at(pW, e)==0 && modifier(pW, e) && !date_at(pDates, e) ) e++;
  return e;
}

/* True when a counted noun of kind eCounts names no outcome (people,
** fighters, personnel): an event after it tells what befell them. */
static int neutral(int eCounts){
  return eCounts==MARSAD_COUNTS_OTHER || eCounts==MARSAD_COUNTS_FIGHTERS
      || eCounts==MARSAD_COUNTS_PERSONNEL;
}

/* What the event or fate at word k counts, when it is not joined by و/ف;
** 0. */
static int event_at(const marsad_words *pW, int k){
  size_t nConj;
  const marsad_lexent *e = counts_at(pW, k);
  if( e==0 || (e->eB!=MARSAD_ROLE_EVENT && e->eB!=MARSAD_ROLE_FATE) ) return 0;
  return marsad_word_key(pW, k, MARSAD_KEY_CONJ, &nConj) ? 0 : e->eA;
}

/* What befell the counted noun that ends at word i (iAfter: past its
** hedge): an event right after it, not joined by و/ف (500 مقاتل قتلوا; but
** ألف قتيل وجرح 9 آلاف starts another clause), or a fate within
** FATE_MAX_WORDS of its clause (لقي 7 أشخاص بينهم 5 أشقاء مصرعهم); 0. */
static int event_after(const marsad_words *pW, int i, int iAfter, int iLimit){
  int e = i<iLimit ? event_at(pW, i) : 0;
  if( e==0 && iAfter!=i && iAfter<iLimit ) e = event_at(pW, iAfter);
  for(int k=iAfter; e==0 && k<iLimit && k<iAfter+FATE_MAX_WORDS; k++){
    if( marsad_word_punct_in(pW, k, ",.\xd8\x8c\xd8\x9b;") ) break;
    const marsad_lexent *f = counts_at(pW, k);
    if( f && f->eB==MARSAD_ROLE_FATE ) e = f->eA;
  }
  return e;
}

/* What the noun after the number counts (0: none); sets [*piWho0, *piWho1). */
static int noun_after(const marsad_words *pW, const marsad_dates *pDates, const marsad_number *pN,
                      int iLimit, int *piWho0, int *piWho1){
  int k = pN->iWord1;
  if( marsad_word_is(pW, k, K_MIN) ) k++;
  if( k>=iLimit ) return 0;
  const marsad_lexent *e = counts_at(pW, k);
  if( e==0 || e->eB==MARSAD_ROLE_EVENT || e->eB==MARSAD_ROLE_DUAL || e->eB==MARSAD_ROLE_FATE ) return 0;
  *piWho0 = k;
  if( e->eB==MARSAD_ROLE_HEAD && e->eA==MARSAD_COUNTS_OTHER ){
    /* a neutral head counts through its noun: 12 حالة وفاة */
    const marsad_lexent *n = k+1<iLimit ? counts_at(pW, k+1) : 0;
    if( n==0 || n->eB!=MARSAD_ROLE_NOUN ) return 0;
    *piWho1 = who_end(pW, pDates, k+1, iLimit);
    return n->eA;
  }
  *piWho1 = who_end(pW, pDates, k, iLimit);
  int iAfter = *piWho1>pN->iExpr1 ? *piWho1 : pN->iExpr1;   /* past a hedge: أشخاص على الأقل حتفهم */
  int eAfter = neutral(e->eA) ? event_after(pW, *piWho1, iAfter, iLimit) : 0;
  return eAfter ? eAfter : e->eA;
}

/* Quotation marks: " “ ” « ». */
#define QUOTE_MARKS "\"\xe2\x80\x9c\xe2\x80\x9d\xc2\xab\xc2\xbb"

/* The word before word k, passing over quotation marks. */
static int prev_word(const marsad_words *pW, int k, int iFloor){
  k--;
  while( k>=iFloor && marsad_word_punct_in(pW, k, QUOTE_MARKS) ) k--;
  return k;
}

/* True when word k is a relative pronoun. */
static int is_relative(const marsad_words *pW, int k){
  int n;
  const marsad_lexent *e = k>=0 ? marsad_lex_match(&marsad_lex_function, pW, k, k+1, 1, &n) : 0;
  return e && e->eA==MARSAD_FW_REL;
}

/* For a number ending its phrase after إلى/من/بـ: the nearest counted noun
** or event before it in the sentence, read through its construct. Returns
** its counts (0: none) and sets [*piWho0, *piWho1). */
static int back_scan(const marsad_words *pW, const marsad_number *pN, int iFloor, int iLimit,
                     int *piWho0, int *piWho1){
  int k = pN->iExpr0-1;
  if( !(marsad_word_is(pW, k, K_ILA) || marsad_word_is(pW, k, K_MIN) || marsad_word_is(pW, k, K_BA)) ) return 0;
  int iStop = k-BACK_MAX_WORDS;
  if( iStop<iFloor ) iStop = iFloor;
  for(k=k-1; k>=iStop; k--){
    int n;
    if( pW->a[k].bNum || marsad_lex_match(&marsad_lex_cues, pW, k, k+1, 1, &n) ) return 0;
    const marsad_lexent *e = counts_at(pW, k);
    if( e==0 || e->eB==MARSAD_ROLE_DUAL || e->eB==MARSAD_ROLE_FATE || particle_read(pW, k)
     || (e->eB==MARSAD_ROLE_HEAD && e->eA==MARSAD_COUNTS_OTHER) ) continue;
    int p = prev_word(pW, k, iFloor);
    if( is_relative(pW, p) ){ k = p; continue; }   /* inside a relative clause */
    int eCounts = e->eA, i0 = k;
    for(;;){
      const marsad_lexent *h = p>=iFloor ? counts_at(pW, p) : 0;
      if( h==0 || h->eA==MARSAD_COUNTS_OTHER || h->eB==MARSAD_ROLE_EVENT || h->eB==MARSAD_ROLE_DUAL
       || h->eB==MARSAD_ROLE_FATE ) break;
      eCounts = h->eA;
      i0 = p;
      p = prev_word(pW, p, iFloor);
    }
    *piWho0 = i0;
    *piWho1 = k+1;
    /* a construct that runs into a quote: جثث "مرتزقة الفصائل" */
    for(int q=i0; q<k; q++){
      if( !marsad_word_punct_in(pW, q, QUOTE_MARKS) ) continue;
      for(int c=k+1; c<iLimit && c<=k+3; c++){
        if( marsad_word_punct_in(pW, c, QUOTE_MARKS) ){ *piWho1 = c+1; break; }
      }
      break;
    }
    return eCounts;
  }
  return 0;
}

/* True when the number is followed by a noun of its own that counts
** nothing listed (تتكون من 4 أسطر): a word that is neither a function word,
** a cue, a unit, a counted word nor part of a date. Such a number does not
** take a counted noun from before it. */
static int own_noun(const marsad_words *pW, const marsad_dates *pDates, const marsad_number *pN,
                    int iLimit){
  int j = pN->iExpr1, n;
  if( j>=iLimit || pW->a[j].eKind!=MARSAD_TOKEN_ARABIC || counts_at(pW, j) ) return 0;
  const marsad_lexent *f = marsad_lex_match(&marsad_lex_function, pW, j, j+1, 1, &n);
  if( f && f->eA!=MARSAD_FW_ANON && f->eA!=MARSAD_FW_MANY ) return 0;   /* أربع جهات is a noun */
  if( marsad_lex_match(&marsad_lex_cues, pW, j, j+1, 1, &n)
   || marsad_lex_match(&marsad_lex_units_after, pW, j, iLimit, 1, &n) ) return 0;
  return !date_at(pDates, j);
}

/* True when a running-total word comes before the number in its clause. */
static int is_total(const marsad_words *pW, const marsad_number *pN, int iFloor){
  for(int k=pN->iExpr0-1; k>=iFloor && k>=pN->iExpr0-TOTAL_MAX_WORDS; k--){
    int n;
    if( marsad_word_punct_in(pW, k, ",\xd8\x8c\xd8\x9b;") ) break;
    if( marsad_lex_match(&marsad_lex_totals, pW, k, pN->iExpr0, 1, &n) ) return 1;
  }
  return 0;
}

/* The statement whose content holds word iWord: the one who says it, not
** a statement reported inside another's words (nested); -1. Statements are
** in the order of their cues: the LOOK_BACK ones whose cue comes last
** before the word, in its sentence, are looked at. */
static int statement_at(const marsad_statements *pSt, const marsad_words *pW, int iWord,
                        long *pnWork){
  int lo = 0, hi = pSt->n;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( pSt->a[mid].iCue0<iWord ) lo = mid+1; else hi = mid;
  }
  int iBest = -1, iSent = pW->a[iWord].iSent;
  for(int i=lo-1; i>=0 && i>=lo-LOOK_BACK && pSt->a[i].iSent==iSent; i--){
    const marsad_statement *s = &pSt->a[i];
    (*pnWork)++;
    if( s->iParent>=0 || iWord<s->iCont0 || iWord>=s->iCont1 ) continue;
    if( s->iCont0<s->iCue0 ) continue;   /* a claim denied (تنفيه) is not the denier's figure */
    if( iBest<0 || s->iCont0>pSt->a[iBest].iCont0 ) iBest = i;
  }
  return iBest;
}

/* The attribution of the sentence of word i nearest to it, among the
** LOOK_BACK before and after it; -1. Attributions are in text order. */
static int attribution_at(const marsad_statements *pSt, const marsad_words *pW, int i,
                          long *pnWork){
  int lo = 0, hi = pSt->nAttr;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( pSt->aAttr[mid].iWord0<i ) lo = mid+1; else hi = mid;
  }
  int iBest = -1, nBest = 0;
  int a0 = lo-LOOK_BACK>0 ? lo-LOOK_BACK : 0;
  for(int a=a0; a<pSt->nAttr && a<lo+LOOK_BACK; a++){
    const marsad_attrib *t = &pSt->aAttr[a];
    (*pnWork)++;
    if( pW->a[t->iWord0].iSent!=pW->a[i].iSent || t->src.iR0==t->src.iR1 ) continue;
    int gap = t->iWord0>i ? t->iWord0-i : i-t->iWord1;
    if( iBest<0 || gap<nBest ){ iBest = a; nBest = gap; }
  }
  return iBest;
}

/* The day the figure at word i was reported: the day its source said it
** (iSaid, when its sentence tells), else a recent day of its sentence (the
** last before it, else the first after it, among the LOOK_BACK dates each
** way: قتل 5 أمس); else -1, the publication day. A date further back is
** when the counted thing happened, not when it was reported. */
static int figure_date(const marsad_words *pW, const marsad_dates *pDates, const marsad_ymd *pPub,
                       int i, int iSaid, long *pnWork){
  if( iSaid>=0 ) return iSaid;
  int iSent = pW->a[i].iSent, lo = marsad_dates_from(pDates, i);
  for(int d=lo-1; d>=0 && d>=lo-LOOK_BACK && pW->a[pDates->a[d].iWord0].iSent==iSent; d--){
    (*pnWork)++;
    if( marsad_dates_recent(pDates, d, pPub) ) return d;
  }
  for(int d=lo; d<pDates->n && d<lo+LOOK_BACK && pW->a[pDates->a[d].iWord0].iSent==iSent; d++){
    (*pnWork)++;
    if( marsad_dates_recent(pDates, d, pPub) ) return d;
  }
  return -1;
}

/* Appends a figure. */
static int push_figure(marsad_figures *pOut, const marsad_figure *pF){
  if( pOut->n>=pOut->nAlloc ){
    int nNew = pOut->nAlloc ? pOut->nAlloc*2 : 16;
    marsad_figure *aNew = marsad_realloc(pOut->a, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    pOut->a = aNew;
    pOut->nAlloc = nNew;
  }
  pOut->a[pOut->n++] = *pF;
  return MARSAD_OK;
}

/* True when number pN starts, with و, right where figure pPrev (of the
** same sentence) ends. */
static int joined_to(const marsad_words *pW, const marsad_number *pN, const marsad_figure *pPrev){
  size_t n;
  int iEnd = pPrev->iWho1>pPrev->pNum->iExpr1 ? pPrev->iWho1 : pPrev->pNum->iExpr1;
  if( pN->iExpr0!=iEnd || pW->a[pN->iExpr0].iSent!=pW->a[pPrev->pNum->iWord0].iSent ) return 0;
  const char *z = marsad_word_key(pW, pN->iExpr0, MARSAD_KEY_FULL, &n);
  return marsad_word_key(pW, pN->iExpr0, MARSAD_KEY_CONJ, &n) && memcmp(z, "\xd9\x88", 2)==0;
}

/* Reads number pN as a figure; appends it when it is one. */
static int read_figure(const marsad_words *pW, const marsad_number *pN,
                       const marsad_statements *pSt, const marsad_dates *pDates,
                       const marsad_ymd *pPub, marsad_figures *pOut){
  int iSent = pW->a[pN->iWord0].iSent;
  int iFloor = pW->aSent[iSent], iLimit = pW->aSent[iSent+1];
  marsad_figure f;
  memset(&f, 0, sizeof f);
  f.pNum = pN;
  f.iWho0 = f.iWho1 = pN->iWord0;
  if( not_a_count(pW, pN, iFloor, iLimit) ) return MARSAD_OK;
  int iEv = pN->iExpr0;
  if( pN->bDual ){
    f.eCounts = counts_at(pW, pN->iWord0)->eA;
    f.iWho1 = pN->iWord1;
    if( neutral(f.eCounts) ){   /* وتوفي شخصان، لقي شخصان مصرعهما */
      int e = event_before(pW, pN, iFloor, &iEv);
      if( e==0 ) e = event_after(pW, pN->iWord1, pN->iExpr1, iLimit);
      if( e ) f.eCounts = e;
    }
  }else{
    int eEvent = event_before(pW, pN, iFloor, &iEv);
    int eNoun = noun_after(pW, pDates, pN, iLimit, &f.iWho0, &f.iWho1);
    f.eCounts = eEvent ? eEvent : eNoun;
    if( f.eCounts==0 && !own_noun(pW, pDates, pN, iLimit) ){
      f.eCounts = back_scan(pW, pN, iFloor, iLimit, &f.iWho0, &f.iWho1);
    }else if( f.eCounts==MARSAD_COUNTS_OTHER && eEvent==0 ){
      /* ارتفع عدد القتلى إلى 15 شخصا: the people are the dead */
      int w0, w1, eBack = back_scan(pW, pN, iFloor, iLimit, &w0, &w1);
      if( eBack && !neutral(eBack) ) f.eCounts = eBack;
    }
    if( neutral(f.eCounts) && eEvent==0 ){
      int eVerb = clause_verb(pW, pN, iFloor);
      if( eVerb ) f.eCounts = eVerb;
    }
  }
  if( f.eCounts==0 ) return MARSAD_OK;
  /* a number joined by و to the figure before it shares what befell it:
  ** قتل أربعة أطفال وثلاث نساء */
  const marsad_figure *pPrev = pOut->n ? &pOut->a[pOut->n-1] : 0;
  if( neutral(f.eCounts) && pPrev && !neutral(pPrev->eCounts) && joined_to(pW, pN, pPrev) ){
    f.eCounts = pPrev->eCounts;
  }
  f.bTotal = is_total(pW, pN, iFloor);
  f.iStmt = statement_at(pSt, pW, pN->iWord0, &pOut->nWork);
  int iSaid = -1;
  if( f.iStmt>=0 ){
    f.src = pSt->a[f.iStmt].spk;
    iSaid = f.src.iDate;
  }else{
    int a = attribution_at(pSt, pW, pN->iWord0, &pOut->nWork);
    if( a>=0 ){ f.src = pSt->aAttr[a].src; iSaid = f.src.iDate; }
    else { f.src.iR0 = f.src.iR1 = 0; }
  }
  f.iDate = figure_date(pW, pDates, pPub, pN->iWord0, iSaid, &pOut->nWork);
  int i0 = iEv<pN->iExpr0 ? iEv : pN->iExpr0;
  int i1 = (f.iWho1>pN->iExpr1 && f.iWho0>=pN->iWord1) ? f.iWho1 : pN->iExpr1;
  f.iStart = pW->a[i0].iStart;
  f.iEnd = pW->a[i1-1].iEnd;
  return push_figure(pOut, &f);
}

int marsad_figures_find(const marsad_words *pW, const marsad_numbers *pNums,
                        const marsad_statements *pSt, const marsad_dates *pDates,
                        const marsad_ymd *pPub, marsad_figures *pOut){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<pNums->n; i++){
    rc = read_figure(pW, &pNums->a[i], pSt, pDates, pPub, pOut);
  }
  return rc;
}

void marsad_figures_free(marsad_figures *p){
  if( p==0 ) return;
  marsad_free(p->a);
  memset(p, 0, sizeof *p);
}
