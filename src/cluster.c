/*
** cluster.c: the online story clusterer and its module (see cluster.h):
** in-memory state of the alive stories, candidate search through an
** inverted index of salient terms, copy detection through exact hashes and
** LSH buckets, eviction, and the stories tables (data/schema/003_stories.sql)
** that hold every decision.
*/
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "db.h"
#include "imap.h"
#include "storyterms.h"
#include "topk.h"
#include "cluster.h"

#define N_SALIENT 12          /* index terms per article */
#define N_EVIDENCE 8          /* shared terms kept as evidence */
#define POSTINGS_SCAN 256     /* most recent stories of a term looked at */
#define DECAY_AT_EDGE 0.8     /* score factor at the window's edge */
#define SWEEP_EVERY 2048      /* articles between evictions */
#define EVENT_GAP 1           /* days from an event's article to join it */
#define EVENT_SPAN 2          /* days from an event's first to last article */
#define FRAGMENT_ARTICLES 2   /* a story this small merges at the threshold */
#define HEADLINE_WORDS 6      /* content words of a full headline */

typedef struct cl_story cl_story;
typedef struct cl_event cl_event;

/* An alive event: the articles of one story told within a day or two. */
struct cl_event {
  long long iId;            /* event id */
  cl_story *pStory;         /* the story it belongs to */
  int iFirst, iLast;        /* day range of its dated articles */
  int bDated;               /* has a dated article */
  long long iFirstArticle;  /* rowid of its first article */
  double rAcc;              /* scratch: best score of the article being placed */
  struct cl_article **aArt; /* its articles in arrival order */
  int nArt, nArtAlloc;
  int bDirty;               /* changed since last flush */
};

/* An alive article. */
typedef struct cl_article {
  long long iRowid;         /* article rowid */
  int iDay;                 /* publication day, else ingestion day */
  int bUndated;             /* no publication date */
  long long iCopyOf;        /* root of its copy group, 0 when original */
  const char *zOutlet;      /* interned outlet name, or NULL */
  cl_story *pStory;         /* its story */
  cl_event *pEvent;         /* its event within the story */
  long long iScoredFor;     /* scratch: article whose similarity is in sim */
  marsad_simparts sim;      /* scratch: its similarity to that article */
  unsigned iNormFlush;      /* scratch: the flush whose vocabulary rTitleNorm is of */
  double rTitleNorm;        /* scratch: the norm of its title's vector then */
  marsad_docterms d;        /* terms and fingerprints */
} cl_article;

/* An alive story. What the scan of a term's postings reads of each story
** (find_candidates) comes first: it reads thousands of stories an article
** on a large store, each a wait for memory. */
struct cl_story {
  long long iId;            /* story id */
  long long iOrder;         /* ties between stories go to the lower: the id it
                            ** was created with (or read back with), kept when
                            ** it takes another's id in a merge (merge_id) */
  double rAcc;              /* scratch: candidate score */
  int bTouched;             /* scratch: in the candidate list */
  int bDated;               /* has a dated article */
  int iFirst, iLast;        /* day range of its dated articles */
  long long iLastArticle;   /* rowid of its last article */
  int iFirstAny, iLastAny;  /* day range of all its articles */
  cl_article **aArt;        /* its articles in arrival order */
  int nArt, nArtAlloc;
  uint32_t *aIdx;           /* its index terms, sorted */
  int nIdx, nIdxAlloc;
  cl_event **aEvt;          /* its events, in the order they started */
  int nEvt, nEvtAlloc;
  int bDirty;               /* changed since last flush */
};

/* The stories that hold a term among their index terms, in the order they
** gained it (so the most recent are at the end). */
typedef struct cl_postings {
  cl_story **a;
  int n, nAlloc;
} cl_postings;

/* Articles whose signatures share one LSH band. */
typedef struct cl_bucket {
  cl_article **a;
  int n, nAlloc;
} cl_bucket;

/* What merging event or story ?2 into ?1 changes in the tables, one
** statement each (run in this order by moves_run). */
enum { MOVE_EVENT_ARTICLES, MOVE_EVENT_DELETE, MOVE_STORY_ARTICLES, MOVE_STORY_EVENTS,
       MOVE_STORY_DELETE, N_MOVES };
static const char *const azMove[N_MOVES] = {
  "UPDATE article_story SET event=?1 WHERE event=?2",
  "DELETE FROM event WHERE id=?2",
  "UPDATE article_story SET story=?1 WHERE story=?2",
  "UPDATE event SET story=?1 WHERE story=?2",
  "DELETE FROM story WHERE id=?2"
};

struct marsad_cluster {
  marsad_db *pDb;           /* database, or NULL for memory only */
  int nWindow;              /* window in days */
  int bLoaded;              /* state read from the database */
  marsad_vocab *pVocab;     /* terms and document frequencies */
  marsad_imap stories;      /* story id -> cl_story */
  marsad_imap articles;     /* rowid -> cl_article (alive ones) */
  marsad_imap exact;        /* exact body hash -> earliest cl_article */
  marsad_imap buckets;      /* LSH band key -> cl_bucket */
  marsad_imap outlets;      /* outlet hash -> interned name */
  marsad_imap events;       /* event id -> cl_event (alive ones) */
  cl_postings *aPost;       /* per term id; nPost entries */
  uint32_t nPost;
  long long iNextStory;     /* id of the next new story */
  long long iNextEvent;     /* id of the next new event */
  long long iLastRowid;     /* last article clustered */
  long long iFlushedRowid;  /* last article whose decision was flushed */
  double *aAcc;             /* scratch: per-term sums, zero between uses */
  double *aW, *aWTitle;     /* scratch: weights of the article being placed */
  uint64_t *aBits;          /* scratch: a bit a term (its terms in marsad_simquery,
                            ** a story's index terms in story_top_terms), zero between uses */
  uint32_t nAcc;            /* entries in aAcc, aW and aWTitle */
  marsad_simparts bestSim;  /* parts of the best score of the last decision */
  int iClock;               /* latest publication day seen, 0 before any */
  unsigned iFlush;          /* flushes so far (the vocabulary does not change during one) */
  long nSinceSweep;         /* articles since the last eviction */
  cl_story **aCand;         /* scratch: candidate stories */
  int nCand, nCandAlloc;
  sqlite3_stmt *pInsArticle;/* INSERT INTO article_story */
  sqlite3_stmt *pPutStory;  /* INSERT OR REPLACE INTO story */
  sqlite3_stmt *pPutEvent;  /* INSERT OR REPLACE INTO event */
  sqlite3_stmt *pPutRun;    /* INSERT OR REPLACE INTO story_term_run */
  sqlite3_stmt *pPutDf;     /* INSERT OR REPLACE INTO story_df */
  sqlite3_stmt *pMentions;  /* an article's stored mentions */
  sqlite3_stmt *apMove[N_MOVES]; /* azMove's statements, prepared on need */
  uint32_t nTermStored;     /* terms already in story_term or story_term_run */
  uint32_t iRunFirst;       /* first term of the run of story_term_run still growing */
};

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int days_from_civil(int y, int m, int d){
  y -= m<=2;
  int era = (y>=0 ? y : y-399) / 400;
  int yoe = y - era*400;
  int doy = (153*(m + (m>2 ? -3 : 9)) + 2)/5 + d - 1;
  int doe = yoe*365 + yoe/4 - yoe/100 + doy;
  return era*146097 + doe - 719468;
}

/* Writes the date of day number z as YYYY-MM-DD into zOut (32 bytes). */
static void civil_from_days(int z, char *zOut){
  z += 719468;
  int era = (z>=0 ? z : z-146096) / 146097;
  int doe = z - era*146097;
  int yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365;
  int y = yoe + era*400;
  int doy = doe - (365*yoe + yoe/4 - yoe/100);
  int mp = (5*doy + 2)/153;
  int d = doy - (153*mp + 2)/5 + 1;
  int m = mp + (mp<10 ? 3 : -9);
  snprintf(zOut, 32, "%04d-%02d-%02d", y + (m<=2), m, d);
}

/* Parses the YYYY-MM-DD at the start of z into a day number; 0 when z is
** NULL or not a date. */
static int parse_day(const char *z){
  int y, m, d;
  if( z==0 || sscanf(z, "%4d-%2d-%2d", &y, &m, &d)!=3 ) return 0;
  if( y<1000 || m<1 || m>12 || d<1 || d>31 ) return 0;
  return days_from_civil(y, m, d);
}

/* ---- small arrays ---- */

/* Grows a pointer array *pa of *pnAlloc entries to hold n+1. */
static int grow_ptrs(void *pa, int n, int *pnAlloc){
  void ***ppa = (void***)pa;
  if( n<*pnAlloc ) return MARSAD_OK;
  int nNew = *pnAlloc ? *pnAlloc*2 : 4;
  void **aNew = marsad_realloc(*ppa, sizeof(void*)*(size_t)nNew);
  if( aNew==0 ) return MARSAD_NOMEM;
  *ppa = aNew;
  *pnAlloc = nNew;
  return MARSAD_OK;
}

/* Removes the first occurrence of pVal from a[0..*pn) (order not kept). */
static void remove_ptr(void **a, int *pn, const void *pVal){
  for(int i=0; i<*pn; i++){
    if( a[i]==pVal ){ a[i] = a[--*pn]; return; }
  }
}

/* Removes the first occurrence of pVal from a[0..*pn), keeping the order of
** the others. */
static void remove_ptr_ordered(void **a, int *pn, const void *pVal){
  for(int i=0; i<*pn; i++){
    if( a[i]==pVal ){
      memmove(&a[i], &a[i+1], sizeof(void*)*(size_t)(*pn-i-1));
      (*pn)--;
      return;
    }
  }
}

/* ---- stories and articles ---- */

/* True when story s may still receive articles. */
static int story_alive(const marsad_cluster *p, const cl_story *s){
  if( s->bDated && s->iLast >= p->iClock - p->nWindow ) return 1;
  return s->iLastArticle > p->iLastRowid - MARSAD_CLUSTER_KEEP;
}

/* Days between article a and the nearest dated article of s (0 when either
** has no date). */
static int story_gap(const cl_story *s, const cl_article *a){
  if( a->bUndated || !s->bDated ) return 0;
  if( a->iDay < s->iFirst ) return s->iFirst - a->iDay;
  if( a->iDay > s->iLast ) return a->iDay - s->iLast;
  return 0;
}

/* Score factor for a gap: 1 at 0 days, DECAY_AT_EDGE at the window's edge. */
static double gap_decay(const marsad_cluster *p, int nGap){
  return 1.0 - (1.0-DECAY_AT_EDGE) * (double)nGap / (double)p->nWindow;
}

/* Frees an article. */
static void article_free(cl_article *a){
  if( a==0 ) return;
  marsad_docterms_clear(&a->d);
  marsad_free(a);
}

/* Interns an outlet name; *pz is NULL for a NULL name. */
static int intern_outlet(marsad_cluster *p, const char *zOutlet, const char **pz){
  *pz = 0;
  if( zOutlet==0 || zOutlet[0]==0 ) return MARSAD_OK;
  uint64_t h = marsad_hash64(zOutlet, strlen(zOutlet));
  for(;;){
    const char *z = marsad_imap_get(&p->outlets, h);
    if( z==0 ) break;
    if( strcmp(z, zOutlet)==0 ){ *pz = z; return MARSAD_OK; }
    h++;
  }
  char *zCopy = marsad_strdup(zOutlet);
  if( zCopy==0 ) return MARSAD_NOMEM;
  if( marsad_imap_put(&p->outlets, h, zCopy) ){ marsad_free(zCopy); return MARSAD_NOMEM; }
  *pz = zCopy;
  return MARSAD_OK;
}

/* Grows the dense array *pa of nOld entries to nNew, zeroing the new ones. */
static int grow_dense(double **pa, uint32_t nOld, uint32_t nNew){
  double *a = marsad_realloc(*pa, sizeof(double)*nNew);
  if( a==0 ) return MARSAD_NOMEM;
  memset(a + nOld, 0, sizeof(double)*(nNew - nOld));
  *pa = a;
  return MARSAD_OK;
}

/* Makes sure the dense scratch arrays cover every term. */
static int acc_reserve(marsad_cluster *p){
  uint32_t n = marsad_vocab_size(p->pVocab);
  if( n<=p->nAcc ) return MARSAD_OK;
  uint32_t nNew = p->nAcc ? p->nAcc : 1024;
  while( nNew<n ) nNew *= 2;
  int rc = grow_dense(&p->aAcc, p->nAcc, nNew);
  if( rc==MARSAD_OK ) rc = grow_dense(&p->aW, p->nAcc, nNew);
  if( rc==MARSAD_OK ) rc = grow_dense(&p->aWTitle, p->nAcc, nNew);
  if( rc==MARSAD_OK ){
    size_t nOld = p->nAcc ? MARSAD_SIMQUERY_BITS(p->nAcc) : 0;
    uint64_t *a = marsad_realloc(p->aBits, sizeof(uint64_t)*MARSAD_SIMQUERY_BITS(nNew));
    if( a==0 ) rc = MARSAD_NOMEM;
    else{
      memset(a + nOld, 0, sizeof(uint64_t)*(MARSAD_SIMQUERY_BITS(nNew) - nOld));
      p->aBits = a;
    }
  }
  if( rc==MARSAD_OK ) p->nAcc = nNew;
  return rc;
}

/* Makes sure aPost has an entry for every term of the vocabulary. */
static int postings_reserve(marsad_cluster *p){
  uint32_t n = marsad_vocab_size(p->pVocab);
  if( n<=p->nPost ) return MARSAD_OK;
  uint32_t nNew = p->nPost ? p->nPost : 1024;
  while( nNew<n ) nNew *= 2;
  cl_postings *a = marsad_realloc(p->aPost, sizeof(cl_postings)*nNew);
  if( a==0 ) return MARSAD_NOMEM;
  memset(a + p->nPost, 0, sizeof(cl_postings)*(nNew - p->nPost));
  p->aPost = a;
  p->nPost = nNew;
  return MARSAD_OK;
}

/* Adds index term iTerm to story s (and s to the term's postings) unless it
** is there already. */
static int story_index_term(marsad_cluster *p, cl_story *s, uint32_t iTerm){
  int lo = 0, hi = s->nIdx;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( s->aIdx[mid]<iTerm ) lo = mid+1; else hi = mid;
  }
  if( lo<s->nIdx && s->aIdx[lo]==iTerm ) return MARSAD_OK;
  if( s->nIdx>=s->nIdxAlloc ){
    int nNew = s->nIdxAlloc ? s->nIdxAlloc*2 : 16;
    uint32_t *a = marsad_realloc(s->aIdx, sizeof(uint32_t)*(size_t)nNew);
    if( a==0 ) return MARSAD_NOMEM;
    s->aIdx = a;
    s->nIdxAlloc = nNew;
  }
  cl_postings *pP = &p->aPost[iTerm];
  if( grow_ptrs(&pP->a, pP->n, &pP->nAlloc) ) return MARSAD_NOMEM;
  pP->a[pP->n++] = s;
  memmove(s->aIdx+lo+1, s->aIdx+lo, sizeof(uint32_t)*(size_t)(s->nIdx-lo));
  s->aIdx[lo] = iTerm;
  s->nIdx++;
  return MARSAD_OK;
}

/* A new, empty story with the next id. */
static int story_new(marsad_cluster *p, cl_story **ppOut){
  cl_story *s = marsad_malloc(sizeof *s);
  *ppOut = 0;
  if( s==0 ) return MARSAD_NOMEM;
  memset(s, 0, sizeof *s);
  s->iId = s->iOrder = p->iNextStory;
  if( marsad_imap_put(&p->stories, (uint64_t)s->iId, s) ){
    marsad_free(s);
    return MARSAD_NOMEM;
  }
  p->iNextStory++;
  *ppOut = s;
  return MARSAD_OK;
}

/* A new, empty event of story s with id iId (0: the next id), added to
** the story's events. */
static int event_new(marsad_cluster *p, cl_story *s, long long iId, cl_event **ppOut){
  cl_event *e = marsad_malloc(sizeof *e);
  *ppOut = 0;
  if( e==0 ) return MARSAD_NOMEM;
  memset(e, 0, sizeof *e);
  e->iId = iId ? iId : p->iNextEvent;
  e->pStory = s;
  int rc = grow_ptrs(&s->aEvt, s->nEvt, &s->nEvtAlloc);
  if( rc==MARSAD_OK ) rc = marsad_imap_put(&p->events, (uint64_t)e->iId, e);
  if( rc ){ marsad_free(e); return rc; }
  s->aEvt[s->nEvt++] = e;
  if( e->iId>=p->iNextEvent ) p->iNextEvent = e->iId+1;
  *ppOut = e;
  return MARSAD_OK;
}

/* Frees event e (not its articles). */
static void event_free(cl_event *e){
  if( e==0 ) return;
  marsad_free(e->aArt);
  marsad_free(e);
}

/* Adds article a to its event a->pEvent (updating the event's dates). */
static int event_add(cl_event *e, cl_article *a){
  int rc = grow_ptrs(&e->aArt, e->nArt, &e->nArtAlloc);
  if( rc ) return rc;
  if( e->nArt==0 ) e->iFirstArticle = a->iRowid;
  e->aArt[e->nArt++] = a;
  if( !a->bUndated ){
    if( !e->bDated ){ e->iFirst = e->iLast = a->iDay; e->bDated = 1; }
    if( a->iDay<e->iFirst ) e->iFirst = a->iDay;
    if( a->iDay>e->iLast ) e->iLast = a->iDay;
  }
  e->bDirty = 1;
  return MARSAD_OK;
}

/* Adds the copy fingerprints of article a: its exact hash (unless an
** earlier article holds it) and, for an original, its LSH bands. */
static int copies_index(marsad_cluster *p, cl_article *a){
  int rc = MARSAD_OK;
  if( a->d.iExact && marsad_imap_get(&p->exact, a->d.iExact)==0 ){
    rc = marsad_imap_put(&p->exact, a->d.iExact, a);
  }
  for(int b=0; rc==MARSAD_OK && a->iCopyOf==0 && a->d.sig.nShingle && b<MARSAD_LSH_BANDS; b++){
    uint64_t k = marsad_minhash_band(&a->d.sig, b);
    cl_bucket *pB = marsad_imap_get(&p->buckets, k);
    if( pB==0 ){
      pB = marsad_malloc(sizeof *pB);
      if( pB==0 ){ rc = MARSAD_NOMEM; break; }
      memset(pB, 0, sizeof *pB);
      rc = marsad_imap_put(&p->buckets, k, pB);
      if( rc ){ marsad_free(pB); break; }
    }
    rc = grow_ptrs(&pB->a, pB->n, &pB->nAlloc);
    if( rc==MARSAD_OK ) pB->a[pB->n++] = a;
  }
  return rc;
}

/* Removes article a from the copy indexes. */
static void copies_unindex(marsad_cluster *p, cl_article *a){
  if( a->d.iExact && marsad_imap_get(&p->exact, a->d.iExact)==a ){
    marsad_imap_del(&p->exact, a->d.iExact);
  }
  for(int b=0; a->iCopyOf==0 && a->d.sig.nShingle && b<MARSAD_LSH_BANDS; b++){
    uint64_t k = marsad_minhash_band(&a->d.sig, b);
    cl_bucket *pB = marsad_imap_get(&p->buckets, k);
    if( pB==0 ) continue;
    remove_ptr((void**)pB->a, &pB->n, a);
    if( pB->n==0 ){
      marsad_imap_del(&p->buckets, k);
      marsad_free(pB->a);
      marsad_free(pB);
    }
  }
}

/* Adds article a to story s (updating its dates), and a's salient terms
** aSalient[0..nSalient) to the story's index terms. */
static int story_add(marsad_cluster *p, cl_story *s, cl_article *a,
                     const uint32_t *aSalient, int nSalient){
  int rc = grow_ptrs(&s->aArt, s->nArt, &s->nArtAlloc);
  if( rc==MARSAD_OK ) rc = marsad_imap_put(&p->articles, (uint64_t)a->iRowid, a);
  if( rc==MARSAD_OK ) rc = event_add(a->pEvent, a);
  if( rc ){    /* a is not attached: the caller still owns it */
    marsad_imap_del(&p->articles, (uint64_t)a->iRowid);
    return rc;
  }
  s->aArt[s->nArt++] = a;
  a->pStory = s;
  if( s->nArt==1 ){
    s->iFirstAny = s->iLastAny = a->iDay;
  }else{
    if( a->iDay<s->iFirstAny ) s->iFirstAny = a->iDay;
    if( a->iDay>s->iLastAny ) s->iLastAny = a->iDay;
  }
  if( !a->bUndated ){
    if( !s->bDated ){ s->iFirst = s->iLast = a->iDay; s->bDated = 1; }
    if( a->iDay<s->iFirst ) s->iFirst = a->iDay;
    if( a->iDay>s->iLast ) s->iLast = a->iDay;
  }
  s->iLastArticle = a->iRowid;
  s->bDirty = 1;
  rc = copies_index(p, a);
  for(int i=0; rc==MARSAD_OK && i<nSalient; i++){
    rc = story_index_term(p, s, aSalient[i]);
  }
  return rc;
}

/* Frees story s and its articles, removing them from every index. */
static void story_evict(marsad_cluster *p, cl_story *s){
  for(int i=0; i<s->nIdx; i++){
    cl_postings *pP = &p->aPost[s->aIdx[i]];
    remove_ptr_ordered((void**)pP->a, &pP->n, s);
  }
  for(int i=0; i<s->nArt; i++){
    cl_article *a = s->aArt[i];
    copies_unindex(p, a);
    marsad_imap_del(&p->articles, (uint64_t)a->iRowid);
    article_free(a);
  }
  for(int i=0; i<s->nEvt; i++){
    marsad_imap_del(&p->events, (uint64_t)s->aEvt[i]->iId);
    event_free(s->aEvt[i]);
  }
  marsad_imap_del(&p->stories, (uint64_t)s->iId);
  marsad_free(s->aArt);
  marsad_free(s->aIdx);
  marsad_free(s->aEvt);
  marsad_free(s);
}

/* Evicts the stories that can no longer receive articles. Stories with
** unwritten changes stay until the next sweep after a flush. */
static void sweep(marsad_cluster *p){
  marsad_imap *m = &p->stories;
  size_t i = 0;
  p->nSinceSweep = 0;
  while( i<m->nSlot ){
    cl_story *s = m->a[i].pVal;
    if( s && (!s->bDirty || p->pDb==0) && !story_alive(p, s) ){
      story_evict(p, s);   /* backward shift may move an entry into slot i */
      continue;
    }
    i++;
  }
}

/* Frees every story, article and index. */
static void state_clear(marsad_cluster *p){
  for(size_t i=0; i<p->stories.nSlot; i++){
    cl_story *s = p->stories.a[i].pVal;
    if( s==0 ) continue;
    for(int k=0; k<s->nArt; k++) article_free(s->aArt[k]);
    for(int k=0; k<s->nEvt; k++) event_free(s->aEvt[k]);
    marsad_free(s->aArt);
    marsad_free(s->aIdx);
    marsad_free(s->aEvt);
    marsad_free(s);
  }
  for(size_t i=0; i<p->buckets.nSlot; i++){
    cl_bucket *pB = p->buckets.a[i].pVal;
    if( pB ){ marsad_free(pB->a); marsad_free(pB); }
  }
  for(size_t i=0; i<p->outlets.nSlot; i++) marsad_free(p->outlets.a[i].pVal);
  for(uint32_t i=0; i<p->nPost; i++) marsad_free(p->aPost[i].a);
  marsad_free(p->aPost);
  p->aPost = 0;
  p->nPost = 0;
  marsad_imap_free(&p->stories);
  marsad_imap_free(&p->articles);
  marsad_imap_free(&p->exact);
  marsad_imap_free(&p->buckets);
  marsad_imap_free(&p->outlets);
  marsad_imap_free(&p->events);
  marsad_vocab_free(p->pVocab);
  p->pVocab = 0;
  p->iNextStory = 1;
  p->iNextEvent = 1;
  p->iLastRowid = 0;
  p->iFlushedRowid = 0;
  p->nTermStored = 0;
  p->iRunFirst = 0;
  p->iClock = 0;
  p->nSinceSweep = 0;
}

/* ---- deciding ---- */

/* True when articles a and o are dated further apart than the window: a
** text republished that late is news again, not a copy. */
static int too_far(const marsad_cluster *p, const cl_article *a, const cl_article *o){
  if( a->bUndated || o->bUndated ) return 0;
  int nGap = a->iDay>o->iDay ? a->iDay-o->iDay : o->iDay-a->iDay;
  return nGap>p->nWindow;
}

/* Finds the original that article a copies, if any: the alive article
** within the window with the same exact hash, else the one with the highest
** estimated resemblance (ties: earliest) at or above the copy threshold. */
static cl_article *find_original(marsad_cluster *p, const cl_article *a, double *pr){
  cl_article *pBest = 0;
  double rBest = 0.0;
  *pr = 0.0;
  if( a->d.iExact ){
    pBest = marsad_imap_get(&p->exact, a->d.iExact);
    if( pBest && story_alive(p, pBest->pStory) && !too_far(p, a, pBest) ){
      *pr = 1.0;
      return pBest;
    }
    pBest = 0;
  }
  for(int b=0; a->d.sig.nShingle && b<MARSAD_LSH_BANDS; b++){
    cl_bucket *pB = marsad_imap_get(&p->buckets, marsad_minhash_band(&a->d.sig, b));
    for(int i=0; pB && i<pB->n; i++){
      cl_article *o = pB->a[i];
      if( !story_alive(p, o->pStory) || too_far(p, a, o) ) continue;
      double r = marsad_minhash_resemblance(&a->d.sig, &o->d.sig);
      if( r<MARSAD_COPY_THRESHOLD ) continue;
      if( pBest==0 || r>rBest || (r==rBest && o->iRowid<pBest->iRowid) ){
        pBest = o;
        rBest = r;
      }
    }
  }
  *pr = rBest;
  return pBest;
}

/* How many stories ahead the scan of a term's postings fetches a story
** into the processor's cache. */
#define POSTINGS_AHEAD 8

/* Asks the processor to bring what find_candidates reads of story s into
** its cache (the story may straddle two lines). */
static void prefetch_story(const cl_story *s){
  __builtin_prefetch(s);
  __builtin_prefetch((const char*)s + offsetof(cl_story, iLastArticle));
}

/* qsort comparison of candidates: higher accumulated score, then lower
** iOrder. */
static int cmp_cand(const void *pa, const void *pb){
  const cl_story *a = *(cl_story *const*)pa, *b = *(cl_story *const*)pb;
  if( a->rAcc!=b->rAcc ) return a->rAcc<b->rAcc ? 1 : -1;
  return (a->iOrder>b->iOrder) - (a->iOrder<b->iOrder);
}

/* Collects into p->aCand the alive stories within the window that share
** salient terms with a (looking at the POSTINGS_SCAN stories that most
** recently gained each term), the best MARSAD_CLUSTER_CANDIDATES first by
** the summed idf of the shared terms. */
static int find_candidates(marsad_cluster *p, const cl_article *a,
                           const uint32_t *aSalient, int nSalient){
  int rc = MARSAD_OK;
  int nTouched = 0;
  p->nCand = 0;
  for(int i=0; rc==MARSAD_OK && i<nSalient; i++){
    uint32_t iTerm = aSalient[i];
    if( iTerm>=p->nPost ) continue;
    double w = marsad_vocab_idf(p->pVocab, iTerm);
    cl_postings *pP = &p->aPost[iTerm];
    int kEnd = pP->n>POSTINGS_SCAN ? pP->n-POSTINGS_SCAN : 0;
    for(int k=pP->n-1; k>=kEnd; k--){
      if( k-POSTINGS_AHEAD>=kEnd ) prefetch_story(pP->a[k-POSTINGS_AHEAD]);
      cl_story *s = pP->a[k];
      if( !s->bTouched ){
        if( !story_alive(p, s) || story_gap(s, a)>p->nWindow ) continue;
        rc = grow_ptrs(&p->aCand, nTouched, &p->nCandAlloc);
        if( rc ) break;
        p->aCand[nTouched++] = s;
        s->bTouched = 1;
        s->rAcc = 0.0;
      }
      s->rAcc += w;
    }
  }
  for(int i=0; i<nTouched; i++) p->aCand[i]->bTouched = 0;
  if( rc ) return rc;
  cl_story *pTmp;
  p->nCand = marsad_top_front(p->aCand, nTouched, sizeof *p->aCand, MARSAD_CLUSTER_CANDIDATES,
                              cmp_cand, &pTmp);
  return MARSAD_OK;
}

/* The similarity of query q's article a to article m, computed once for
** each m while a is placed (best_story and find_event compare a with some
** articles twice; the vocabulary does not change meanwhile). */
static const marsad_simparts *member_sim(marsad_cluster *p, const marsad_simquery *q,
                                         const cl_article *a, cl_article *m){
  if( m->iScoredFor!=a->iRowid ){
    marsad_simquery_score(p->pVocab, q, &m->d, &m->sim);
    m->iScoredFor = a->iRowid;
  }
  return &m->sim;
}

/* Writes into aOut (room for MARSAD_CLUSTER_MEMBERS) the last
** MARSAD_CLUSTER_MEMBERS originals (not copies) of aArt[0..nArt), most
** recent first; returns how many. */
static int last_originals(cl_article **aArt, int nArt, cl_article **aOut){
  int n = 0;
  for(int k=nArt-1; k>=0 && n<MARSAD_CLUSTER_MEMBERS; k--){
    if( aArt[k]->iCopyOf==0 ) aOut[n++] = aArt[k];
  }
  return n;
}

/* Compares a with the most recent original articles of each candidate and
** returns the best story (NULL when none), its article *ppBest and the
** decayed score in *pr; q is a's query. The articles to compare are listed
** first, all candidates' at once, so that the processor fetches them
** together. */
static cl_story *best_story(marsad_cluster *p, const marsad_simquery *q, cl_article *a,
                            cl_article **ppBest, double *pr){
  cl_story *pWin = 0;
  cl_article *aM[MARSAD_CLUSTER_CANDIDATES*MARSAD_CLUSTER_MEMBERS];
  int aiStart[MARSAD_CLUSTER_CANDIDATES+1];
  *ppBest = 0;
  *pr = 0.0;
  aiStart[0] = 0;
  for(int i=0; i<p->nCand; i++){
    cl_story *s = p->aCand[i];
    aiStart[i+1] = aiStart[i] + last_originals(s->aArt, s->nArt, aM + aiStart[i]);
  }
  for(int i=0; i<p->nCand; i++){
    cl_story *s = p->aCand[i];
    double decay = gap_decay(p, story_gap(s, a));
    s->rAcc = 0.0;    /* from here on: the story's best score */
    for(int k=aiStart[i]; k<aiStart[i+1]; k++){
      cl_article *m = aM[k];
      if( k+1<aiStart[p->nCand] ) __builtin_prefetch(aM[k+1]->d.aTerm);
      const marsad_simparts *pSim = member_sim(p, q, a, m);
      double r = pSim->rScore * decay;
      if( r>s->rAcc ) s->rAcc = r;
      if( r>*pr || (r==*pr && pWin && s->iOrder<pWin->iOrder) ){
        *pr = r;
        *ppBest = m;
        pWin = s;
        p->bestSim = *pSim;
      }
    }
  }
  return pWin;
}

/* True when article a may join event e by its dates: an undated article
** may join any event; a dated one must lie within EVENT_GAP days of one of
** the event's dated articles and keep the event within EVENT_SPAN days. */
static int event_fits(const cl_event *e, const cl_article *a){
  if( a->bUndated || !e->bDated ) return 1;
  int iFirst = a->iDay<e->iFirst ? a->iDay : e->iFirst;
  int iLast = a->iDay>e->iLast ? a->iDay : e->iLast;
  if( iLast-iFirst>EVENT_SPAN ) return 0;
  for(int i=e->nArt-1; i>=0; i--){
    const cl_article *m = e->aArt[i];
    if( m->bUndated ) continue;
    int nGap = a->iDay>m->iDay ? a->iDay-m->iDay : m->iDay-a->iDay;
    if( nGap<=EVENT_GAP ) return 1;
  }
  return 0;
}

/* True when events e and f, with article a, would span at most EVENT_SPAN
** days. */
static int events_fit(const cl_event *e, const cl_event *f, const cl_article *a){
  if( !e->bDated || !f->bDated ) return 1;
  int iFirst = e->iFirst<f->iFirst ? e->iFirst : f->iFirst;
  int iLast = e->iLast>f->iLast ? e->iLast : f->iLast;
  if( !a->bUndated && a->iDay<iFirst ) iFirst = a->iDay;
  if( !a->bUndated && a->iDay>iLast ) iLast = a->iDay;
  return iLast-iFirst<=EVENT_SPAN;
}

/* The event of story s that article a (not a copy) joins: among the last
** MARSAD_EVENT_CANDIDATES events of s that a fits by date, the one holding the
** original most similar to a (comparing a with the last
** MARSAD_CLUSTER_MEMBERS originals of each), when that similarity reaches
** the event threshold; NULL when a starts a new event. *pr gets the best
** similarity seen (0 when none), *ppBest that article. The other fitting
** events that a also reaches the threshold with, and that the winner can
** take in within EVENT_SPAN days, tell the same development: their ids go
** to pAs->aMergedEvent (a bridges them). q is a's query. */
static cl_event *find_event(marsad_cluster *p, const marsad_simquery *q, const cl_article *a,
                            const cl_story *s, cl_article **ppBest, double *pr,
                            marsad_assignment *pAs){
  cl_event *pWin = 0;
  cl_event *aSeen[MARSAD_EVENT_CANDIDATES];
  int nSeenEvt = 0;
  double rThreshold = marsad_cluster_event_threshold(marsad_vocab_ndoc(p->pVocab));
  *pr = 0.0;
  *ppBest = 0;
  for(int i=s->nEvt-1; i>=0 && nSeenEvt<MARSAD_EVENT_CANDIDATES; i--){
    cl_event *e = s->aEvt[i];
    if( !event_fits(e, a) ) continue;
    aSeen[nSeenEvt++] = e;
    e->rAcc = 0.0;
    cl_article *aM[MARSAD_CLUSTER_MEMBERS];
    int nM = last_originals(e->aArt, e->nArt, aM);
    for(int k=0; k<nM; k++){
      double r = member_sim(p, q, a, aM[k])->rScore;
      if( r>e->rAcc ) e->rAcc = r;
      if( r>*pr ){
        *pr = r;
        *ppBest = aM[k];
        pWin = e;
      }
    }
  }
  if( *pr<rThreshold ) return 0;
  for(int i=0; i<nSeenEvt; i++){
    cl_event *e = aSeen[i];
    if( e!=pWin && e->rAcc>=rThreshold && events_fit(pWin, e, a) ){
      pAs->aMergedEvent[pAs->nMergedEvent++] = e->iId;
    }
  }
  return pWin;
}

/* ---- storing ---- */

/* Appends a JSON string (quotes and escapes) to pBuf. */
static void json_string(marsad_buf *pBuf, const char *z, size_t n){
  marsad_buf_putcp(pBuf, '"');
  for(size_t i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' || c=='\\' ){ marsad_buf_putcp(pBuf, '\\'); marsad_buf_putcp(pBuf, c); }
    else if( c<0x20 ) marsad_buf_printf(pBuf, "\\u%04x", c);
    else marsad_buf_append(pBuf, (const char*)&z[i], 1);
  }
  marsad_buf_putcp(pBuf, '"');
}

/* Appends a JSON array of the stems of aTerm[0..n) to pBuf. */
static void json_terms(const marsad_cluster *p, marsad_buf *pBuf,
                       const uint32_t *aTerm, int n){
  marsad_buf_putcp(pBuf, '[');
  for(int i=0, k=0; i<n; i++){
    size_t nz;
    long long iEntity;
    if( marsad_vocab_is_entity(p->pVocab, aTerm[i], &iEntity) ) continue;
    const char *z = marsad_vocab_term(p->pVocab, aTerm[i], &nz);
    if( k++ ) marsad_buf_putcp(pBuf, ',');
    json_string(pBuf, z, nz);
  }
  marsad_buf_putcp(pBuf, ']');
}

/* Appends a JSON array of the entity ids ("e12") among aTerm[0..n). */
static void json_entities(const marsad_cluster *p, marsad_buf *pBuf,
                          const uint32_t *aTerm, int n){
  marsad_buf_putcp(pBuf, '[');
  for(int i=0, k=0; i<n; i++){
    long long iEntity;
    if( !marsad_vocab_is_entity(p->pVocab, aTerm[i], &iEntity) ) continue;
    marsad_buf_printf(pBuf, "%s\"e%lld\"", k++ ? "," : "", iEntity);
  }
  marsad_buf_putcp(pBuf, ']');
}

/* Writes the evidence of one decision as JSON into pBuf. */
static int evidence_json(const marsad_cluster *p, const cl_article *a,
                         const cl_article *pBest, const marsad_assignment *pAs,
                         marsad_buf *pBuf){
  if( pAs->iCopyOf ){
    marsad_buf_printf(pBuf, "{\"rule\":\"copy\",\"resemblance\":%.3f,\"exact\":%s}",
                      pAs->rResemblance, pAs->rResemblance>=1.0 ? "true" : "false");
    return pBuf->rc;
  }
  if( pBest==0 ){
    marsad_buf_puts(pBuf, "{\"rule\":\"new\"}");
    return pBuf->rc;
  }
  const marsad_simparts sim = p->bestSim;
  uint32_t aShared[2*N_EVIDENCE];
  int n = marsad_docterms_shared(p->pVocab, &a->d, &pBest->d, aShared, 2*N_EVIDENCE);
  if( n<0 ) return MARSAD_NOMEM;
  marsad_buf_printf(pBuf,
      "{\"rule\":\"similar\",\"score\":%.3f,\"cosine\":%.3f,\"title\":%.3f,"
      "\"gap_days\":%d,\"threshold\":%.3f,\"terms\":",
      pAs->rScore, sim.rCosine, sim.rTitle, story_gap(pBest->pStory, a),
      marsad_cluster_threshold(marsad_vocab_ndoc(p->pVocab)));
  json_terms(p, pBuf, aShared, n);
  marsad_buf_puts(pBuf, ",\"entities\":");
  json_entities(p, pBuf, aShared, n);
  marsad_buf_printf(pBuf, ",\"event\":{\"rule\":\"%s\",\"score\":%.3f,\"threshold\":%.3f",
      pAs->bNewEvent ? "new" : "similar", pAs->rEventScore,
      marsad_cluster_event_threshold(marsad_vocab_ndoc(p->pVocab)));
  for(int i=0; i<pAs->nMergedEvent; i++){
    marsad_buf_printf(pBuf, "%s%lld", i ? "," : ",\"merged\":[", pAs->aMergedEvent[i]);
  }
  marsad_buf_puts(pBuf, pAs->nMergedEvent ? "]}" : "}");
  if( pAs->nMerged ){
    marsad_buf_puts(pBuf, ",\"merged\":[");
    for(int i=0; i<pAs->nMerged; i++){
      marsad_buf_printf(pBuf, "%s\"s%lld\"", i ? "," : "", pAs->aMerged[i]);
    }
    marsad_buf_putcp(pBuf, ']');
  }
  marsad_buf_putcp(pBuf, '}');
  return pBuf->rc;
}

/* Writes the salient terms as space-separated stems into pBuf. */
static void terms_text(const marsad_cluster *p, marsad_buf *pBuf,
                       const uint32_t *aTerm, int n){
  for(int i=0; i<n; i++){
    size_t nz;
    const char *z = marsad_vocab_term(p->pVocab, aTerm[i], &nz);
    if( i ) marsad_buf_putcp(pBuf, ' ');
    marsad_buf_append(pBuf, z, nz);
  }
}

/* Stores the decision for article a. */
static int store_assignment(marsad_cluster *p, const cl_article *a,
                            const cl_article *pBest, const marsad_assignment *pAs,
                            const uint32_t *aSalient, int nSalient){
  marsad_buf ev = MARSAD_BUF_INIT, terms = MARSAD_BUF_INIT, vec = MARSAD_BUF_INIT;
  int rc = MARSAD_OK;
  if( p->pInsArticle==0 ){
    rc = marsad_db_prepare(p->pDb,
        "INSERT OR REPLACE INTO article_story(article, story, score, best, evidence,"
        " copy_of, resemblance, terms, event, vec) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
        &p->pInsArticle);
  }
  if( rc==MARSAD_OK ) rc = evidence_json(p, a, pBest, pAs, &ev);
  if( rc==MARSAD_OK ){
    terms_text(p, &terms, aSalient, nSalient);
    marsad_docterms_encode(p->pVocab, &a->d, &vec);
    rc = terms.rc ? terms.rc : vec.rc;
  }
  if( rc==MARSAD_OK ){
    sqlite3_stmt *s = p->pInsArticle;
    sqlite3_bind_int64(s, 1, a->iRowid);
    sqlite3_bind_int64(s, 2, pAs->iStory);
    sqlite3_bind_double(s, 3, pAs->rScore);
    if( pAs->iBest ) sqlite3_bind_int64(s, 4, pAs->iBest); else sqlite3_bind_null(s, 4);
    marsad_bind_text(s, 5, ev.a ? ev.a : "", ev.n);
    if( pAs->iCopyOf ){
      sqlite3_bind_int64(s, 6, pAs->iCopyOf);
      sqlite3_bind_double(s, 7, pAs->rResemblance);
    }else{
      sqlite3_bind_null(s, 6);
      sqlite3_bind_null(s, 7);
    }
    marsad_bind_text(s, 8, terms.a ? terms.a : "", terms.n);
    sqlite3_bind_int64(s, 9, pAs->iEvent);
    sqlite3_bind_blob(s, 10, vec.a, (int)vec.n, SQLITE_STATIC);
    if( sqlite3_step(s)!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "article_story");
    sqlite3_reset(s);
  }
  marsad_buf_free(&ev);
  marsad_buf_free(&terms);
  marsad_buf_free(&vec);
  return rc;
}

/* ---- the public entry points ---- */

/* How far the vocabulary has matured after nDoc documents: 0 at the first,
** 1/2 at MARSAD_THRESHOLD_HALF, towards 1. */
static double vocab_maturity(unsigned nDoc){
  return (double)nDoc / ((double)nDoc + MARSAD_THRESHOLD_HALF);
}

double marsad_cluster_threshold(unsigned nDoc){
  double m = vocab_maturity(nDoc);
  return MARSAD_THRESHOLD_YOUNG + (MARSAD_THRESHOLD_MATURE - MARSAD_THRESHOLD_YOUNG)*m;
}

double marsad_cluster_event_threshold(unsigned nDoc){
  return marsad_cluster_threshold(nDoc) + MARSAD_EVENT_MARGIN;
}

int marsad_cluster_new(marsad_db *pDb, int nWindow, marsad_cluster **ppOut){
  marsad_cluster *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  p->pDb = pDb;
  p->nWindow = nWindow>0 ? nWindow : MARSAD_CLUSTER_WINDOW;
  p->iNextStory = 1;
  p->bLoaded = (pDb==0);
  int rc = marsad_vocab_new(&p->pVocab);
  if( rc ){ marsad_cluster_free(p); return rc; }
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_cluster_free(marsad_cluster *p){
  if( p==0 ) return;
  state_clear(p);
  marsad_free(p->aCand);
  marsad_free(p->aAcc);
  marsad_free(p->aW);
  marsad_free(p->aWTitle);
  marsad_free(p->aBits);
  sqlite3_finalize(p->pInsArticle);
  sqlite3_finalize(p->pPutStory);
  sqlite3_finalize(p->pPutEvent);
  sqlite3_finalize(p->pPutRun);
  sqlite3_finalize(p->pPutDf);
  sqlite3_finalize(p->pMentions);
  for(int k=0; k<N_MOVES; k++) sqlite3_finalize(p->apMove[k]);
  marsad_free(p);
}

static int cluster_check(marsad_cluster *p, long long iRowid);

/* Adds the resolved entities of pA's mentions to the terms d. */
static int article_entities(marsad_cluster *p, const marsad_analysis *pA,
                            marsad_docterms *d){
  long long *aEnt = marsad_malloc(sizeof(long long)*(size_t)pA->nMention);
  int *abTitle = marsad_malloc(sizeof(int)*(size_t)pA->nMention);
  int rc = (aEnt && abTitle) ? MARSAD_OK : MARSAD_NOMEM;
  for(int i=0; rc==MARSAD_OK && i<pA->nMention; i++){
    aEnt[i] = pA->aMention[i].iEntity;
    abTitle[i] = (pA->aMention[i].eField==MARSAD_FIELD_TITLE);
  }
  if( rc==MARSAD_OK ) rc = marsad_docterms_add_entities(p->pVocab, d, aEnt, abTitle, pA->nMention);
  marsad_free(aEnt);
  marsad_free(abTitle);
  return rc;
}

int marsad_cluster_read_mentions(marsad_cluster *p, marsad_analysis *pA){
  int rc = MARSAD_OK;
  int s = SQLITE_DONE;
  if( p->pDb==0 ) return MARSAD_OK;
  if( p->pMentions==0 ){
    rc = marsad_db_prepare(p->pDb,
        "SELECT entity, field FROM mention WHERE article=?1 ORDER BY id", &p->pMentions);
  }
  if( rc ) return rc;
  sqlite3_bind_int64(p->pMentions, 1, pA->art.iRowid);
  while( rc==MARSAD_OK && (s = sqlite3_step(p->pMentions))==SQLITE_ROW ){
    marsad_mention m;
    memset(&m, 0, sizeof m);
    m.iEntity = sqlite3_column_int64(p->pMentions, 0);
    m.eField = sqlite3_column_int(p->pMentions, 1);
    rc = marsad_analysis_add_mention(pA, &m);
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "mention");
  sqlite3_reset(p->pMentions);
  return rc;
}

/* Builds the article record for pA (not yet in any story). Its word terms
** come from aVec[0..nVec) (marsad_docterms_encode) when aVec is not NULL
** and decodes, else from its text. */
static int article_make(marsad_cluster *p, const marsad_analysis *pA,
                        const unsigned char *aVec, size_t nVec, cl_article **ppOut){
  const marsad_article *pArt = &pA->art;
  cl_article *a = marsad_malloc(sizeof *a);
  *ppOut = 0;
  if( a==0 ) return MARSAD_NOMEM;
  memset(a, 0, sizeof *a);
  a->iRowid = pArt->iRowid;
  a->iDay = parse_day(pArt->zPublished);
  if( a->iDay==0 ){
    a->bUndated = 1;
    a->iDay = parse_day(pArt->zIngested);
  }
  int rc = intern_outlet(p, pArt->zOutlet, &a->zOutlet);
  if( rc==MARSAD_OK && aVec ){
    rc = marsad_docterms_decode(p->pVocab, aVec, nVec, &a->d);
    if( rc==MARSAD_DBERROR ) aVec = 0;
    if( rc==MARSAD_DBERROR ) rc = MARSAD_OK;
  }
  if( rc==MARSAD_OK && aVec==0 ){
    rc = marsad_docterms_build(p->pVocab, pA, &a->d);
  }
  if( rc==MARSAD_OK && pA->nMention>0 ) rc = article_entities(p, pA, &a->d);
  if( rc==MARSAD_OK ) rc = postings_reserve(p);
  if( rc==MARSAD_OK ) rc = acc_reserve(p);
  if( rc ){ article_free(a); return rc; }
  *ppOut = a;
  return MARSAD_OK;
}

/* Decides where article a goes, without storing anything: fills *pAs and
** the story *ppStory (NULL for a new story) and best article *ppBest. */
static int decide(marsad_cluster *p, cl_article *a, const uint32_t *aSalient,
                  int nSalient, marsad_assignment *pAs, cl_story **ppStory,
                  cl_article **ppBest){
  double r = 0.0;
  memset(pAs, 0, sizeof *pAs);
  *ppStory = 0;
  *ppBest = 0;
  cl_article *pOrig = find_original(p, a, &r);
  if( pOrig ){
    a->iCopyOf = pOrig->iCopyOf ? pOrig->iCopyOf : pOrig->iRowid;
    a->pEvent = event_fits(pOrig->pEvent, a) ? pOrig->pEvent : 0;  /* else a new one */
    pAs->iCopyOf = a->iCopyOf;
    pAs->rResemblance = r;
    pAs->rScore = r;
    pAs->iBest = pOrig->iRowid;
    *ppBest = pOrig;
    *ppStory = pOrig->pStory;
    return MARSAD_OK;
  }
  int rc = find_candidates(p, a, aSalient, nSalient);
  if( rc ) return rc;
  cl_article *pBest = 0;
  marsad_simquery q;     /* a's weights, spread once for the stories and the events */
  marsad_simquery_begin(p->pVocab, &a->d, p->aW, p->aWTitle, p->aBits, &q);
  cl_story *s = best_story(p, &q, a, &pBest, &r);
  unsigned nDoc = marsad_vocab_ndoc(p->pVocab);
  double rThreshold = marsad_cluster_threshold(nDoc);
  double rMerge = rThreshold + MARSAD_MERGE_MARGIN*vocab_maturity(nDoc);
  if( s && r>=rThreshold ){
    pAs->rScore = r;
    pAs->iBest = pBest->iRowid;
    *ppBest = pBest;
    *ppStory = s;
    /* Other stories the article also belongs to are the same story. */
    for(int i=0; i<p->nCand && pAs->nMerged<MARSAD_CLUSTER_CANDIDATES; i++){
      cl_story *o = p->aCand[i];
      if( o!=s && (o->rAcc>=rMerge || (o->rAcc>=rThreshold && o->nArt<=FRAGMENT_ARTICLES)) ){
        pAs->aMerged[pAs->nMerged++] = o->iId;
      }
    }
    cl_article *pEvtBest = 0;
    a->pEvent = find_event(p, &q, a, s, &pEvtBest, &pAs->rEventScore, pAs);
  }
  marsad_simquery_end(&q);
  return MARSAD_OK;
}

/* The articles a[0..na) and b[0..nb), each in rowid (arrival) order, in
** one new array in that order (the caller frees it), or NULL on NOMEM. */
static cl_article **articles_merged(cl_article **a, int na, cl_article **b, int nb){
  cl_article **aNew = marsad_malloc(sizeof(cl_article*)*(size_t)(na+nb));
  if( aNew==0 ) return 0;
  for(int i=0, j=0, k=0; k<na+nb; k++){
    aNew[k] = j>=nb || (i<na && a[i]->iRowid<b[j]->iRowid) ? a[i++] : b[j++];
  }
  return aNew;
}

/* Runs the statements iFirst..iLast of azMove with ?1 iInto and ?2 iFrom,
** preparing them on first use (merges are frequent: no SQL parsed each
** time). MARSAD_OK or the database's error. */
static int moves_run(marsad_cluster *p, int iFirst, int iLast, long long iInto, long long iFrom){
  int rc = MARSAD_OK;
  for(int k=iFirst; rc==MARSAD_OK && k<=iLast; k++){
    if( p->apMove[k]==0 ) rc = marsad_db_prepare(p->pDb, azMove[k], &p->apMove[k]);
    if( rc ) break;
    sqlite3_stmt *q = p->apMove[k];
    sqlite3_bind_int64(q, 1, iInto);
    sqlite3_bind_int64(q, 2, iFrom);
    int rcStep = sqlite3_step(q);
    sqlite3_reset(q);
    if( rcStep!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "merging stories");
  }
  return rc;
}

/* How many of aArt[0..n) (in arrival order) an earlier batch stored:
** their article_story rows lie on pages that a merge writes again. */
static int n_flushed(const marsad_cluster *p, cl_article *const *aArt, int n){
  int lo = 0, hi = n;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( aArt[mid]->iRowid<=p->iFlushedRowid ) lo = mid+1; else hi = mid;
  }
  return lo;
}

/* The id left behind when the object pKeep, with id *piKeep in map m,
** absorbs the one with id iOther: iOther when bTake is false; else
** *piKeep, and pKeep takes iOther (m re-keyed: iOther's entry points at
** pKeep). A merge keeps the id of the side with more articles stored by
** earlier batches, so that fewer stored rows are written again (whole
** SaudiNewsNet: article_story's pages written 31,141 -> 15,619 times). */
static long long merge_id(marsad_imap *m, void *pKeep, long long *piKeep, long long iOther,
                          int bTake){
  long long iGone = bTake ? *piKeep : iOther;
  marsad_imap_del(m, (uint64_t)iGone);
  if( bTake ){
    *piKeep = iOther;
    /* cannot grow the map, so cannot fail: an entry was just taken out */
    (void)marsad_imap_put(m, (uint64_t)iOther, pKeep);
  }
  return iGone;
}

/* Moves every article of event f into event e (both of one story), in
** memory and in the tables, and frees f. e takes f's id when more of f's
** articles than of e's were stored by earlier batches (merge_id). */
static int event_merge(marsad_cluster *p, cl_event *e, cl_event *f){
  int n = e->nArt + f->nArt;
  int bTake = n_flushed(p, f->aArt, f->nArt)>n_flushed(p, e->aArt, e->nArt);
  cl_article **aNew = articles_merged(e->aArt, e->nArt, f->aArt, f->nArt);
  if( aNew==0 ) return MARSAD_NOMEM;
  for(int j=0; j<f->nArt; j++) f->aArt[j]->pEvent = e;
  marsad_free(e->aArt);
  e->aArt = aNew;
  e->nArt = e->nArtAlloc = n;
  if( f->bDated ){
    if( !e->bDated || f->iFirst<e->iFirst ) e->iFirst = f->iFirst;
    if( !e->bDated || f->iLast>e->iLast ) e->iLast = f->iLast;
    e->bDated = 1;
  }
  e->bDirty = 1;
  cl_story *s = e->pStory;
  remove_ptr_ordered((void**)s->aEvt, &s->nEvt, f);
  if( f->iFirstArticle<e->iFirstArticle ){
    /* e now starts where f started: keep the story's events in the order
    ** they started, as a reload lists them. */
    e->iFirstArticle = f->iFirstArticle;
    remove_ptr_ordered((void**)s->aEvt, &s->nEvt, e);
    int k = s->nEvt;
    while( k>0 && s->aEvt[k-1]->iFirstArticle>e->iFirstArticle ) k--;
    memmove(&s->aEvt[k+1], &s->aEvt[k], sizeof(cl_event*)*(size_t)(s->nEvt-k));
    s->aEvt[k] = e;
    s->nEvt++;
  }
  long long iGone = merge_id(&p->events, e, &e->iId, f->iId, bTake);
  int rc = MARSAD_OK;
  if( p->pDb ) rc = moves_run(p, MOVE_EVENT_ARTICLES, MOVE_EVENT_DELETE, e->iId, iGone);
  event_free(f);
  return rc;
}

/* Moves the events of story b into story a, keeping them in the order
** they started (by their first article), as a reload would list them. */
static int events_merge(cl_story *a, cl_story *b){
  int n = a->nEvt + b->nEvt;
  cl_event **aNew = marsad_malloc(sizeof(cl_event*)*(size_t)(n ? n : 1));
  if( aNew==0 ) return MARSAD_NOMEM;
  for(int i=0, j=0, k=0; k<n; k++){
    if( j>=b->nEvt || (i<a->nEvt && a->aEvt[i]->iFirstArticle<b->aEvt[j]->iFirstArticle) ){
      aNew[k] = a->aEvt[i++];
    }else{
      aNew[k] = b->aEvt[j++];
      aNew[k]->pStory = a;
    }
  }
  marsad_free(a->aEvt);
  a->aEvt = aNew;
  a->nEvt = a->nEvtAlloc = n;
  b->nEvt = 0;
  return MARSAD_OK;
}

/* Moves every article of story b into story a, in memory and in the
** tables, and frees b. a takes b's id when more of b's articles than of
** a's were stored by earlier batches (merge_id). */
static int story_merge(marsad_cluster *p, cl_story *a, cl_story *b){
  int n = a->nArt + b->nArt;
  int bTake = n_flushed(p, b->aArt, b->nArt)>n_flushed(p, a->aArt, a->nArt);
  cl_article **aNew = articles_merged(a->aArt, a->nArt, b->aArt, b->nArt);
  if( aNew==0 ) return MARSAD_NOMEM;
  if( events_merge(a, b) ){ marsad_free(aNew); return MARSAD_NOMEM; }
  for(int j=0; j<b->nArt; j++) b->aArt[j]->pStory = a;
  marsad_free(a->aArt);
  a->aArt = aNew;
  a->nArt = a->nArtAlloc = n;
  if( b->iFirstAny<a->iFirstAny ) a->iFirstAny = b->iFirstAny;
  if( b->iLastAny>a->iLastAny ) a->iLastAny = b->iLastAny;
  if( b->bDated ){
    if( !a->bDated || b->iFirst<a->iFirst ) a->iFirst = b->iFirst;
    if( !a->bDated || b->iLast>a->iLast ) a->iLast = b->iLast;
    a->bDated = 1;
  }
  if( b->iLastArticle>a->iLastArticle ) a->iLastArticle = b->iLastArticle;
  a->bDirty = 1;
  int rc = MARSAD_OK;
  for(int i=0; i<b->nIdx; i++){
    cl_postings *pP = &p->aPost[b->aIdx[i]];
    remove_ptr_ordered((void**)pP->a, &pP->n, b);
    if( rc==MARSAD_OK ) rc = story_index_term(p, a, b->aIdx[i]);
  }
  long long iGone = merge_id(&p->stories, a, &a->iId, b->iId, bTake);
  if( rc==MARSAD_OK && p->pDb ){
    rc = moves_run(p, MOVE_STORY_ARTICLES, MOVE_STORY_DELETE, a->iId, iGone);
  }
  marsad_free(b->aArt);
  marsad_free(b->aIdx);
  marsad_free(b->aEvt);
  marsad_free(b);
  return rc;
}

int marsad_cluster_add(marsad_cluster *p, const marsad_analysis *pA,
                       marsad_assignment *pOut){
  cl_article *a = 0;
  cl_story *s = 0;
  cl_article *pBest = 0;
  marsad_assignment as;
  uint32_t aSalient[N_SALIENT];
  int nSalient = 0;
  int rc = cluster_check(p, pA->art.iRowid);
  if( rc==MARSAD_OK ) rc = article_make(p, pA, 0, 0, &a);
  if( rc==MARSAD_OK ){
    marsad_vocab_count(p->pVocab, &a->d);
    nSalient = marsad_docterms_salient(p->pVocab, &a->d, aSalient, N_SALIENT);
    if( nSalient<0 ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK ){
    p->iLastRowid = a->iRowid;
    if( !a->bUndated && a->iDay>p->iClock ) p->iClock = a->iDay;
    rc = decide(p, a, aSalient, nSalient, &as, &s, &pBest);
  }
  if( rc==MARSAD_OK && s==0 ){
    rc = story_new(p, &s);
    if( rc==MARSAD_OK ) as.bNew = 1;
  }
  if( rc==MARSAD_OK && a->pEvent==0 ){
    rc = event_new(p, s, 0, &a->pEvent);
    if( rc==MARSAD_OK ) as.bNewEvent = 1;
  }
  if( rc==MARSAD_OK ){
    as.iStory = s->iId;
    as.iEvent = a->pEvent->iId;
    if( p->pDb ) rc = store_assignment(p, a, pBest, &as, aSalient, nSalient);
  }
  if( rc==MARSAD_OK ) rc = story_add(p, s, a, aSalient, a->iCopyOf ? 0 : nSalient);
  if( a && a->pStory ) a = 0;   /* owned by its story, even after a failure */
  for(int i=0; rc==MARSAD_OK && i<as.nMerged; i++){
    cl_story *o = marsad_imap_get(&p->stories, (uint64_t)as.aMerged[i]);
    if( o && o!=s ) rc = story_merge(p, s, o);
  }
  for(int i=0; rc==MARSAD_OK && i<as.nMergedEvent; i++){
    cl_event *f = marsad_imap_get(&p->events, (uint64_t)as.aMergedEvent[i]);
    cl_event *e = marsad_imap_get(&p->events, (uint64_t)as.iEvent);
    if( e && f && f!=e ) rc = event_merge(p, e, f);
    if( e ) as.iEvent = e->iId;     /* it may have taken f's id */
  }
  if( s ) as.iStory = s->iId;
  article_free(a);
  if( rc==MARSAD_OK && pOut ) *pOut = as;
  if( rc==MARSAD_OK && ++p->nSinceSweep>=SWEEP_EVERY ) sweep(p);
  if( rc ) marsad_cluster_forget(p);
  return rc;
}

/* ---- story summaries ---- */

/* The norm of article a's title vector with the vocabulary of this flush,
** computed once a flush (a story's and its events' headlines all read it). */
static double title_norm(marsad_cluster *p, cl_article *a){
  if( a->iNormFlush!=p->iFlush ){
    a->rTitleNorm = marsad_tf_norm(p->pVocab, a->d.aTitle, a->d.nTitle);
    a->iNormFlush = p->iFlush;
  }
  return a->rTitleNorm;
}

/* Zeroes the entries of aAcc that a[0..n) touched. */
static void acc_clear(marsad_cluster *p, const marsad_tf *a, int n){
  for(int i=0; i<n; i++) p->aAcc[a[i].iTerm] = 0.0;
}

/* The representative article of aArt[0..n): the original whose title is
** closest to the sum of all their unit title vectors, a title of fewer than
** HEADLINE_WORDS content words counting proportionally less (a news
** headline says who did what; a column's title is a phrase of two words);
** ties: earliest. NULL when n is 0. */
static const cl_article *headline_of(marsad_cluster *p, cl_article *const *aArt, int n){
  const cl_article *pBest = 0;
  double rBest = -1.0;
  for(int i=0; i<n; i++){
    const marsad_tf *aT = aArt[i]->d.aTitle;
    double norm = title_norm(p, aArt[i]);
    for(int k=0; norm>0.0 && k<aArt[i]->d.nTitle; k++){
      p->aAcc[aT[k].iTerm] += marsad_vocab_weight(p->pVocab, aT[k].iTerm, aT[k].nTf)/norm;
    }
  }
  for(int i=0; i<n; i++){
    cl_article *a = aArt[i];
    if( a->iCopyOf ) continue;
    double norm = title_norm(p, a);
    if( norm<=0.0 ) continue;
    double r = 0.0;
    for(int k=0; k<a->d.nTitle; k++){
      uint32_t t = a->d.aTitle[k].iTerm;
      r += p->aAcc[t] * marsad_vocab_weight(p->pVocab, t, a->d.aTitle[k].nTf)/norm;
    }
    if( a->d.nTitle<HEADLINE_WORDS ) r *= (double)a->d.nTitle/HEADLINE_WORDS;
    if( r>rBest ){ rBest = r; pBest = a; }
  }
  for(int i=0; i<n; i++) acc_clear(p, aArt[i]->d.aTitle, aArt[i]->d.nTitle);
  return pBest ? pBest : (n ? aArt[0] : 0);
}

/* True when term x ranks before term y: higher sum, then stem order. */
static int term_before(const marsad_cluster *p, uint32_t x, uint32_t y){
  if( p->aAcc[x]!=p->aAcc[y] ) return p->aAcc[x]>p->aAcc[y];
  size_t nx, ny;
  return strcmp(marsad_vocab_term(p->pVocab, x, &nx),
                marsad_vocab_term(p->pVocab, y, &ny))<0;
}

/* Adds the unit TF-IDF vector of a[0..n) to aAcc, at the terms that
** p->aBits marks only. */
static void acc_add_marked(marsad_cluster *p, const marsad_tf *a, int n){
  double norm = marsad_tf_norm(p->pVocab, a, n);
  for(int i=0; norm>0.0 && i<n; i++){
    uint32_t t = a[i].iTerm;
    if( (p->aBits[t/64] >> (t%64)) & 1 ){
      p->aAcc[t] += marsad_vocab_weight(p->pVocab, t, a[i].nTf)/norm;
    }
  }
}

/* The nMax top terms of s among its index terms, by their summed unit
** weights over its original articles (term_before's order); returns how
** many. Only the index terms are summed (marked in p->aBits meanwhile),
** and one pass over them keeps the best so far in order. */
static int story_top_terms(marsad_cluster *p, const cl_story *s, uint32_t *aOut, int nMax){
  int n = 0;
  if( nMax<=0 ) return 0;
  for(int j=0; j<s->nIdx; j++) p->aBits[s->aIdx[j]/64] |= (uint64_t)1 << (s->aIdx[j]%64);
  for(int i=0; i<s->nArt; i++){
    const cl_article *a = s->aArt[i];
    if( a->iCopyOf==0 ) acc_add_marked(p, a->d.aTerm, a->d.nTerm);
  }
  for(int j=0; j<s->nIdx; j++){
    uint32_t t = s->aIdx[j];
    long long iEntity;
    if( p->aAcc[t]<=0.0 || marsad_vocab_is_entity(p->pVocab, t, &iEntity) ) continue;
    if( n==nMax && !term_before(p, t, aOut[n-1]) ) continue;
    int i = n<nMax ? n++ : n-1;    /* room left: one more, else the worst goes */
    while( i>0 && term_before(p, t, aOut[i-1]) ){ aOut[i] = aOut[i-1]; i--; }
    aOut[i] = t;
  }
  for(int j=0; j<s->nIdx; j++){
    p->aAcc[s->aIdx[j]] = 0.0;
    p->aBits[s->aIdx[j]/64] = 0;
  }
  return n;
}

/* ---- persistence ---- */

/* Writes the JSON array of the distinct outlets of aArt[0..n), by first
** appearance, into pBuf; sets *pnOutlet to their number and *pnCopy to the
** number of copies among the articles. Outlets are interned, so a name is
** known by its pointer: each article is checked against the distinct
** outlets met so far, not against every earlier article. Sets pBuf->rc to
** MARSAD_NOMEM when the list cannot be allocated. */
static void outlets_json(cl_article *const *aArt, int n, marsad_buf *pBuf,
                         int *pnOutlet, int *pnCopy){
  const char **aSeen = 0;
  int nSeen = 0, nAlloc = 0;
  *pnOutlet = *pnCopy = 0;
  marsad_buf_putcp(pBuf, '[');
  for(int i=0; i<n && pBuf->rc==MARSAD_OK; i++){
    const cl_article *a = aArt[i];
    *pnCopy += (a->iCopyOf!=0);
    int bSeen = (a->zOutlet==0);
    for(int k=0; k<nSeen && !bSeen; k++) bSeen = (aSeen[k]==a->zOutlet);
    if( bSeen ) continue;
    if( nSeen==nAlloc ){
      int nNew = nAlloc ? 2*nAlloc : 16;
      const char **aNew = marsad_realloc(aSeen, sizeof(*aSeen)*(size_t)nNew);
      if( aNew==0 ){ pBuf->rc = MARSAD_NOMEM; break; }
      aSeen = aNew;
      nAlloc = nNew;
    }
    aSeen[nSeen++] = a->zOutlet;
    if( (*pnOutlet)++ ) marsad_buf_putcp(pBuf, ',');
    json_string(pBuf, a->zOutlet, strlen(a->zOutlet));
  }
  marsad_buf_putcp(pBuf, ']');
  marsad_free(aSeen);
}

/* Writes event e (summary included) to the event table. */
static int event_store(marsad_cluster *p, const cl_event *e){
  marsad_buf outlets = MARSAD_BUF_INIT;
  char zFirst[32], zLast[32];
  int nOutlet = 0, nCopy = 0;
  int rc = MARSAD_OK;
  if( p->pPutEvent==0 ){
    rc = marsad_db_prepare(p->pDb,
        "INSERT OR REPLACE INTO event(id, story, title, headline, first, last, n_articles,"
        " n_copies, n_outlets, outlets)"
        " SELECT ?1, ?2, coalesce((SELECT title FROM article WHERE id=?3),''), ?3, ?4, ?5,"
        " ?6, ?7, ?8, ?9", &p->pPutEvent);
  }
  if( rc ) return rc;
  const cl_article *pHead = headline_of(p, e->aArt, e->nArt);
  outlets_json(e->aArt, e->nArt, &outlets, &nOutlet, &nCopy);
  civil_from_days(e->iFirst, zFirst);
  civil_from_days(e->iLast, zLast);
  rc = outlets.rc;
  if( rc==MARSAD_OK ){
    sqlite3_stmt *st = p->pPutEvent;
    sqlite3_bind_int64(st, 1, e->iId);
    sqlite3_bind_int64(st, 2, e->pStory->iId);
    sqlite3_bind_int64(st, 3, pHead ? pHead->iRowid : 0);
    if( e->bDated ){
      sqlite3_bind_text(st, 4, zFirst, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 5, zLast, -1, SQLITE_TRANSIENT);
    }else{
      sqlite3_bind_null(st, 4);
      sqlite3_bind_null(st, 5);
    }
    sqlite3_bind_int(st, 6, e->nArt);
    sqlite3_bind_int(st, 7, nCopy);
    sqlite3_bind_int(st, 8, nOutlet);
    marsad_bind_text(st, 9, outlets.a, outlets.n);
    if( sqlite3_step(st)!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "event");
    sqlite3_reset(st);
  }
  marsad_buf_free(&outlets);
  return rc;
}

/* Writes story s (summary included) to the story table. */
static int story_store(marsad_cluster *p, const cl_story *s){
  marsad_buf outlets = MARSAD_BUF_INIT, top = MARSAD_BUF_INIT;
  uint32_t aTop[N_EVIDENCE];
  char zFirst[32], zLast[32];
  int nOutlet = 0, nCopy = 0;
  int rc = MARSAD_OK;
  if( p->pPutStory==0 ){
    rc = marsad_db_prepare(p->pDb,
        "INSERT OR REPLACE INTO story(id, title, headline, first, last, n_articles,"
        " n_copies, n_outlets, outlets, top_terms, dated, last_day, last_article)"
        " SELECT ?1, coalesce((SELECT title FROM article WHERE id=?2),''), ?2, ?3, ?4,"
        " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12", &p->pPutStory);
  }
  if( rc ) return rc;
  const cl_article *pHead = headline_of(p, s->aArt, s->nArt);
  int nTop = story_top_terms(p, s, aTop, N_EVIDENCE);
  outlets_json(s->aArt, s->nArt, &outlets, &nOutlet, &nCopy);
  json_terms(p, &top, aTop, nTop);
  civil_from_days(s->bDated ? s->iFirst : s->iFirstAny, zFirst);
  civil_from_days(s->bDated ? s->iLast : s->iLastAny, zLast);
  rc = outlets.rc ? outlets.rc : top.rc;
  if( rc==MARSAD_OK ){
    sqlite3_stmt *st = p->pPutStory;
    sqlite3_bind_int64(st, 1, s->iId);
    sqlite3_bind_int64(st, 2, pHead ? pHead->iRowid : 0);
    sqlite3_bind_text(st, 3, zFirst, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, zLast, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, s->nArt);
    sqlite3_bind_int(st, 6, nCopy);
    sqlite3_bind_int(st, 7, nOutlet);
    marsad_bind_text(st, 8, outlets.a, outlets.n);
    marsad_bind_text(st, 9, top.a, top.n);
    sqlite3_bind_int(st, 10, s->bDated);
    if( s->bDated ) sqlite3_bind_int(st, 11, s->iLast); else sqlite3_bind_null(st, 11);
    sqlite3_bind_int64(st, 12, s->iLastArticle);
    if( sqlite3_step(st)!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "story");
    sqlite3_reset(st);
  }
  marsad_buf_free(&outlets);
  marsad_buf_free(&top);
  return rc;
}

/* Writes the terms interned since the last flush (story_term_run: the run
** still growing is rewritten with them, and closed once it holds
** MARSAD_VOCAB_CHUNK terms) and the chunks of document frequencies that
** changed (story_df, little-endian 32-bit counts). */
static int terms_store(marsad_cluster *p){
  int rc = MARSAD_OK;
  uint32_t nTerm = marsad_vocab_size(p->pVocab);
  unsigned char aBlob[4*MARSAD_VOCAB_CHUNK];
  if( p->pPutRun==0 ){
    rc = marsad_db_prepare(p->pDb,
        "INSERT OR REPLACE INTO story_term_run(first, terms) VALUES(?1, ?2)", &p->pPutRun);
  }
  if( rc==MARSAD_OK && p->pPutDf==0 ){
    rc = marsad_db_prepare(p->pDb,
        "INSERT OR REPLACE INTO story_df(chunk, df) VALUES(?1, ?2)", &p->pPutDf);
  }
  if( rc==MARSAD_OK && nTerm>p->nTermStored ){
    size_t n;
    const char *z = marsad_vocab_text_from(p->pVocab, p->iRunFirst, &n);
    sqlite3_bind_int64(p->pPutRun, 1, p->iRunFirst);
    /* not copied: the vocabulary's text stays put until the step is done */
    sqlite3_bind_blob64(p->pPutRun, 2, z, n, SQLITE_STATIC);
    if( sqlite3_step(p->pPutRun)!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "story_term_run");
    sqlite3_reset(p->pPutRun);
    sqlite3_clear_bindings(p->pPutRun);   /* no pointer kept into text that may move */
    if( rc==MARSAD_OK && nTerm-p->iRunFirst>=MARSAD_VOCAB_CHUNK ) p->iRunFirst = nTerm;
  }
  uint32_t iFrom = 0;
  long iChunk;
  while( rc==MARSAD_OK && (iChunk = marsad_vocab_next_changed(p->pVocab, &iFrom))>=0 ){
    uint32_t n;
    const uint32_t *aDf = marsad_vocab_chunk(p->pVocab, (uint32_t)iChunk, &n);
    for(uint32_t k=0; k<n; k++){
      aBlob[4*k] = (unsigned char)aDf[k];
      aBlob[4*k+1] = (unsigned char)(aDf[k]>>8);
      aBlob[4*k+2] = (unsigned char)(aDf[k]>>16);
      aBlob[4*k+3] = (unsigned char)(aDf[k]>>24);
    }
    sqlite3_bind_int64(p->pPutDf, 1, iChunk);
    sqlite3_bind_blob(p->pPutDf, 2, aBlob, (int)(4*n), SQLITE_STATIC);
    if( sqlite3_step(p->pPutDf)!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "story_df");
    sqlite3_reset(p->pPutDf);
  }
  if( rc==MARSAD_OK ) p->nTermStored = nTerm;
  return rc;
}

/* Writes the clusterer's counters to meta(stories_state). */
static int state_store(marsad_cluster *p){
  char z[128];
  snprintf(z, sizeof z, "%u %d %lld %lld %d", marsad_vocab_ndoc(p->pVocab),
           p->iClock, p->iNextStory, p->iLastRowid, p->nWindow);
  return marsad_db_meta_set(p->pDb, "stories_state", z);
}

int marsad_cluster_flush(marsad_cluster *p){
  int rc = MARSAD_OK;
  if( p->pDb==0 || !p->bLoaded ) return MARSAD_OK;
  if( p->iFlushedRowid==p->iLastRowid ) return MARSAD_OK;
  p->iFlush++;
  for(size_t i=0; rc==MARSAD_OK && i<p->stories.nSlot; i++){
    cl_story *s = p->stories.a[i].pVal;
    if( s==0 || !s->bDirty ) continue;
    rc = story_store(p, s);
    for(int k=0; rc==MARSAD_OK && k<s->nEvt; k++){
      cl_event *e = s->aEvt[k];
      if( !e->bDirty ) continue;
      rc = event_store(p, e);
      if( rc==MARSAD_OK ) e->bDirty = 0;
    }
    if( rc==MARSAD_OK ) s->bDirty = 0;
  }
  if( rc==MARSAD_OK ) rc = terms_store(p);
  if( rc==MARSAD_OK ) rc = state_store(p);
  if( rc==MARSAD_OK ){
    p->iFlushedRowid = p->iLastRowid;
    if( p->nSinceSweep>=SWEEP_EVERY/4 ) sweep(p);
  }else{
    marsad_cluster_forget(p);
  }
  return rc;
}

/* Reads meta(stories_state); leaves the defaults when it is absent. */
static int state_load(marsad_cluster *p){
  char *z = 0;
  int rc = marsad_db_meta_get(p->pDb, "stories_state", &z);
  if( rc==MARSAD_OK && z ){
    unsigned nDoc = 0;
    int iClock = 0, nWindow = 0;
    long long iNext = 1, iLast = 0;
    if( sscanf(z, "%u %d %lld %lld %d", &nDoc, &iClock, &iNext, &iLast, &nWindow)==5 ){
      marsad_vocab_set_ndoc(p->pVocab, nDoc);
      p->iClock = iClock;
      p->iNextStory = iNext;
      p->iLastRowid = p->iFlushedRowid = iLast;
      if( nWindow>0 ) p->nWindow = nWindow;
    }else{
      rc = marsad_db_error(p->pDb, MARSAD_DBERROR, "stories: bad meta(stories_state)");
    }
  }
  marsad_free(z);
  return rc;
}

/* Interns the terms of one row of story_term_run (its first term's id
** iFirst, the stems a[0..n), each followed by a NUL byte), which must follow
** the terms loaded so far. */
static int vocab_load_run(marsad_cluster *p, sqlite3_int64 iFirst, const char *a, size_t n){
  int rc = MARSAD_OK;
  uint32_t iNext = marsad_vocab_size(p->pVocab);
  if( iFirst!=iNext || (n>0 && a[n-1]!=0) ){
    return marsad_db_error(p->pDb, MARSAD_DBERROR, "stories: story_term_run out of step");
  }
  for(size_t i=0; rc==MARSAD_OK && i<n; iNext++){
    size_t nz = strlen(a+i);
    uint32_t iTerm;
    rc = marsad_vocab_intern(p->pVocab, a+i, nz, &iTerm);
    if( rc==MARSAD_OK && iTerm!=iNext ){
      rc = marsad_db_error(p->pDb, MARSAD_DBERROR, "stories: story_term_run out of step");
    }
    i += nz+1;
  }
  return rc;
}

/* Loads the terms, with the ids they had (story_term's, then
** story_term_run's), and their frequencies. */
static int vocab_load(marsad_cluster *p){
  sqlite3_stmt *st = 0;
  int s = SQLITE_DONE;
  int rc = marsad_db_prepare(p->pDb, "SELECT id, term FROM story_term ORDER BY id", &st);
  while( rc==MARSAD_OK && (s = sqlite3_step(st))==SQLITE_ROW ){
    uint32_t iTerm;
    rc = marsad_vocab_intern(p->pVocab, (const char*)sqlite3_column_text(st, 1),
                             (size_t)sqlite3_column_bytes(st, 1), &iTerm);
    if( rc==MARSAD_OK && (sqlite3_int64)iTerm!=sqlite3_column_int64(st, 0) ){
      rc = marsad_db_error(p->pDb, MARSAD_DBERROR, "stories: story_term ids out of step");
    }
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "story_term");
  sqlite3_finalize(st);
  st = 0;
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(p->pDb, "SELECT first, terms FROM story_term_run ORDER BY first", &st);
  while( rc==MARSAD_OK && (s = sqlite3_step(st))==SQLITE_ROW ){
    rc = vocab_load_run(p, sqlite3_column_int64(st, 0), sqlite3_column_blob(st, 1),
                        (size_t)sqlite3_column_bytes(st, 1));
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "story_term_run");
  sqlite3_finalize(st);
  st = 0;
  uint32_t nTerm = marsad_vocab_size(p->pVocab);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(p->pDb, "SELECT chunk, df FROM story_df", &st);
  while( rc==MARSAD_OK && (s = sqlite3_step(st))==SQLITE_ROW ){
    sqlite3_int64 iChunk = sqlite3_column_int64(st, 0);
    const unsigned char *a = sqlite3_column_blob(st, 1);
    int nByte = sqlite3_column_bytes(st, 1);
    for(int k=0; a && k+3<nByte; k+=4){
      sqlite3_int64 iTerm = iChunk*MARSAD_VOCAB_CHUNK + k/4;
      if( iTerm<0 || iTerm>=nTerm ) break;
      uint32_t df = a[k] | (uint32_t)a[k+1]<<8 | (uint32_t)a[k+2]<<16 | (uint32_t)a[k+3]<<24;
      marsad_vocab_set_df(p->pVocab, (uint32_t)iTerm, df);
    }
  }
  if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "story_df");
  sqlite3_finalize(st);
  if( rc==MARSAD_OK ) p->nTermStored = p->iRunFirst = nTerm;
  return rc;
}

/* Interns the space-separated stems of z into aOut (at most nMax). */
static int parse_terms(marsad_cluster *p, const char *z, uint32_t *aOut, int nMax,
                       int *pn){
  int rc = MARSAD_OK;
  *pn = 0;
  while( z && *z && rc==MARSAD_OK && *pn<nMax ){
    const char *zEnd = strchr(z, ' ');
    size_t n = zEnd ? (size_t)(zEnd-z) : strlen(z);
    if( n ) rc = marsad_vocab_intern(p->pVocab, z, n, &aOut[(*pn)++]);
    z = zEnd ? zEnd+1 : 0;
  }
  return rc;
}

/* Rebuilds one alive article from a row of the load query. */
static int load_article(marsad_cluster *p, sqlite3_stmt *st){
  marsad_analysis an;
  cl_article *a = 0;
  uint32_t aSalient[N_SALIENT];
  int nSalient = 0;
  memset(&an, 0, sizeof an);
  an.art.iRowid = sqlite3_column_int64(st, 0);
  an.art.zTitle = (const char*)sqlite3_column_text(st, 4);
  an.art.nTitle = (size_t)sqlite3_column_bytes(st, 4);
  an.art.zBody = (const char*)sqlite3_column_text(st, 5);
  an.art.nBody = (size_t)sqlite3_column_bytes(st, 5);
  an.art.zPublished = (const char*)sqlite3_column_text(st, 6);
  an.art.zIngested = (const char*)sqlite3_column_text(st, 7);
  an.art.zOutlet = (const char*)sqlite3_column_text(st, 8);
  long long iStory = sqlite3_column_int64(st, 1);
  const unsigned char *aVec = sqlite3_column_blob(st, 10);
  size_t nVec = (size_t)sqlite3_column_bytes(st, 10);
  int rc = marsad_cluster_read_mentions(p, &an);
  if( rc==MARSAD_OK ) rc = article_make(p, &an, aVec, nVec, &a);
  marsad_analysis_clear(&an);
  if( rc==MARSAD_OK ){
    a->iCopyOf = sqlite3_column_int64(st, 2);
    rc = parse_terms(p, (const char*)sqlite3_column_text(st, 3), aSalient, N_SALIENT, &nSalient);
  }
  if( rc==MARSAD_OK ) rc = postings_reserve(p);
  cl_story *s = rc ? 0 : marsad_imap_get(&p->stories, (uint64_t)iStory);
  if( rc==MARSAD_OK && s==0 ){
    s = marsad_malloc(sizeof *s);
    if( s==0 ) rc = MARSAD_NOMEM;
    else{
      memset(s, 0, sizeof *s);
      s->iId = s->iOrder = iStory;
      rc = marsad_imap_put(&p->stories, (uint64_t)iStory, s);
      if( rc ){ marsad_free(s); s = 0; }
    }
  }
  if( rc==MARSAD_OK ){
    long long iEvent = sqlite3_column_int64(st, 9);
    a->pEvent = marsad_imap_get(&p->events, (uint64_t)iEvent);
    if( a->pEvent==0 ) rc = event_new(p, s, iEvent, &a->pEvent);
  }
  if( rc==MARSAD_OK ) rc = story_add(p, s, a, aSalient, a->iCopyOf ? 0 : nSalient);
  if( a && a->pStory ) a = 0;
  article_free(a);
  for(int i=0; s && i<s->nEvt; i++) s->aEvt[i]->bDirty = 0;
  if( s ) s->bDirty = 0;
  return rc;
}

/* Loads the state: counters, vocabulary, and the alive stories with their
** articles in arrival order. */
static int cluster_load(marsad_cluster *p){
  sqlite3_stmt *st = 0;
  int rc = MARSAD_OK;
  if( p->pVocab==0 ) rc = marsad_vocab_new(&p->pVocab);
  if( p->pDb==0 ){         /* memory only: nothing to read */
    p->bLoaded = (rc==MARSAD_OK);
    return rc;
  }
  if( rc==MARSAD_OK ) rc = state_load(p);
  if( rc==MARSAD_OK ) rc = vocab_load(p);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(p->pDb, "SELECT coalesce(max(id),0)+1 FROM event", &st);
  if( rc==MARSAD_OK ){
    if( sqlite3_step(st)==SQLITE_ROW ) p->iNextEvent = sqlite3_column_int64(st, 0);
    else rc = marsad_db_sqlite_error(p->pDb, "event");
    sqlite3_finalize(st);
    st = 0;
  }
  if( rc==MARSAD_OK ){
    rc = marsad_db_prepare(p->pDb,
        "SELECT x.article, x.story, x.copy_of, x.terms,"
        " CASE WHEN x.vec IS NULL THEN a.title END, CASE WHEN x.vec IS NULL THEN a.body END,"
        " a.published, a.ingested, a.outlet, x.event, x.vec"
        " FROM article_story x JOIN article a ON a.id=x.article"
        " WHERE x.story IN (SELECT id FROM story WHERE (dated AND last_day>=?1)"
        " OR last_article>?2) ORDER BY x.article", &st);
  }
  if( rc==MARSAD_OK ){
    sqlite3_bind_int(st, 1, p->iClock - p->nWindow);
    sqlite3_bind_int64(st, 2, p->iLastRowid - MARSAD_CLUSTER_KEEP);
    int s;
    while( rc==MARSAD_OK && (s = sqlite3_step(st))==SQLITE_ROW ) rc = load_article(p, st);
    if( rc==MARSAD_OK && s!=SQLITE_DONE ) rc = marsad_db_sqlite_error(p->pDb, "stories");
  }
  sqlite3_finalize(st);
  if( rc==MARSAD_OK ) p->bLoaded = 1;
  else marsad_cluster_forget(p);
  return rc;
}

void marsad_cluster_forget(marsad_cluster *p){
  state_clear(p);
  p->iFlushedRowid = 0;
  p->bLoaded = 0;
}

/* Makes sure the state matches the database before article iRowid:
** loads it on first use, and reloads it when the articles went back (a
** rolled-back batch) or another writer clustered articles meanwhile. */
static int cluster_check(marsad_cluster *p, long long iRowid){
  if( p->pDb && p->bLoaded && iRowid!=p->iLastRowid+1 ){
    int bStale = (iRowid<=p->iLastRowid);
    if( !bStale ){
      char *z = 0;
      long long iStored = 0;
      int rc = marsad_db_meta_get(p->pDb, "stories_state", &z);
      if( rc ) return rc;
      if( z && sscanf(z, "%*u %*d %*d %lld", &iStored)!=1 ) iStored = -1;
      marsad_free(z);
      bStale = (iStored!=p->iFlushedRowid);
    }
    if( bStale ) marsad_cluster_forget(p);
  }
  if( !p->bLoaded ) return cluster_load(p);
  if( iRowid<=p->iLastRowid ){
    if( p->pDb==0 ) return MARSAD_MISUSE;
    return marsad_db_error(p->pDb, MARSAD_MISUSE, "stories: article %lld arrives after %lld",
                           iRowid, p->iLastRowid);
  }
  return MARSAD_OK;
}

int marsad_cluster_reset(marsad_cluster *p, int nWindow){
  int rc = MARSAD_OK;
  state_clear(p);
  if( nWindow>0 ) p->nWindow = nWindow;
  if( p->pDb ){
    rc = marsad_db_exec(p->pDb, "DELETE FROM article_story; DELETE FROM story; DELETE FROM event;"
                        " DELETE FROM story_term; DELETE FROM story_term_run; DELETE FROM story_df; DELETE FROM meta WHERE key='stories_state'");
  }
  if( rc==MARSAD_OK ) rc = marsad_vocab_new(&p->pVocab);
  p->bLoaded = (rc==MARSAD_OK);
  return rc;
}

/* ---- the module ---- */

/* xOpen: a clusterer that loads its state on first use. */
static int stories_open(marsad_db *pDb, void **ppState){
  marsad_cluster *p = 0;
  int rc = marsad_cluster_new(pDb, 0, &p);
  *ppState = p;
  return rc;
}

/* xClose. */
static void stories_close(void *pState){
  marsad_cluster_free(pState);
}

/* xArticle: assigns and stores. */
static int stories_article(marsad_db *pDb, void *pState, marsad_analysis *pA){
  return marsad_cluster_add(pState, pA, 0);
}

/* xFlush: writes the stories before the batch commits. */
static int stories_flush(marsad_db *pDb, void *pState){
  return marsad_cluster_flush(pState);
}

const marsad_module marsad_module_stories = {
  "stories", stories_open, stories_close, stories_article, stories_flush, 0
};
