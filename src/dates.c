/*
** dates.c: finding and resolving dates in Arabic news text (see dates.h).
** The grammar, read at each word:
**   [يوم] WEEKDAY [DAY [من] MONTH ...] [DIRECTION]
**   RELATIVE [[يوم] WEEKDAY] [DAY [من] MONTH ...]
**   DAY [من] MONTH [/MONTH] [[عام] YEAR [هـ]] [DIRECTION]
**   MONTH [/MONTH] [YEAR] [DIRECTION]          (a month with its year)
**   عام|سنة YEAR                                (a year)
**   DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY-MM-DD [هـ]  (Hijri when marked
**                                             or when the year is 1300-1500)
** The word lists are data/facts_months.tsv, facts_weekdays.tsv,
** facts_relative.tsv and facts_direction.tsv.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "dates.h"
#include "lexicon.h"

/* Keys (normalized) of the few grammar words of the dates. */
#define K_MIN    "\xd9\x85\xd9\x86"                         /* من */
#define K_YAWM   "\xd9\x8a\xd9\x88\xd9\x85"                 /* يوم */
#define K_AAM    "\xd8\xb9\xd8\xa7\xd9\x85"                 /* عام */
#define K_ALAAM  "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x85" /* العام */
#define K_SANA   "\xd8\xb3\xd9\x86\xd9\x87"                 /* سنة */
#define K_HA     "\xd9\x87"                                 /* هـ */
#define K_HIJRI  "\xd9\x87\xd8\xac\xd8\xb1\xd9\x8a"         /* هجري */
#define K_HIJRIA "\xd9\x87\xd8\xac\xd8\xb1\xd9\x8a\xd9\x87" /* هجرية */
/* Years of a numeric date read as Hijri without a mark (1300 AH began in
** 1882, 1500 AH will in 2077). */
#define HIJRI_YEAR_MIN 1300
#define HIJRI_YEAR_MAX 1500
/* How many days before publication a written date may be the day of a
** report. */
#define RECENT_DAYS 7
#define K_SHAHR  "\xd8\xb4\xd9\x87\xd8\xb1"                 /* شهر */

int marsad_ymd_parse(const char *z, marsad_ymd *pOut){
  if( z==0 ) return 0;
  for(int i=0; i<10; i++){
    if( i==4 || i==7 ){ if( z[i]!='-' ) return 0; }
    else if( z[i]<'0' || z[i]>'9' ) return 0;
  }
  marsad_ymd v = { atoi(z), atoi(z+5), atoi(z+8) };
  if( v.m<1 || v.m>12 || v.d<1 || v.d>31 ) return 0;
  *pOut = v;
  return 1;
}

/* Writes the nDigit last decimal digits of v (0 <= v) at z. */
static void put_digits(char *z, int v, int nDigit){
  for(int i=nDigit-1; i>=0; i--){
    z[i] = (char)('0' + v%10);
    v /= 10;
  }
}

void marsad_ymd_format(const marsad_ymd *p, int ePrec, char z[11]){
  z[0] = 0;                      /* by hand: it runs for every fact stored */
  if( p->y<=0 || p->y>9999 ) return;
  put_digits(z, p->y, 4);
  z[4] = 0;
  if( ePrec==MARSAD_PREC_YEAR || p->m==0 ) return;
  z[4] = '-';
  put_digits(z+5, p->m, 2);
  z[7] = 0;
  if( ePrec==MARSAD_PREC_MONTH || p->d==0 ) return;
  z[7] = '-';
  put_digits(z+8, p->d, 2);
  z[10] = 0;
}

long marsad_ymd_days(const marsad_ymd *p){
  long y = p->y - (p->m<=2);
  long era = (y>=0 ? y : y-399) / 400;
  long yoe = y - era*400;
  long doy = (153L*(p->m + (p->m>2 ? -3 : 9)) + 2)/5 + p->d - 1;
  long doe = yoe*365 + yoe/4 - yoe/100 + doy;
  return era*146097 + doe - 719468;
}

marsad_ymd marsad_ymd_from_days(long nDays){
  long z = nDays + 719468;
  long era = (z>=0 ? z : z-146096) / 146097;
  long doe = z - era*146097;
  long yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365;
  long doy = doe - (365*yoe + yoe/4 - yoe/100);
  long mp = (5*doy + 2)/153;
  marsad_ymd v;
  v.d = (int)(doy - (153*mp + 2)/5 + 1);
  v.m = (int)(mp<10 ? mp+3 : mp-9);
  v.y = (int)(yoe + era*400 + (v.m<=2));
  return v;
}

marsad_ymd marsad_hijri_to_gregorian(int y, int m, int d){
  /* Julian day number of the tabular (civil) Islamic calendar. */
  long jdn = d + (295L*(m-1) + 9)/10 + (y-1)*354L + (3 + 11L*y)/30 + 1948439L;
  return marsad_ymd_from_days(jdn - 2440588L);
}

/* Days in month m of year y. */
static int month_days(int y, int m){
  static const unsigned char aDays[12] = {31,28,31,30,31,30,31,31,30,31,30,31};
  if( m==2 ) return (y%4==0 && (y%100!=0 || y%400==0)) ? 29 : 28;
  return aDays[m-1];
}

/* Weekday (0 Sunday) of a valid date. */
static int weekday_of(const marsad_ymd *p){
  long n = marsad_ymd_days(p);
  return (int)(((n % 7) + 11) % 7);
}

/* The state of one search. */
typedef struct date_scan {
  const marsad_words *pW;
  const marsad_ymd *pRef;    /* publication date or NULL */
  const marsad_ymd *pNow;    /* a day after publication (ingestion) or NULL */
  unsigned char *aUsed;      /* words used by dates, or NULL */
  marsad_dates *pOut;
  int iLimit;                /* end of the current sentence (word index) */
} date_scan;

/* What the explicit part of a date says. */
typedef struct date_parts {
  int d, m, y;               /* 0 when not written */
  int eCal;                  /* MARSAD_CAL_* of the month */
  int iDir;                  /* -1, 0, 1 from a direction word; 2 when none */
  int iEnd;                  /* word after the expression */
} date_parts;

/* True when word i's key, as written or without و/ف and ب/ل, is z. */
static int word_or_conj(const marsad_words *pW, int i, const char *z){
  for(int v=MARSAD_KEY_FULL; v<=MARSAD_KEY_PREP; v++){
    size_t n;
    const char *k = i>=0 && i<pW->nWord ? marsad_word_key(pW, i, v, &n) : 0;
    if( k && n==strlen(z) && memcmp(k, z, n)==0 ) return 1;
  }
  return 0;
}

/* True when word i is a whole number in digits within [lo, hi] with at most
** nMaxDigits digits. */
static int is_int(const marsad_words *pW, int i, int lo, int hi, int nMaxDigits){
  if( i<0 || i>=pW->nWord || !pW->a[i].bNum ) return 0;
  double v = pW->a[i].dNum;
  return v>=lo && v<=hi && v==(long)v && pW->a[i].nDigits<=nMaxDigits;
}

/* Month at word i (only within the sentence): its entry and word count. */
static const marsad_lexent *month_at(const date_scan *p, int i, int *pn){
  return marsad_lex_match(&marsad_lex_months, p->pW, i, p->iLimit, 1, pn);
}

/* Reads [/MONTH] [[عام] YEAR [هـ]] [DIRECTION] after a month ending before
** word i, into *pParts. */
/* True when word i is عام, العام or سنة (also with a preposition: للعام). */
static int is_year_word(const marsad_words *pW, int i){
  for(int v=MARSAD_KEY_FULL; v<=MARSAD_KEY_PREP; v++){
    size_t n;
    const char *k = i>=0 && i<pW->nWord ? marsad_word_key(pW, i, v, &n) : 0;
    if( k && ((n==strlen(K_AAM) && memcmp(k, K_AAM, n)==0) || (n==strlen(K_ALAAM) && memcmp(k, K_ALAAM, n)==0)
           || (n==strlen(K_SANA) && memcmp(k, K_SANA, n)==0)) ) return 1;
  }
  return 0;
}

/* True when word i marks a Hijri year: هـ، هجري، هجرية. */
static int hijri_mark(const marsad_words *pW, int i){
  return marsad_word_is(pW, i, K_HA) || marsad_word_is(pW, i, K_HIJRI)
      || marsad_word_is(pW, i, K_HIJRIA);
}

/* Reads a year at word j: [عام|سنة] [(] YYYY [)] [هـ|هجري]. Returns the
** word after it (j when there is none) and sets *pY and *pbHijri. */
static int read_year(const date_scan *p, int j, int *pY, int *pbHijri){
  const marsad_words *pW = p->pW;
  int i = j;
  if( is_year_word(pW, i) ) i++;
  int bParen = marsad_word_punct_in(pW, i, "(");
  if( bParen ) i++;
  if( i>=p->iLimit || !is_int(pW, i, 1000, 2200, 4) ) return j;
  *pY = (int)pW->a[i].dNum;
  i++;
  if( bParen ){
    if( !marsad_word_punct_in(pW, i, ")") ) return j;
    i++;
  }
  *pbHijri = hijri_mark(pW, i);
  return i + *pbHijri;
}

static void read_tail(const date_scan *p, int i, date_parts *pParts){
  const marsad_words *pW = p->pW;
  int n, y = 0, bHijri = 0;
  if( marsad_word_punct_in(pW, i, "/(") && month_at(p, i+1, &n) ){
    i += 1 + n;
    if( marsad_word_punct_in(pW, i, ")") ) i++;
  }
  int j = read_year(p, i, &y, &bHijri);
  if( j>i ){
    pParts->y = y;
    if( bHijri ) pParts->eCal = MARSAD_CAL_HIJRI;
    i = j;
  }
  pParts->iDir = 2;
  const marsad_lexent *e = i<p->iLimit ? marsad_lex_match(&marsad_lex_direction, pW, i, p->iLimit, 0, &n) : 0;
  if( e ){ pParts->iDir = (int)e->iValue; i += n; }
  pParts->iEnd = i;
}

/* Reads DAY [من] MONTH ... at word i. Returns 1 and fills *pParts. */
static int read_day_month(const date_scan *p, int i, date_parts *pParts){
  const marsad_words *pW = p->pW;
  int n;
  memset(pParts, 0, sizeof *pParts);
  if( !is_int(pW, i, 1, 31, 2) ) return 0;
  int j = i+1;
  if( marsad_word_is(pW, j, K_MIN) ) j++;
  const marsad_lexent *e = j<p->iLimit ? month_at(p, j, &n) : 0;
  if( e==0 ) return 0;
  pParts->d = (int)pW->a[i].dNum;
  pParts->m = (int)e->iValue;
  pParts->eCal = e->eA;
  read_tail(p, j+n, pParts);
  if( pParts->eCal==MARSAD_CAL_HIJRI && pParts->y==0 ) return 0;
  if( pParts->eCal==MARSAD_CAL_GREGORIAN && pParts->d > month_days(pParts->y ? pParts->y : 2000, pParts->m) ) return 0;
  return 1;
}

/* Reads MONTH [/MONTH] [YEAR] [DIRECTION] at word i (a strict month needs
** its year). Returns 1 and fills *pParts. */
static int read_month(const date_scan *p, int i, date_parts *pParts){
  int n;
  memset(pParts, 0, sizeof *pParts);
  if( word_or_conj(p->pW, i, K_SHAHR) ) i++;   /* شهر نوفمبر */
  const marsad_lexent *e = month_at(p, i, &n);
  if( e==0 ) return 0;
  pParts->m = (int)e->iValue;
  pParts->eCal = e->eA;
  read_tail(p, i+n, pParts);
  if( pParts->y==0 && (e->eB || pParts->eCal==MARSAD_CAL_HIJRI) ) return 0;
  return 1;
}

/* Signed distance in days between two dates. */
static long day_gap(const marsad_ymd *a, const marsad_ymd *b){
  return marsad_ymd_days(a) - marsad_ymd_days(b);
}

/* The year of day d of month m that best fits the reference: on the side
** iDir says (2: either side, nearest), on weekday iWday when iWday>=0.
** 0 when there is no reference or nothing fits. */
static int infer_year(const marsad_ymd *pRef, int m, int d, int iDir, int iWday,
                      int nSpan){
  if( pRef==0 || pRef->y==0 ) return 0;
  int yBest = 0;
  long nBest = 0;
  for(int y=pRef->y-nSpan; y<=pRef->y+nSpan; y++){
    marsad_ymd v = { y, m, d ? d : 1 };
    if( v.d>month_days(y, m) ) continue;
    long gap = day_gap(&v, pRef);
    if( d==0 ){ gap = (long)(y - pRef->y)*12 + (m - pRef->m); }
    if( iDir==-1 && gap>0 ) continue;
    if( iDir==1 && gap<0 ) continue;
    if( iDir==0 && y!=pRef->y ) continue;
    if( iWday>=0 && weekday_of(&v)!=iWday ) continue;
    long cost = labs(gap);
    if( yBest==0 || cost<nBest ){ yBest = y; nBest = cost; }
  }
  return yBest;
}

/* Appends a date covering words [i0, i1). */
static int push_date(date_scan *p, int i0, int i1, marsad_ymd v, int ePrec,
                     int eKind, int bYearFixed){
  marsad_dates *pOut = p->pOut;
  const marsad_words *pW = p->pW;
  if( pOut->n>=pOut->nAlloc ){
    int nNew = pOut->nAlloc ? pOut->nAlloc*2 : 16;
    marsad_date *aNew = marsad_realloc(pOut->a, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    pOut->a = aNew;
    pOut->nAlloc = nNew;
  }
  marsad_date *pD = &pOut->a[pOut->n++];
  memset(pD, 0, sizeof *pD);
  pD->iStart = pW->a[i0].iStart;
  pD->iEnd = pW->a[i1-1].iEnd;
  pD->iWord0 = i0;
  pD->iWord1 = i1;
  pD->v = v;
  pD->ePrec = ePrec;
  pD->eKind = eKind;
  pD->bYearFixed = bYearFixed;
  int n;
  const marsad_lexent *e = i0>0 ? marsad_lex_match_ending(&marsad_lex_function, pW, i0-1, i0-1, 1, &n) : 0;
  pD->bSince = e && e->eA==MARSAD_FW_SINCE;
  for(int i=i0; p->aUsed && i<i1; i++) p->aUsed[i] = 1;
  return MARSAD_OK;
}

/* Resolves explicit parts into a date (iWday: a weekday written with it,
** or -1) and appends it. */
static int push_parts(date_scan *p, int i0, const date_parts *pParts, int iWday){
  marsad_ymd v = { pParts->y, pParts->m, pParts->d };
  int ePrec = pParts->d ? MARSAD_PREC_DAY : MARSAD_PREC_MONTH;
  int eKind = MARSAD_DATE_EXPLICIT;
  int bFixed = pParts->y!=0;
  if( pParts->eCal==MARSAD_CAL_HIJRI ){
    v = marsad_hijri_to_gregorian(pParts->y, pParts->m, pParts->d ? pParts->d : 15);
    if( pParts->d==0 ) v.d = 0;
    eKind = MARSAD_DATE_HIJRI;
  }else if( v.y==0 && p->pRef ){
    v.y = infer_year(p->pRef, v.m, v.d, pParts->iDir, iWday, iWday>=0 ? 7 : 1);
    bFixed = iWday>=0 && v.y!=0;
  }else if( v.y==0 && iWday>=0 && v.d ){
    /* No publication date: the weekday fixes the year, the latest one
    ** not after the ingestion day (the pattern repeats within 11 years). */
    v.y = infer_year(p->pNow, v.m, v.d, -1, iWday, 12);
    bFixed = v.y!=0;
  }
  return push_date(p, i0, pParts->iEnd, v, ePrec, eKind, bFixed);
}

/* Reads a numeric date at word i: the digits and separators written
** without spaces. Returns the words used (0 when none) and sets *pV. */
static int read_numeric(const date_scan *p, int i, marsad_ymd *pV){
  const marsad_words *pW = p->pW;
  char z[32];
  size_t n = 0;
  int j = i;
  for(; j<p->iLimit && n<sizeof(z)-1; j++){
    size_t nk;
    const char *k = marsad_word_key(pW, j, MARSAD_KEY_FULL, &nk);
    /* spaces are allowed around a slash only: 26 / 4 / 1947 */
    if( j>i && pW->a[j].iStart!=pW->a[j-1].iEnd
     && !(nk==1 && k[0]=='/') && !(n>0 && z[n-1]=='/') ) break;
    int bOk = pW->a[j].bNum || (nk==1 && (k[0]=='/' || k[0]=='-' || k[0]=='.'));
    if( !bOk || n+nk>=sizeof(z) ) break;
    memcpy(z+n, k, nk);
    n += nk;
  }
  z[n] = 0;
  int a, b, c, nUsed = 0;
  char s1, s2;
  if( sscanf(z, "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &nUsed)!=5 || (size_t)nUsed!=n ) return 0;
  if( s1!=s2 || (s1!='/' && s1!='-' && s1!='.') ) return 0;
  marsad_ymd v;
  if( a>=1000 ){ v.y = a; v.m = b; v.d = c; }
  else if( c>=1000 ){ v.y = c; v.m = b; v.d = a; }
  else return 0;
  if( v.y>2200 || v.m<1 || v.m>12 || v.d<1 || v.d>month_days(v.y, v.m) ) return 0;
  *pV = v;
  return j-i;
}

/* Weekday at word i ([يوم] WEEKDAY): its number (or -1) and *pn words. */
static int weekday_at(const date_scan *p, int i, int *pn){
  int n, k = 0;
  if( marsad_word_is(p->pW, i, K_YAWM) ) k = 1;
  const marsad_lexent *e = i+k<p->iLimit ? marsad_lex_match(&marsad_lex_weekdays, p->pW, i+k, p->iLimit, 1, &n) : 0;
  if( e==0 ){ *pn = 0; return -1; }
  *pn = k+n;
  return (int)e->iValue;
}

/* The day of weekday iWday nearest the reference on the side iDir says
** (-1: strictly before, 1: strictly after, else on or before). */
static marsad_ymd resolve_weekday(const marsad_ymd *pRef, int iWday, int iDir){
  marsad_ymd none = {0, 0, 0};
  if( pRef==0 || pRef->y==0 ) return none;
  long nRef = marsad_ymd_days(pRef);
  int iRef = weekday_of(pRef);
  long back = (iRef - iWday + 7) % 7;
  if( iDir==-1 && back==0 ) back = 7;
  if( iDir==1 ){
    long fwd = (iWday - iRef + 7) % 7;
    return marsad_ymd_from_days(nRef + (fwd ? fwd : 7));
  }
  return marsad_ymd_from_days(nRef - back);
}

/* Resolves a relative expression: offset iOff in units ePrec. */
static marsad_ymd resolve_relative(const marsad_ymd *pRef, int iOff, int ePrec){
  marsad_ymd v = {0, 0, 0};
  if( pRef==0 || pRef->y==0 ) return v;
  switch( ePrec ){
    case MARSAD_PREC_DAY:  return marsad_ymd_from_days(marsad_ymd_days(pRef) + iOff);
    case MARSAD_PREC_WEEK: return marsad_ymd_from_days(marsad_ymd_days(pRef) + 7L*iOff);
    case MARSAD_PREC_MONTH: {
      int m0 = pRef->y*12 + (pRef->m-1) + iOff;
      v.y = m0/12; v.m = m0%12 + 1;
      return v;
    }
    default:
      v.y = pRef->y + iOff;
      return v;
  }
}

/* Tries a weekday-led or relative-led date at word i; returns the words
** used (0 when none). */
static int scan_named(date_scan *p, int i, int *pRc){
  const marsad_words *pW = p->pW;
  int n = 0, nRel = 0, iWday = -1, nWday = 0;
  const marsad_lexent *eRel = marsad_lex_match(&marsad_lex_relative, pW, i, p->iLimit, 1, &nRel);
  int j = i + nRel;
  iWday = weekday_at(p, j, &nWday);
  if( eRel==0 && iWday<0 ) return 0;
  j += nWday;
  date_parts parts;
  if( read_day_month(p, j, &parts) ){
    *pRc = push_parts(p, i, &parts, iWday);
    return parts.iEnd - i;
  }
  int iDir = 2;
  const marsad_lexent *eDir = (eRel==0 && j<p->iLimit) ? marsad_lex_match(&marsad_lex_direction, pW, j, p->iLimit, 0, &n) : 0;
  if( eDir ){ iDir = (int)eDir->iValue; j += n; }
  marsad_ymd v;
  int ePrec = MARSAD_PREC_DAY, eKind = MARSAD_DATE_WEEKDAY;
  if( eRel ){
    v = resolve_relative(p->pRef, (int)eRel->iValue, eRel->eA);
    ePrec = eRel->eA;
    eKind = MARSAD_DATE_RELATIVE;
  }else{
    v = resolve_weekday(p->pRef, iWday, iDir);
  }
  *pRc = push_date(p, i, j, v, ePrec, eKind, 0);
  return j - i;
}

/* Tries a year at word i ([عام] [(] YYYY [)] [هـ]); a Hijri year is given
** as the Gregorian year in which its middle falls. Returns the words used. */
static int scan_year(date_scan *p, int i, int *pRc){
  int y = 0, bHijri = 0;
  int e = read_year(p, i, &y, &bHijri);
  if( e==i ) return 0;
  marsad_ymd v = { y, 0, 0 };
  if( bHijri ){
    v = marsad_hijri_to_gregorian(y, 7, 1);
    v.m = v.d = 0;
  }
  *pRc = push_date(p, i, e, v, MARSAD_PREC_YEAR, bHijri ? MARSAD_DATE_HIJRI : MARSAD_DATE_EXPLICIT, 1);
  return e - i;
}

/* True when the four-digit number at word i reads as a year by its place:
** in parentheses, or after a preposition (في 2019، منذ 1948، قبل 2011),
** and not followed by what it would count. */
static int bare_year(const date_scan *p, int i){
  const marsad_words *pW = p->pW;
  int n;
  if( !is_int(pW, i, 1800, 2100, 4) || pW->a[i].nDigits!=4 ) return 0;
  const marsad_lexent *c = (i+1<p->iLimit && pW->a[i+1].eKind==MARSAD_TOKEN_ARABIC)
                         ? marsad_lex_match(&marsad_lex_counts, pW, i+1, i+2, 1, &n) : 0;
  if( c && c->eB!=MARSAD_ROLE_EVENT ) return 0;   /* من 2000 مقاتل counts fighters */
  if( marsad_word_punct_in(pW, i-1, "(") && marsad_word_punct_in(pW, i+1, ")") ) return 1;
  const marsad_lexent *e = i>0 ? marsad_lex_match(&marsad_lex_function, pW, i-1, i, 1, &n) : 0;
  return e && (e->eA==MARSAD_FW_PREP || e->eA==MARSAD_FW_SINCE);
}

/* Tries every date form at word i; returns the words used (0: none). */
static int scan_at(date_scan *p, int i, int *pRc){
  const marsad_words *pW = p->pW;
  date_parts parts;
  marsad_ymd v;
  int n;
  if( pW->a[i].bNum ){
    if( (n = read_numeric(p, i, &v))>0 ){
      /* a Hijri date: marked (27-12-1406هـ), or with a year no Gregorian
      ** date in the news has (1436/5/12, as Saudi official texts write) */
      int bMark = i+n<p->iLimit && hijri_mark(pW, i+n);
      if( bMark || (v.y>=HIJRI_YEAR_MIN && v.y<=HIJRI_YEAR_MAX) ){
        if( v.d>30 ) return 0;
        v = marsad_hijri_to_gregorian(v.y, v.m, v.d);
        n += bMark;
        *pRc = push_date(p, i, i+n, v, MARSAD_PREC_DAY, MARSAD_DATE_HIJRI, 1);
        return n;
      }
      *pRc = push_date(p, i, i+n, v, MARSAD_PREC_DAY, MARSAD_DATE_NUMERIC, 1);
      return n;
    }
    if( read_day_month(p, i, &parts) ){
      *pRc = push_parts(p, i, &parts, -1);
      return parts.iEnd - i;
    }
    if( bare_year(p, i) ){
      marsad_ymd y = { (int)pW->a[i].dNum, 0, 0 };
      *pRc = push_date(p, i, i+1, y, MARSAD_PREC_YEAR, MARSAD_DATE_EXPLICIT, 1);
      return 1;
    }
    return 0;
  }
  if( pW->a[i].eKind!=MARSAD_TOKEN_ARABIC ) return 0;
  if( (n = scan_named(p, i, pRc))>0 ) return n;
  if( read_month(p, i, &parts) ){
    /* a month name with the full date in parentheses: نيسان (26/4/1947) */
    if( parts.y==0 && marsad_word_punct_in(pW, parts.iEnd, "(")
     && (n = read_numeric(p, parts.iEnd+1, &v))>0 && v.m==parts.m ){
      int e = parts.iEnd + 1 + n;
      if( marsad_word_punct_in(pW, e, ")") ) e++;
      *pRc = push_date(p, i, e, v, MARSAD_PREC_DAY, MARSAD_DATE_NUMERIC, 1);
      return e - i;
    }
    *pRc = push_parts(p, i, &parts, -1);
    return parts.iEnd - i;
  }
  if( is_year_word(pW, i) ) return scan_year(p, i, pRc);
  return 0;
}

/* True when word i may start a date that scan_at reads: digits, or a word
** that starts an entry of the tables of mStart (relative days, weekdays,
** months, and the grammar words that lead a date, يوم شهر عام العام سنة:
** marsad_lex_bit) with any key, or of mAlone (يوم) as written. */
static int may_start_date(const marsad_words *pW, int i, unsigned mStart, unsigned mAlone){
  unsigned g = pW->aGate[i];   /* not the word: most words start nothing */
  if( g & MARSAD_WORD_NUM ) return 1;
  if( !(g & MARSAD_WORD_ARABIC) ) return 0;
  if( g & mStart ) return 1;
  return (g & mAlone) && (pW->a[i].aLex[MARSAD_KEY_FULL] & mAlone);
}

int marsad_dates_find(const marsad_words *pW, const marsad_ymd *pRef,
                      const marsad_ymd *pNow, unsigned char *aUsed,
                      marsad_dates *pOut){
  date_scan scan = { pW, (pRef && pRef->y) ? pRef : 0, (pNow && pNow->y) ? pNow : 0,
                     aUsed, pOut, 0 };
  unsigned mStart = marsad_lex_bit(&marsad_lex_relative) | marsad_lex_bit(&marsad_lex_weekdays)
                   | marsad_lex_bit(&marsad_lex_months) | marsad_lex_bit(&marsad_lex_date_leads);
  unsigned mAlone = marsad_lex_bit(&marsad_lex_date_leads_alone);
  int rc = MARSAD_OK;
  for(int s=0; rc==MARSAD_OK && s<pW->nSent; s++){
    scan.iLimit = pW->aSent[s+1];
    for(int i=pW->aSent[s]; rc==MARSAD_OK && i<scan.iLimit; ){
      int n = ((aUsed && aUsed[i]) || !may_start_date(pW, i, mStart, mAlone)) ? 0 : scan_at(&scan, i, &rc);
      i += n>0 ? n : 1;
    }
  }
  return rc;
}

int marsad_dates_publication(const marsad_words *pW, const marsad_dates *pDates,
                             marsad_ymd *pOut){
  for(int i=0; i<pDates->n; i++){
    const marsad_date *d = &pDates->a[i];
    if( pW->a[d->iWord0].iSent>=3 ) break;
    if( d->bSince || d->ePrec!=MARSAD_PREC_DAY || d->v.y==0 || !d->bYearFixed ) continue;
    *pOut = d->v;
    return 1;
  }
  return 0;
}

void marsad_dates_free(marsad_dates *p){
  if( p==0 ) return;
  marsad_free(p->a);
  p->a = 0;
  p->n = p->nAlloc = 0;
}

int marsad_dates_from(const marsad_dates *p, int iWord){
  int lo = 0, hi = p->n;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( p->a[mid].iWord0<iWord ) lo = mid+1; else hi = mid;
  }
  return lo;
}

int marsad_dates_recent(const marsad_dates *p, int iDate, const marsad_ymd *pPub){
  const marsad_date *pD = &p->a[iDate];
  if( pD->bSince || pD->v.y==0 || pD->ePrec!=MARSAD_PREC_DAY ) return 0;
  if( pPub==0 || pPub->y==0 ) return 1;
  long nGap = marsad_ymd_days(pPub) - marsad_ymd_days(&pD->v);
  return nGap>=0 && nGap<=RECENT_DAYS;
}
