/*
** ingest.c: the ingestion pipeline. Inputs (files, directories, standard
** input) are read whole, repaired to valid UTF-8 and handed to their reader;
** each article the reader yields is cleaned (clean.h), given its stable id,
** and, unless the store already has it, stored with its raw input and passed
** to every analysis module (module.h). Articles are committed in batches: a
** batch is atomic, so an ingestion killed at any moment leaves a consistent
** database that a rerun completes (stored ids are skipped).
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <xxhash.h>
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"
#include "clean.h"
#include "db.h"
#include "doc.h"
#include "fold.h"
#include "html.h"
#include "module.h"
#include "norm.h"
#include "search.h"
#include "utf8.h"
#include "wordcache.h"

/* Inputs larger than this are refused (a page or feed this big is not news). */
#define INGEST_MAX_FILE ((size_t)512 << 20)

/* Lines with invalid UTF-8 reported one by one in an input; the rest are
** summed up in one more report. */
#define INGEST_MAX_BAD_LINES 5

/* Problems held back while a file may turn out to be of another kind. */
#define INGEST_MAX_HELD 8

/* A problem held back (see ingest.bHold). */
typedef struct held_problem {
  long iLine;                  /* its line, 0 for the whole input */
  char zMsg[200];              /* its message, cut to fit */
} held_problem;

/* Directories nested deeper than this are passed over. */
#define INGEST_MAX_DEPTH 64

/* State of one marsad_ingest_* call. */
typedef struct ingest {
  marsad_db *pDb;
  const marsad_ingest_opts *pOpts;
  marsad_ingest_stats *pStats;
  const char *zFormat;         /* reader name of the current input */
  int nInBatch;                /* articles written in the open transaction */
  int nBatch;                  /* articles a transaction (the options' or
                               ** MARSAD_INGEST_BATCH) */
  char zNow[24];               /* ingestion time, ISO 8601 UTC */
  char zToday[11];             /* its date */
  marsad_norm norm;            /* scratch for keys */
  marsad_wordcache *pWords;    /* keys and stems of recent words */
  sqlite3_stmt *pExists;       /* the rowid of the article with a uid */
  sqlite3_int64 iMaxBefore;    /* the largest article rowid before this ingestion */
  sqlite3_stmt *pFill;         /* fills a stored article's missing date and URL */
  sqlite3_stmt *pCopyOf;       /* earliest article with a body hash */
  sqlite3_stmt *pInsert;       /* INSERT INTO article */
  sqlite3_stmt *pInsertRaw;    /* INSERT INTO article_raw */
  sqlite3_stmt *pLineSeen;     /* outlet_line count */
  sqlite3_stmt *pLineAdd;      /* outlet_line upsert */
  struct stat aOpenDir[INGEST_MAX_DEPTH];  /* directories being walked, outermost first */
  int nOpenDir;                /* entries of aOpenDir in use */
  int bChecksOff;              /* foreign-key and CHECK constraints turned off by this ingestion */
  int bHold;                   /* hold problems back: a .xml file met in a walk */
  int bRefused;                /* the last reader refused its input as a whole */
  const char *zHeldSource;     /* the input whose problems are held */
  held_problem aHeld[INGEST_MAX_HELD];  /* problems held back */
  int nHeld;                   /* entries of aHeld in use */
} ingest;

/* Reports a problem through the caller's callback. */
static void report(ingest *p, const char *zSource, long iLine, const char *zMsg){
  if( p->pOpts && p->pOpts->xReport ) p->pOpts->xReport(p->pOpts->pCtx, zSource, iLine, zMsg);
}

/* Reports (and counts) the problems held back, and stops holding. */
static void release_held(ingest *p){
  p->bHold = 0;
  for(int i=0; i<p->nHeld; i++){
    p->pStats->nSkipped++;
    report(p, p->zHeldSource, p->aHeld[i].iLine, p->aHeld[i].zMsg);
  }
  p->nHeld = 0;
}

/* marsad_problem_fn for readers: a skipped part of the input. While
** problems are held back, it is kept (up to INGEST_MAX_HELD) for later. */
static void reader_problem(void *pCtx, const char *zSource, long iLine, const char *zMsg){
  ingest *p = pCtx;
  if( p->bHold && p->nHeld<INGEST_MAX_HELD ){
    held_problem *h = &p->aHeld[p->nHeld++];
    h->iLine = iLine;
    snprintf(h->zMsg, sizeof h->zMsg, "%s", zMsg);
    return;
  }
  release_held(p);
  p->pStats->nSkipped++;
  report(p, zSource, iLine, zMsg);
}

/* Calls the progress callback. */
static void progress(ingest *p){
  if( p->pOpts && p->pOpts->xProgress ) p->pOpts->xProgress(p->pOpts->pCtx, p->pStats);
}

/* Prepares the statements of an ingestion. */
static int ingest_prepare(ingest *p){
  marsad_db *pDb = p->pDb;
  int rc = marsad_db_prepare(pDb, "SELECT id FROM article WHERE uid=?1", &p->pExists);
  sqlite3_stmt *pMax = 0;
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb, "SELECT max(id) FROM article", &pMax);
  if( rc==MARSAD_OK && sqlite3_step(pMax)==SQLITE_ROW ) p->iMaxBefore = sqlite3_column_int64(pMax, 0);
  sqlite3_finalize(pMax);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "UPDATE article SET published=coalesce(published,?2),"
      " published_raw=CASE WHEN published IS NULL AND ?2 IS NOT NULL THEN ?3 ELSE published_raw END,"
      " url=coalesce(url,?4) "
      "WHERE uid=?1 AND ((published IS NULL AND ?2 IS NOT NULL) OR (url IS NULL AND ?4 IS NOT NULL))",
      &p->pFill);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "SELECT id FROM article WHERE body_hash=?1 AND copy_of IS NULL "
      "ORDER BY id LIMIT 1", &p->pCopyOf);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "INSERT INTO article(uid,input,source,line,format,outlet,url,title,published,"
      "published_raw,ingested,body,body_hash,arabic,copy_of,bad_utf8) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)", &p->pInsert);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "INSERT INTO article_raw(id,raw,dropped) VALUES(?1,?2,?3)", &p->pInsertRaw);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "SELECT n FROM outlet_line WHERE outlet=?1 AND hash=?2", &p->pLineSeen);
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "INSERT INTO outlet_line(outlet,hash,n) VALUES(?1,?2,1) "
      "ON CONFLICT(outlet,hash) DO UPDATE SET n=n+1", &p->pLineAdd);
  return rc;
}

/* Finalizes what ingest_prepare made. */
static void ingest_finalize(ingest *p){
  sqlite3_finalize(p->pExists);
  sqlite3_finalize(p->pFill);
  sqlite3_finalize(p->pCopyOf);
  sqlite3_finalize(p->pInsert);
  sqlite3_finalize(p->pInsertRaw);
  sqlite3_finalize(p->pLineSeen);
  sqlite3_finalize(p->pLineAdd);
  marsad_norm_free(&p->norm);
  marsad_wordcache_free(p->pWords);
}

/* marsad_line_memory.xSeen over outlet_line. */
static long line_seen(void *pCtx, const char *zOutlet, uint64_t h){
  ingest *p = pCtx;
  long n = 0;
  sqlite3_bind_text(p->pLineSeen, 1, zOutlet, -1, SQLITE_STATIC);
  sqlite3_bind_int64(p->pLineSeen, 2, (sqlite3_int64)h);
  if( sqlite3_step(p->pLineSeen)==SQLITE_ROW ) n = sqlite3_column_int(p->pLineSeen, 0);
  sqlite3_reset(p->pLineSeen);
  return n;
}

/* Remembers the article's short lines for its outlet. */
static int remember_lines(ingest *p, const char *zOutlet, const marsad_clean *pC){
  for(int i=0; i<pC->nShort; i++){
    sqlite3_bind_text(p->pLineAdd, 1, zOutlet ? zOutlet : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(p->pLineAdd, 2, (sqlite3_int64)pC->aShort[i]);
    int s = sqlite3_step(p->pLineAdd);
    sqlite3_reset(p->pLineAdd);
    if( s!=SQLITE_DONE ) return marsad_db_sqlite_error(p->pDb, "outlet_line");
  }
  return MARSAD_OK;
}

/* Opens a batch transaction if none is open. */
static int batch_open(ingest *p){
  if( !sqlite3_get_autocommit(p->pDb->db) ) return MARSAD_OK;
  p->nInBatch = 0;
  return marsad_db_begin(p->pDb);
}

/* Rolls the open batch back, if any, and lets every module forget it. */
static void batch_rollback(ingest *p){
  marsad_db_rollback(p->pDb);
  for(int i=0; i<marsad_nmodules; i++){
    if( marsad_modules[i]->xRollback ) marsad_modules[i]->xRollback(p->pDb, p->pDb->apState[i]);
  }
}

/* Lets every module flush, then commits the open batch, if any. */
static int batch_commit(ingest *p){
  if( sqlite3_get_autocommit(p->pDb->db) ) return MARSAD_OK;
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<marsad_nmodules; i++){
    if( marsad_modules[i]->xFlush ) rc = marsad_modules[i]->xFlush(p->pDb, p->pDb->apState[i]);
  }
  if( rc==MARSAD_OK ) rc = marsad_db_commit(p->pDb);
  if( rc ) batch_rollback(p);
  p->nInBatch = 0;
  return rc;
}

/* Reads a publication date as found into zOut (YYYY-MM-DD). Accepts ISO 8601
** dates and date-times and YYYY/MM/DD. Returns 0 when it is not a valid date. */
static int parse_published(const char *z, char zOut[32]){
  int y, m, d;
  char sep1, sep2;
  if( z==0 ) return 0;
  while( *z==' ' ) z++;
  if( sscanf(z, "%4d%c%2d%c%2d", &y, &sep1, &m, &sep2, &d)!=5 ) return 0;
  if( sep1!=sep2 || (sep1!='-' && sep1!='/') ) return 0;
  if( y<1900 || y>2200 || m<1 || m>12 || d<1 ) return 0;
  static const int aDays[] = {31,29,31,30,31,30,31,31,30,31,30,31};
  int bLeap = (y%4==0 && y%100!=0) || y%400==0;
  if( d>aDays[m-1] || (m==2 && d==29 && !bLeap) ) return 0;
  snprintf(zOut, 32, "%04d-%02d-%02d", y, m, d);
  return 1;
}

/* True when most letters of p[0..n) are Arabic, judged on its first 4,000
** letters (Arabic, Latin, or of the other scripts below U+0590). The scan
** stops once half of those 4,000 are of one kind: the answer is then known. */
static int is_arabic(const char *p, size_t n){
  size_t nArabic = 0, nOther = 0, i = 0;
  while( i<n && nArabic<2000 && nOther<=2000 ){
    unsigned char b = (unsigned char)p[i];
    if( (b==0xD8 || b==0xD9) && i+1<n && ((unsigned char)p[i+1]&0xC0)==0x80 ){
      /* U+0600..U+067F without the decoder: most of an Arabic body */
      nArabic += marsad_fold_is_letter(((uint32_t)(b&0x1F)<<6) | ((unsigned char)p[i+1]&0x3F));
      i += 2;
      continue;
    }
    size_t len; int bBad;
    uint32_t cp = marsad_utf8_next((const unsigned char*)p+i, n-i, &len, &bBad);
    i += len;
    if( marsad_fold_is_letter(cp) ) nArabic++;
    else if( (cp|0x20)>='a' && (cp|0x20)<='z' ) nOther++;
    else if( cp>=0x00C0 && cp<0x0590 ) nOther++;
  }
  return nArabic>0 && nArabic>=nOther;
}

/* Hex of a 64-bit hash. */
static void hash_hex(uint64_t h, char zOut[17]){
  snprintf(zOut, 17, "%016llx", (unsigned long long)h);
}

/* Computes the article id, a hash of the outlet, the title's key and the
** key of the input text (before cleaning, so that the same input always gets
** the same id), and the body hash (for exact copies). */
static int article_ids(ingest *p, const char *zOutlet, const char *zTitle,
                       const marsad_clean *pC, char zUid[17], char zBodyHash[17]){
  int rc = marsad_norm_key(zTitle, strlen(zTitle), &p->norm);
  if( rc ) return rc;
  XXH3_state_t *pState = XXH3_createState();
  if( pState==0 ) return MARSAD_NOMEM;
  XXH3_64bits_reset(pState);
  XXH3_64bits_update(pState, &pC->hText, sizeof pC->hText);
  XXH3_64bits_update(pState, zOutlet ? zOutlet : "", zOutlet ? strlen(zOutlet)+1 : 0);
  XXH3_64bits_update(pState, p->norm.z, p->norm.n);
  hash_hex(XXH3_64bits_digest(pState), zUid);
  hash_hex(pC->hBody, zBodyHash);
  XXH3_freeState(pState);
  return MARSAD_OK;
}

/* Sets *pbExists when an article with this uid is stored, and *pbThisRun
** when it was stored by this ingestion (the input repeats it): rowids grow,
** so this ingestion's are above those stored before it. */
static int uid_exists(ingest *p, const char *zUid, int *pbExists, int *pbThisRun){
  sqlite3_bind_text(p->pExists, 1, zUid, -1, SQLITE_STATIC);
  int s = sqlite3_step(p->pExists);
  *pbExists = (s==SQLITE_ROW);
  *pbThisRun = *pbExists && sqlite3_column_int64(p->pExists, 0)>p->iMaxBefore;
  sqlite3_reset(p->pExists);
  return (s==SQLITE_ROW || s==SQLITE_DONE) ? MARSAD_OK : marsad_db_sqlite_error(p->pDb, "lookup");
}

/* The earliest stored article with the same body, or 0. */
static sqlite3_int64 copy_of(ingest *p, const char *zBodyHash){
  sqlite3_int64 iId = 0;
  sqlite3_bind_text(p->pCopyOf, 1, zBodyHash, -1, SQLITE_STATIC);
  if( sqlite3_step(p->pCopyOf)==SQLITE_ROW ) iId = sqlite3_column_int64(p->pCopyOf, 0);
  sqlite3_reset(p->pCopyOf);
  return iId;
}

/* The stored form of one article, ready for insertion. */
typedef struct stored {
  const marsad_doc *pDoc;
  const marsad_clean *pClean;
  const char *zTitle;
  char zUid[17];
  char zBodyHash[17];
  char zPublished[32];
  int bPublished;
  int bArabic;
  sqlite3_int64 iCopyOf;
  long nBadUtf8;
} stored;

/* Inserts the article and its raw input; *piRowid gets its rowid. */
static int insert_article(ingest *p, const stored *s, sqlite3_int64 *piRowid){
  sqlite3_stmt *q = p->pInsert;
  const marsad_doc *d = s->pDoc;
  marsad_bind_str(q, 1, s->zUid);
  marsad_bind_str(q, 2, d->zInput);
  marsad_bind_str(q, 3, d->zSource);
  if( d->iLine>0 ) sqlite3_bind_int64(q, 4, d->iLine); else sqlite3_bind_null(q, 4);
  marsad_bind_str(q, 5, p->zFormat);
  marsad_bind_str(q, 6, d->zOutlet);
  marsad_bind_str(q, 7, d->zUrl);
  marsad_bind_str(q, 8, s->zTitle);
  marsad_bind_str(q, 9, s->bPublished ? s->zPublished : 0);
  marsad_bind_str(q, 10, d->zPublished);
  marsad_bind_str(q, 11, p->zNow);
  marsad_bind_text(q, 12, s->pClean->zBody, s->pClean->nBody);
  marsad_bind_str(q, 13, s->zBodyHash);
  sqlite3_bind_int(q, 14, s->bArabic);
  if( s->iCopyOf ) sqlite3_bind_int64(q, 15, s->iCopyOf); else sqlite3_bind_null(q, 15);
  sqlite3_bind_int64(q, 16, s->nBadUtf8);
  int st = sqlite3_step(q);
  sqlite3_reset(q);
  if( st!=SQLITE_DONE ) return marsad_db_sqlite_error(p->pDb, "insert article");
  *piRowid = sqlite3_last_insert_rowid(p->pDb->db);
  q = p->pInsertRaw;
  sqlite3_bind_int64(q, 1, *piRowid);
  sqlite3_bind_blob64(q, 2, d->zRaw ? d->zRaw : "", d->zRaw ? d->nRaw : 0, SQLITE_STATIC);
  marsad_bind_text(q, 3, s->pClean->zDropped, s->pClean->nDropped);
  st = sqlite3_step(q);
  sqlite3_reset(q);
  if( st!=SQLITE_DONE ) return marsad_db_sqlite_error(p->pDb, "insert raw");
  return MARSAD_OK;
}

/* Runs every module's xArticle on the newly stored article. */
static int run_modules(ingest *p, const stored *s, sqlite3_int64 iRowid){
  marsad_analysis a;
  memset(&a, 0, sizeof a);
  a.art.iRowid = iRowid;
  a.art.zId = s->zUid;
  a.art.zOutlet = s->pDoc->zOutlet;
  a.art.zPublished = s->bPublished ? s->zPublished : 0;
  a.art.zIngested = p->zToday;
  a.art.zTitle = s->zTitle;
  a.art.nTitle = strlen(s->zTitle);
  a.art.zBody = s->pClean->zBody;
  a.art.nBody = s->pClean->nBody;
  /* one tokenization for all modules */
  int rc = marsad_analysis_keep_tokens_with(&a, p->pWords);
  for(int i=0; rc==MARSAD_OK && i<marsad_nmodules; i++){
    if( marsad_modules[i]->xArticle ){
      rc = marsad_modules[i]->xArticle(p->pDb, p->pDb->apState[i], &a);
    }
  }
  marsad_analysis_clear(&a);
  return rc;
}

/* Gives the stored article with s's id the publication date and URL of s
** where it has none (a copy read earlier from a file without them); its id
** and what the modules found when it was stored stay. Counts in nFilled. */
static int fill_missing(ingest *p, const stored *s){
  sqlite3_stmt *q = p->pFill;
  marsad_bind_str(q, 1, s->zUid);
  marsad_bind_str(q, 2, s->bPublished ? s->zPublished : 0);
  marsad_bind_str(q, 3, s->pDoc->zPublished);
  marsad_bind_str(q, 4, s->pDoc->zUrl && s->pDoc->zUrl[0] ? s->pDoc->zUrl : 0);
  int st = sqlite3_step(q);
  sqlite3_reset(q);
  if( st!=SQLITE_DONE ) return marsad_db_sqlite_error(p->pDb, "fill article");
  if( sqlite3_changes(p->pDb->db)>0 ) p->pStats->nFilled++;
  return MARSAD_OK;
}

/* Stores one cleaned article unless it is known, in which case what the
** stored copy lacks is filled in; counts what happened. */
static int store_doc(ingest *p, stored *s){
  int bExists = 0, bThisRun = 0;
  int rc = article_ids(p, s->pDoc->zOutlet, s->zTitle, s->pClean, s->zUid, s->zBodyHash);
  if( rc==MARSAD_OK ) rc = uid_exists(p, s->zUid, &bExists, &bThisRun);
  if( rc || bExists ){
    if( bExists ) p->pStats->nExisting++;
    if( bThisRun ) p->pStats->nRepeated++;
    if( rc==MARSAD_OK && (s->bPublished || (s->pDoc->zUrl && s->pDoc->zUrl[0])) ){
      rc = fill_missing(p, s);
    }
    return rc;
  }
  s->iCopyOf = copy_of(p, s->zBodyHash);
  sqlite3_int64 iRowid = 0;
  rc = insert_article(p, s, &iRowid);
  if( rc==MARSAD_OK ) rc = remember_lines(p, s->pDoc->zOutlet, s->pClean);
  if( rc==MARSAD_OK ) rc = run_modules(p, s, iRowid);
  if( rc==MARSAD_OK ){
    p->pStats->nAdded++;
    p->pStats->nCopies += (s->iCopyOf!=0);
    p->pStats->nNotArabic += !s->bArabic;
    p->nInBatch++;
  }
  return rc;
}

/* marsad_doc_fn: cleans and stores one article from a reader. Articles that
** cannot be stored (empty) are reported and skipped; only database failures
** stop the reader. */
static int ingest_doc(void *pCtx, marsad_doc *pDoc){
  ingest *p = pCtx;
  stored s;
  memset(&s, 0, sizeof s);
  marsad_clean clean;
  memset(&clean, 0, sizeof clean);
  marsad_line_memory mem = { line_seen, p };
  release_held(p);   /* an article came: the input is of the reader's kind */
  p->pStats->nRead++;
  s.pDoc = pDoc;
  s.zTitle = pDoc->zTitle ? pDoc->zTitle : "";
  int rc = batch_open(p);
  if( rc==MARSAD_OK ){
    rc = marsad_clean_text(pDoc->zText ? pDoc->zText : "", pDoc->nText, s.zTitle,
                           pDoc->zOutlet, &mem, &clean);
  }
  if( rc==MARSAD_OK && clean.nBody==0 ){
    p->pStats->nSkipped++;
    report(p, pDoc->zSource, pDoc->iLine, "empty article: no body text, not stored");
  }else if( rc==MARSAD_OK ){
    s.pClean = &clean;
    s.bArabic = is_arabic(clean.zBody, clean.nBody);
    s.bPublished = parse_published(pDoc->zPublished, s.zPublished);
    if( pDoc->zPublished && pDoc->zPublished[0] && !s.bPublished ){
      char zMsg[160];
      snprintf(zMsg, sizeof zMsg, "unreadable date \"%.60s\": stored without a date",
               pDoc->zPublished);
      report(p, pDoc->zSource, pDoc->iLine, zMsg);
    }
    if( pDoc->zWarning ) report(p, pDoc->zSource, pDoc->iLine, pDoc->zWarning);
    rc = store_doc(p, &s);
  }
  marsad_clean_free(&clean);
  if( rc==MARSAD_OK && p->nInBatch>=p->nBatch ) rc = batch_commit(p);
  if( rc==MARSAD_OK && p->pStats->nRead % 200==0 ) progress(p);
  return rc;
}

/* Reports the lines of p[0..n) that hold invalid UTF-8, with their count:
** the first INGEST_MAX_BAD_LINES one by one, then how many more. */
static void report_bad_utf8(ingest *p, const char *zSource, const char *pData, size_t nData){
  long iLine = 1, nLines = 0;
  char zMsg[96];
  for(size_t i=0; i<nData; iLine++){
    const char *pEnd = memchr(pData+i, '\n', nData-i);
    size_t nLine = pEnd ? (size_t)(pEnd-(pData+i)) : nData-i;
    size_t nBad = marsad_utf8_count_invalid(pData+i, nLine);
    if( nBad && ++nLines<=INGEST_MAX_BAD_LINES ){
      snprintf(zMsg, sizeof zMsg, "%zu invalid UTF-8 sequence%s replaced by U+FFFD",
               nBad, nBad==1 ? "" : "s");
      report(p, zSource, iLine, zMsg);
    }
    i += nLine + 1;
  }
  if( nLines>INGEST_MAX_BAD_LINES ){
    snprintf(zMsg, sizeof zMsg, "%ld more lines with invalid UTF-8 replaced by U+FFFD",
             nLines-INGEST_MAX_BAD_LINES);
    report(p, zSource, 0, zMsg);
  }
}

/* Ingests one in-memory input with reader pReader. Invalid UTF-8 is
** replaced (in a repaired copy), counted and reported by line; valid input
** is read in place. Sets p->bRefused when the reader refused the input. */
static int ingest_data(ingest *p, const marsad_reader *pReader, const char *zSource,
                       const char *pData, size_t nData){
  char *zRepaired = 0, *zDecoded = 0;
  size_t nDecoded = 0;
  int rc = MARSAD_OK;
  if( pReader->eFormat==MARSAD_INPUT_HTML || pReader->eFormat==MARSAD_INPUT_FEED ){
    rc = marsad_markup_to_utf8(pData, nData, &zDecoded, &nDecoded);  /* windows-1256, ... */
    if( rc ) return rc;
    if( zDecoded ){ pData = zDecoded; nData = nDecoded; }
  }
  size_t nBad = marsad_utf8_count_invalid(pData, nData);
  if( nBad ){
    /* in binary data (NUL bytes) they mean nothing: the reader says why */
    if( memchr(pData, 0, nData)==0 ) report_bad_utf8(p, zSource, pData, nData);
    rc = marsad_utf8_sanitize(pData, nData, &zRepaired, &nData, &nBad);
    if( rc ){ marsad_free(zDecoded); return rc; }
    pData = zRepaired;
    p->pStats->nBadUtf8 += (long)nBad;
  }
  p->zFormat = pReader->zName;
  p->pStats->nBytes += (double)nData;
  rc = pReader->xRead(zSource, pData, nData, ingest_doc, reader_problem, p);
  p->bRefused = (rc==MARSAD_FORMAT);
  if( rc==MARSAD_FORMAT ) rc = MARSAD_OK;   /* reported through reader_problem */
  marsad_free(zRepaired);
  marsad_free(zDecoded);
  return rc;
}

/* Reads all of f into memory (owned by the caller). MARSAD_IO or
** MARSAD_FORMAT (too large) with a message in zErr. */
static int read_stream(FILE *f, char **pz, size_t *pn, char *zErr, size_t nErr){
  marsad_buf b = MARSAD_BUF_INIT;
  char a[65536];
  size_t got;
  while( (got = fread(a, 1, sizeof a, f))>0 && b.rc==MARSAD_OK ){
    if( b.n+got>INGEST_MAX_FILE ){
      snprintf(zErr, nErr, "larger than %zu MiB, not read", INGEST_MAX_FILE>>20);
      marsad_buf_free(&b);
      return MARSAD_FORMAT;
    }
    marsad_buf_append(&b, a, got);
  }
  if( ferror(f) ){
    snprintf(zErr, nErr, "read error: %s", strerror(errno));
    marsad_buf_free(&b);
    return MARSAD_IO;
  }
  *pn = b.n;
  *pz = marsad_buf_take(&b);
  return *pz ? MARSAD_OK : MARSAD_NOMEM;
}

/* True when zPath's extension is zExt (case-insensitive). */
static int has_ext(const char *zPath, const char *zExt){
  const char *z = strrchr(zPath, '.');
  return z && strchr(z, '/')==0 && strcasecmp(z+1, zExt)==0;
}

/* Ingests one file, choosing the reader by eFormat or the extension.
** bExplicit: named by the user (an unknown type is then reported). A .xml
** file met in a directory walk that the feed reader refuses as a whole (XML
** of another kind: a sitemap, a configuration) is passed over quietly. */
static int ingest_file(ingest *p, const char *zPath, int eFormat, int bExplicit){
  const marsad_reader *pReader = eFormat ? marsad_reader_for_format(eFormat)
                                         : marsad_reader_for_path(zPath);
  if( pReader==0 ){
    if( bExplicit ) reader_problem(p, zPath, 0, "unknown file type (use .txt, .html, .jsonl, .rss or .atom)");
    return MARSAD_OK;
  }
  FILE *f = fopen(zPath, "rb");
  if( f==0 ){
    reader_problem(p, zPath, 0, strerror(errno));
    return MARSAD_OK;
  }
  char *zData = 0, zErr[128];
  size_t nData = 0;
  int rc = read_stream(f, &zData, &nData, zErr, sizeof zErr);
  fclose(f);
  if( rc==MARSAD_IO || rc==MARSAD_FORMAT ){
    reader_problem(p, zPath, 0, zErr);
    return MARSAD_OK;
  }
  p->bHold = !bExplicit && !eFormat && has_ext(zPath, "xml");
  p->zHeldSource = zPath;
  p->nHeld = 0;
  if( rc==MARSAD_OK ) rc = ingest_data(p, pReader, zPath, zData, nData);
  if( p->bHold && p->bRefused ) p->nHeld = 0;   /* not a feed: passed over */
  release_held(p);
  marsad_free(zData);
  return rc;
}

/* qsort comparator for directory entries. */
static int compare_names(const void *a, const void *b){
  return strcmp(*(char *const*)a, *(char *const*)b);
}

static int ingest_tree(ingest *p, const char *zPath, int bExplicit);

/* True when the directory pSt is one being walked already (a symbolic link
** back to an enclosing directory). */
static int dir_is_open(const ingest *p, const struct stat *pSt){
  for(int i=0; i<p->nOpenDir; i++){
    if( p->aOpenDir[i].st_dev==pSt->st_dev && p->aOpenDir[i].st_ino==pSt->st_ino ) return 1;
  }
  return 0;
}

/* Ingests a directory's entries in name order, recursively; hidden entries
** are passed over, and so are directories that enclose it (symbolic link
** loops) or lie too deep. pSt is the directory's stat. */
static int ingest_dir(ingest *p, const char *zDir, const struct stat *pSt){
  if( dir_is_open(p, pSt) ) return MARSAD_OK;
  if( p->nOpenDir>=INGEST_MAX_DEPTH ){
    reader_problem(p, zDir, 0, "directories nested too deep, not read");
    return MARSAD_OK;
  }
  DIR *d = opendir(zDir);
  if( d==0 ){ reader_problem(p, zDir, 0, strerror(errno)); return MARSAD_OK; }
  char **azName = 0;
  size_t nName = 0, nAlloc = 0;
  int rc = MARSAD_OK;
  struct dirent *e;
  while( rc==MARSAD_OK && (e = readdir(d))!=0 ){
    if( e->d_name[0]=='.' ) continue;
    if( nName>=nAlloc ){
      nAlloc = nAlloc ? nAlloc*2 : 64;
      char **aNew = marsad_realloc(azName, nAlloc*sizeof(char*));
      if( aNew==0 ){ rc = MARSAD_NOMEM; break; }
      azName = aNew;
    }
    size_t nPath = strlen(zDir) + strlen(e->d_name) + 2;
    azName[nName] = marsad_malloc(nPath);
    if( azName[nName]==0 ){ rc = MARSAD_NOMEM; break; }
    snprintf(azName[nName], nPath, "%s%s%s", zDir,
             zDir[strlen(zDir)-1]=='/' ? "" : "/", e->d_name);
    nName++;
  }
  closedir(d);
  if( rc==MARSAD_OK && nName ) qsort(azName, nName, sizeof(char*), compare_names);
  p->aOpenDir[p->nOpenDir++] = *pSt;
  for(size_t i=0; rc==MARSAD_OK && i<nName; i++) rc = ingest_tree(p, azName[i], 0);
  p->nOpenDir--;
  for(size_t i=0; i<nName; i++) marsad_free(azName[i]);
  marsad_free(azName);
  return rc;
}

/* Ingests a file or a directory. */
static int ingest_tree(ingest *p, const char *zPath, int bExplicit){
  struct stat st;
  if( stat(zPath, &st)!=0 ){
    int bBrokenLink = errno==ENOENT && lstat(zPath, &st)==0 && S_ISLNK(st.st_mode);
    reader_problem(p, zPath, 0, bBrokenLink ? "broken symbolic link" : strerror(errno));
    return MARSAD_OK;
  }
  if( S_ISDIR(st.st_mode) ) return ingest_dir(p, zPath, &st);
  if( !S_ISREG(st.st_mode) ){
    if( bExplicit ) reader_problem(p, zPath, 0, "not a regular file");
    return MARSAD_OK;
  }
  return ingest_file(p, zPath, p->pOpts ? p->pOpts->eFormat : 0, bExplicit);
}

/* Sets up an ingestion on pDb. */
static int ingest_begin(ingest *p, marsad_db *pDb, const marsad_ingest_opts *pOpts,
                        marsad_ingest_stats *pStats){
  memset(p, 0, sizeof *p);
  p->pDb = pDb;
  p->pOpts = pOpts;
  p->pStats = pStats;
  p->nBatch = pOpts && pOpts->nBatch>0 ? pOpts->nBatch : MARSAD_INGEST_BATCH;
  time_t t = time(0);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(p->zNow, sizeof p->zNow, "%Y-%m-%dT%H:%M:%SZ", &tm);
  strftime(p->zToday, sizeof p->zToday, "%Y-%m-%d", &tm);
  if( pDb->flags & MARSAD_OPEN_READONLY ){
    return marsad_db_error(pDb, MARSAD_MISUSE, "the database is open read-only");
  }
  /* SQLite's checks of the rows ingestion writes cannot fail, and cost
  ** 2.4% of its instructions (docs/BENCHMARKS.md): every row refers to an
  ** article or entity it stored (or the modules loaded) in the same
  ** transaction, and an entity's kind, the one CHECK, is always named by
  ** marsad_entity_kind_name (SQLite built the CHECK's IN list into a
  ** temporary index at every entity row). Only outside a transaction;
  ** ingest_end turns them back on. The WAL is copied into the database
  ** once it holds 65,536 pages (256 MB) instead of SQLite's 1,000, after
  ** nearly every batch: a page written by several batches in between (an
  ** index with random keys) is copied once (whole SaudiNewsNet: 15% fewer
  ** page writes, 37% fewer reads, a third less system time). */
  if( sqlite3_get_autocommit(pDb->db) ){
    int rc = marsad_db_exec(pDb, "PRAGMA foreign_keys=OFF; PRAGMA ignore_check_constraints=ON;"
                                 " PRAGMA wal_autocheckpoint=65536");
    if( rc ) return rc;
    p->bChecksOff = 1;
  }
  int rc = marsad_search_before_ingest(pDb);   /* merged at the end instead */
  if( rc==MARSAD_OK ) rc = marsad_wordcache_new(&p->pWords);
  return rc ? rc : ingest_prepare(p);
}

/* Commits what is pending (or rolls back after a failure), lets the search
** index merge what the ingestion wrote (nAdded0: articles stored before
** this call) and cleans up. */
static int ingest_end(ingest *p, int rc, long nAdded0){
  if( rc==MARSAD_OK ) rc = batch_commit(p);
  else batch_rollback(p);
  /* best effort: an unmerged index is still correct */
  (void)marsad_search_after_ingest(p->pDb, rc==MARSAD_OK ? p->pStats->nAdded - nAdded0 : 0);
  if( p->bChecksOff ){
    int rc2 = marsad_db_exec(p->pDb, "PRAGMA foreign_keys=ON; PRAGMA ignore_check_constraints=OFF;"
                                     " PRAGMA wal_autocheckpoint=1000");
    if( rc==MARSAD_OK ) rc = rc2;
  }
  progress(p);
  ingest_finalize(p);
  return rc;
}

int marsad_ingest_path(marsad_db *pDb, const char *zPath,
                       const marsad_ingest_opts *pOpts, marsad_ingest_stats *pStats){
  ingest p;
  long nAdded0 = pStats->nAdded;
  int rc = ingest_begin(&p, pDb, pOpts, pStats);
  if( rc==MARSAD_OK && strcmp(zPath, "-")==0 ){
    char *zData = 0, zErr[128];
    size_t nData = 0;
    int eFormat = (pOpts && pOpts->eFormat) ? pOpts->eFormat : MARSAD_INPUT_JSONL;
    const marsad_reader *pReader = marsad_reader_for_format(eFormat);
    rc = read_stream(stdin, &zData, &nData, zErr, sizeof zErr);
    if( rc==MARSAD_IO || rc==MARSAD_FORMAT ){
      reader_problem(&p, "-", 0, zErr);
      rc = MARSAD_OK;
    }else if( rc==MARSAD_OK && pReader==0 ){
      rc = marsad_db_error(pDb, MARSAD_MISUSE, "no reader for that input format");
    }else if( rc==MARSAD_OK ){
      rc = ingest_data(&p, pReader, "-", zData, nData);
    }
    marsad_free(zData);
  }else if( rc==MARSAD_OK ){
    rc = ingest_tree(&p, zPath, 1);
  }
  return ingest_end(&p, rc, nAdded0);
}

int marsad_ingest_buffer(marsad_db *pDb, const char *zSource, const char *pData,
                         size_t nData, const marsad_ingest_opts *pOpts,
                         marsad_ingest_stats *pStats){
  const marsad_reader *pReader = marsad_reader_for_format(pOpts ? pOpts->eFormat : 0);
  if( pReader==0 ) return marsad_db_error(pDb, MARSAD_MISUSE, "ingest_buffer needs a known format");
  ingest p;
  long nAdded0 = pStats->nAdded;
  int rc = ingest_begin(&p, pDb, pOpts, pStats);
  if( rc==MARSAD_OK ) rc = ingest_data(&p, pReader, zSource, pData, nData);
  return ingest_end(&p, rc, nAdded0);
}
