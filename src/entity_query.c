/*
** entity_query.c: the public entity functions of libmarsad (marsad.h,
** section "Entities"): recognition of a text without a database, the list of
** entities and one entity with its variants, mentions and stories.
*/
#include <jansson.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "db.h"
#include "gaz.h"
#include "jsonq.h"
#include "entity.h"
#include "ner.h"
#include "norm.h"
#include "utf8.h"
#include "words.h"
#include "buf.h"

const char *marsad_entity_kind_name(int eKind){
  switch( eKind ){
    case MARSAD_ENTITY_PERSON: return "person";
    case MARSAD_ENTITY_PLACE:  return "place";
    case MARSAD_ENTITY_ORG:    return "org";
    default:                   return "other";
  }
}

int marsad_entity_kind_parse(const char *z){
  if( z==0 ) return 0;
  if( strcmp(z, "person")==0 ) return MARSAD_ENTITY_PERSON;
  if( strcmp(z, "place")==0 ) return MARSAD_ENTITY_PLACE;
  if( strcmp(z, "org")==0 ) return MARSAD_ENTITY_ORG;
  if( strcmp(z, "other")==0 ) return MARSAD_ENTITY_OTHER;
  return 0;
}

/* What marsad_names_json collects. */
typedef struct names_ctx {
  json_t *pArr;             /* the answer */
  const char *az[2];        /* body, title (indexed by MARSAD_FIELD_*) */
} names_ctx;

/* How a span was found, as a word. */
static const char *names_how(unsigned flags){
  if( flags & MARSAD_NER_SURNAME ) return "surname";
  if( flags & MARSAD_NER_ADJ ) return "adjective";
  if( flags & MARSAD_NER_GAZ ) return "gazetteer";
  if( flags & MARSAD_NER_MODEL ) return "model";
  return "pattern";
}

/* Appends one span to the answer (a marsad_ner_fn). */
static int names_add(void *pCtx, const marsad_ner_span *pS){
  names_ctx *c = pCtx;
  const char *z = c->az[pS->eField];
  json_t *pObj = json_pack("{s:s, s:I, s:I, s:s%, s:s, s:s%, s:s}",
      "field", pS->eField==MARSAD_FIELD_TITLE ? "title" : "body",
      "start", (json_int_t)pS->iStart, "end", (json_int_t)pS->iEnd,
      "text", z+pS->iStart, pS->iEnd-pS->iStart,
      "kind", marsad_entity_kind_name(pS->eKind),
      "key", pS->pKey, pS->nKey,
      "how", names_how(pS->flags));
  if( pObj && pS->iGaz>=0 ){
    json_object_set_new(pObj, "gazetteer", json_string(marsad_gaz_entity_at(pS->iGaz)->zId));
  }
  if( pObj==0 || json_array_append_new(c->pArr, pObj)!=0 ) return MARSAD_NOMEM;
  return MARSAD_OK;
}

int marsad_names_json(const char *pTitle, size_t nTitle,
                      const char *pBody, size_t nBody, unsigned flags, char **pzJson){
  marsad_ner *pNer = 0;
  names_ctx c;
  *pzJson = 0;
  if( marsad_utf8_count_invalid(pTitle ? pTitle : "", pTitle ? nTitle : 0)
      || marsad_utf8_count_invalid(pBody ? pBody : "", pBody ? nBody : 0) ){
    return MARSAD_MISUSE;   /* the names' text could not be JSON strings */
  }
  int rc = marsad_ner_new(&pNer);
  c.pArr = json_array();
  c.az[MARSAD_FIELD_BODY] = pBody ? pBody : "";
  c.az[MARSAD_FIELD_TITLE] = pTitle ? pTitle : "";
  if( rc==MARSAD_OK && c.pArr==0 ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ) marsad_ner_rules_only(pNer, (flags & MARSAD_NAMES_RULES)!=0);
  if( rc==MARSAD_OK ){
    rc = marsad_ner_text(pNer, c.az[MARSAD_FIELD_TITLE], pTitle ? nTitle : 0,
                         c.az[MARSAD_FIELD_BODY], pBody ? nBody : 0, names_add, &c);
  }
  marsad_ner_free(pNer);
  if( rc==MARSAD_OK ) return marsad_jsonq_finish(c.pArr, pzJson);
  json_decref(c.pArr);
  return rc;
}

/* True when the database has table zTable. */
static int has_table(marsad_db *pDb, const char *zTable){
  sqlite3_stmt *pStmt = 0;
  int b = 0;
  if( marsad_db_prepare(pDb, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1", &pStmt)==MARSAD_OK ){
    sqlite3_bind_text(pStmt, 1, zTable, -1, SQLITE_STATIC);
    b = sqlite3_step(pStmt)==SQLITE_ROW;
  }
  sqlite3_finalize(pStmt);
  return b;
}

/* True when the stories' table article_story exists (the stories module
** may not be part of this build or this database yet). */
static int has_stories(marsad_db *pDb){
  return has_table(pDb, "article_story");
}

/* The number of story id zStory ("s12" or "12"), or -1. */
static long long story_number(const char *z){
  long long n = 0;
  if( z[0]=='s' ) z++;
  if( *z==0 ) return -1;
  for(; *z; z++){
    if( *z<'0' || *z>'9' || n>100000000000LL ) return -1;
    n = n*10 + (*z-'0');
  }
  return n;
}

/* Key zKey (nKey bytes) without its article, as the variants' keys are
** stored (الاسد: اسد); a word of two letters after it keeps it. */
static const char *key_bare(const char *zKey, size_t nKey){
  return nKey>8 && strncmp(zKey, "\xD8\xA7\xD9\x84", 4)==0 ? zKey+4 : zKey;
}

/* Binds to parameter i the LIKE pattern "%z%" that finds z anywhere, with
** LIKE's own characters (% _ \) in z escaped by \. */
static void bind_contains(sqlite3_stmt *pStmt, int i, const char *z){
  marsad_buf b = MARSAD_BUF_INIT;
  marsad_buf_puts(&b, "%");
  for(; *z; z++){
    char c[3] = { '\\', *z, 0 };
    marsad_buf_puts(&b, (*z=='%' || *z=='_' || *z=='\\') ? c : c+1);
  }
  marsad_buf_puts(&b, "%");
  if( b.rc==MARSAD_OK ) sqlite3_bind_text(pStmt, i, b.a, -1, SQLITE_TRANSIENT);
  marsad_buf_free(&b);
}

int marsad_entities_json(marsad_db *pDb, const marsad_query *pQ, char **pzJson){
  marsad_buf sql = MARSAD_BUF_INIT;
  sqlite3_stmt *pStmt = 0;
  json_t *pArr = 0;
  long long iStory = -1;
  int rc = MARSAD_OK;
  *pzJson = 0;
  if( pQ && pQ->zKind && marsad_entity_kind_parse(pQ->zKind)==0 ){
    return marsad_db_error(pDb, MARSAD_MISUSE, "no entity kind %s (person, place, org, other)", pQ->zKind);
  }
  if( pQ && pQ->zStory ){
    iStory = story_number(pQ->zStory);
    if( iStory<0 ) return marsad_db_error(pDb, MARSAD_MISUSE, "bad story id %s", pQ->zStory);
    if( !has_stories(pDb) ) return marsad_db_error(pDb, MARSAD_NOTFOUND, "no story %s", pQ->zStory);
    rc = marsad_db_story_exists(pDb, iStory, pQ->zStory);
    if( rc!=MARSAD_OK ) return rc;
  }
  /* Mentions of some articles only: those articles' mentions, found by
  ** article; else every entity's articles with their counts. */
  int bSome = iStory>=0 || (pQ && (pQ->zSince || pQ->zUntil || pQ->zOutlet));
  marsad_buf_puts(&sql, bSome
    ? "SELECT 'e'||e.id AS id, e.kind, e.name, e.name_en, e.gaz AS gazetteer, "
      "  count(DISTINCT m.article) AS articles, count(*) AS mentions "
      "FROM entity e JOIN mention m ON m.entity=e.id "
      "WHERE (?1 IS NULL OR e.kind=?1) "
    : "SELECT 'e'||e.id AS id, e.kind, e.name, e.name_en, e.gaz AS gazetteer, "
      "  count(*) AS articles, sum(m.n) AS mentions "
      "FROM entity e JOIN entity_article m ON m.entity=e.id "
      "WHERE (?1 IS NULL OR e.kind=?1) ");
  const char *zText = pQ && pQ->zText && pQ->zText[0] ? pQ->zText : 0;
  char *zKey = 0;
  size_t nKey = 0;
  if( zText ){   /* the name, the English name or a spelling (its key) holds the text */
    rc = marsad_normalize(zText, strlen(zText), &zKey, &nKey);
    if( rc!=MARSAD_OK ){ marsad_buf_free(&sql); return rc; }
    marsad_buf_puts(&sql,
      " AND (e.name LIKE ?2 ESCAPE '\\' OR e.name_en LIKE ?2 ESCAPE '\\' "
      "      OR e.id IN (SELECT entity FROM entity_variant WHERE key LIKE ?9 ESCAPE '\\')) ");
  }
  if( pQ && (pQ->zSince || pQ->zUntil || pQ->zOutlet) ){
    marsad_buf_puts(&sql, " AND m.article IN (SELECT id FROM article WHERE "
        "(?3 IS NULL OR coalesce(published, substr(ingested,1,10))>=?3) "
        "AND (?4 IS NULL OR coalesce(published, substr(ingested,1,10))<=?4) "
        "AND (?5 IS NULL OR outlet=?5)) ");
  }
  if( iStory>=0 ) marsad_buf_puts(&sql, " AND m.article IN (SELECT article FROM article_story WHERE story=?6) ");
  marsad_buf_puts(&sql, "GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.id LIMIT ?7 OFFSET ?8");
  rc = sql.rc ? sql.rc : marsad_db_prepare(pDb, sql.a, &pStmt);
  if( rc==MARSAD_OK ){
    long nLimit = pQ && pQ->nLimit>0 ? pQ->nLimit : 50;
    marsad_bind_str(pStmt, 1, pQ ? pQ->zKind : 0);
    if( zText ){
      bind_contains(pStmt, 2, zText);
      bind_contains(pStmt, 9, key_bare(zKey, nKey));
    }
    if( pQ && (pQ->zSince || pQ->zUntil || pQ->zOutlet) ){
      marsad_bind_str(pStmt, 3, pQ->zSince);
      marsad_bind_str(pStmt, 4, pQ->zUntil);
      marsad_bind_str(pStmt, 5, pQ->zOutlet);
    }
    if( iStory>=0 ) sqlite3_bind_int64(pStmt, 6, iStory);
    sqlite3_bind_int64(pStmt, 7, nLimit>1000 ? 1000 : nLimit);
    sqlite3_bind_int64(pStmt, 8, pQ ? pQ->nOffset : 0);
    rc = marsad_jsonq_rows(pDb, pStmt, &pArr);
  }
  sqlite3_finalize(pStmt);
  marsad_buf_free(&sql);
  marsad_free(zKey);
  if( rc==MARSAD_OK ) rc = marsad_jsonq_finish(pArr, pzJson);
  else json_decref(pArr);
  return rc;
}

/* Runs zSql with ?1 bound to iEntity (and ?2 to b) and sets member zMember
** of pObj to the array of its rows. */
static int entity_rows(marsad_db *pDb, json_t *pObj, const char *zMember,
                       const char *zSql, long long iEntity, int b){
  sqlite3_stmt *pStmt = 0;
  json_t *pArr = 0;
  int rc = marsad_db_prepare(pDb, zSql, &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, iEntity);
    sqlite3_bind_int(pStmt, 2, b);
    rc = marsad_jsonq_rows(pDb, pStmt, &pArr);
  }
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK && json_object_set_new(pObj, zMember, pArr)!=0 ) rc = MARSAD_NOMEM;
  return rc;
}

/* Collapses each run of spaces in z to one and drops those at its ends (a
** name written with two spaces, فيصل  بن خالد, has the key of its variant). */
static void squeeze_spaces(char *z){
  char *o = z;
  for(const char *p = z; *p; p++){
    if( *p==' ' && (o==z || o[-1]==' ') ) continue;
    *o++ = *p;
  }
  while( o>z && o[-1]==' ' ) o--;
  *o = 0;
}

int marsad_spellings_add(marsad_spellings *p, const char *z, size_t n, long long nMention){
  for(int i=0; i<p->n; i++){
    if( p->a[i].n==n && memcmp(p->a[i].z, z, n)==0 ){ p->a[i].nMention += nMention; return MARSAD_OK; }
  }
  if( p->n>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 4;
    marsad_spelling *aNew = marsad_realloc(p->a, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    p->a = aNew;
    p->nAlloc = nNew;
  }
  char *zKey = 0;
  size_t nKey = 0;
  const char *zNul = memchr(z, 0, n);        /* the text up to a NUL, as stored */
  int rc = marsad_normalize(z, zNul ? (size_t)(zNul-z) : n, &zKey, &nKey);
  if( rc!=MARSAD_OK ) return rc;
  squeeze_spaces(zKey);
  const char *zBare = key_bare(zKey, strlen(zKey));
  size_t nBare = strlen(zBare);
  char *zCopy = marsad_malloc(n+1+nBare+1);
  if( zCopy==0 ){ marsad_free(zKey); return MARSAD_NOMEM; }
  memcpy(zCopy, z, n);
  zCopy[n] = 0;
  memcpy(zCopy+n+1, zBare, nBare+1);
  marsad_free(zKey);
  p->a[p->n].z = zCopy;
  p->a[p->n].n = n;
  p->a[p->n].nMention = nMention;
  p->a[p->n].zKey = zCopy+n+1;
  p->n++;
  return MARSAD_OK;
}

void marsad_spellings_clear(marsad_spellings *p){
  for(int i=0; i<p->n; i++) marsad_free(p->a[i].z);
  marsad_free(p->a);
  memset(p, 0, sizeof *p);
}

int marsad_entity_spellings(marsad_db *pDb, long long iId, marsad_spellings *p){
  sqlite3_stmt *pStmt = 0;
  int rc = marsad_db_prepare(pDb,
      "SELECT m.text, count(*) FROM entity_article x "
      "  JOIN mention m ON m.article=x.article AND m.entity=x.entity "
      "WHERE x.entity=?1 GROUP BY m.text", &pStmt);
  if( rc==MARSAD_OK ) sqlite3_bind_int64(pStmt, 1, iId);
  while( rc==MARSAD_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zText = (const char*)sqlite3_column_text(pStmt, 0);
    if( zText ) rc = marsad_spellings_add(p, zText, strlen(zText), sqlite3_column_int64(pStmt, 1));
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Sets the "mentions" of each variant (pVars, an entity's rows in
** marsad_entity_json) to the number of the entity's mentions (pSp) matched
** by that variant's key: every spelling of the key counted (الأمريكي and
** أمريكي under one key), and a name after لل (للولايات المتحدة, stored
** without its article) under the key of its spelling with the article. */
static int count_variants(const marsad_spellings *pSp, json_t *pVars){
  int rc = MARSAD_OK;
  for(int k=0; rc==MARSAD_OK && k<pSp->n; k++){
    const char *zBare = pSp->a[k].zKey;
    size_t i;
    json_t *pV;
    json_array_foreach(pVars, i, pV){
      const char *zVar = json_string_value(json_object_get(pV, "key"));
      if( zVar==0 || strcmp(zVar, zBare)!=0 ) continue;
      json_int_t n = json_integer_value(json_object_get(pV, "mentions"));
      if( json_object_set_new(pV, "mentions", json_integer(n + pSp->a[k].nMention)) ){
        rc = MARSAD_NOMEM;
      }
      break;
    }
  }
  return rc;
}

/* count_variants with the spellings of entity iId's stored mentions. */
static int count_stored_variants(marsad_db *pDb, long long iId, json_t *pVars){
  marsad_spellings sp = {0, 0, 0};
  int rc = marsad_entity_spellings(pDb, iId, &sp);
  if( rc==MARSAD_OK ) rc = count_variants(&sp, pVars);
  marsad_spellings_clear(&sp);
  return rc;
}

/* Words of key z, a word عبد before another counted with it (عبد المجيد
** and عبدالمجيد are one name written in one word or two). */
static int joined_words(const char *z){
  static const char zAbd[] = "\xD8\xB9\xD8\xA8\xD8\xAF ";   /* "عبد " */
  int n = 1;
  for(const char *p=z; *p; p++){
    if( *p!=' ' ) continue;
    int bAbd = p-z>=6 && memcmp(p-6, zAbd, 6)==0 && (p-z==6 || p[-7]==' ');
    if( !bAbd ) n++;
  }
  return n;
}

/* The "mentions" of variant row pV. */
static json_int_t variant_mentions(json_t *pV){
  return json_integer_value(json_object_get(pV, "mentions"));
}

int marsad_entity_frequent_name(marsad_db *pDb, long long iId, const char *zName,
                                const marsad_spellings *pSp, char **pzName){
  json_t *pObj = json_object(), *pCur = 0, *pBest = 0, *pV;
  size_t i;
  *pzName = 0;
  int rc = pObj ? entity_rows(pDb, pObj, "variants",
      "SELECT text, key, 0 AS mentions FROM entity_variant WHERE entity=?1 ORDER BY rowid", iId, 0)
    : MARSAD_NOMEM;
  json_t *pVars = json_object_get(pObj, "variants");
  if( rc==MARSAD_OK ) rc = count_variants(pSp, pVars);
  json_array_foreach(pVars, i, pV){
    if( strcmp(json_string_value(json_object_get(pV, "text")), zName)==0 ){ pCur = pV; break; }
  }
  if( rc==MARSAD_OK && pCur ){
    int nWords = joined_words(json_string_value(json_object_get(pCur, "key")));
    pBest = pCur;
    json_array_foreach(pVars, i, pV){
      if( variant_mentions(pV)>variant_mentions(pBest)
       && joined_words(json_string_value(json_object_get(pV, "key")))==nWords ) pBest = pV;
    }
  }
  if( pBest!=pCur ){
    *pzName = marsad_strdup(json_string_value(json_object_get(pBest, "text")));
    if( *pzName==0 ) rc = MARSAD_NOMEM;
  }
  json_decref(pObj);
  return rc;
}

/* Orders spellings by mentions (more first), then text. */
static int spelling_cmp(const void *pA, const void *pB){
  json_t *a = *(json_t *const*)pA, *b = *(json_t *const*)pB;
  json_int_t na = json_integer_value(json_object_get(a, "mentions"));
  json_int_t nb = json_integer_value(json_object_get(b, "mentions"));
  if( na!=nb ) return na>nb ? -1 : 1;
  return strcmp(json_string_value(json_object_get(a, "text")), json_string_value(json_object_get(b, "text")));
}

/* Folds pObj's "spellings" ({text, mentions} by text, most mentioned
** first) that differ only by marks or spaces (داعش, داعـــش, داعِشٍ) into one,
** named by its most frequent form, and keeps the nMax most mentioned. */
static int fold_spellings(json_t *pObj, size_t nMax){
  json_t *pIn = json_object_get(pObj, "spellings");
  json_t *pBy = json_object();    /* written_bare form (marsad_entity_written_bare) -> its spelling */
  size_t i, n = 0;
  json_t *pRow;
  json_t **aOut = marsad_malloc((json_array_size(pIn)+1)*sizeof(json_t*));
  marsad_buf b = MARSAD_BUF_INIT;
  int rc = pBy && aOut ? MARSAD_OK : MARSAD_NOMEM;
  json_array_foreach(pIn, i, pRow){   /* most mentioned first: it names the group */
    if( rc ) break;
    const char *zText = json_string_value(json_object_get(pRow, "text"));
    marsad_entity_written_bare(zText, strlen(zText), &b);
    if( b.rc ){ rc = b.rc; break; }
    json_t *pSeen = json_object_get(pBy, b.a ? b.a : "");
    if( pSeen==0 ){
      aOut[n++] = pRow;
      if( json_object_set(pBy, b.a ? b.a : "", pRow) ) rc = MARSAD_NOMEM;
    }else{
      json_int_t nAll = json_integer_value(json_object_get(pSeen, "mentions"))
                      + json_integer_value(json_object_get(pRow, "mentions"));
      if( json_object_set_new(pSeen, "mentions", json_integer(nAll)) ) rc = MARSAD_NOMEM;
    }
  }
  json_t *pOut = rc==MARSAD_OK ? json_array() : 0;
  if( rc==MARSAD_OK && pOut==0 ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ) qsort(aOut, n, sizeof(json_t*), spelling_cmp);
  for(i=0; rc==MARSAD_OK && i<n && i<nMax; i++){
    if( json_array_append(pOut, aOut[i]) ) rc = MARSAD_NOMEM;
  }
  if( rc==MARSAD_OK && json_object_set_new(pObj, "spellings", pOut) ) rc = MARSAD_NOMEM;
  else if( rc ) json_decref(pOut);
  json_decref(pBy);
  marsad_free(aOut);
  marsad_buf_free(&b);
  return rc;
}

/* SQL: the number of entity e's mentions (entity_article's counts). */
#define ENTITY_MENTIONS "coalesce((SELECT sum(n) FROM entity_article x WHERE x.entity=e.id), 0)"

/* The most mentioned entity with a spelling (by its key zKey, with or
** without the article) or an English name equal to z or holding its words
** whole (Obama: Barack Obama; سلمان: سلمان بن عبدالعزيز; English in any
** case, its hyphens as spaces: Assad: Bashar al-Assad) into *piId (0 when
** none). */
static int find_by_key(marsad_db *pDb, const char *z, const char *zKey, size_t nKey, long long *piId){
  sqlite3_stmt *pStmt = 0;
  /* w: LIKE patterns for z's words whole, its LIKE characters escaped */
  int rc = marsad_db_prepare(pDb,
      "WITH w(p) AS (SELECT '% '||replace(replace(replace(x, '\\', '\\\\'), '%', '\\%'), "
      "                  '_', '\\_')||' %' FROM (SELECT ?1 AS x UNION SELECT ?2 UNION SELECT ?3)) "
      "SELECT e.id FROM entity e "
      "WHERE e.id IN (SELECT entity FROM entity_variant WHERE key IN (?2, ?3)) "
      "   OR e.name=?1 OR e.name_en=?1 COLLATE NOCASE "
      "   OR EXISTS (SELECT 1 FROM w WHERE "
      "        ' '||replace(replace(replace(e.name_en, '(', ' '), ')', ' '), '-', ' ')||' ' LIKE replace(w.p, '-', ' ') ESCAPE '\\') "
      "   OR e.id IN (SELECT v.entity FROM entity_variant v, w "
      "               WHERE ' '||v.key||' ' LIKE w.p ESCAPE '\\') "
      "ORDER BY " ENTITY_MENTIONS " DESC, e.id LIMIT 1", &pStmt);
  *piId = 0;
  if( rc==MARSAD_OK ){
    marsad_bind_str(pStmt, 1, z);
    marsad_bind_str(pStmt, 2, zKey);
    marsad_bind_str(pStmt, 3, key_bare(zKey, nKey));
    if( sqlite3_step(pStmt)==SQLITE_ROW ) *piId = sqlite3_column_int64(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* True when z (ASCII letters) spells, in any case, the initials of English
** name zName, whose words of, the, and, for and al give none (UK: United
** Kingdom; ICRC: International Committee of the Red Cross). */
static int english_initials(const char *z, const char *zName){
  static const char *const azSkip[] = {"of", "the", "and", "for", "al"};
  size_t i = 0, o = 0;
  while( zName[i] ){
    size_t n = strcspn(zName+i, " -");
    int bSkip = 0;
    for(size_t k=0; k<sizeof azSkip/sizeof azSkip[0]; k++){
      bSkip |= n==strlen(azSkip[k]) && sqlite3_strnicmp(zName+i, azSkip[k], (int)n)==0;
    }
    if( n>0 && !bSkip ){
      if( z[o]==0 || (z[o]|0x20)!=(zName[i]|0x20) ) return 0;
      o++;
    }
    i += n;
    i += strspn(zName+i, " -");
  }
  return o>=2 && z[o]==0;
}

/* The entity a user names by a short English form, z a word of ASCII
** letters in capitals or in small letters (Li, Xi are names), into *piId (0 when none): the gazetteer's id (an ISO
** country code: US, GB; an organisation's short id without its "org:": UN,
** WHO), else the initials of its English name of several words (UK, UAE,
** ICRC); the most mentioned when several fit. */
static int find_by_short_name(marsad_db *pDb, const char *z, long long *piId){
  sqlite3_stmt *pStmt = 0;
  size_t n = strspn(z, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  int rc = MARSAD_OK;
  *piId = 0;
  size_t nUpper = strspn(z, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  if( n<2 || n>8 || z[n]!=0 ) return MARSAD_OK;
  if( nUpper==1 && strspn(z+1, "abcdefghijklmnopqrstuvwxyz")==n-1 ) return MARSAD_OK;  /* Xi, Li: a name */
  rc = marsad_db_prepare(pDb,
      "SELECT e.id, e.gaz IN (upper(?1), 'org:'||lower(?1)), e.name_en FROM entity e "
      "WHERE e.gaz IN (upper(?1), 'org:'||lower(?1)) "
      "   OR (e.gaz IS NOT NULL AND e.name_en LIKE substr(?1, 1, 1)||'% %') "
      "ORDER BY 2 DESC, " ENTITY_MENTIONS " DESC, e.id", &pStmt);
  if( rc==MARSAD_OK ) marsad_bind_str(pStmt, 1, z);
  while( rc==MARSAD_OK && *piId==0 && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pStmt, 2);
    if( sqlite3_column_int(pStmt, 1) || (zName && english_initials(z, zName)) ){
      *piId = sqlite3_column_int64(pStmt, 0);
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Key zKey with its first word's proclitics removed into *pzOut, owned by
** the caller (marsad_free), with *pnOut its length: eKey MARSAD_KEY_CONJ
** removes و or ف (وبشار → بشار), MARSAD_KEY_PREP also ب ل ك after it
** (لأردوغان → اردوغان, للسعوديه → السعوديه); *pzOut NULL when that word has
** no such form. */
static int key_without_clitics(const char *zKey, size_t nKey, int eKey, char **pzOut, size_t *pnOut){
  marsad_words w = MARSAD_WORDS_INIT;
  marsad_buf b = MARSAD_BUF_INIT;
  const char *zWord = 0;
  size_t n = 0;
  int rc = marsad_words_build(zKey, nKey, &w);
  *pzOut = 0;
  *pnOut = 0;
  if( rc==MARSAD_OK && w.nWord>0 ) zWord = marsad_word_key(&w, 0, eKey, &n);
  if( zWord ){
    marsad_buf_append(&b, zKey, w.a[0].iStart);
    marsad_buf_append(&b, zWord, n);
    marsad_buf_append(&b, zKey+w.a[0].iEnd, nKey-w.a[0].iEnd);
    rc = b.rc;
    *pnOut = b.n;
    if( rc==MARSAD_OK ) *pzOut = marsad_buf_take(&b);
  }
  marsad_buf_free(&b);
  marsad_words_free(&w);
  return rc;
}

/* The entity that entity id iOld, merged into another during ingestion,
** joined (entity_merged) into *piId (0 when none), and {id, reason} of
** that merge into *ppMerged (owned by the caller). */
static int merged_entity(marsad_db *pDb, long long iOld, long long *piId, json_t **ppMerged){
  sqlite3_stmt *pStmt = 0;
  if( !has_table(pDb, "entity_merged") ) return MARSAD_OK;
  int rc = marsad_db_prepare(pDb, "SELECT 'e'||id AS id, reason, into_id FROM entity_merged WHERE id=?", &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, iOld);
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      *piId = sqlite3_column_int64(pStmt, 2);
      *ppMerged = marsad_jsonq_row(pStmt);
      if( *ppMerged==0 ) rc = MARSAD_NOMEM;
      else json_object_del(*ppMerged, "into_id");
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* The entity named z: "e<id>" (or the entity e<id> was merged into, with
** that merge in *ppMerged); else the entity z names by a short
** English form (find_by_short_name: US, UN, UAE); else the most mentioned
** entity z names (find_by_key); else, when z's first word has proclitics (copied from a
** text: وبشار، بداعش، للسعودية), the one it names without و/ف, else the one
** it names without them all. */
static int find_entity(marsad_db *pDb, const char *z, long long *piId, json_t **ppMerged){
  char *zKey = 0, *zBare = 0;
  size_t nKey = 0, nBare = 0;
  sqlite3_stmt *pStmt = 0;
  int rc = MARSAD_OK;
  *piId = 0;
  if( z[0]=='e' && story_number(z+1)>0 && z[1]!='s' ){
    rc = marsad_db_prepare(pDb, "SELECT id FROM entity WHERE id=?", &pStmt);
    if( rc==MARSAD_OK ){
      sqlite3_bind_int64(pStmt, 1, story_number(z+1));
      if( sqlite3_step(pStmt)==SQLITE_ROW ) *piId = sqlite3_column_int64(pStmt, 0);
    }
    sqlite3_finalize(pStmt);
    if( rc==MARSAD_OK && *piId==0 ) rc = merged_entity(pDb, story_number(z+1), piId, ppMerged);
    if( rc || *piId ) return rc;
  }
  rc = marsad_normalize(z, strlen(z), &zKey, &nKey);
  if( rc==MARSAD_OK && strspn(zKey, " ")==nKey ){   /* no word to look for */
    marsad_free(zKey);
    return marsad_db_error(pDb, MARSAD_MISUSE, "an entity is named by an id (e7) or words of its name, not by '%s'", z);
  }
  if( rc==MARSAD_OK ) rc = find_by_short_name(pDb, z, piId);
  if( rc==MARSAD_OK && *piId==0 ) rc = find_by_key(pDb, z, zKey, nKey, piId);
  for(int eKey=MARSAD_KEY_CONJ; eKey<=MARSAD_KEY_PREP && rc==MARSAD_OK && *piId==0; eKey++){
    rc = key_without_clitics(zKey, nKey, eKey, &zBare, &nBare);
    if( rc==MARSAD_OK && zBare ) rc = find_by_key(pDb, zBare, zBare, nBare, piId);
    marsad_free(zBare);
    zBare = 0;
  }
  marsad_free(zKey);
  if( rc==MARSAD_OK && *piId==0 ) rc = marsad_db_error(pDb, MARSAD_NOTFOUND, "no entity %s", z);
  return rc;
}

int marsad_entity_json(marsad_db *pDb, const char *zName, unsigned flags, char **pzJson){
  long long iId = 0;
  sqlite3_stmt *pStmt = 0;
  json_t *pObj = 0;
  int bWhy = (flags & MARSAD_QUERY_WHY)!=0;
  *pzJson = 0;
  json_t *pMerged = 0;
  int rc = zName ? find_entity(pDb, zName, &iId, &pMerged) : MARSAD_MISUSE;
  if( rc==MARSAD_OK ) rc = marsad_db_prepare(pDb,
      "SELECT 'e'||e.id AS id, e.kind, e.name, e.name_en, e.gaz AS gazetteer, "
      "  (SELECT count(*) FROM entity_article WHERE entity=e.id) AS articles, "
      "  " ENTITY_MENTIONS " AS mentions "
      "FROM entity e WHERE e.id=?", &pStmt);
  if( rc==MARSAD_OK ){
    sqlite3_bind_int64(pStmt, 1, iId);
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      pObj = marsad_jsonq_row(pStmt);
      if( pObj==0 ) rc = MARSAD_NOMEM;
    }else{
      rc = marsad_db_error(pDb, MARSAD_NOTFOUND, "no entity %s", zName);
    }
  }
  sqlite3_finalize(pStmt);
  if( rc==MARSAD_OK && pMerged && json_object_set(pObj, "merged_from", pMerged)!=0 ) rc = MARSAD_NOMEM;
  json_decref(pMerged);
  if( rc==MARSAD_OK ) rc = entity_rows(pDb, pObj, "variants",
      "SELECT v.text, v.key, CASE WHEN ?2 THEN v.reason END AS reason, "
      "  CASE WHEN ?2 THEN a.uid END AS first_article, 0 AS mentions "
      "FROM entity_variant v LEFT JOIN article a ON a.id=v.article "
      "WHERE v.entity=?1 ORDER BY v.rowid", iId, bWhy);
  if( rc==MARSAD_OK ) rc = count_stored_variants(pDb, iId, json_object_get(pObj, "variants"));
  /* The queries below read an article's row only where they need it (the
  ** text before a mention that may follow لل; one row per article, not per
  ** mention): an entity of 18,000 mentions answers in tens of ms. */
  if( rc==MARSAD_OK ) rc = entity_rows(pDb, pObj, "spellings",
      "SELECT CASE WHEN m.start>=4 AND m.text NOT LIKE 'ال%' AND "
      "    (SELECT substr(CAST(CASE m.field WHEN 1 THEN a.title ELSE a.body END AS BLOB), "
      "       m.start-3, 4) FROM article a WHERE a.id=m.article)=X'D984D984' "
      "  THEN 'ال' || m.text ELSE m.text END AS text, count(*) AS mentions "
      "FROM entity_article x JOIN mention m ON m.article=x.article AND m.entity=x.entity "
      "WHERE x.entity=?1 "
      "GROUP BY 1 ORDER BY mentions DESC, text", iId, 0);
  if( rc==MARSAD_OK ) rc = fold_spellings(pObj, 50);
  if( rc==MARSAD_OK ) rc = entity_rows(pDb, pObj, "dates",
      "SELECT a.published AS date, count(*) AS articles, sum(x.n) AS mentions "
      "FROM entity_article x JOIN article a ON a.id=x.article WHERE x.entity=?1 "
      "GROUP BY date ORDER BY date IS NULL, date", iId, 0);
  if( rc==MARSAD_OK && has_stories(pDb) ) rc = entity_rows(pDb, pObj, "stories",
      "SELECT 's'||s.story AS id, (SELECT title FROM story WHERE id=s.story) AS title, "
      "  count(*) AS articles "
      "FROM entity_article x JOIN article_story s ON s.article=x.article WHERE x.entity=?1 "
      "GROUP BY s.story ORDER BY articles DESC LIMIT 20", iId, 0);
  if( rc==MARSAD_OK ) rc = entity_rows(pDb, pObj, "latest",
      "SELECT a.uid AS id, a.published, a.outlet, a.title, "
      "  (SELECT json_group_array(json_object('field', CASE m.field WHEN 1 THEN 'title' ELSE 'body' END, "
      "     'start', m.start, 'end', m.end, 'text', m.text)) "
      "   FROM (SELECT * FROM mention WHERE entity=?1 AND article=a.id ORDER BY id) m) AS mentions "
      "FROM article a WHERE a.id IN "
      "  (SELECT b.id FROM entity_article x JOIN article b ON b.id=x.article WHERE x.entity=?1 "
      "   ORDER BY coalesce(b.published, substr(b.ingested,1,10)) DESC, b.id DESC LIMIT 20) "
      "ORDER BY coalesce(a.published, substr(a.ingested,1,10)) DESC, a.id DESC", iId, 0);
  if( rc==MARSAD_OK ){
    /* mentions came back as JSON text: make them arrays */
    json_t *pArts = json_object_get(pObj, "latest");
    size_t i;
    json_t *pA;
    json_array_foreach(pArts, i, pA){
      json_t *pM = json_loads(json_string_value(json_object_get(pA, "mentions")), 0, 0);
      if( pM==0 || json_object_set_new(pA, "mentions", pM)!=0 ){ rc = MARSAD_NOMEM; break; }
    }
  }
  if( rc==MARSAD_OK ) return marsad_jsonq_finish(pObj, pzJson);
  json_decref(pObj);
  return rc;
}
