/*
** numbers.c: numbers, number words, vague quantities, hedges and ranges
** (see numbers.h).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "lexicon.h"
#include "numbers.h"

#define K_BAYNA "\xd8\xa8\xd9\x8a\xd9\x86"   /* بين */
#define K_WAW   "\xd9\x88"                   /* و */
#define K_ALEF_OR "\xd8\xa7\xd9\x88 "        /* "او " (أو ...) */

const char *marsad_approx_name(int eApprox){
  switch( eApprox ){
    case MARSAD_APPROX_AT_LEAST: return "at_least";
    case MARSAD_APPROX_AT_MOST:  return "at_most";
    case MARSAD_APPROX_ABOUT:    return "about";
  }
  return "exact";
}

/* A number being read. */
typedef struct num_read {
  double dTotal;       /* sum of the completed multiplier groups */
  double dCur;         /* the group being read */
  double dMult;        /* the last multiplier read (ألف: 1000), or 0 */
  int bAny;            /* something was read */
  int bVague;
} num_read;

/* Reads one number (digits and/or number words) starting at word i, never
** past iLimit or a word flagged in aUsed. Returns the words it spans (0:
** none) and sets *pValue and *pbVague. */
static int read_number(const marsad_words *pW, const unsigned char *aUsed,
                       int i, int iLimit, double *pValue, int *pbVague){
  num_read r = {0, 0, 0, 0, 0};
  int j = i;
  while( j<iLimit && !(aUsed && aUsed[j]) ){
    const marsad_word *w = &pW->a[j];
    if( w->bNum ){
      if( r.bAny || w->dNum>MARSAD_NUMBER_MAX ) break;   /* ids, phone numbers */
      r.dCur = w->dNum;
      r.bAny = 1;
      j++;
      continue;
    }
    if( w->eKind!=MARSAD_TOKEN_ARABIC ) break;
    /* the rest in digits after a multiplier: 3 آلاف و800 */
    if( r.dMult>0 && r.dCur==0 && marsad_word_is(pW, j, K_WAW) && j+1<iLimit
     && pW->a[j+1].bNum && !(aUsed && aUsed[j+1]) && pW->a[j+1].dNum<r.dMult ){
      r.dCur = pW->a[j+1].dNum;
      j += 2;
      break;
    }
    int n;
    const marsad_lexent *e = marsad_lex_match(&marsad_lex_numbers, pW, j, iLimit, 1, &n);
    if( e==0 ) break;
    double v = (double)e->iValue;
    int eKind = e->eA;
    if( r.bVague ) break;
    if( eKind==MARSAD_NUMW_MULTS ) eKind = r.bAny ? MARSAD_NUMW_MULT : MARSAD_NUMW_VAGUE;
    switch( eKind ){
      case MARSAD_NUMW_UNIT: case MARSAD_NUMW_TEN: case MARSAD_NUMW_WHOLE:
        r.dCur += v;
        break;
      case MARSAD_NUMW_HUNDRED:
        r.dCur = (r.dCur>0 && r.dCur<10) ? r.dCur*100 : r.dCur+100;
        break;
      case MARSAD_NUMW_MULT:
        r.dTotal += (r.dCur>0 ? r.dCur : 1) * v;
        r.dCur = 0;
        r.dMult = v;
        break;
      default: /* vague */
        if( r.bAny ) goto done;
        r.dCur = v;
        r.bVague = 1;
        break;
    }
    r.bAny = 1;
    j += n;
  }
done:
  if( r.dTotal + r.dCur > MARSAD_NUMBER_MAX ) return 0;
  *pValue = r.dTotal + r.dCur;
  *pbVague = r.bVague;
  return r.bAny ? j-i : 0;
}

/* Appends a number. */
static int push_number(marsad_numbers *pOut, const marsad_number *pN){
  if( pOut->n>=pOut->nAlloc ){
    int nNew = pOut->nAlloc ? pOut->nAlloc*2 : 16;
    marsad_number *aNew = marsad_realloc(pOut->a, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    pOut->a = aNew;
    pOut->nAlloc = nNew;
  }
  pOut->a[pOut->n++] = *pN;
  return MARSAD_OK;
}

/* True when hedge entry e binds only to the word right after the number
** (أو أكثر, وأكثر): a conjunction, which must not skip a noun. */
static int hedge_adjacent(const marsad_lexent *e){
  return (e->nKey>=5 && memcmp(e->zKey, K_ALEF_OR, 5)==0)
      || (e->nKey>=2 && memcmp(e->zKey, K_WAW, 2)==0);
}

/* Applies the hedges around number *pN (within [iFloor, iLimit)). */
static void read_hedges(const marsad_words *pW, int iFloor, int iLimit, marsad_number *pN){
  int n;
  int iBefore = pN->iWord0 - 1;
  /* one attached particle may stand between the hedge and the number: بـ, الـ */
  const marsad_lexent *e = marsad_lex_match_wild_ending(&marsad_lex_hedges_before, pW, iBefore, iFloor, 1, &n);
  if( e==0 && iBefore>iFloor && pW->a[iBefore].anKey[0]<=4 && pW->a[iBefore].eKind==MARSAD_TOKEN_ARABIC ){
    e = marsad_lex_match_wild_ending(&marsad_lex_hedges_before, pW, iBefore-1, iFloor, 1, &n);
    if( e ) n++;
  }
  if( e ){
    pN->eApprox = e->eA;
    pN->iExpr0 = pN->iWord0 - n;
  }
  for(int skip=0; skip<=2; skip++){
    int j = pN->iWord1 + skip;
    if( j>=iLimit || (skip>0 && pW->a[j-1].eKind!=MARSAD_TOKEN_ARABIC) ) break;
    e = marsad_lex_match_wild(&marsad_lex_hedges_after, pW, j, iLimit, 0, &n);
    if( e && (skip==0 || !hedge_adjacent(e)) ){
      if( pN->eApprox==MARSAD_APPROX_EXACT ) pN->eApprox = e->eA;
      pN->iExpr1 = j + n;
      break;
    }
  }
}

/* Reads the second half of a range "بين X و Y" after number *pN. */
static int read_range(const marsad_words *pW, const unsigned char *aUsed,
                      int iLimit, marsad_number *pN){
  int j = pN->iWord1;
  double v;
  int bVague, n;
  if( !marsad_word_is(pW, pN->iWord0-1, K_BAYNA) ) return 0;
  if( marsad_word_is(pW, j, K_WAW) ) j++;
  n = read_number(pW, aUsed, j, iLimit, &v, &bVague);
  if( n==0 || v<=pN->dValue ) return 0;
  pN->dMax = v;
  pN->bRange = 1;
  pN->eApprox = MARSAD_APPROX_AT_LEAST;
  pN->iExpr0 = pN->iWord0 - 1;
  pN->iExpr1 = j + n;
  return 1;
}

/* Reads a number or a dual noun at word i of the sentence ending at
** iLimit; returns the words used (0 when none). */
static int scan_number(const marsad_words *pW, const unsigned char *aUsed, int iFloor,
                       int i, int iLimit, marsad_numbers *pOut, int *pRc){
  marsad_number num;
  memset(&num, 0, sizeof num);
  int n;
  if( pW->a[i].eKind==MARSAD_TOKEN_ARABIC ){
    const marsad_lexent *e = marsad_lex_match(&marsad_lex_counts, pW, i, i+1, 1, &n);
    if( e && e->eB==MARSAD_ROLE_DUAL ){
      num.iWord0 = num.iExpr0 = i;
      num.iWord1 = num.iExpr1 = i+1;
      num.dValue = num.dMax = 2;
      num.bDual = 1;
      *pRc = push_number(pOut, &num);
      return 1;
    }
  }
  n = read_number(pW, aUsed, i, iLimit, &num.dValue, &num.bVague);
  if( n==0 ) return 0;
  num.iWord0 = num.iExpr0 = i;
  num.iWord1 = num.iExpr1 = i+n;
  num.dMax = num.dValue;
  if( num.bVague ) num.eApprox = MARSAD_APPROX_AT_LEAST;
  if( !read_range(pW, aUsed, iLimit, &num) ) read_hedges(pW, iFloor, iLimit, &num);
  *pRc = push_number(pOut, &num);
  return num.iExpr1 - i;
}

/* True when word i may start what scan_number reads: digits, or an Arabic
** word that starts an entry of the tables of mStart (number words, counted
** nouns for a dual: marsad_lex_bit). */
static int may_start_number(const marsad_words *pW, int i, unsigned mStart){
  unsigned g = pW->aGate[i];   /* not the word: most words start nothing */
  return (g & MARSAD_WORD_NUM) || ((g & MARSAD_WORD_ARABIC) && (g & mStart));
}

int marsad_numbers_find(const marsad_words *pW, const unsigned char *aUsed,
                        marsad_numbers *pOut){
  unsigned mStart = marsad_lex_bit(&marsad_lex_numbers) | marsad_lex_bit(&marsad_lex_counts);
  int rc = MARSAD_OK;
  for(int s=0; rc==MARSAD_OK && s<pW->nSent; s++){
    int iLimit = pW->aSent[s+1];
    for(int i=pW->aSent[s]; rc==MARSAD_OK && i<iLimit; ){
      int n = ((aUsed && aUsed[i]) || !may_start_number(pW, i, mStart))
            ? 0 : scan_number(pW, aUsed, pW->aSent[s], i, iLimit, pOut, &rc);
      i += n>0 ? n : 1;
    }
  }
  return rc;
}

void marsad_numbers_free(marsad_numbers *p){
  if( p==0 ) return;
  marsad_free(p->a);
  p->a = 0;
  p->n = p->nAlloc = 0;
}
