/*
** gaz.c: lookups in the gazetteer (see gaz.h): the generated one, or one
** with the curated lists read at run time from a directory
** (marsad_entities_data_dir, `marsad --data-dir DIR`) instead of the copies
** compiled in.
**
** The compiled gazetteer holds both the project's curated lists
** (data/entities_*.tsv, data/ner_*.tsv) and what the generator drew from
** Debian's catalogs (iso-codes countries, GeoNames cities). Loading a
** directory builds a gazetteer of its own: the compiled keys of generated
** names (without the curated word classes and names, which the generator
** marks MARSAD_GAZ_CURATED), then the directory's lists read the way
** tools/gen_gazetteer.py reads them (curated names win over generated ones;
** a title listed only with the article is one only with it; adjectives
** inflected), then the prefixes of the new keys. Keys are built as the
** recogniser builds its lookups: tokens of the text core, each normalized
** (norm.h), joined by one space, the article of the first word removed.
**
** The directory's outlets.tsv (tools/gen_outlets.py's format), when it has
** one, is the map from outlet to organisation (marsad_gaz_outlet_find);
** without it no outlet names itself.
**
** Limits: a GeoNames name the generator left out because a curated list
** named the key stays out when the directory drops that entry.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "buf.h"
#include "entity.h"
#include "gaz.h"
#include "norm.h"
#include "token.h"

/* A gazetteer built at run time. */
typedef struct gaz_rt {
  marsad_gaz_entity *aEnt;   /* compiled entities (same indexes), then new ones */
  int nEnt, nEntAlloc;
  marsad_gaz_key *aKey;      /* keys; zKey owned when bOwned */
  int *aTier;                /* per key: 1 curated, 2 generated, 99 class only */
  int nKey, nKeyAlloc;
  marsad_gaz_slot *aSlot;    /* open addressing over aKey */
  unsigned mask;             /* slots - 1 */
  char **azOwned;            /* strings this gazetteer allocated */
  int nOwned, nOwnedAlloc;
  marsad_gaz_outlet *aOutlet; /* the directory's outlets.tsv (strings in azOwned) */
  int nOutlet, nOutletAlloc;
} gaz_rt;

static gaz_rt *gazRt = 0;    /* the loaded gazetteer, or NULL: the compiled one */
static unsigned gazGeneration = 0;   /* changes of the gazetteer in force */

/* Class names of data/ner_*.tsv (keep in step with tools/gen_gazetteer.py). */
static const struct { const char *z; unsigned f; } aClassName[] = {
  {"title", MARSAD_GAZ_TITLE}, {"office", MARSAD_GAZ_OFFICE},
  {"orghead", MARSAD_GAZ_ORGHEAD}, {"orgadj", MARSAD_GAZ_ORGADJ},
  {"placehead", MARSAD_GAZ_PLACEHEAD}, {"particle", MARSAD_GAZ_PARTICLE},
  {"given", MARSAD_GAZ_GIVEN}, {"stop", MARSAD_GAZ_STOP},
  {"common", MARSAD_GAZ_COMMON}, {"currency", MARSAD_GAZ_CURRENCY},
  {"construct", MARSAD_GAZ_CONSTRUCT}, {"namehead", MARSAD_GAZ_NAMEHEAD},
  {"lead", MARSAD_GAZ_LEAD}, {"generic", MARSAD_GAZ_GENERIC},
};

/* FNV-1a over p[0..n), as tools/gen_gazetteer.py computes it. */
static uint32_t gaz_hash(const char *p, size_t n){
  uint32_t h = 0x811C9DC5u;
  for(size_t i=0; i<n; i++){
    h ^= (unsigned char)p[i];
    h *= 0x01000193u;
  }
  return h;
}

/* Frees a runtime gazetteer. NULL is fine. */
static void rt_free(gaz_rt *r){
  if( r==0 ) return;
  for(int i=0; i<r->nOwned; i++) marsad_free(r->azOwned[i]);
  marsad_free(r->azOwned);
  marsad_free(r->aEnt);
  marsad_free(r->aKey);
  marsad_free(r->aTier);
  marsad_free(r->aSlot);
  marsad_free(r->aOutlet);
  marsad_free(r);
}

/* A copy of p[0..n) owned by r, or NULL (out of memory). */
static const char *rt_str(gaz_rt *r, const char *p, size_t n){
  if( r->nOwned>=r->nOwnedAlloc ){
    int nNew = r->nOwnedAlloc ? r->nOwnedAlloc*2 : 256;
    char **a = marsad_realloc(r->azOwned, sizeof(char*)*(size_t)nNew);
    if( a==0 ) return 0;
    r->azOwned = a;
    r->nOwnedAlloc = nNew;
  }
  char *z = marsad_strndup(p, n);
  if( z ) r->azOwned[r->nOwned++] = z;
  return z;
}

/* Rebuilds the slots for nKey keys. MARSAD_OK or NOMEM. */
static int rt_rehash(gaz_rt *r){
  unsigned nSlot = 64;
  while( nSlot < 2u*(unsigned)r->nKey+2 ) nSlot *= 2;
  marsad_gaz_slot *a = marsad_malloc(sizeof(*a)*nSlot);
  if( a==0 ) return MARSAD_NOMEM;
  for(unsigned i=0; i<nSlot; i++) a[i].iKey = -1;
  for(int k=0; k<r->nKey; k++){
    uint32_t h = gaz_hash(r->aKey[k].zKey, (size_t)r->aKey[k].nKey);
    unsigned s = h & (nSlot-1);
    while( a[s].iKey>=0 ) s = (s+1) & (nSlot-1);
    a[s].iKey = k;
    a[s].h = h;
  }
  marsad_free(r->aSlot);
  r->aSlot = a;
  r->mask = nSlot-1;
  return MARSAD_OK;
}

/* The index of key p[0..n) in r, or -1. */
static int rt_find(const gaz_rt *r, const char *p, size_t n){
  if( r->aSlot==0 ) return -1;
  uint32_t hFull = gaz_hash(p, n);
  for(unsigned s = hFull & r->mask; r->aSlot[s].iKey>=0; s = (s+1) & r->mask){
    const marsad_gaz_key *k = &r->aKey[r->aSlot[s].iKey];
    if( r->aSlot[s].h==hFull && (size_t)k->nKey==n && memcmp(k->zKey, p, n)==0 ){
      return r->aSlot[s].iKey;
    }
  }
  return -1;
}

/* The index of key p[0..n) in r, created (no entity, no class) when absent;
** zShared, when not NULL, is a string to point to instead of a copy. -1 on
** out of memory. */
static int rt_key(gaz_rt *r, const char *p, size_t n, const char *zShared){
  int k = rt_find(r, p, n);
  if( k>=0 ) return k;
  if( r->nKey>=r->nKeyAlloc ){
    int nNew = r->nKeyAlloc ? r->nKeyAlloc*2 : 1024;
    marsad_gaz_key *a = marsad_realloc(r->aKey, sizeof(*a)*(size_t)nNew);
    if( a ) r->aKey = a;
    int *t = a ? marsad_realloc(r->aTier, sizeof(int)*(size_t)nNew) : 0;
    if( t==0 ) return -1;
    r->aTier = t;
    r->nKeyAlloc = nNew;
  }
  const char *z = zShared ? zShared : rt_str(r, p, n);
  if( z==0 ) return -1;
  k = r->nKey++;
  r->aKey[k].zKey = z;
  r->aKey[k].nKey = (int)n;
  r->aKey[k].iEntity = -1;
  r->aKey[k].fClass = 0;
  r->aTier[k] = 99;
  if( 2u*(unsigned)r->nKey+2 > r->mask || r->aSlot==0 ){
    if( rt_rehash(r) ) return -1;
  }else{
    uint32_t h = gaz_hash(z, n);
    unsigned s = h & r->mask;
    while( r->aSlot[s].iKey>=0 ) s = (s+1) & r->mask;
    r->aSlot[s].iKey = k;
    r->aSlot[s].h = h;
  }
  return k;
}

/* Adds key p[0..n) as tools/gen_gazetteer.py's Gaz.add_key does: a word
** class (iEnt < 0) adds its bits; a name keeps the entity of the best tier
** and its adjective and article bits. MARSAD_OK or NOMEM. */
static int rt_add(gaz_rt *r, const char *p, size_t n, int iEnt, unsigned f, int iTier){
  const unsigned fAdjArt = MARSAD_GAZ_ADJ|MARSAD_GAZ_ARTREQ;
  if( n==0 ) return MARSAD_OK;
  int k = rt_key(r, p, n, 0);
  if( k<0 ) return MARSAD_NOMEM;
  marsad_gaz_key *c = &r->aKey[k];
  if( iEnt<0 ){
    c->fClass |= f;
  }else if( c->iEntity<0 || iTier<r->aTier[k] ){
    c->iEntity = iEnt;
    r->aTier[k] = iTier;
    c->fClass = (c->fClass & ~fAdjArt & ~(unsigned)(MARSAD_GAZ_ADJART|MARSAD_GAZ_ARTNO)) | (f & fAdjArt);
  }else if( c->iEntity==iEnt && ((c->fClass ^ f) & MARSAD_GAZ_ADJ) ){
    c->fClass = (c->fClass & ~fAdjArt) | MARSAD_GAZ_ADJART;
  }else if( c->iEntity==iEnt && !(f & MARSAD_GAZ_ARTREQ) ){
    c->fClass &= ~(unsigned)MARSAD_GAZ_ARTREQ;
  }
  return MARSAD_OK;
}

/* Context of key_of's tokenizer callback. */
typedef struct key_ctx {
  const char *z;             /* the text */
  marsad_buf *pOut;          /* the key */
  marsad_norm *pNorm;
  int nWord;
  int bArticle;              /* remove the article of the first word */
} key_ctx;

/* Appends one normalized word to the key (a marsad_span_fn). */
static int key_word(void *pCtx, const marsad_span_token *pT){
  key_ctx *c = pCtx;
  int rc = marsad_norm_run(c->z+pT->iStart, pT->iEnd-pT->iStart, c->pNorm);
  if( rc ) return rc;
  if( c->pNorm->n==0 ) return MARSAD_OK;
  if( c->nWord++ ) marsad_buf_append(c->pOut, " ", 1);
  const char *w = c->pNorm->z;
  size_t nw = c->pNorm->n;
  if( c->bArticle && c->nWord==1 && nw>=8 && memcmp(c->z+pT->iStart, "\xD8\xA7\xD9\x84", 4)==0 ){
    w += 4;                  /* the article (a bare alef and lam), when 3+ letters follow */
    nw -= 4;
  }
  marsad_buf_append(c->pOut, w, nw);
  return c->pOut->rc;
}

/* The key of name z[0..n) into pOut (reset first), without the article
** of its first word when bArticle; *pnWord its words. MARSAD_OK or NOMEM. */
static int key_of(const char *z, size_t n, int bArticle, marsad_buf *pOut,
                  marsad_norm *pNorm, int *pnWord){
  key_ctx c = {z, pOut, pNorm, 0, bArticle};
  marsad_buf_reset(pOut);
  while( n>0 && (*z==' ' || *z=='\t') ){ z++; n--; c.z = z; }
  int rc = marsad_tokenize_spans(z, n, 0, key_word, &c);
  *pnWord = c.nWord;
  return rc ? rc : pOut->rc;
}

/* True when the one-word name z (as written) has the article: ARTREQ. */
static unsigned article_flag(const char *z, int nWord){
  while( *z==' ' ) z++;
  return nWord==1 && strncmp(z, "\xD8\xA7\xD9\x84", 4)==0 ? MARSAD_GAZ_ARTREQ : 0;
}

/* A reader of one TSV file of the directory. */
typedef struct tsv {
  const char *zPath;         /* for messages */
  FILE *in;
  char *zLine;               /* the current line (owned) */
  size_t nAlloc;
  int iLine;
  char *azCol[6];            /* its columns (into zLine) */
  int nCol;
} tsv;

/* Reads the next line that is not empty or a comment; 0 at the end. */
static int tsv_next(tsv *t){
  for(;;){
    ssize_t n = getline(&t->zLine, &t->nAlloc, t->in);
    if( n<0 ) return 0;
    t->iLine++;
    while( n>0 && (t->zLine[n-1]=='\n' || t->zLine[n-1]=='\r') ) t->zLine[--n] = 0;
    if( n==0 || t->zLine[0]=='#' || strspn(t->zLine, " \t")==(size_t)n ) continue;
    t->nCol = 0;
    for(char *z=t->zLine; z && t->nCol<6; ){
      t->azCol[t->nCol++] = z;
      z = strchr(z, '\t');
      if( z ) *z++ = 0;
    }
    return 1;
  }
}

/* State of one load. */
typedef struct loader {
  gaz_rt *r;
  marsad_buf key;            /* key being built */
  marsad_buf err;            /* the first error message */
  marsad_norm norm;
  int *aTitleArt;            /* per key of r: 1 title only with the article, 0 not, -1 no title */
  int nTitleArt;
  unsigned char *aOwnArt;    /* per key of r: its curated entity listed it with the article */
  int nOwnArt;
} loader;

/* Records a title key k listed with (bArt) or without the article. */
static int note_title(loader *l, int k, int bArt){
  if( k>=l->nTitleArt ){
    int nNew = (k+1)*2;
    int *a = marsad_realloc(l->aTitleArt, sizeof(int)*(size_t)nNew);
    if( a==0 ) return MARSAD_NOMEM;
    for(int i=l->nTitleArt; i<nNew; i++) a[i] = -1;
    l->aTitleArt = a;
    l->nTitleArt = nNew;
  }
  l->aTitleArt[k] = (l->aTitleArt[k]!=0) && bArt;
  return MARSAD_OK;
}

/* Records that key k's entity (the first curated one to list it) lists it
** with the article. */
static int note_own_article(loader *l, int k){
  if( k>=l->nOwnArt ){
    int nNew = (k+1)*2;
    unsigned char *a = marsad_realloc(l->aOwnArt, (size_t)nNew);
    if( a==0 ) return MARSAD_NOMEM;
    memset(a+l->nOwnArt, 0, (size_t)(nNew-l->nOwnArt));
    l->aOwnArt = a;
    l->nOwnArt = nNew;
  }
  l->aOwnArt[k] = 1;
  return MARSAD_OK;
}

/* Sets ARTNO, as tools/gen_gazetteer.py's article_free does, on the
** curated keys of one word: a person's (not ending in ي) or a place's
** that is no country, never listed with the article by its entity. */
static void mark_article_free(loader *l){
  gaz_rt *r = l->r;
  for(int k=0; k<r->nKey; k++){
    marsad_gaz_key *c = &r->aKey[k];
    if( r->aTier[k]!=1 || c->iEntity<0 || memchr(c->zKey, ' ', (size_t)c->nKey)
     || (c->fClass & (MARSAD_GAZ_ADJ|MARSAD_GAZ_ADJART)) || (k<l->nOwnArt && l->aOwnArt[k]) ) continue;
    const char *zId = r->aEnt[c->iEntity].zId;
    if( zId[0]>='A' && zId[0]<='Z' && zId[1]>='A' && zId[1]<='Z' && zId[2]==0 ) continue;   /* a country */
    int eKind = r->aEnt[c->iEntity].eKind;
    int bNisba = c->nKey>=2 && memcmp(c->zKey+c->nKey-2, "\xD9\x8A", 2)==0;   /* ي */
    if( eKind==MARSAD_ENTITY_PLACE || (eKind==MARSAD_ENTITY_PERSON && !bNisba) ){
      c->fClass |= MARSAD_GAZ_ARTNO;
    }
  }
}

/* Reads one ner_*.tsv file: class, word. */
static int load_words(loader *l, tsv *t){
  int rc = MARSAD_OK;
  while( rc==MARSAD_OK && tsv_next(t) ){
    unsigned f = 0;
    for(size_t i=0; t->nCol==2 && i<sizeof aClassName/sizeof aClassName[0]; i++){
      if( strcmp(t->azCol[0], aClassName[i].z)==0 ) f = aClassName[i].f;
    }
    if( f==0 ){
      marsad_buf_printf(&l->err, "%s:%d: expected 'class<TAB>word'", t->zPath, t->iLine);
      return MARSAD_ERROR;
    }
    int nWord;
    rc = key_of(t->azCol[1], strlen(t->azCol[1]), 1, &l->key, &l->norm, &nWord);
    if( rc==MARSAD_OK ) rc = rt_add(l->r, l->key.a, l->key.n, -1, f, 1);
    if( rc==MARSAD_OK && f==MARSAD_GAZ_TITLE && nWord==1 ){
      rc = note_title(l, rt_find(l->r, l->key.a, l->key.n), article_flag(t->azCol[1], 1)!=0);
    }
  }
  return rc;
}

/* The entity of r with id zId, or -1. */
static int rt_entity(const gaz_rt *r, const char *zId){
  for(int i=0; i<r->nEnt; i++){
    if( strcmp(r->aEnt[i].zId, zId)==0 ) return i;
  }
  return -1;
}

/* The entity with id zId (an existing one, updated, or a new one) for a
** row of an entities file; -1 on out of memory. */
static int row_entity(gaz_rt *r, const char *zId, int eKind, const char *zName, const char *zLabel,
                      const char *zHome){
  int e = rt_entity(r, zId);
  if( e<0 ){
    if( r->nEnt>=r->nEntAlloc ){
      int nNew = r->nEntAlloc*2+16;
      marsad_gaz_entity *a = marsad_realloc(r->aEnt, sizeof(*a)*(size_t)nNew);
      if( a==0 ) return -1;
      r->aEnt = a;
      r->nEntAlloc = nNew;
    }
    e = r->nEnt++;
    r->aEnt[e].zId = rt_str(r, zId, strlen(zId));
  }
  r->aEnt[e].eKind = eKind;
  r->aEnt[e].zName = rt_str(r, zName, strlen(zName));
  r->aEnt[e].zLabel = rt_str(r, zLabel, strlen(zLabel));
  r->aEnt[e].zHome = rt_str(r, zHome, strlen(zHome));
  return (r->aEnt[e].zId && r->aEnt[e].zName && r->aEnt[e].zLabel && r->aEnt[e].zHome) ? e : -1;
}

/* Adds the inflected forms of adjective z (روسي: روسية، روسيون ...; a word
** not ending in ي as it is) to entity e. */
static int add_adjective(loader *l, int e, const char *z){
  static const char *const azEnd[] = {
    "\xD9\x8A", "\xD9\x8A\xD9\x87", "\xD9\x8A\xD9\x88\xD9\x86", "\xD9\x8A\xD9\x8A\xD9\x86",
    "\xD9\x8A\xD8\xA7\xD9\x86", "\xD9\x8A\xD8\xA7\xD8\xAA", "\xD9\x8A\xD8\xAA\xD9\x8A\xD9\x86",
    "\xD9\x8A\xD8\xAA\xD8\xA7\xD9\x86"
  };
  int nWord, rc = key_of(z, strlen(z), 0, &l->key, &l->norm, &nWord);
  if( rc || l->key.n==0 ) return rc;
  /* every word ends in ي: inflect each */
  int bNisba = 1;
  for(size_t i=0; i<=l->key.n; i++){
    if( i==l->key.n || l->key.a[i]==' ' ){
      bNisba = bNisba && i>=2 && memcmp(l->key.a+i-2, "\xD9\x8A", 2)==0;
    }
  }
  if( !bNisba ) return rt_add(l->r, l->key.a, l->key.n, e, MARSAD_GAZ_ADJ, 1);
  char *zBase = marsad_strndup(l->key.a, l->key.n);
  if( zBase==0 ) return MARSAD_NOMEM;
  marsad_buf form = {0};
  for(size_t k=0; rc==MARSAD_OK && k<sizeof azEnd/sizeof azEnd[0]; k++){
    marsad_buf_reset(&form);
    const char *w = zBase;
    for(;;){
      const char *zSp = strchr(w, ' ');
      size_t nw = zSp ? (size_t)(zSp-w) : strlen(w);
      marsad_buf_append(&form, w, nw-2);
      marsad_buf_puts(&form, azEnd[k]);
      if( zSp==0 ) break;
      marsad_buf_append(&form, " ", 1);
      w = zSp+1;
    }
    rc = form.rc ? form.rc : rt_add(l->r, form.a, form.n, e, MARSAD_GAZ_ADJ, 1);
  }
  marsad_buf_free(&form);
  marsad_free(zBase);
  return rc;
}

/* Gives person e, whose country a list names (tools/gen_gazetteer.py's
** home), the last word of its name zName as a HOME key, unless another
** entity has that key. */
static int add_home(loader *l, int e, const char *zName){
  const char *zLast = strrchr(zName, ' ');
  zLast = zLast ? zLast+1 : zName;
  int nWord, rc = key_of(zLast, strlen(zLast), 1, &l->key, &l->norm, &nWord);
  int k = rc==MARSAD_OK ? rt_key(l->r, l->key.a, l->key.n, 0) : -1;
  if( rc==MARSAD_OK && k<0 ) rc = MARSAD_NOMEM;
  if( k>=0 && l->r->aKey[k].iEntity<0 ){
    l->r->aKey[k].iEntity = e;
    l->r->aTier[k] = 1;
    l->r->aKey[k].fClass |= MARSAD_GAZ_HOME;
  }
  return rc;
}

/* Reads one entities_*.tsv file: id, kind, English name, spellings (|
** between), adjectives (optional; for a person, his country: add_home). */
static int load_entities(loader *l, tsv *t){
  int rc = MARSAD_OK;
  while( rc==MARSAD_OK && tsv_next(t) ){
    int eKind = t->nCol>=4 ? marsad_entity_kind_parse(t->azCol[1]) : 0;
    if( (t->nCol!=4 && t->nCol!=5) || eKind==0 || t->azCol[3][strspn(t->azCol[3], " |")]==0 ){
      marsad_buf_printf(&l->err, "%s:%d: expected id, kind, name, spellings[, adjectives]", t->zPath, t->iLine);
      return MARSAD_ERROR;
    }
    const char *zHome = eKind==MARSAD_ENTITY_PERSON && t->nCol==5 ? t->azCol[4] : "";
    if( zHome[0] && !(strlen(zHome)==2 && zHome[0]>='A' && zHome[0]<='Z' && zHome[1]>='A' && zHome[1]<='Z') ){
      marsad_buf_printf(&l->err, "%s:%d: a person's fifth column is a country code", t->zPath, t->iLine);
      return MARSAD_ERROR;
    }
    char *zFirst = t->azCol[3] + strspn(t->azCol[3], " |");
    size_t nFirst = strcspn(zFirst, "|");
    char *zLabel = marsad_strndup(zFirst, nFirst);
    int e = zLabel ? row_entity(l->r, t->azCol[0], eKind, t->azCol[2], zLabel, zHome) : -1;
    marsad_free(zLabel);
    if( e<0 ) return MARSAD_NOMEM;
    for(char *z=t->azCol[3]; rc==MARSAD_OK && z; ){
      char *zBar = strchr(z, '|');
      if( zBar ) *zBar = 0;
      int nWord;
      rc = key_of(z, strlen(z), 1, &l->key, &l->norm, &nWord);
      unsigned fArt = article_flag(z, nWord);
      if( rc==MARSAD_OK ) rc = rt_add(l->r, l->key.a, l->key.n, e, fArt, 1);
      int k = rc==MARSAD_OK && fArt ? rt_find(l->r, l->key.a, l->key.n) : -1;
      if( k>=0 && l->r->aKey[k].iEntity==e ) rc = note_own_article(l, k);
      z = zBar ? zBar+1 : 0;
    }
    if( rc==MARSAD_OK && zHome[0] ) rc = add_home(l, e, zFirst);   /* the first spelling, cut at | */
    for(char *z = t->nCol==5 && !zHome[0] ? t->azCol[4] : 0; rc==MARSAD_OK && z; ){
      char *zBar = strchr(z, '|');
      if( zBar ) *zBar = 0;
      if( z[strspn(z, " ")] ) rc = add_adjective(l, e, z);
      z = zBar ? zBar+1 : 0;
    }
  }
  return rc;
}

/* A copy owned by r of the key of name z, with (bArticle: a gazetteer key)
** or without the article of its first word removed, or NULL. */
static const char *outlet_key(loader *l, const char *z, int bArticle, int *pRc){
  int nWord;
  *pRc = key_of(z, strlen(z), bArticle, &l->key, &l->norm, &nWord);
  if( *pRc ) return 0;
  const char *zKey = rt_str(l->r, l->key.a, l->key.n);
  if( zKey==0 ) *pRc = MARSAD_NOMEM;
  return zKey;
}

/* Reads outlets.tsv: outlet id, organisation id (one of the entities
** read), the outlet's own name (tools/gen_outlets.py). */
static int load_outlets(loader *l, tsv *t){
  gaz_rt *r = l->r;
  int rc = MARSAD_OK;
  while( rc==MARSAD_OK && tsv_next(t) ){
    int e = t->nCol==3 ? rt_entity(r, t->azCol[1]) : -1;
    if( t->azCol[0][0]==0 || e<0 || r->aEnt[e].eKind!=MARSAD_ENTITY_ORG ){
      marsad_buf_printf(&l->err, "%s:%d: expected outlet, organisation id (of entities_*.tsv), name",
                        t->zPath, t->iLine);
      return MARSAD_ERROR;
    }
    if( r->nOutlet>=r->nOutletAlloc ){
      int nNew = r->nOutletAlloc*2+16;
      marsad_gaz_outlet *a = marsad_realloc(r->aOutlet, sizeof(*a)*(size_t)nNew);
      if( a==0 ) return MARSAD_NOMEM;
      r->aOutlet = a;
      r->nOutletAlloc = nNew;
    }
    marsad_gaz_outlet *o = &r->aOutlet[r->nOutlet];
    o->zOutlet = rt_str(r, t->azCol[0], strlen(t->azCol[0]));
    o->zOrg = rt_str(r, t->azCol[1], strlen(t->azCol[1]));
    if( o->zOutlet==0 || o->zOrg==0 ) return MARSAD_NOMEM;
    o->zWords = outlet_key(l, t->azCol[2], 0, &rc);
    if( rc==MARSAD_OK ) o->zKey = outlet_key(l, t->azCol[2], 1, &rc);
    if( rc==MARSAD_OK && o->zKey[0]==0 ){
      marsad_buf_printf(&l->err, "%s:%d: the outlet's name has no word", t->zPath, t->iLine);
      rc = MARSAD_ERROR;
    }
    if( rc==MARSAD_OK ) r->nOutlet++;
  }
  return rc;
}

/* Starts r with the compiled gazetteer's generated names and entities. */
static int load_compiled(gaz_rt *r){
  r->nEntAlloc = marsad_gaz_nentities + 64;
  r->aEnt = marsad_malloc(sizeof(marsad_gaz_entity)*(size_t)r->nEntAlloc);
  if( r->aEnt==0 ) return MARSAD_NOMEM;
  memcpy(r->aEnt, marsad_gaz_entities, sizeof(marsad_gaz_entity)*(size_t)marsad_gaz_nentities);
  r->nEnt = marsad_gaz_nentities;
  for(int i=0; i<marsad_gaz_nkeys; i++){
    const marsad_gaz_key *k = &marsad_gaz_keys[i];
    unsigned f = k->fClass & MARSAD_GAZ_PREFIX;
    int e = -1;
    if( k->iEntity>=0 && !(k->fClass & MARSAD_GAZ_CURATED) ){
      e = k->iEntity;
      f |= k->fClass & (MARSAD_GAZ_ADJ|MARSAD_GAZ_ADJART|MARSAD_GAZ_ARTREQ|MARSAD_GAZ_ARTNO);
    }
    if( e<0 && f==0 ) continue;
    int j = rt_key(r, k->zKey, (size_t)k->nKey, k->zKey);
    if( j<0 ) return MARSAD_NOMEM;
    r->aKey[j].iEntity = e;
    r->aKey[j].fClass = f;
    r->aTier[j] = e>=0 ? 2 : 99;
  }
  return MARSAD_OK;
}

/* Adds the PREFIX class to the first words of every key from key iFrom on. */
static int add_prefixes(gaz_rt *r, int iFrom){
  int rc = MARSAD_OK, nKey = r->nKey;
  for(int k=iFrom; rc==MARSAD_OK && k<nKey; k++){
    const char *z = r->aKey[k].zKey;
    for(int i=0; rc==MARSAD_OK && i<r->aKey[k].nKey; i++){
      if( z[i]==' ' ){
        rc = rt_add(r, z, (size_t)i, -1, MARSAD_GAZ_PREFIX, 9);
        z = r->aKey[k].zKey;          /* rt_add may move aKey, not the strings */
      }
    }
  }
  return rc;
}

/* Reads the files of zDir whose names start with zPrefix and end in .tsv,
** in name order, with xLoad. */
static int load_files(loader *l, const char *zDir, const char *zPrefix,
                      int (*xLoad)(loader*, tsv*), int *pnFile){
  struct dirent **aName = 0;
  int nName = scandir(zDir, &aName, 0, alphasort), rc = MARSAD_OK;
  if( nName<0 ){
    marsad_buf_printf(&l->err, "%s: cannot read the directory", zDir);
    return MARSAD_ERROR;
  }
  for(int i=0; i<nName; i++){
    const char *z = aName[i]->d_name;
    size_t n = strlen(z);
    if( rc==MARSAD_OK && strncmp(z, zPrefix, strlen(zPrefix))==0 && n>4 && strcmp(z+n-4, ".tsv")==0 ){
      marsad_buf path = {0};
      marsad_buf_printf(&path, "%s/%s", zDir, z);
      tsv t;
      memset(&t, 0, sizeof t);
      t.zPath = path.a;
      t.in = path.rc ? 0 : fopen(path.a, "r");
      if( t.in==0 ){
        marsad_buf_printf(&l->err, "%s/%s: cannot open", zDir, z);
        rc = path.rc ? path.rc : MARSAD_ERROR;
      }else{
        rc = xLoad(l, &t);
        if( rc==MARSAD_OK && ferror(t.in) ){
          marsad_buf_printf(&l->err, "%s: read error", path.a);
          rc = MARSAD_ERROR;
        }
        fclose(t.in);
        (*pnFile)++;
      }
      free(t.zLine);
      marsad_buf_free(&path);
    }
    free(aName[i]);
  }
  free(aName);
  return rc;
}

int marsad_entities_data_dir(const char *zDir, char **pzErr){
  loader l;
  int rc = MARSAD_OK, nFile = 0;
  if( pzErr ) *pzErr = 0;
  if( zDir==0 ){
    rt_free(gazRt);
    gazRt = 0;
    gazGeneration++;
    return MARSAD_OK;
  }
  memset(&l, 0, sizeof l);
  l.r = marsad_malloc(sizeof(gaz_rt));
  if( l.r==0 ) return MARSAD_NOMEM;
  memset(l.r, 0, sizeof(gaz_rt));
  rc = load_compiled(l.r);
  int iFirst = l.r->nKey;
  if( rc==MARSAD_OK ) rc = load_files(&l, zDir, "ner_", load_words, &nFile);
  for(int k=0; rc==MARSAD_OK && k<l.nTitleArt; k++){
    if( l.aTitleArt[k]==1 ) l.r->aKey[k].fClass |= MARSAD_GAZ_TITLEART;
  }
  if( rc==MARSAD_OK ) rc = load_files(&l, zDir, "entities_", load_entities, &nFile);
  int nOutletFile = 0;
  if( rc==MARSAD_OK ) rc = load_files(&l, zDir, "outlets", load_outlets, &nOutletFile);
  if( rc==MARSAD_OK && nFile==0 ){
    marsad_buf_printf(&l.err, "%s: no entities_*.tsv or ner_*.tsv files", zDir);
    rc = MARSAD_NOTFOUND;
  }
  if( rc==MARSAD_OK ) mark_article_free(&l);
  if( rc==MARSAD_OK ) rc = add_prefixes(l.r, iFirst);
  if( rc==MARSAD_OK && l.key.rc ) rc = l.key.rc;
  if( rc==MARSAD_OK ){
    rt_free(gazRt);
    gazRt = l.r;
    gazGeneration++;
  }else{
    rt_free(l.r);
    if( pzErr ){
      if( l.err.n==0 ) marsad_buf_puts(&l.err, "out of memory");
      *pzErr = marsad_strndup(l.err.a, l.err.n);
    }
  }
  marsad_buf_free(&l.key);
  marsad_buf_free(&l.err);
  marsad_norm_free(&l.norm);
  marsad_free(l.aTitleArt);
  marsad_free(l.aOwnArt);
  return rc;
}

/* The compiled key p[0..n), or NULL. */
static const marsad_gaz_key *compiled_lookup(const char *p, size_t n){
  uint32_t hFull = gaz_hash(p, n);
  uint32_t b = (hFull * 0x9E3779B1u) >> (32 - MARSAD_GAZ_FILTER_BITS);
  if( !((marsad_gaz_filter[b>>6] >> (b&63)) & 1) ) return 0;   /* surely absent */
  uint32_t h = hFull & marsad_gaz_mask;
  for(;;){                      /* linear probing; the table is half empty */
    const marsad_gaz_slot *s = &marsad_gaz_slots[h];
    if( s->iKey<0 ) return 0;
    if( s->h==hFull ){
      const marsad_gaz_key *k = &marsad_gaz_keys[s->iKey];
      if( (size_t)k->nKey==n && memcmp(k->zKey, p, n)==0 ) return k;
    }
    h = (h+1) & marsad_gaz_mask;
  }
}

unsigned marsad_gaz_generation(void){
  return gazGeneration;
}

const marsad_gaz_key *marsad_gaz_lookup(const char *p, size_t n){
  if( gazRt==0 ) return compiled_lookup(p, n);
  int k = rt_find(gazRt, p, n);
  return k>=0 ? &gazRt->aKey[k] : 0;
}

int marsad_gaz_find_id(const char *zId){
  int n = marsad_gaz_entity_count();
  for(int i=0; i<n; i++){
    if( strcmp(marsad_gaz_entity_at(i)->zId, zId)==0 ) return i;
  }
  return -1;
}

const marsad_gaz_entity *marsad_gaz_entity_at(int i){
  return gazRt ? &gazRt->aEnt[i] : &marsad_gaz_entities[i];
}

int marsad_gaz_town(int i){
  return i>=0 && strncmp(marsad_gaz_entity_at(i)->zId, "geo:", 4)==0;
}

int marsad_gaz_country(int i){
  const char *z = marsad_gaz_entity_at(i)->zId;
  return z[0]>='A' && z[0]<='Z' && z[1]>='A' && z[1]<='Z' && z[2]==0;
}

/* The outlets of the map in force (the directory's when one is loaded,
** else the compiled ones); their number in *pn. */
static const marsad_gaz_outlet *outlets_in_force(int *pn){
  *pn = gazRt ? gazRt->nOutlet : marsad_gaz_noutlets;
  return gazRt ? gazRt->aOutlet : marsad_gaz_outlets;
}

const marsad_gaz_outlet *marsad_gaz_outlet_find(const char *zOutlet){
  int n;
  const marsad_gaz_outlet *a = outlets_in_force(&n);
  for(int i=0; zOutlet && i<n; i++){
    if( strcmp(a[i].zOutlet, zOutlet)==0 ) return &a[i];
  }
  return 0;
}

int marsad_gaz_outlet_name(const char *zOrg, const char *zKey){
  int n;
  const marsad_gaz_outlet *a = outlets_in_force(&n);
  for(int i=0; i<n; i++){
    if( strcmp(a[i].zOrg, zOrg)==0 && strcmp(a[i].zKey, zKey)==0 ) return 1;
  }
  return 0;
}

int marsad_gaz_entity_count(void){
  return gazRt ? gazRt->nEnt : marsad_gaz_nentities;
}

const marsad_gaz_key *marsad_gaz_key_at(int i){
  return gazRt ? &gazRt->aKey[i] : &marsad_gaz_keys[i];
}

int marsad_gaz_key_index(const marsad_gaz_key *k){
  return (int)(k - (gazRt ? gazRt->aKey : marsad_gaz_keys));
}

int marsad_gaz_key_count(void){
  return gazRt ? gazRt->nKey : marsad_gaz_nkeys;
}
