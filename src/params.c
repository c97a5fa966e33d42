/*
** params.c: query-string parsing for the HTTP server (see params.h). The
** parameters are described by one table: name, the route flag that admits
** it, how its value is checked and which marsad_query field it fills.
*/
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "params.h"
#include "alloc.h"
#include "utf8.h"

/* How a parameter's value is read. */
enum { PT_STR, PT_DATE, PT_INT, PT_FLAG };

/* One query parameter of the API. */
typedef struct param_def {
  const char *zName;   /* as written in the query string */
  unsigned mRoute;     /* MARSAD_P_* flag a route must allow */
  int eType;           /* PT_* */
  size_t iField;       /* offsetof the marsad_query field it sets */
  long iMin, iMax;     /* PT_INT: accepted range; PT_FLAG: the flag bit */
} param_def;

#define F(x) offsetof(marsad_query, x)
static const param_def aParam[] = {
  {"q",            MARSAD_P_Q,       PT_STR,  F(zText),       0, 0},
  {"outlet",       MARSAD_P_OUTLET,  PT_STR,  F(zOutlet),     0, 0},
  {"since",        MARSAD_P_SINCE,   PT_DATE, F(zSince),      0, 0},
  {"until",        MARSAD_P_UNTIL,   PT_DATE, F(zUntil),      0, 0},
  {"story",        MARSAD_P_STORY,   PT_STR,  F(zStory),      0, 0},
  {"kind",         MARSAD_P_KIND,    PT_STR,  F(zKind),       0, 0},
  {"counts",       MARSAD_P_COUNTS,  PT_STR,  F(zKind),       0, 0},
  {"stance",       MARSAD_P_STANCE,  PT_STR,  F(zKind),       0, 0},
  {"speaker",      MARSAD_P_SPEAKER, PT_STR,  F(zSpeaker),    0, 0},
  {"by",           MARSAD_P_BY,      PT_STR,  F(zSpeaker),    0, 0},
  {"name",         MARSAD_P_NAME,    PT_STR,  F(zText),       0, 0},
  {"min_articles", MARSAD_P_MIN,     PT_INT,  F(nMinArticles), 1, 1000000},
  {"limit",        MARSAD_P_PAGE,    PT_INT,  F(nLimit),      1, MARSAD_PARAMS_MAX_LIMIT},
  {"offset",       MARSAD_P_PAGE,    PT_INT,  F(nOffset),     0, MARSAD_PARAMS_MAX_OFFSET},
  {"exact",        MARSAD_P_EXACT,   PT_FLAG, F(flags),       MARSAD_QUERY_EXACT, 0},
  {"why",          MARSAD_P_WHY,     PT_FLAG, F(flags),       MARSAD_QUERY_WHY, 0},
  {"raw",          MARSAD_P_RAW,     PT_FLAG, F(flags),       MARSAD_QUERY_RAW, 0},
  {"latest",       MARSAD_P_LATEST,  PT_FLAG, F(flags),       MARSAD_QUERY_LATEST, 0},
};
#undef F
#define N_PARAM (sizeof aParam / sizeof aParam[0])

/* Value of one hex digit, or -1. */
static int hex_value(char c){
  if( c>='0' && c<='9' ) return c-'0';
  if( c>='a' && c<='f' ) return c-'a'+10;
  if( c>='A' && c<='F' ) return c-'A'+10;
  return -1;
}

long marsad_params_decode(char *z, size_t n, int bPlus){
  size_t iOut = 0;
  for(size_t i=0; i<n; i++){
    char c = z[i];
    if( c=='%' ){
      int hi = i+2<n ? hex_value(z[i+1]) : -1;
      int lo = i+2<n ? hex_value(z[i+2]) : -1;
      if( hi<0 || lo<0 ) return -1;
      c = (char)(hi*16+lo);
      i += 2;
    }else if( c=='+' && bPlus ){
      c = ' ';
    }
    if( c==0 ) return -1;
    z[iOut++] = c;
  }
  z[iOut] = 0;
  if( marsad_utf8_count_invalid(z, iOut)>0 ) return -1;
  return (long)iOut;
}

/* Days in month m (1..12) of year y. */
static int days_in_month(int y, int m){
  static const int aDays[12] = {31,28,31,30,31,30,31,31,30,31,30,31};
  int bLeap = (y%4==0 && y%100!=0) || y%400==0;
  return aDays[m-1] + (m==2 && bLeap);
}

int marsad_params_is_date(const char *z){
  for(int i=0; i<10; i++){
    int bDash = (i==4 || i==7);
    if( bDash ? z[i]!='-' : (z[i]<'0' || z[i]>'9') ) return 0;
  }
  if( z[10]!=0 ) return 0;
  int y = (z[0]-'0')*1000 + (z[1]-'0')*100 + (z[2]-'0')*10 + (z[3]-'0');
  int m = (z[5]-'0')*10 + (z[6]-'0');
  int d = (z[8]-'0')*10 + (z[9]-'0');
  return y>0 && m>=1 && m<=12 && d>=1 && d<=days_in_month(y, m);
}

/* Reads a decimal whole number in [iMin, iMax] from z; 0 on success. */
static int parse_bounded(const char *z, long iMin, long iMax, long *pl){
  long v = 0;
  if( z[0]==0 ) return 1;
  for(const char *p=z; *p; p++){
    if( *p<'0' || *p>'9' ) return 1;
    v = v*10 + (*p-'0');
    if( v>iMax ) return 1;
  }
  if( v<iMin ) return 1;
  *pl = v;
  return 0;
}

/* Reads a switch value: 1/true/yes sets it, 0/false/no clears it. */
static int parse_flag(const char *z, int *pb){
  if( !strcmp(z, "1") || !strcmp(z, "true") || !strcmp(z, "yes") ){ *pb = 1; return 0; }
  if( !strcmp(z, "0") || !strcmp(z, "false") || !strcmp(z, "no") ){ *pb = 0; return 0; }
  return 1;
}

/* Applies one decoded key=value to pP. MARSAD_OK or MARSAD_MISUSE with
** pP->zErr set. *pmSeen tracks parameters already given. */
static int apply_param(marsad_params *pP, unsigned mAllowed, const char *zKey,
                       const char *zVal, size_t nVal, unsigned *pmSeen){
  const param_def *pDef = 0;
  unsigned iDef = 0;
  for(; iDef<N_PARAM; iDef++){
    if( strcmp(aParam[iDef].zName, zKey)==0 && (aParam[iDef].mRoute & mAllowed) ){
      pDef = &aParam[iDef];
      break;
    }
  }
  if( pDef==0 ){
    snprintf(pP->zErr, sizeof pP->zErr, "unknown parameter '%.40s'", zKey);
    return MARSAD_MISUSE;
  }
  if( *pmSeen & (1u<<iDef) ){
    snprintf(pP->zErr, sizeof pP->zErr, "parameter '%s' given twice", pDef->zName);
    return MARSAD_MISUSE;
  }
  *pmSeen |= 1u<<iDef;
  if( nVal==0 ) return MARSAD_OK;
  if( nVal>MARSAD_PARAMS_MAX_VALUE ){
    snprintf(pP->zErr, sizeof pP->zErr, "parameter '%s' is longer than %d bytes",
             pDef->zName, MARSAD_PARAMS_MAX_VALUE);
    return MARSAD_MISUSE;
  }
  char *pField = (char*)&pP->q + pDef->iField;
  int bBad = 0;
  switch( pDef->eType ){
    case PT_DATE:
      bBad = !marsad_params_is_date(zVal);
      /* fall through */
    case PT_STR:
      memcpy(pField, &zVal, sizeof zVal);
      break;
    case PT_INT: {
      long v = 0;
      bBad = parse_bounded(zVal, pDef->iMin, pDef->iMax, &v);
      memcpy(pField, &v, sizeof v);
      break;
    }
    default: {
      int b = 0;
      bBad = parse_flag(zVal, &b);
      if( b ) pP->q.flags |= (unsigned)pDef->iMin;
      break;
    }
  }
  if( bBad ){
    static const char *const azWant[] = {
      "text", "a date YYYY-MM-DD", "a whole number", "1 or 0"
    };
    if( pDef->eType==PT_INT ){
      snprintf(pP->zErr, sizeof pP->zErr, "parameter '%s' needs a whole number from %ld to %ld",
               pDef->zName, pDef->iMin, pDef->iMax);
    }else{
      snprintf(pP->zErr, sizeof pP->zErr, "parameter '%s' needs %s", pDef->zName,
               azWant[pDef->eType]);
    }
    return MARSAD_MISUSE;
  }
  return MARSAD_OK;
}

int marsad_params_parse(const char *zQuery, size_t nQuery, unsigned mAllowed,
                        marsad_params *pP){
  memset(pP, 0, sizeof *pP);
  pP->zStore = marsad_strndup(zQuery ? zQuery : "", zQuery ? nQuery : 0);
  if( pP->zStore==0 ) return MARSAD_NOMEM;
  int rc = MARSAD_OK;
  unsigned mSeen = 0;
  char *z = pP->zStore;
  size_t i = 0;
  /* Invariant: z[0..i) has been split and applied; each pair is decoded in
  ** place, which never lengthens it, so the pointers stay inside zStore. */
  while( rc==MARSAD_OK && i<nQuery ){
    size_t iEnd = i;
    while( iEnd<nQuery && z[iEnd]!='&' ) iEnd++;
    if( iEnd==i ){ i++; continue; }
    size_t iEq = i;
    while( iEq<iEnd && z[iEq]!='=' ) iEq++;
    char *zKey = &z[i];
    char *zVal = iEq<iEnd ? &z[iEq+1] : &z[iEnd];
    size_t nKey = iEq-i;
    size_t nVal = iEq<iEnd ? iEnd-iEq-1 : 0;
    long nValOut = marsad_params_decode(zVal, nVal, 1);
    long nKeyOut = marsad_params_decode(zKey, nKey, 1);
    if( nKeyOut<0 || nValOut<0 ){
      snprintf(pP->zErr, sizeof pP->zErr, "malformed percent-escape or UTF-8 in the query string");
      rc = MARSAD_MISUSE;
      break;
    }
    rc = apply_param(pP, mAllowed, zKey, zVal, (size_t)nValOut, &mSeen);
    i = iEnd+1;
  }
  if( rc==MARSAD_OK && pP->q.zSince && pP->q.zUntil && strcmp(pP->q.zSince, pP->q.zUntil)>0 ){
    snprintf(pP->zErr, sizeof pP->zErr, "since is after until");
    rc = MARSAD_MISUSE;
  }
  return rc;
}

void marsad_params_free(marsad_params *pP){
  if( pP==0 ) return;
  marsad_free(pP->zStore);
  pP->zStore = 0;
}
