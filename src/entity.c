/*
** entity.c: the resolver that merges the spellings of a name into one
** entity (see entity.h for the rules, in order).
**
** Everything the resolver knows is in memory: the entities, a map from
** "kind|key" to entity for every variant, a map of the skeletons of each
** entity's first spelling (a new spelling is compared with those and the
** gazetteer's, never with a spelling merged by distance: no chains) and of
** their one-letter deletions for the distance (a symmetric-deletion index: two
** skeletons one edit apart share a deletion; none in a word too short for
** an edit), a map of surnames, and the
** same skeleton index over the gazetteer's people and places, built on
** first need. The entity module loads it from the database and stores what
** it adds through marsad_resolver_store.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "arwords.h"
#include "buf.h"
#include "entity.h"
#include "gaz.h"
#include "imap.h"
#include "ner.h"
#include "norm.h"
#include "utf8.h"

#define SKEL_MAX 64        /* code points of a skeleton considered */
#define AR_ART "\xD8\xA7\xD9\x84"   /* the article ال */
#define RES_MAX_HEAD 16    /* head nouns of organisations' names (namehead) */
#define RES_MAX_OUTLET 32  /* outlets whose organisation is remembered */

/* ---------------------------------------------------------------- keymap */

/* One entry of a keymap, in the map's arena of entries, its key's bytes
** right after it (a lookup that finds the key's slot then reads one place
** in memory, not an entry and then its string); several entries may
** share a key. An entry is known by its offset in the arena. */
typedef struct km_entry {
  int iVal;        /* the value */
  int iNext;       /* the entry of the same key added before it, or -1 */
  unsigned nKey;   /* bytes of the key that follows */
} km_entry;

/* One slot of a keymap's hash table: a key, by its newest entry. */
typedef struct km_slot {
  unsigned h;      /* hash of the key */
  int i;           /* its newest entry, or -1 for an empty slot */
} km_slot;

/* A multimap from strings to ints: open addressing over the distinct keys
** (a slot holds the key's hash: a key absent costs one slot read, not a
** walk over entries and their strings), each key's entries chained newest
** first. */
typedef struct keymap {
  char *aRec;      /* the entries with their keys, one after the other */
  size_t nRec;     /* bytes of aRec used */
  size_t nRecAlloc;/* bytes of aRec allocated */
  km_slot *aSlot;  /* the keys' slots */
  unsigned nSlot;  /* a power of two, or 0 */
  unsigned nKeys;  /* slots used: at most half of them */
} keymap;

/* Bytes of an entry with a key of n bytes in the arena (a multiple of
** the alignment of km_entry). */
static size_t km_rec_size(size_t n){
  return (sizeof(km_entry)+n+_Alignof(km_entry)-1) & ~(size_t)(_Alignof(km_entry)-1);
}

/* The entry at offset i of m's arena. */
static km_entry *km_at(const keymap *m, int i){
  return (km_entry*)(void*)(m->aRec + i);
}

/* The hash of key p[0..n) (marsad_hash64: eight bytes at a time). */
static unsigned km_hash(const char *p, size_t n){
  uint64_t h = marsad_hash64(p, n);
  return (unsigned)(h ^ (h>>32));
}

/* Asks the processor for the slot where a lookup of hash h starts in m
** (a lookup soon after then does not wait for memory). Changes nothing. */
static void km_prefetch(const keymap *m, unsigned h){
  if( m->nSlot ) __builtin_prefetch(&m->aSlot[h & (m->nSlot-1)]);
}

/* The slot of key p[0..n) of hash h in m (nSlot>0): the key's, or the empty
** slot where it would go. */
static unsigned km_slot_of(const keymap *m, const char *p, size_t n, unsigned h){
  unsigned s = h & (m->nSlot-1);
  for(;;){
    const km_slot *x = &m->aSlot[s];
    if( x->i<0 ) return s;
    if( x->h==h ){
      const km_entry *e = km_at(m, x->i);
      if( e->nKey==n && memcmp(e+1, p, n)==0 ) return s;
    }
    s = (s+1) & (m->nSlot-1);
  }
}

/* Doubles the slots. MARSAD_OK or NOMEM. */
static int km_rehash(keymap *m){
  unsigned nNew = m->nSlot ? m->nSlot*2 : 1024;
  km_slot *aNew = marsad_malloc(sizeof(km_slot)*nNew);
  if( aNew==0 ) return MARSAD_NOMEM;
  for(unsigned i=0; i<nNew; i++) aNew[i].i = -1;
  for(unsigned k=0; k<m->nSlot; k++){
    if( m->aSlot[k].i<0 ) continue;
    unsigned s = m->aSlot[k].h & (nNew-1);
    while( aNew[s].i>=0 ) s = (s+1) & (nNew-1);
    aNew[s] = m->aSlot[k];
  }
  marsad_free(m->aSlot);
  m->aSlot = aNew;
  m->nSlot = nNew;
  return MARSAD_OK;
}

/* The walk over the entries of one key of a keymap, newest first:
** for(km_iter it = km_first(m, p, n); it.i>=0; km_next(m, &it)). */
typedef struct km_iter {
  int i;           /* the entry found, or -1 */
  int iVal;        /* its value (when i>=0) */
} km_iter;

/* The first entry of key p[0..n) of hash h (it.i -1 when none). */
static km_iter km_first_hashed(const keymap *m, const char *p, size_t n, unsigned h){
  km_iter it = {-1, -1};
  if( m->nSlot==0 ) return it;
  it.i = m->aSlot[km_slot_of(m, p, n, h)].i;
  if( it.i>=0 ) it.iVal = km_at(m, it.i)->iVal;
  return it;
}

/* The first entry of key p[0..n) (it.i -1 when none). */
static km_iter km_first(const keymap *m, const char *p, size_t n){
  return km_first_hashed(m, p, n, km_hash(p, n));
}

/* The next entry of it's key after it.i (it.i>=0). */
static void km_next(const keymap *m, km_iter *it){
  it->i = km_at(m, it->i)->iNext;
  if( it->i>=0 ) it->iVal = km_at(m, it->i)->iVal;
}

/* The value of the newest entry of key p[0..n), or -1 (the values of the
** resolver's maps are never negative). */
static int km_find(const keymap *m, const char *p, size_t n){
  return km_first(m, p, n).iVal;
}

/* Adds (p[0..n), iVal) unless that pair is there. MARSAD_OK or NOMEM. */
static int km_add(keymap *m, const char *p, size_t n, int iVal){
  unsigned h = km_hash(p, n);
  size_t nRec = km_rec_size(n);
  if( (m->nKeys+1)*2 > m->nSlot && km_rehash(m) ) return MARSAD_NOMEM;
  unsigned s = km_slot_of(m, p, n, h);
  for(int i=m->aSlot[s].i; i>=0; i=km_at(m, i)->iNext){
    if( km_at(m, i)->iVal==iVal ) return MARSAD_OK;
  }
  if( m->nRec+nRec>m->nRecAlloc ){
    size_t nNew = m->nRecAlloc ? m->nRecAlloc*2 : 16384;
    while( nNew<m->nRec+nRec ) nNew *= 2;
    char *aNew = nNew<=(size_t)INT_MAX ? marsad_realloc(m->aRec, nNew) : 0;
    if( aNew==0 ) return MARSAD_NOMEM;
    m->aRec = aNew;
    m->nRecAlloc = nNew;
  }
  km_entry *e = km_at(m, (int)m->nRec);
  e->nKey = (unsigned)n;
  e->iVal = iVal;
  e->iNext = m->aSlot[s].i;
  memcpy(e+1, p, n);
  if( e->iNext<0 ){
    m->aSlot[s].h = h;
    m->nKeys++;
  }
  m->aSlot[s].i = (int)m->nRec;
  m->nRec += nRec;
  return MARSAD_OK;
}

/* Frees the map's memory. */
static void km_free(keymap *m){
  marsad_free(m->aRec);
  marsad_free(m->aSlot);
  memset(m, 0, sizeof *m);
}

/* ---------------------------------------------------------------- skeletons */

/* Letter c with the letters that transliterate one sound folded. */
static uint32_t fold_letter(uint32_t c){
  switch( c ){
    case 0x0642: case 0x063A: case 0x062C: return 0x0643;   /* ق غ ج -> ك */
    case 0x0637: return 0x062A;                             /* ط -> ت */
    case 0x0635: case 0x062B: return 0x0633;                /* ص ث -> س */
    case 0x0630: case 0x0638: return 0x0632;                /* ذ ظ -> ز */
    case 0x0636: return 0x062F;                             /* ض -> د */
    default: return c;
  }
}

/* The skeleton of a normalized key p[0..n) into a (room for SKEL_MAX):
** per word, the article dropped, long vowels and hamza dropped after the
** first letter, letters that transliterate one sound folded, doubled
** letters single; words separated by ' '. Returns the code points. */
static int skeleton(const char *p, size_t n, uint32_t *a){
  int na = 0, iWord = 0;
  size_t i = 0;
  while( i<n && na<SKEL_MAX ){
    size_t nLen;
    int bBad;
    uint32_t c = marsad_utf8_decode((const unsigned char*)p+i, n-i, &nLen, &bBad);
    if( c==' ' ){
      if( na>0 && a[na-1]!=' ' ) a[na++] = ' ';
      iWord = 0;
      i += nLen;
      continue;
    }
    if( iWord==0 && c==0x0627 && i+nLen<n && p[i+nLen]=='\xD9' && p[i+nLen+1]=='\x84'
     && n-i>8 ){
      i += nLen+2;             /* the article */
      continue;
    }
    i += nLen;
    iWord++;
    if( iWord>1 && (c==0x0627 || c==0x0648 || c==0x064A || c==0x0621) ) continue;
    c = fold_letter(c);
    if( na>0 && a[na-1]==c ) continue;                            /* doubled */
    a[na++] = c;
  }
  while( na>0 && a[na-1]==' ' ) na--;
  return na;
}

/* True when words a[0..na) and b[0..nb) are at most one edit apart
** (insertion, deletion, substitution, or two neighbours swapped). */
static int one_edit(const uint32_t *a, int na, const uint32_t *b, int nb){
  int i = 0;
  if( na-nb>1 || nb-na>1 ) return 0;
  while( i<na && i<nb && a[i]==b[i] ) i++;
  if( na==nb ){
    if( i==na ) return 1;
    if( memcmp(a+i+1, b+i+1, sizeof(uint32_t)*(size_t)(na-i-1))==0 ) return 1;
    return i+1<na && a[i]==b[i+1] && a[i+1]==b[i]
        && memcmp(a+i+2, b+i+2, sizeof(uint32_t)*(size_t)(na-i-2))==0;
  }
  if( na>nb ) return memcmp(a+i+1, b+i, sizeof(uint32_t)*(size_t)(nb-i))==0;
  return memcmp(a+i, b+i+1, sizeof(uint32_t)*(size_t)(na-i))==0;
}

/* Splits a skeleton into words: sets aStart/aLen (room for SKEL_MAX),
** returns the number of words. */
static int skel_words(const uint32_t *a, int n, int *aStart, int *aLen){
  int nw = 0, i = 0;
  while( i<n ){
    int j = i;
    while( j<n && a[j]!=' ' ) j++;
    aStart[nw] = i;
    aLen[nw++] = j-i;
    i = j+1;
  }
  return nw;
}

/* Word w of key z (words separated by one space); sets *pn. */
static const char *key_word(const char *z, int w, size_t *pn){
  for(; w>0 && z; w--){
    z = strchr(z, ' ');
    if( z ) z++;
  }
  if( z==0 ){ *pn = 0; return ""; }
  const char *zEnd = strchr(z, ' ');
  *pn = zEnd ? (size_t)(zEnd-z) : strlen(z);
  return z;
}

/* True when c is a long vowel or a hamza of a normalized key (ا و ي ء). */
static int key_vowel(uint32_t c){
  return c==0x0627 || c==0x0648 || c==0x064A || c==0x0621;
}

/* The code points of key word z[0..n) into a (room for SKEL_MAX), the
** letters that transliterate one sound folded (fold_letter). Returns
** their number. */
static int word_letters(const char *z, size_t n, uint32_t *a){
  int na = 0;
  size_t i = 0;
  while( i<n && na<SKEL_MAX ){
    size_t nLen;
    int bBad;
    a[na++] = fold_letter(marsad_utf8_decode((const unsigned char*)z+i, n-i, &nLen, &bBad));
    i += nLen;
  }
  return na;
}

/* The vowels of word letters a[0..n) after the first letter, in order, a
** final one written as ' ' whichever it is (ناغورني، ناغورنو: -i, -o).
** Fills v (room for SKEL_MAX); returns their number. */
static int word_vowels(const uint32_t *a, int n, uint32_t *v){
  int nv = 0;
  for(int i=1; i<n; i++){
    if( key_vowel(a[i]) ) v[nv++] = i==n-1 ? ' ' : a[i];
  }
  return nv;
}

/* True when word letters a[0..na) and b[0..nb) are the same but for one
** long vowel, written in one of them only or another in the other
** (كيفن، كيفين; ميشيل، ميشال; not حامد، حماد). */
static int one_vowel_apart(const uint32_t *a, int na, const uint32_t *b, int nb){
  if( na<nb ) return one_vowel_apart(b, nb, a, na);
  if( na>nb+1 ) return 0;
  int i = 0;
  while( i<nb && a[i]==b[i] ) i++;
  if( i==0 || !key_vowel(a[i]) ) return 0;
  if( na==nb ){
    return key_vowel(b[i]) && memcmp(a+i+1, b+i+1, sizeof(uint32_t)*(size_t)(nb-i-1))==0;
  }
  return memcmp(a+i+1, b+i, sizeof(uint32_t)*(size_t)(nb-i))==0;
}

/* True when key word z[0..n) is a word of the dictionary, as it is or
** as the feminine or the adjective of one (باردة، جنوبية، جنوبي). */
static int dictionary_word(const char *z, size_t n){
  static const char *const azEnd[] = {"\xD9\x8A\xD9\x87", "\xD9\x87", "\xD9\x8A"};  /* يه ه ي */
  if( marsad_arword(z, n) || marsad_arword_maqsura(z, n) ) return 1;
  for(size_t i=0; i<sizeof(azEnd)/sizeof(azEnd[0]); i++){
    size_t nEnd = strlen(azEnd[i]);
    if( n>nEnd+4 && memcmp(z+n-nEnd, azEnd[i], nEnd)==0 && marsad_arword(z, n-nEnd) ) return 1;
  }
  return 0;
}

/* True when key word z[0..n) is an Arabic given name of the lists: one
** that is also a word of the dictionary (كمال، عمر) or a name with عبد
** (عبدالله، عبدالاله), not a foreign one (فرانسوا، ميشال). */
static int arabic_given_name(const char *z, size_t n){
  const marsad_gaz_key *k = marsad_gaz_lookup(z, n);
  if( k==0 || !(k->fClass & MARSAD_GAZ_GIVEN) ) return 0;
  return dictionary_word(z, n) || (n>6 && memcmp(z, "\xD8\xB9\xD8\xA8\xD8\xAF", 6)==0);
}

/* True when words w of keys x and y (of kind eKind) may be one foreign
** word spelled two ways, their skeletons a[0..na) and b[0..nb) equal or
** one edit apart. Never with and without the article, with another first
** letter, when either is an Arabic given name (arabic_given_name: كمال،
** جمال; عبدالله، عبدالاله; not فرنسوا، فرانسوا) or, for a person, has
** the article (العامري is not العمري): Arabic names are written one way.
** Else the same letters but for letters of one sound (غال، جال); else,
** unless y is a country or a name of the lists (bListed: the dictionary
** knows تايلند and تايلاند), never a word of the dictionary
** (dictionary_word: رشيد، جزيرة، بستان); words of at most three skeleton
** letters only one long vowel apart (one_vowel_apart); longer ones with
** their long vowels at most one edit apart (شنغهاي، شانغهاي; not خراسان،
** خيرسون nor بيرسون، بروسنان), or with the same skeleton when another word
** of the name is written the same (bOtherSame: جيورجوس دونيس، جوريجيوس
** دونيس). */
static int word_spellings_ok(const char *x, const char *y, int w, int eKind, int bListed,
                             int bOtherSame, const uint32_t *a, int na, const uint32_t *b, int nb){
  size_t nx, ny;
  const char *zx = key_word(x, w, &nx), *zy = key_word(y, w, &ny);
  if( nx==ny && memcmp(zx, zy, nx)==0 ) return 1;
  int bArtX = nx>4 && memcmp(zx, AR_ART, 4)==0, bArtY = ny>4 && memcmp(zy, AR_ART, 4)==0;
  if( bArtX!=bArtY || na==0 || nb==0 || a[0]!=b[0] ) return 0;
  if( arabic_given_name(zx, nx) || arabic_given_name(zy, ny) ) return 0;
  if( bArtX && eKind==MARSAD_ENTITY_PERSON ) return 0;
  uint32_t lx[SKEL_MAX], ly[SKEL_MAX];
  int nlx = word_letters(zx, nx, lx), nly = word_letters(zy, ny, ly);
  if( nlx==nly && memcmp(lx, ly, sizeof(uint32_t)*(size_t)nlx)==0 ) return 1;
  if( !bListed && (dictionary_word(zx, nx) || dictionary_word(zy, ny)) ) return 0;
  if( na<=3 || nb<=3 ) return one_vowel_apart(lx, nlx, ly, nly);
  if( bOtherSame && na==nb && memcmp(a, b, sizeof(uint32_t)*(size_t)na)==0 ) return 1;
  uint32_t vx[SKEL_MAX], vy[SKEL_MAX];
  int nvx = word_vowels(lx, nlx, vx), nvy = word_vowels(ly, nly, vy);
  return (nvx==nvy && memcmp(vx, vy, sizeof(uint32_t)*(size_t)nvx)==0)
      || one_edit(vx, nvx, vy, nvy);
}

/* The skeleton of a key split into words. */
typedef struct key_skel {
  uint32_t a[SKEL_MAX];    /* the skeleton (skeleton()) */
  int n;                   /* its code points */
  int aS[SKEL_MAX];        /* where each word starts in a */
  int aL[SKEL_MAX];        /* its code points */
  int nw;                  /* words */
} key_skel;

/* Fills *pS with the skeleton of normalized key z and its words. */
static void key_skel_of(const char *z, key_skel *pS){
  pS->n = skeleton(z, strlen(z), pS->a);
  pS->nw = skel_words(pS->a, pS->n, pS->aS, pS->aL);
}

/* True when skeleton words a[0..na) and b[0..nb), not equal, are one
** edit apart (one_edit) but for the replacement of a letter by another
** of a different sound (تومسون، تشيسني): only ت and د, or س and ز, may
** stand for each other (كارمينيتو، كارمينيدو). */
static int one_spelling_edit(const uint32_t *a, int na, const uint32_t *b, int nb){
  if( !one_edit(a, na, b, nb) ) return 0;
  if( na!=nb ) return 1;
  int i = 0;
  while( a[i]==b[i] ) i++;
  if( i+1<na && a[i]==b[i+1] && a[i+1]==b[i] ) return 1;     /* a swap */
  uint32_t c = a[i]<b[i] ? a[i] : b[i], d = a[i]<b[i] ? b[i] : a[i];
  return (c==0x062A && d==0x062F) || (c==0x0632 && d==0x0633);  /* ت د, ز س */
}

/* The fewest skeleton letters a word of a name of nw words may have to be
** one edit from another (one_spelling_edit): four when another word of the
** name is equal, five in a name of one word. */
static int skel_edit_min(int nw){
  return nw>1 ? 4 : 5;
}

/* True when normalized keys x (with skeleton *pX) and y are spellings of
** one foreign name of kind eKind (y a country or a name of the lists when
** bListed):
** the same number of words, each word
** alike (word_spellings_ok) and its skeleton equal to the other's or, for
** at most one word, one edit apart (one_spelling_edit) when long enough
** (five skeleton letters; four when another word is equal). */
static int spelling_match(const char *x, const key_skel *pX, const char *y, int eKind, int bListed){
  key_skel ys;
  const key_skel *pY = &ys;
  key_skel_of(y, &ys);
  int nEdit = 0, nSame = 0, nMin = 99, nWritten = 0;
  if( pX->nw!=pY->nw || pX->nw==0 ) return 0;
  for(int w=0; w<pX->nw; w++){          /* words written the same */
    size_t nx, ny;
    const char *zx = key_word(x, w, &nx), *zy = key_word(y, w, &ny);
    nWritten += nx==ny && memcmp(zx, zy, nx)==0;
  }
  for(int w=0; w<pX->nw; w++){
    const uint32_t *a = pX->a+pX->aS[w], *b = pY->a+pY->aS[w];
    int na = pX->aL[w], nb = pY->aL[w];
    if( !word_spellings_ok(x, y, w, eKind, bListed, nWritten>0, a, na, b, nb) ) return 0;
    if( na==nb && memcmp(a, b, sizeof(uint32_t)*(size_t)na)==0 ){
      nSame++;
      continue;
    }
    if( !one_spelling_edit(a, na, b, nb) ) return 0;
    nEdit++;
    if( na<nMin ) nMin = na;
    if( nb<nMin ) nMin = nb;
  }
  if( nEdit==0 ) return pX->n>=4;   /* equal skeletons: not too short */
  return nEdit==1 && nMin>=skel_edit_min(pX->nw);
}

/* ---------------------------------------------------------------- resolver */

/* One entity the resolver knows. */
typedef struct res_entity {
  long long iId;     /* database id (or local number) */
  int eKind;         /* MARSAD_ENTITY_* */
  char *zName;       /* display name (owned) */
  int nNameWords;    /* words in it */
  int iGaz;          /* gazetteer entity, or -1 */
  int bSkel;         /* its first variant is in the skeleton index */
  int iFirstVar;     /* its first variant (index in aVar), or -1 */
  int nMaxWords;     /* words of its longest variant */
  int nVar;          /* its variants */
} res_entity;

/* One variant key of an entity. */
typedef struct res_variant {
  int e;             /* entity index */
  unsigned nKey;     /* bytes of zKey */
  char *zKey;        /* normalized key (owned) */
} res_variant;

/* A mention of the analysis being resolved whose key may stand for a
** place of one word zKey (place_in_article): "H zKey", H a place noun of
** the gazetteer when bHead is 1 (-1: not looked up yet), or zKey with
** the adjective's ending ي or يه. */
typedef struct res_place {
  int iMention;      /* the mention */
  int bHead;         /* a key "H zKey": 1, 0 or -1 as above; 2: zKey + ي/يه */
  const char *zKey;  /* zKey, in the mention's key (not NUL-terminated for 2) */
  size_t nKey;       /* its bytes */
} res_place;

struct marsad_resolver {
  marsad_resolver_store store;  /* where new things go (xEntity NULL: memory) */
  res_entity *aEnt;
  int nEnt, nEntAlloc;
  res_variant *aVar;            /* every variant key */
  int nVar, nVarAlloc;
  int *aGazEnt;                 /* gazetteer entity -> resolver entity, or -1 */
  keymap mKey;                  /* "kind|key" -> variant */
  keymap mSkel;                 /* "kind|skeleton or a deletion" -> variant */
  keymap mSur;                  /* "surname" -> person entity */
  keymap mShort;                /* "A بن B" (or "A B") cut from "A بن B بن C" -> person entity */
  keymap mBare;                 /* "A F" of "A بن B F" (a name without its lineage) -> person */
  keymap mCtx;                  /* "kind|key" -> entity, for the spellings of another
                                   place joined by an article's context (other_place_key) */
  keymap mGazSkel;              /* same as mSkel over the gazetteer, value iGaz */
  keymap mTail;                 /* last word of a country's name of a place noun and
                                   a word the gazetteer gives another place -> the
                                   country's iGaz (build_country_tails) */
  int bTail;                    /* mTail built */
  int bGazSkel;                 /* mGazSkel built */
  keymap mGazSur;               /* last word of a listed person's name of several
                                   words -> iGaz (build_gaz_surnames) */
  int bGazSur;                  /* mGazSur built */
  keymap mNisba;                /* a place's iGaz as text -> its masculine
                                   nisbas of one word (gaz key index) */
  int bNisba;                   /* mNisba built */
  const char *azHead[RES_MAX_HEAD]; /* keys of the head nouns of names (نادي) */
  int nHead;
  int bHead;                    /* azHead filled */
  marsad_buf b;                 /* scratch */
  marsad_buf reason;            /* scratch for reasons */
  marsad_buf joined;            /* scratch for abd_joined and no_lineage */
  size_t *aKeyLen;              /* bytes of the key of each mention of the
                                   analysis being resolved (0: no key) */
  int nKeyLenAlloc;
  res_place *aPlace;            /* the mentions of that analysis that may
                                   name a one-word place (place_in_article),
                                   in text order */
  int nPlace, nPlaceAlloc;
  const marsad_gaz_outlet *pOutlet; /* the outlet of the article being resolved
                                   (data/outlets.tsv), or NULL */
  int iOutletGaz;               /* its organisation (gazetteer entity), or -1 */
  const marsad_gaz_outlet *apOutlet[RES_MAX_OUTLET]; /* outlets met ... */
  int aOutletGaz[RES_MAX_OUTLET]; /* ... and their organisations, or -1 */
  int nOutlet;
};

int marsad_resolver_new(const marsad_resolver_store *pStore, marsad_resolver **ppOut){
  marsad_resolver *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  memset(p, 0, sizeof *p);
  if( pStore ) p->store = *pStore;
  p->aGazEnt = marsad_malloc(sizeof(int)*(size_t)(marsad_gaz_entity_count()+1));
  if( p->aGazEnt==0 ){ marsad_free(p); return MARSAD_NOMEM; }
  for(int i=0; i<marsad_gaz_entity_count(); i++) p->aGazEnt[i] = -1;
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_resolver_free(marsad_resolver *p){
  if( p==0 ) return;
  for(int i=0; i<p->nEnt; i++) marsad_free(p->aEnt[i].zName);
  for(int i=0; i<p->nVar; i++) marsad_free(p->aVar[i].zKey);
  marsad_free(p->aEnt);
  marsad_free(p->aVar);
  marsad_free(p->aGazEnt);
  marsad_free(p->aKeyLen);
  marsad_free(p->aPlace);
  km_free(&p->mKey);
  km_free(&p->mSkel);
  km_free(&p->mSur);
  km_free(&p->mShort);
  km_free(&p->mCtx);
  km_free(&p->mBare);
  km_free(&p->mGazSkel);
  km_free(&p->mGazSur);
  km_free(&p->mNisba);
  km_free(&p->mTail);
  marsad_buf_free(&p->b);
  marsad_buf_free(&p->reason);
  marsad_buf_free(&p->joined);
  marsad_free(p);
}

/* Words in a key. */
static int key_words(const char *z){
  int n = 1;
  for(; *z; z++) if( *z==' ' ) n++;
  return n;
}

/* Starts p->b with "K|", K the kind's digit (MARSAD_ENTITY_* are digits). */
static void kind_prefix(marsad_resolver *p, int eKind){
  char a[2] = {(char)('0'+eKind), '|'};
  marsad_buf_reset(&p->b);
  marsad_buf_append(&p->b, a, 2);
}

/* Builds "K|text" (K the kind digit) in p->b; returns it. */
static const char *kind_key(marsad_resolver *p, int eKind, const char *z, size_t n){
  kind_prefix(p, eKind);
  marsad_buf_append(&p->b, z, n);
  return p->b.rc ? 0 : p->b.a;
}

/* The keys of skeleton a[0..n) in a skeleton map under kind eKind, into
** p->b one after the other: "K|" (K the kind's digit) and the skeleton as
** UTF-8, then the same for each of its one-letter deletions (spaces kept),
** in the order of the letter left out; key k is p->b.a[aOff[k]..aOff[k+1])
** (aOff: room for SKEL_MAX+2). No deletion in a word too short to be one
** edit from another (skel_edit_min): two skeletons that share such a
** deletion differ in that word, and spelling_match refuses them (the
** same skeleton is found by the first key). Returns the number of keys, 0
** when out of memory. */
static int skel_keys(marsad_resolver *p, int eKind, const uint32_t *a, int n, int *aOff){
  unsigned char u[SKEL_MAX*4];
  int aPos[SKEL_MAX+1], aWordLen[SKEL_MAX], nu = 0, nKey = 0, nw = 0;
  for(int i=0; i<n; ){          /* each letter's word's length */
    int j = i;
    while( j<n && a[j]!=' ' ) j++;
    for(int k=i; k<j; k++) aWordLen[k] = j-i;
    if( j<n ) aWordLen[j] = 0;
    nw++;
    i = j+1;
  }
  for(int i=0; i<n; i++){
    aPos[i] = nu;
    nu += (int)marsad_utf8_encode(a[i], u+nu);
  }
  aPos[n] = nu;
  marsad_buf_reset(&p->b);
  for(int i=-1; i<n; i++){
    if( i>=0 && (a[i]==' ' || aWordLen[i]<skel_edit_min(nw)) ) continue;
    char zPre[2] = {(char)('0'+eKind), '|'};
    int nCut = i<0 ? nu : aPos[i], iRest = i<0 ? nu : aPos[i+1];
    aOff[nKey++] = (int)p->b.n;
    marsad_buf_append(&p->b, zPre, 2);
    marsad_buf_append(&p->b, (const char*)u, (size_t)nCut);
    marsad_buf_append(&p->b, (const char*)u+iRest, (size_t)(nu-iRest));
  }
  aOff[nKey] = (int)p->b.n;
  return p->b.rc ? 0 : nKey;
}

/* Adds the skeleton of key z and its one-letter deletions to map m for
** value iVal, under kind eKind. */
static int index_skeleton(marsad_resolver *p, keymap *m, int eKind, const char *z, int iVal){
  uint32_t a[SKEL_MAX];
  int aOff[SKEL_MAX+2];
  int n = skeleton(z, strlen(z), a), rc = MARSAD_OK;
  if( n<3 ) return MARSAD_OK;
  int nKey = skel_keys(p, eKind, a, n, aOff);
  if( nKey==0 ) return MARSAD_NOMEM;
  for(int k=0; rc==MARSAD_OK && k<nKey; k++){
    rc = km_add(m, p->b.a+aOff[k], (size_t)(aOff[k+1]-aOff[k]), iVal);
  }
  return rc;
}

#define AR_SP_BIN " \xD8\xA8\xD9\x86 "   /* " بن " between the parts of a name */
#define AR_ABD "\xD8\xB9\xD8\xA8\xD8\xAF"       /* عبد */

/* Person key z with every word عبد joined to the word after it (عبد العزيز
** -> عبدالعزيز: one name written in one word or two), in p->joined; NULL
** when z has no such word or out of memory. */
static const char *abd_joined(marsad_resolver *p, const char *z){
  const size_t nAbd = sizeof(AR_ABD)-1;
  int bJoined = 0;
  marsad_buf_reset(&p->joined);
  for(const char *zw=z; *zw; ){
    const char *zEnd = strchr(zw, ' ');
    size_t n = zEnd ? (size_t)(zEnd-zw) : strlen(zw);
    int bAbd = n==nAbd && memcmp(zw, AR_ABD, nAbd)==0 && zEnd && zEnd[1];
    marsad_buf_append(&p->joined, zw, n);
    if( zEnd && !bAbd ) marsad_buf_append(&p->joined, " ", 1);
    bJoined |= bAbd;
    zw = zEnd ? zEnd+1 : zw+n;
  }
  marsad_buf_append(&p->joined, "", 1);
  return bJoined && p->joined.rc==MARSAD_OK ? p->joined.a : 0;
}

/* True when one-word place key z is a name the gazetteer gives to a
** place other than entity e (عمان, Amman's, for Oman): such a spelling
** joins e only where an article says so (place_in_article), never by the
** key alone. */
static int other_place_key(const marsad_resolver *p, int e, const char *z){
  if( strchr(z, ' ') ) return 0;
  const marsad_gaz_key *g = marsad_gaz_lookup(z, strlen(z));
  return g && g->iEntity>=0 && g->iEntity!=p->aEnt[e].iGaz
      && marsad_gaz_entity_at(g->iEntity)->eKind==MARSAD_ENTITY_PLACE;
}

/* True when word z[0..n) is بن، ابن، بنت or آل. */
static int lineage_word(const char *z, size_t n){
  static const char *const az[] = {"\xD8\xA8\xD9\x86", "\xD8\xA7\xD8\xA8\xD9\x86",
                                    "\xD8\xA8\xD9\x86\xD8\xAA", "\xD8\xA7\xD9\x84"};
  for(size_t k=0; k<sizeof(az)/sizeof(az[0]); k++){
    if( n==strlen(az[k]) && memcmp(z, az[k], n)==0 ) return 1;
  }
  return 0;
}

/* Person key z without its lineage, in p->joined: its first word and its
** family name (the last word, or from the last آل on): عادل بن أحمد الجبير
** -> عادل الجبير, عبداللطيف بن عبدالملك آل الشيخ -> عبداللطيف آل الشيخ.
** NULL when z has no بن before a family name that is no lineage word, or
** when its last word is a given name (أحمد بن محمد علي: Ahmad, son of
** Muhammad Ali, is no أحمد علي). */
static const char *no_lineage(marsad_resolver *p, const char *z){
  const char *zFirst = strchr(z, ' ');
  if( zFirst==0 || key_words(z)<4 || strstr(z, AR_SP_BIN)==0 ) return 0;
  const char *zFam = strrchr(z, ' ')+1;             /* the last word */
  const char *zAl = 0;
  for(const char *q=z; (q = strstr(q, " \xD8\xA2\xD9\x84 "))!=0; q++) zAl = q+1;
  if( zAl ) zFam = zAl;
  const char *zPrev = zFam-1;                        /* the word before the family */
  while( zPrev>z && zPrev[-1]!=' ' ) zPrev--;
  if( zPrev<=zFirst || lineage_word(zPrev, (size_t)(zFam-1-zPrev)) ) return 0;
  const marsad_gaz_key *g = zAl ? 0 : marsad_gaz_lookup(zFam, strlen(zFam));
  if( g && (g->fClass & MARSAD_GAZ_GIVEN) ) return 0;   /* a grandfather, no family */
  if( strstr(zFirst, AR_SP_BIN)==0 || strstr(zFirst, AR_SP_BIN)>=zFam ) return 0;
  marsad_buf_reset(&p->joined);
  marsad_buf_append(&p->joined, z, (size_t)(zFirst-z)+1);
  marsad_buf_puts(&p->joined, zFam);
  return p->joined.rc ? 0 : p->joined.a;
}

/* Adds entity index e, known by key z, to the maps (a person's name with
** its lineage, "A بن B بن C", also under its shorter forms "A بن B"). */
static int index_variant(marsad_resolver *p, int e, const char *z){
  int eKind = p->aEnt[e].eKind, rc = MARSAD_OK;
  if( p->nVar>=p->nVarAlloc ){
    int nNew = p->nVarAlloc ? p->nVarAlloc*2 : 256;
    res_variant *aNew = marsad_realloc(p->aVar, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return MARSAD_NOMEM;
    p->aVar = aNew;
    p->nVarAlloc = nNew;
  }
  char *zKey = marsad_strdup(z);
  if( zKey==0 ) return MARSAD_NOMEM;
  int v = p->nVar++;
  p->aVar[v].e = e;
  p->aVar[v].zKey = zKey;
  p->aVar[v].nKey = (unsigned)strlen(zKey);
  p->aEnt[e].nVar++;
  const char *zk = kind_key(p, eKind, z, strlen(z));
  if( zk==0 ) return MARSAD_NOMEM;
  if( eKind==MARSAD_ENTITY_PLACE && other_place_key(p, e, z) ){
    return km_add(&p->mCtx, zk, p->b.n, e);     /* joined by the article alone */
  }
  if( eKind==MARSAD_ENTITY_ORG && p->aEnt[e].iGaz>=0
   && marsad_gaz_outlet_name(marsad_gaz_entity_at(p->aEnt[e].iGaz)->zId, z) ){
    return km_add(&p->mCtx, zk, p->b.n, e);     /* the outlet in its own articles only */
  }
  rc = km_add(&p->mKey, zk, p->b.n, v);
  const char *zJoined = eKind==MARSAD_ENTITY_PERSON ? abd_joined(p, z) : 0;
  if( rc==MARSAD_OK && zJoined ){        /* also found by عبدالعزيز for عبد العزيز */
    zk = kind_key(p, eKind, zJoined, strlen(zJoined));
    rc = zk ? km_add(&p->mKey, zk, p->b.n, v) : MARSAD_NOMEM;
  }
  if( p->aEnt[e].iFirstVar<0 ) p->aEnt[e].iFirstVar = v;
  if( key_words(z)>p->aEnt[e].nMaxWords ) p->aEnt[e].nMaxWords = key_words(z);
  if( rc==MARSAD_OK && (eKind==MARSAD_ENTITY_PERSON || eKind==MARSAD_ENTITY_PLACE)
   && !p->aEnt[e].bSkel ){            /* the first spelling only: no chains */
    rc = index_skeleton(p, &p->mSkel, eKind, z, v);
    p->aEnt[e].bSkel = 1;
  }
  const char *zBare = eKind==MARSAD_ENTITY_PERSON ? no_lineage(p, z) : 0;
  if( rc==MARSAD_OK && zBare ) rc = km_add(&p->mBare, zBare, strlen(zBare), e);
  const char *zLast = strrchr(z, ' ');
  if( rc==MARSAD_OK && eKind==MARSAD_ENTITY_PERSON && zLast && strlen(zLast+1)>=8 ){
    rc = km_add(&p->mSur, zLast+1, strlen(zLast+1), e);
  }
  for(const char *zBin=z; rc==MARSAD_OK && eKind==MARSAD_ENTITY_PERSON
      && (zBin = strstr(zBin+1, AR_SP_BIN))!=0; ){
    if( key_words(z)-key_words(zBin+1)>=2 ){   /* "A بن B" or "A B" before it */
      rc = km_add(&p->mShort, z, (size_t)(zBin-z), e);
    }
  }
  return rc;
}

/* Adds an entity to memory; returns its index or -1 (out of memory). */
static int add_entity(marsad_resolver *p, long long iId, int eKind, const char *zName, int iGaz){
  if( p->nEnt>=p->nEntAlloc ){
    int nNew = p->nEntAlloc ? p->nEntAlloc*2 : 256;
    res_entity *aNew = marsad_realloc(p->aEnt, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ) return -1;
    p->aEnt = aNew;
    p->nEntAlloc = nNew;
  }
  char *z = marsad_strdup(zName ? zName : "");
  if( z==0 ) return -1;
  res_entity *e = &p->aEnt[p->nEnt];
  e->iId = iId;
  e->eKind = eKind;
  e->zName = z;
  e->nNameWords = key_words(z);
  e->iGaz = iGaz;
  e->bSkel = 0;
  e->iFirstVar = -1;
  e->nMaxWords = 0;
  e->nVar = 0;
  if( iGaz>=0 ) p->aGazEnt[iGaz] = p->nEnt;
  return p->nEnt++;
}

int marsad_resolver_load_entity(marsad_resolver *p, long long iId, int eKind,
                                const char *zName, const char *zGaz){
  int iGaz = zGaz ? marsad_gaz_find_id(zGaz) : -1;
  return add_entity(p, iId, eKind, zName, iGaz)<0 ? MARSAD_NOMEM : MARSAD_OK;
}

/* The index of the entity with id iId, or -1. Loaded entities have rising
** ids, so this is a binary search. */
static int find_id(const marsad_resolver *p, long long iId){
  int lo = 0, hi = p->nEnt-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( p->aEnt[mid].iId==iId ) return mid;
    if( p->aEnt[mid].iId<iId ) lo = mid+1; else hi = mid-1;
  }
  return -1;
}

int marsad_resolver_load_variant(marsad_resolver *p, long long iId, const char *zKey){
  int e = find_id(p, iId);
  return e<0 ? MARSAD_OK : index_variant(p, e, zKey);
}

const char *marsad_resolver_own_name(const marsad_resolver *p, long long iId){
  int e = find_id(p, iId);
  return e>=0 && p->aEnt[e].iGaz<0 && p->aEnt[e].nVar>=2 ? p->aEnt[e].zName : 0;
}

int marsad_resolver_set_name(marsad_resolver *p, long long iId, const char *zName){
  int e = find_id(p, iId);
  if( e<0 ) return MARSAD_OK;
  char *z = marsad_strdup(zName);
  if( z==0 ) return MARSAD_NOMEM;
  marsad_free(p->aEnt[e].zName);
  p->aEnt[e].zName = z;
  p->aEnt[e].nNameWords = key_words(z);
  return MARSAD_OK;
}

/* Builds the skeleton index of the gazetteer's people and places. */
static int build_gaz_skeletons(marsad_resolver *p){
  int rc = MARSAD_OK;
  p->bGazSkel = 1;
  for(int i=0; rc==MARSAD_OK && i<marsad_gaz_key_count(); i++){
    const marsad_gaz_key *k = marsad_gaz_key_at(i);
    if( k->iEntity<0 || (k->fClass & MARSAD_GAZ_ADJ) ) continue;
    int eKind = marsad_gaz_entity_at(k->iEntity)->eKind;
    if( eKind!=MARSAD_ENTITY_PERSON && eKind!=MARSAD_ENTITY_PLACE ) continue;
    rc = index_skeleton(p, &p->mGazSkel, eKind, k->zKey, i);
  }
  return rc;
}

/* Builds p->mGazSur: the last word of each name of several words the lists
** give a person, to that person. */
static int build_gaz_surnames(marsad_resolver *p){
  int rc = MARSAD_OK;
  p->bGazSur = 1;
  for(int i=0; rc==MARSAD_OK && i<marsad_gaz_key_count(); i++){
    const marsad_gaz_key *k = marsad_gaz_key_at(i);
    const char *zLast = strrchr(k->zKey, ' ');
    if( k->iEntity<0 || zLast==0 || (k->fClass & MARSAD_GAZ_ADJ)
     || marsad_gaz_entity_at(k->iEntity)->eKind!=MARSAD_ENTITY_PERSON ) continue;
    rc = km_add(&p->mGazSur, zLast+1, strlen(zLast+1), k->iEntity);
  }
  return rc;
}

/* Creates the entity of gazetteer entity iGaz if needed; returns its index
** (-1 on failure, with *pRc set). */
static int gaz_entity(marsad_resolver *p, int iGaz, int *pRc){
  if( p->aGazEnt[iGaz]>=0 ) return p->aGazEnt[iGaz];
  const marsad_gaz_entity *g = marsad_gaz_entity_at(iGaz);
  long long iId = p->nEnt+1;
  if( p->store.xEntity ){
    *pRc = p->store.xEntity(p->store.pCtx, g->eKind, g->zLabel, g->zName, g->zId, &iId);
    if( *pRc ) return -1;
  }
  int e = add_entity(p, iId, g->eKind, g->zLabel, iGaz);
  if( e<0 ) *pRc = MARSAD_NOMEM;
  return e;
}

/* The entity of organisation key z (a known variant, else a gazetteer
** organisation), or -1. */
static int org_entity(marsad_resolver *p, const char *z, int *pRc){
  const char *zk = kind_key(p, MARSAD_ENTITY_ORG, z, strlen(z));
  if( zk==0 ){ *pRc = MARSAD_NOMEM; return -1; }
  int v = km_find(&p->mKey, zk, p->b.n);
  if( v>=0 ) return p->aVar[v].e;
  const marsad_gaz_key *g = marsad_gaz_lookup(z, strlen(z));
  if( g==0 || g->iEntity<0 || (g->fClass & MARSAD_GAZ_ADJ)
   || marsad_gaz_entity_at(g->iEntity)->eKind!=MARSAD_ENTITY_ORG ) return -1;
  return gaz_entity(p, g->iEntity, pRc);
}

/* The entity of organisation key zKey written with another head noun of
** names, or without one, or with one it lacks (class namehead: نادي
** الأهلي = فريق الأهلي = الأهلي), or -1. The name without its head must
** neither be nor start with a word of a class (اتحاد، هيئة, common or
** function words: الاتحاد السعودي is the federation, نادي الاتحاد السعودي
** the club). */
static int headless_entity(marsad_resolver *p, const char *zKey, int *pRc){
  const unsigned cGeneric = MARSAD_GAZ_STOP|MARSAD_GAZ_COMMON|MARSAD_GAZ_TITLE
    |MARSAD_GAZ_OFFICE|MARSAD_GAZ_ORGHEAD|MARSAD_GAZ_ORGADJ|MARSAD_GAZ_PLACEHEAD
    |MARSAD_GAZ_GIVEN|MARSAD_GAZ_NAMEHEAD;
  char zCand[256];
  if( !p->bHead ){
    p->bHead = 1;
    for(int i=0; i<marsad_gaz_key_count() && p->nHead<RES_MAX_HEAD; i++){
      const marsad_gaz_key *k = marsad_gaz_key_at(i);
      if( k->fClass & MARSAD_GAZ_NAMEHEAD ) p->azHead[p->nHead++] = k->zKey;
    }
  }
  const char *zBase = zKey;     /* the name without head nor article */
  for(int h=0; h<p->nHead; h++){
    size_t n = strlen(p->azHead[h]);
    if( strncmp(zKey, p->azHead[h], n)==0 && zKey[n]==' ' ){ zBase = zKey+n+1; break; }
  }
  if( zBase!=zKey && strncmp(zBase, AR_ART, 4)==0 && strlen(zBase)>=10 ) zBase += 4;
  const char *zSp = strchr(zBase, ' ');
  size_t nFirst = zSp ? (size_t)(zSp-zBase) : strlen(zBase);
  const marsad_gaz_key *gBase = marsad_gaz_lookup(zBase, strlen(zBase));
  const marsad_gaz_key *gFirst = marsad_gaz_lookup(zBase, nFirst);
  if( zBase[0]==0 || (gBase && (gBase->fClass & cGeneric))
   || (gFirst && (gFirst->fClass & cGeneric)) ) return -1;
  int e = zBase!=zKey ? org_entity(p, zBase, pRc) : -1;
  for(int h=0; e<0 && *pRc==MARSAD_OK && h<2*p->nHead; h++){
    int n = snprintf(zCand, sizeof zCand, "%s %s%s", p->azHead[h/2], h%2 ? AR_ART : "", zBase);
    if( n<0 || (size_t)n>=sizeof zCand || strcmp(zCand, zKey)==0 ) continue;
    e = org_entity(p, zCand, pRc);
  }
  return e;
}

/* Builds p->mNisba: each place's masculine nisbas of one word the lists
** give (أمريكي and أميركي for the United States), under its iGaz. */
static int build_nisbas(marsad_resolver *p){
  int rc = MARSAD_OK;
  char z[16];
  p->bNisba = 1;
  for(int i=0; rc==MARSAD_OK && i<marsad_gaz_key_count(); i++){
    const marsad_gaz_key *k = marsad_gaz_key_at(i);
    if( k->iEntity<0 || !(k->fClass & MARSAD_GAZ_ADJ) || k->nKey<6 || strchr(k->zKey, ' ')
     || strncmp(k->zKey, AR_ART, 4)==0 || memcmp(k->zKey+k->nKey-2, "\xD9\x8A", 2)!=0 ) continue;
    int n = snprintf(z, sizeof z, "%d", k->iEntity);
    rc = km_add(&p->mNisba, z, (size_t)n, i);
  }
  return rc;
}

/* The ending of nisba word w[0..n) after its stem, in bytes, or 0: ي, or
** ي and a plural ending of data/inflection_suffixes.tsv (يون، يين، يات;
** ية is listed whole). */
static size_t nisba_ending(const char *w, size_t n){
  for(const marsad_ner_suffix *s=marsad_ner_suffixes; s->zSuf; s++){
    if( !(s->fWhat & MARSAD_NER_INFL_PLURAL) ) continue;
    size_t ns = (size_t)s->nSuf;
    size_t ne = ns + (memcmp(s->zSuf, "\xD9\x8A", 2)==0 ? 0 : 2);
    if( n>=ne+4 && memcmp(w+n-ns, s->zSuf, ns)==0 && memcmp(w+n-ne, "\xD9\x8A", 2)==0 ) return ne;
  }
  return n>=6 && memcmp(w+n-2, "\xD9\x8A", 2)==0 ? 2 : 0;
}

/* The organisation known under key zKey with its word zw[0..nw) (a place's
** nisba, with or without the article) written as another nisba of that
** place, same ending and article, or -1. *pRc: NOMEM. */
static int nisba_word_entity(marsad_resolver *p, const char *zKey, const char *zw, size_t nw,
                             int *pRc){
  char zCand[256], zId[16];
  size_t nArt = nw>8 && memcmp(zw, AR_ART, 4)==0 ? 4 : 0;
  const marsad_gaz_key *g = marsad_gaz_lookup(zw+nArt, nw-nArt);
  size_t nEnd = nisba_ending(zw+nArt, nw-nArt);
  if( g==0 || g->iEntity<0 || !(g->fClass & MARSAD_GAZ_ADJ) || nEnd==0 ) return -1;
  if( !p->bNisba && (*pRc = build_nisbas(p))!=MARSAD_OK ) return -1;
  size_t nKey = strlen(zKey), nPre = (size_t)(zw-zKey)+nArt, nPost = nKey-(size_t)(zw-zKey)-nw;
  int nId = snprintf(zId, sizeof zId, "%d", g->iEntity);
  for(km_iter it=km_first(&p->mNisba, zId, (size_t)nId); it.i>=0; km_next(&p->mNisba, &it)){
    const marsad_gaz_key *b = marsad_gaz_key_at(it.iVal);
    size_t nStem = (size_t)b->nKey-2;       /* without its ي */
    if( (nStem==nw-nArt-nEnd && memcmp(b->zKey, zw+nArt, nStem)==0)
     || nPre+nStem+nEnd+nPost>=sizeof zCand ) continue;
    memcpy(zCand, zKey, nPre);
    memcpy(zCand+nPre, b->zKey, nStem);
    memcpy(zCand+nPre+nStem, zw+nw-nEnd, nEnd+nPost);
    zCand[nPre+nStem+nEnd+nPost] = 0;
    int e = org_entity(p, zCand, pRc);
    if( e>=0 || *pRc ) return e;
  }
  return -1;
}

/* The organisation known under key zKey with one of its nisbas written
** as another nisba of the same place (الإدارة الأميركية = الإدارة
** الأمريكية: two spellings of American), or -1. *pRc: NOMEM. */
static int nisba_spelling_entity(marsad_resolver *p, const char *zKey, int *pRc){
  for(const char *zw=zKey; *zw && *pRc==MARSAD_OK; ){
    const char *zSp = strchr(zw, ' ');
    size_t nw = zSp ? (size_t)(zSp-zw) : strlen(zw);
    int e = nisba_word_entity(p, zKey, zw, nw, pRc);
    if( e>=0 ) return e;
    zw = zSp ? zSp+1 : zw+nw;
  }
  return -1;
}

/* A mention being resolved. */
typedef struct res_ment {
  marsad_mention *pM;
  size_t nKey;                 /* bytes of its key */
  const marsad_gaz_key *pGaz;  /* the gazetteer's entry of its key, or NULL */
  const char *zText;   /* the span as written (not NUL-terminated) */
  size_t nText;
  int bLamLam;         /* the span follows لل (ل and the article): the
                          name is shown with the article (الولايات المتحدة) */
} res_ment;

void marsad_entity_written_bare(const char *z, size_t n, marsad_buf *pOut){
  const unsigned char *p = (const unsigned char*)z;
  size_t i = 0;
  int bSpace = 0;
  marsad_buf_reset(pOut);
  while( i<n ){
    size_t nLen = 1;
    int bBad = 0;
    uint32_t aFold[MARSAD_NORM_FOLD_MAX];
    uint32_t cp = marsad_utf8_next(p+i, n-i, &nLen, &bBad);
    if( cp==' ' || cp=='\t' || cp=='\n' ){
      bSpace = 1;
    }else if( bBad || marsad_norm_fold(cp, aFold)>0 ){
      if( bSpace && pOut->n ) marsad_buf_append(pOut, " ", 1);
      bSpace = 0;
      marsad_buf_append(pOut, z+i, nLen);
    }
    i += nLen;
  }
}

/* True when marsad_entity_written_bare would give z[0..n) back as it is:
** no white space but single spaces, and no byte of a character whose key
** drops it (tatweel U+0640, harakat U+064B..U+065F, U+0610..U+061C, U+0670, the soft hyphen,
** combining marks) nor of a character of three bytes or more (invisible
** controls among them). A test of the bytes, for most names. */
static int written_bare_already(const char *z, size_t n){
  const unsigned char *a = (const unsigned char*)z;
  for(size_t i=0; i<n; i++){
    unsigned char c = a[i], d = i+1<n ? a[i+1] : 0;
    if( c<0x20 || (c==' ' && d==' ') || c>=0xE0 || c==0xCC || c==0xCD ) return 0;
    if( c==0xD9 && (d==0x80 || (d>=0x8B && d<=0x9F) || d==0xB0) ) return 0;   /* U+0640, U+064B.. */
    if( c==0xD8 && d>=0x90 && d<=0x9C ) return 0;
    if( c==0xC2 && d==0xAD ) return 0;
  }
  return 1;
}

/* The text mention m is shown with (a variant, a new entity's name): the
** span without the marks its key drops (marsad_entity_written_bare: a
** tatweel, جامعــة), with the article when لل took it (للولايات المتحدة).
** Owned by the caller (marsad_free); NULL when out of memory. */
static char *ment_display(const res_ment *m){
  if( !m->bLamLam && written_bare_already(m->zText, m->nText) ){
    return marsad_strndup(m->zText, m->nText);
  }
  marsad_buf b = MARSAD_BUF_INIT;
  if( m->bLamLam ) marsad_buf_append(&b, "\xD8\xA7\xD9\x84", 4);
  marsad_buf bare = MARSAD_BUF_INIT;
  marsad_entity_written_bare(m->zText, m->nText, &bare);
  if( bare.n ) marsad_buf_append(&b, bare.a, bare.n);
  else marsad_buf_append(&b, m->zText, m->nText);
  char *z = b.rc || bare.rc ? 0 : marsad_strndup(b.a ? b.a : "", b.n);
  marsad_buf_free(&bare);
  marsad_buf_free(&b);
  return z;
}

/* Records key zKey (text pText[0..nText)) as a new variant of entity e
** with the reason in p->reason, and resolves the mention to it. */
static int add_variant(marsad_resolver *p, int e, const res_ment *m){
  int rc = p->reason.rc;
  char *zText = ment_display(m);
  if( zText==0 ) rc = MARSAD_NOMEM;
  if( rc==MARSAD_OK ) rc = index_variant(p, e, m->pM->zKey);
  if( rc==MARSAD_OK && p->store.xVariant ){
    rc = p->store.xVariant(p->store.pCtx, p->aEnt[e].iId, zText, m->pM->zKey, p->reason.a);
  }
  int nw = key_words(m->pM->zKey);
  if( rc==MARSAD_OK && p->aEnt[e].iGaz<0 && p->aEnt[e].eKind==MARSAD_ENTITY_PERSON
   && nw>p->aEnt[e].nNameWords && nw<=4 ){
    marsad_free(p->aEnt[e].zName);      /* a fuller name than the one shown */
    p->aEnt[e].zName = zText;
    p->aEnt[e].nNameWords = nw;
    zText = 0;
    if( p->store.xRename ) rc = p->store.xRename(p->store.pCtx, p->aEnt[e].iId, p->aEnt[e].zName);
  }
  marsad_free(zText);
  m->pM->iEntity = p->aEnt[e].iId;
  return rc;
}

/* The key of value v of a skeleton map: a variant, or a gazetteer key. */
static const char *skel_value_key(const marsad_resolver *p, int bGaz, int v){
  return bGaz ? marsad_gaz_key_at(v)->zKey : p->aVar[v].zKey;
}

/* True when normalized keys x and y have the same skeleton. */
static int skel_equal(const char *x, const char *y){
  uint32_t a[SKEL_MAX], b[SKEL_MAX];
  int na = skeleton(x, strlen(x), a), nb = skeleton(y, strlen(y), b);
  return na==nb && memcmp(a, b, sizeof(uint32_t)*(size_t)na)==0;
}

/* True when gazetteer key v may take spelling zKey: a GeoNames town only
** with the same skeleton (one edit from a small town's name is too often
** another place or a common word: انجلترا ~ انكستر, Inkster). */
static int gaz_spelling_ok(int v, const char *zKey){
  const marsad_gaz_key *k = marsad_gaz_key_at(v);
  return !marsad_gaz_town(k->iEntity) || skel_equal(zKey, k->zKey);
}

/* True when value v is among aTried[0..n) (the values fuzzy_find tested
** already: one found under several deletions is tested once). */
static int tried_before(const int *aTried, int n, int v){
  for(int i=0; i<n; i++) if( aTried[i]==v ) return 1;
  return 0;
}

/* A value of skeleton map m whose key is one spelling away from zKey (kind
** eKind), or -1. */
static int fuzzy_find(marsad_resolver *p, const keymap *m, int bGaz, int eKind,
                      const char *zKey){
  key_skel x;
  int aTried[64], nTried = 0, aOff[SKEL_MAX+2];
  unsigned aHash[SKEL_MAX+1];
  key_skel_of(zKey, &x);
  if( x.n<3 ) return -1;
  int nKey = skel_keys(p, eKind, x.a, x.n, aOff);
  for(int k=0; k<nKey; k++){    /* every slot asked for at once: few waits */
    aHash[k] = km_hash(p->b.a+aOff[k], (size_t)(aOff[k+1]-aOff[k]));
    km_prefetch(m, aHash[k]);
  }
  for(int k=0; k<nKey; k++){
    const char *zk = p->b.a+aOff[k];
    size_t nk = (size_t)(aOff[k+1]-aOff[k]);
    for(km_iter it=km_first_hashed(m, zk, nk, aHash[k]); it.i>=0; km_next(m, &it)){
      int v = it.iVal;
      if( tried_before(aTried, nTried, v) ) continue;
      int bListed = bGaz && !marsad_gaz_town(marsad_gaz_key_at(v)->iEntity);
      if( spelling_match(zKey, &x, skel_value_key(p, bGaz, v), eKind, bListed)
       && (!bGaz || gaz_spelling_ok(v, zKey)) ) return v;
      if( nTried<(int)(sizeof aTried/sizeof aTried[0]) ) aTried[nTried++] = v;
    }
  }
  return -1;
}

/* The person entity whose name in this analysis ends with the words of
** zKey (a surname), or -1. A surname written with the article is keyed
** without it (الزياني: زياني) while the full name keeps it (عبداللطيف بن
** راشد الزياني): its last word with the article matches too. */
static int surname_in_article(marsad_resolver *p, const marsad_analysis *pA, const char *zKey){
  size_t n = strlen(zKey);
  for(int i=0; i<pA->nMention; i++){
    const marsad_mention *o = &pA->aMention[i];
    if( o->eKind!=MARSAD_ENTITY_PERSON || o->iEntity==0 || o->zKey==0 ) continue;
    size_t no = p->aKeyLen[i];
    if( no<=n+1 || memcmp(o->zKey+no-n, zKey, n)!=0 ) continue;
    int bArt = no>n+5 && memcmp(o->zKey+no-n-5, " " AR_ART, 5)==0;
    if( o->zKey[no-n-1]==' ' || (bArt && !strchr(zKey, ' ')) ){
      int e = find_id(p, o->iEntity);
      if( e>=0 ) return e;
    }
  }
  return -1;
}

/* The one person entity known with surname zKey, or -1 (none or several).
** bArticle: the surname was written with the article (الأسد, keyed اسد),
** so it is looked for with it too. */
static int surname_unique(marsad_resolver *p, const char *zKey, int bArticle){
  int e = -1;
  size_t n = strlen(zKey);
  if( n<6 || strchr(zKey, ' ') ) return -1;
  marsad_buf_reset(&p->b);                  /* a surname with the article is */
  marsad_buf_puts(&p->b, "\xD8\xA7\xD9\x84");  /* keyed without it: الأسد -> اسد */
  marsad_buf_puts(&p->b, zKey);
  if( p->b.rc ) return -1;
  for(int bArt=(n<8); bArt<1+bArticle; bArt++){
    const char *z = bArt ? p->b.a : zKey;
    size_t nz = bArt ? p->b.n : n;
    for(km_iter it=km_first(&p->mSur, z, nz); it.i>=0; km_next(&p->mSur, &it)){
      if( e>=0 && e!=it.iVal ) return -1;
      e = it.iVal;
    }
  }
  return e;
}

/* True when key z[0..n) ends with ي (a relative adjective: المالكي). */
static int nisba_key(const char *z, size_t n){
  return n>=2 && memcmp(z+n-2, "\xD9\x8A", 2)==0;
}

/* The person entity known so far only by the surname of full name zKey
** (its last word; a surname with the article, الأسد, is keyed اسد alone
** and must be shown with the article: فارس is not الفارس), when no other
** full name known ends with that word; or -1. It lets a
** full name seen after its surname alone (ميسي, then ليونيل ميسي) join it. */
static int surname_only_entity(marsad_resolver *p, const char *zKey){
  const char *zLast = strrchr(zKey, ' ');
  if( zLast==0 ) return -1;
  zLast++;
  size_t n = strlen(zLast);
  if( n<8 || km_find(&p->mSur, zLast, n)>=0 ) return -1;
  for(int bArt=0; bArt<2; bArt++){
    const char *z = zLast;
    size_t nz = n;
    if( bArt ){
      if( n<12 || memcmp(z, "\xD8\xA7\xD9\x84", 4)!=0 ) break;
      z += 4;
      nz -= 4;
    }
    const char *zk = kind_key(p, MARSAD_ENTITY_PERSON, z, nz);
    int v = zk ? km_find(&p->mKey, zk, p->b.n) : -1;
    if( v>=0 ){
      int e = p->aVar[v].e;
      const char *zName = p->aEnt[e].zName;
      int bNameArt = strncmp(zName, "\xD8\xA7\xD9\x84", 4)==0;
      if( bArt && nisba_key(z, nz) ) break;       /* الغامدي: a tribe, not one man */
      if( p->aEnt[e].iGaz<0 && p->aEnt[e].nNameWords==1 && bNameArt==bArt ) return e;
    }
  }
  return -1;
}

/* The one person entity known by a name that is zKey with more of its
** lineage ("فيصل بن خالد" of "فيصل بن خالد بن عبدالعزيز"), or -1 when none or
** several. Not the other way round: a fuller name may be a namesake's
** (فيصل بن خالد بن سعود is not فيصل بن خالد بن عبدالعزيز). */
static int lineage_entity(marsad_resolver *p, const char *zKey){
  int e = -1;
  if( strstr(zKey, AR_SP_BIN)==0 || key_words(zKey)<3 ) return -1;
  size_t n = strlen(zKey);
  for(km_iter it=km_first(&p->mShort, zKey, n); it.i>=0; km_next(&p->mShort, &it)){
    if( e>=0 && e!=it.iVal ) return -1;
    e = it.iVal;
  }
  return e;
}

/* True when analysis pA has a person mention keyed z[0..n). */
static int person_in_article(const marsad_resolver *p, const marsad_analysis *pA,
                             const char *z, size_t n){
  for(int i=0; i<pA->nMention; i++){
    const marsad_mention *o = &pA->aMention[i];
    if( o->eKind==MARSAD_ENTITY_PERSON && o->zKey && p->aKeyLen[i]==n && memcmp(o->zKey, z, n)==0 ){
      return 1;
    }
  }
  return 0;
}

/* The last " بن " of z that starts before zEnd, or NULL. */
static const char *prev_bin(const char *z, const char *zEnd){
  const char *zLast = 0;
  for(const char *q=z; (q = strstr(q, AR_SP_BIN))!=0 && q<zEnd; q++) zLast = q;
  return zLast;
}

/* The person entity that fuller name zKey ("فيصل بن خالد بن عبدالعزيز")
** joins, or -1: the entity known so far by a shorter form cut before one
** of its بن (of two words or more: فيصل بن خالد، خالد الفيصل), when this
** article names that shorter form too and no fuller name known starts
** with it (a second fuller name, فيصل بن خالد بن سعود, is a namesake's:
** it stays apart). The longest such shorter form is tried first. */
static int fuller_entity(marsad_resolver *p, const marsad_analysis *pA, const char *zKey){
  for(const char *zBin=zKey+strlen(zKey); (zBin = prev_bin(zKey, zBin))!=0; ){
    size_t n = (size_t)(zBin-zKey);
    if( memchr(zKey, ' ', n)==0 || !person_in_article(p, pA, zKey, n) ) continue;
    if( km_find(&p->mShort, zKey, n)>=0 ) return -1;   /* a fuller name known */
    const char *zk = kind_key(p, MARSAD_ENTITY_PERSON, zKey, n);
    int v = zk ? km_find(&p->mKey, zk, p->b.n) : -1;
    if( v>=0 && p->aEnt[p->aVar[v].e].iGaz<0 ) return p->aVar[v].e;
  }
  return -1;
}

/* ---------------------------------------------------------------- merges */

/* Sets every value iFrom of map m to iInto. */
static void km_repoint(keymap *m, int iFrom, int iInto){
  for(size_t i=0; i<m->nRec; ){
    km_entry *e = km_at(m, (int)i);
    if( e->iVal==iFrom ) e->iVal = iInto;
    i += km_rec_size(e->nKey);
  }
}

/* True when every entry of key z[0..n) in map m has the value iVal. */
static int km_only(const keymap *m, const char *z, size_t n, int iVal){
  for(km_iter it=km_first(m, z, n); it.i>=0; km_next(m, &it)){
    if( it.iVal!=iVal ) return 0;
  }
  return 1;
}

/* The entity index of a person mention of pA keyed z[0..n) that is not
** entity eNot, was first known by that key (not a short name it took from
** a fuller one, محمد العمري of محمد بن علي العمري, nor a spelling near its
** own) and knows no longer name (ناصر الموسى, known as ناصر بن علي الموسى
** too, is not ناصر عبدالله الموسى), or -1. */
static int article_person(const marsad_resolver *p, const marsad_analysis *pA,
                          const char *z, size_t n, int eNot){
  for(int i=0; i<pA->nMention; i++){
    const marsad_mention *o = &pA->aMention[i];
    if( o->eKind!=MARSAD_ENTITY_PERSON || o->iEntity==0 || o->zKey==0 ) continue;
    if( p->aKeyLen[i]!=n || memcmp(o->zKey, z, n)!=0 ) continue;
    int e = find_id(p, o->iEntity);
    if( e<0 || e==eNot || p->aEnt[e].eKind!=MARSAD_ENTITY_PERSON || p->aEnt[e].iFirstVar<0 ) continue;
    const char *zFirst = p->aVar[p->aEnt[e].iFirstVar].zKey;
    if( strlen(zFirst)==n && memcmp(zFirst, z, n)==0 && p->aEnt[e].nMaxWords<=key_words(zFirst) ){
      return e;
    }
  }
  return -1;
}

/* The entity of a person that analysis pA names by a short form of person
** key zKey (of entity eFull), another entity than eFull, or -1; the form
** that matched is appended to p->reason. The short forms: zKey cut before
** one of its بن (two words or more: خالد الفيصل of خالد الفيصل بن عبدالعزيز) when
** no other entity is known by a fuller name starting so; zKey without its
** lineage (عادل الطريفي of عادل بن زيد الطريفي) when no other is known by
** a name with a lineage that reads so; and the first and last words of a
** name of three without بن (خالد بحاح of خالد محفوظ بحاح; not for a first
** word عبد or أبو, half of a name). */
static int short_form_entity(marsad_resolver *p, const marsad_analysis *pA, const char *zKey,
                             int eFull){
  int e = -1;
  for(const char *zBin=zKey+strlen(zKey); e<0 && (zBin = prev_bin(zKey, zBin))!=0; ){
    size_t n = (size_t)(zBin-zKey);
    if( memchr(zKey, ' ', n) && km_only(&p->mShort, zKey, n, eFull)
     && (e = article_person(p, pA, zKey, n, eFull))>=0 ){
      marsad_buf_printf(&p->reason, "%.*s (%s cut before its lineage)", (int)n, zKey, zKey);
    }
  }
  const char *zBare = e<0 ? no_lineage(p, zKey) : 0;
  if( zBare && km_only(&p->mBare, zBare, strlen(zBare), eFull)
   && (e = article_person(p, pA, zBare, strlen(zBare), eFull))>=0 ){
    marsad_buf_printf(&p->reason, "%s (%s without its lineage)", zBare, zKey);
  }
  if( e<0 && key_words(zKey)==3 && strstr(zKey, AR_SP_BIN)==0
   && strncmp(zKey, AR_ABD " ", sizeof(AR_ABD))!=0
   && strncmp(zKey, "\xD8\xA7\xD8\xA8\xD9\x88 ", 7)!=0 ){
    const char *zSp = strchr(zKey, ' '), *zLast = strrchr(zKey, ' ');
    marsad_buf_reset(&p->joined);
    marsad_buf_append(&p->joined, zKey, (size_t)(zSp-zKey));
    marsad_buf_puts(&p->joined, zLast);
    if( p->joined.rc ) return -1;
    if( (e = article_person(p, pA, p->joined.a, p->joined.n, eFull))>=0 ){
      marsad_buf_printf(&p->reason, "%s (the first and last words of %s)", p->joined.a, zKey);
    }
  }
  return e;
}

/* Merges entity eFrom into eInto: its variants and the maps name eInto
** from now on, so do the mentions of pA, and the store is told, with the
** reason zWhy. */
static int merge_entities(marsad_resolver *p, marsad_analysis *pA, int eFrom, int eInto,
                          const char *zWhy){
  long long iFrom = p->aEnt[eFrom].iId, iInto = p->aEnt[eInto].iId;
  for(int v=0; v<p->nVar; v++) if( p->aVar[v].e==eFrom ) p->aVar[v].e = eInto;
  p->aEnt[eInto].nVar += p->aEnt[eFrom].nVar;
  if( p->aEnt[eFrom].nMaxWords>p->aEnt[eInto].nMaxWords ){
    p->aEnt[eInto].nMaxWords = p->aEnt[eFrom].nMaxWords;
  }
  km_repoint(&p->mSur, eFrom, eInto);
  km_repoint(&p->mShort, eFrom, eInto);
  km_repoint(&p->mBare, eFrom, eInto);
  km_repoint(&p->mCtx, eFrom, eInto);
  for(int i=0; i<pA->nMention; i++){
    if( pA->aMention[i].iEntity==iFrom ) pA->aMention[i].iEntity = iInto;
  }
  return p->store.xMerge ? p->store.xMerge(p->store.pCtx, iFrom, iInto, zWhy) : MARSAD_OK;
}

/* Merges the person entities that analysis pA names by a full name and a
** short form of it (short_form_entity) into one: the one the gazetteer
** names, else the one known first. Not two the gazetteer names. */
static int merge_short_forms(marsad_resolver *p, marsad_analysis *pA){
  int rc = MARSAD_OK;
  for(int i=0; rc==MARSAD_OK && i<pA->nMention; i++){
    const marsad_mention *m = &pA->aMention[i];
    if( m->eKind!=MARSAD_ENTITY_PERSON || m->iEntity==0 || m->zKey==0 || key_words(m->zKey)<3 ){
      continue;
    }
    int eFull = find_id(p, m->iEntity);
    if( eFull<0 ) continue;
    marsad_buf_reset(&p->reason);
    marsad_buf_puts(&p->reason, "merged: ");
    int eShort = short_form_entity(p, pA, m->zKey, eFull);
    if( eShort<0 || (p->aEnt[eShort].iGaz>=0 && p->aEnt[eFull].iGaz>=0) ) continue;
    int eInto = p->aEnt[eFull].iGaz>=0 || (p->aEnt[eShort].iGaz<0 && eFull<eShort) ? eFull : eShort;
    int eFrom = eInto==eFull ? eShort : eFull;
    marsad_buf_printf(&p->reason, ", both named in one article: the same person as %s",
                      p->aEnt[eInto].zName);
    if( p->reason.rc ) return p->reason.rc;
    rc = merge_entities(p, pA, eFrom, eInto, p->reason.a);
  }
  return rc;
}

/* The place entity that one-word place name zKey stands for in analysis
** pA, or -1: the place the article names with a place noun before that
** word (سلطنة عمان: then عمان is Oman, not Amman, whose spelling it
** shares) or by its adjective, the word and ي (العماني، العمانية); a
** mention not resolved yet stands for its gazetteer place. *pRc: NOMEM or
** a store's failure. */
static int place_in_article(marsad_resolver *p, const marsad_analysis *pA, const char *zKey,
                            int *pRc){
  size_t n = strlen(zKey);
  if( strchr(zKey, ' ') ) return -1;
  for(int k=0; k<p->nPlace && *pRc==MARSAD_OK; k++){
    res_place *c = &p->aPlace[k];
    const marsad_mention *o = &pA->aMention[c->iMention];
    if( c->nKey!=n || o->eKind!=MARSAD_ENTITY_PLACE || memcmp(c->zKey, zKey, n)!=0 ) continue;
    if( c->bHead<0 ){
      const marsad_gaz_key *h = marsad_gaz_lookup(o->zKey, (size_t)(c->zKey-1-o->zKey));
      c->bHead = h && (h->fClass & MARSAD_GAZ_PLACEHEAD);
    }
    if( c->bHead==0 ) continue;
    int e = o->iEntity ? find_id(p, o->iEntity) : -1;
    if( o->iEntity==0 ){            /* later in the text: its gazetteer place */
      size_t no = p->aKeyLen[c->iMention];
      const marsad_gaz_key *g = marsad_gaz_lookup(o->zKey, no);
      if( g && g->iEntity>=0 && marsad_gaz_entity_at(g->iEntity)->eKind==MARSAD_ENTITY_PLACE ){
        e = gaz_entity(p, g->iEntity, pRc);
      }
    }
    if( e>=0 ) return e;
  }
  return -1;
}

/* Fills p->aPlace from the mentions of pA (their keys' lengths in
** p->aKeyLen), whatever their kinds (a kind may change as they are
** resolved): those whose key is two words (whether the first is a place
** noun of the gazetteer is looked up on need), or one word ending in ي or
** يه after at least one byte. MARSAD_OK or NOMEM. */
static int article_places(marsad_resolver *p, const marsad_analysis *pA){
  p->nPlace = 0;
  for(int i=0; i<pA->nMention; i++){
    const char *z = pA->aMention[i].zKey;
    size_t no = p->aKeyLen[i];
    res_place c = {i, -1, 0, 0};
    if( z==0 || no<3 ) continue;
    const char *zSp = memchr(z, ' ', no);
    if( zSp ){
      if( zSp==z || memchr(zSp+1, ' ', no-(size_t)(zSp+1-z)) || zSp+1==z+no ) continue;
      c.zKey = zSp+1;
      c.nKey = no-(size_t)(zSp+1-z);
    }else if( memcmp(z+no-2, "\xD9\x8A", 2)==0 ){
      c.bHead = 2;                    /* zKey + ي */
      c.zKey = z;
      c.nKey = no-2;
    }else if( no>=5 && memcmp(z+no-4, "\xD9\x8A\xD9\x87", 4)==0 ){
      c.bHead = 2;                    /* zKey + يه */
      c.zKey = z;
      c.nKey = no-4;
    }else{
      continue;
    }
    if( p->nPlace>=p->nPlaceAlloc ){
      res_place *aNew = marsad_array_grow(p->aPlace, &p->nPlaceAlloc, p->nPlace+1, sizeof(res_place), 16);
      if( aNew==0 ) return MARSAD_NOMEM;
      p->aPlace = aNew;
    }
    p->aPlace[p->nPlace++] = c;
  }
  return MARSAD_OK;
}

/* The variant of p->mKey's "kind|key" zk (in p->b) spelled zKey (nKey
** bytes), else the newest variant of zk, else -1; *pbSame: the variant is
** spelled zKey. zk is zKey's own (bJoined 0) or zKey with عبد joined to
** the word after it (abd_joined). A variant is under its own key and
** under its key so joined, which is shorter: under zKey's own, a variant
** as long as zKey is spelled zKey (its string is not read). */
static int find_key(marsad_resolver *p, const char *zk, const char *zKey, size_t nKey,
                    int bJoined, int *pbSame){
  int v = -1;
  *pbSame = 0;
  for(km_iter it=km_first(&p->mKey, zk, p->b.n); it.i>=0; km_next(&p->mKey, &it)){
    const res_variant *pV = &p->aVar[it.iVal];
    if( pV->nKey==nKey && (!bJoined || memcmp(pV->zKey, zKey, nKey)==0) ){
      *pbSame = 1;
      return it.iVal;
    }
    if( v<0 ) v = it.iVal;
  }
  return v;
}

/* The person entity that person key zKey names with or without its
** lineage, or -1: for "A بن B F", the person known (or in the gazetteer)
** as "A F" (عادل بن أحمد الجبير is عادل الجبير); for "A F", the one person
** known as "A بن B F" (عادل الطريفي is عادل بن زيد الطريفي), not when
** several are. */
static int lineage_free(marsad_resolver *p, const char *zKey, int *pRc){
  const char *zBare = no_lineage(p, zKey);
  int e = -1;
  if( zBare ){
    const marsad_gaz_key *g = marsad_gaz_lookup(zBare, strlen(zBare));
    const char *zk = kind_key(p, MARSAD_ENTITY_PERSON, zBare, strlen(zBare));
    int v = zk ? km_find(&p->mKey, zk, p->b.n) : -1;
    if( v>=0 ) return p->aVar[v].e;
    if( g && g->iEntity>=0 && marsad_gaz_entity_at(g->iEntity)->eKind==MARSAD_ENTITY_PERSON ){
      return gaz_entity(p, g->iEntity, pRc);
    }
    return -1;
  }
  if( strchr(zKey, ' ')==0 || strstr(zKey, AR_SP_BIN) ) return -1;
  size_t n = strlen(zKey);
  for(km_iter it=km_first(&p->mBare, zKey, n); it.i>=0; km_next(&p->mBare, &it)){
    if( e>=0 && e!=it.iVal ) return -1;
    e = it.iVal;
  }
  return e;
}

/* True when mention m is a person named by one word without the article
** that the Arabic dictionary lists (غريب، فارس، شمس) and the gazetteer
** does not name: an ordinary word as often as a name. */
static int common_word_person(const res_ment *m){
  const char *zKey = m->pM->zKey;
  if( m->pM->eKind!=MARSAD_ENTITY_PERSON || strchr(zKey, ' ') ) return 0;
  if( m->nText>=4 && memcmp(m->zText, AR_ART, 4)==0 ) return 0;
  if( !marsad_arword(zKey, strlen(zKey)) ) return 0;
  const marsad_gaz_key *g = m->pGaz;
  return !(g && g->iEntity>=0);
}

/* Resolves mention m to person entity e by its surname: a new variant with
** the reason in p->reason unless e has m's key already. */
static int join_by_surname(marsad_resolver *p, int e, const res_ment *m){
  const char *zKey = m->pM->zKey;
  const char *zk = kind_key(p, MARSAD_ENTITY_PERSON, zKey, strlen(zKey));
  if( zk==0 ) return MARSAD_NOMEM;
  for(km_iter it=km_first(&p->mKey, zk, p->b.n); it.i>=0; km_next(&p->mKey, &it)){
    if( p->aVar[it.iVal].e==e ){
      m->pM->iEntity = p->aEnt[e].iId;
      return MARSAD_OK;
    }
  }
  return add_variant(p, e, m);
}

/* Resolves mention m, an ordinary word taken for a person
** (common_word_person): it is the surname of a person its article names
** in full, or no one (no entity: the mention is not kept). */
static int word_as_surname(marsad_resolver *p, marsad_analysis *pA, const res_ment *m){
  int e = surname_in_article(p, pA, m->pM->zKey);
  m->pM->iEntity = 0;
  if( e<0 ) return MARSAD_OK;
  marsad_buf_reset(&p->reason);
  marsad_buf_printf(&p->reason, "surname of %s, named in full in the same article", p->aEnt[e].zName);
  return join_by_surname(p, e, m);
}

/* True when mention m is written with the article (its span starts with
** ال, or follows لل). */
static int ment_article(const res_ment *m){
  return m->bLamLam || (m->nText>4 && memcmp(m->zText, AR_ART, 4)==0);
}

/* The kind the curated lists (data/entities_*.tsv) give mention m's name
** when the recogniser read it as a place or a person of another kind
** (الأناضول, the agency, read as a place; عسير, the region, read as a
** person after أمير; يونايتد), else 0. A name of one word must be
** written with the article exactly when the list writes it so
** (الكاميرون is not كاميرون, Cameron). */
static int curated_kind(const res_ment *m){
  const char *zKey = m->pM->zKey;
  if( m->pM->eKind!=MARSAD_ENTITY_PLACE && m->pM->eKind!=MARSAD_ENTITY_PERSON ) return 0;
  const marsad_gaz_key *g = m->pGaz;
  if( g==0 || g->iEntity<0 || (g->fClass & (MARSAD_GAZ_ADJ|MARSAD_GAZ_HOME)) || !(g->fClass & MARSAD_GAZ_CURATED) ){
    return 0;
  }
  int eKind = marsad_gaz_entity_at(g->iEntity)->eKind;
  if( eKind==m->pM->eKind ) return 0;
  if( strchr(zKey, ' ')==0 && !ment_article(m)!=!(g->fClass & MARSAD_GAZ_ARTREQ) ) return 0;
  return eKind;
}

/* Fills p->mTail (once): the last word of each country's name of two
** words whose first is a place noun (سلطنة عمان), when the gazetteer gives
** that word alone to another place (عمان, Amman) -> the country. */
static int build_country_tails(marsad_resolver *p){
  int rc = MARSAD_OK;
  p->bTail = 1;
  for(int i=0; rc==MARSAD_OK && i<marsad_gaz_key_count(); i++){
    const marsad_gaz_key *k = marsad_gaz_key_at(i);
    if( k->iEntity<0 || (k->fClass & MARSAD_GAZ_ADJ) || !marsad_gaz_country(k->iEntity) ) continue;
    const char *zSp = strchr(k->zKey, ' ');
    if( zSp==0 || strchr(zSp+1, ' ') ) continue;
    const marsad_gaz_key *h = marsad_gaz_lookup(k->zKey, (size_t)(zSp-k->zKey));
    const marsad_gaz_key *t = marsad_gaz_lookup(zSp+1, strlen(zSp+1));
    if( h==0 || !(h->fClass & MARSAD_GAZ_PLACEHEAD) || t==0 || t->iEntity<0
     || t->iEntity==k->iEntity ) continue;
    rc = km_add(&p->mTail, zSp+1, strlen(zSp+1), k->iEntity);
  }
  return rc;
}

/* True when mention o of pA is a country's name (not its adjective) and
** the text between it and mention m (o before m when bBefore) holds only
** spaces, commas and و: the two are coordinated (قطر وعمان). */
static int coordinated_country(const marsad_analysis *pA, const marsad_mention *o,
                               const marsad_mention *m, int bBefore){
  if( o->eField!=m->eField || o->zKey==0 || o->eKind!=MARSAD_ENTITY_PLACE ) return 0;
  const marsad_gaz_key *g = marsad_gaz_lookup(o->zKey, strlen(o->zKey));
  if( g==0 || g->iEntity<0 || (g->fClass & MARSAD_GAZ_ADJ) || !marsad_gaz_country(g->iEntity) ) return 0;
  const char *z = m->eField==MARSAD_FIELD_TITLE ? pA->art.zTitle : pA->art.zBody;
  size_t i = bBefore ? o->iEnd : m->iEnd, iEnd = bBefore ? m->iStart : o->iStart;
  if( z==0 || i>iEnd || iEnd-i>12 ) return 0;
  while( i<iEnd ){
    if( z[i]==' ' || z[i]==',' ){ i++; continue; }
    if( iEnd-i>=2 && memcmp(z+i, "\xD8\x8C", 2)==0 ){ i += 2; continue; }   /* ، */
    if( iEnd-i>=2 && memcmp(z+i, "\xD9\x88", 2)==0 ){ i += 2; continue; }   /* و */
    return 0;
  }
  return 1;
}

/* The country that one-word place mention m names when it is the last
** word of the country's name (عمان of سلطنة عمان, a spelling the gazetteer
** gives Amman) and is coordinated with another country (الكويت وعمان
** والبحرين): a gazetteer entity index, or -1. */
static int country_in_list(marsad_resolver *p, const marsad_analysis *pA, const res_ment *m,
                           int *pRc){
  const char *zKey = m->pM->zKey;
  if( strchr(zKey, ' ') ) return -1;
  if( !p->bTail && (*pRc = build_country_tails(p))!=MARSAD_OK ) return -1;
  int v = km_find(&p->mTail, zKey, strlen(zKey));
  if( v<0 ) return -1;
  int i = (int)(m->pM - pA->aMention);
  if( (i>0 && coordinated_country(pA, &pA->aMention[i-1], m->pM, 1))
   || (i+1<pA->nMention && coordinated_country(pA, &pA->aMention[i+1], m->pM, 0)) ){
    return v;
  }
  return -1;
}

/* True when mention m is a person named by one word with the article that
** the Arabic dictionary lists, or its plural in ون (الباحثون, the
** researchers), and that is no relative adjective (الحكيم
** "the wise", الصادق "the truthful", الأسد: an epithet or an ordinary word
** as often as a surname, unlike المالكي): it starts no entity of its own,
** and joins a person known by that surname only when the lists name him. */
static int article_word_person(const res_ment *m){
  const char *zKey = m->pM->zKey;
  size_t n = strlen(zKey);
  if( m->pM->eKind!=MARSAD_ENTITY_PERSON || strchr(zKey, ' ') || !ment_article(m) ) return 0;
  int bPlural = n>=10 && memcmp(zKey+n-4, "\xD9\x88\xD9\x86", 4)==0   /* ون: الباحثون */
             && marsad_arword(zKey, n-4);
  return !nisba_key(zKey, n) && (marsad_arword(zKey, n) || bPlural);
}

/* True when mention m is a person named by a family name alone that is a
** relative adjective with the article (الغامدي، المالكي، الشهري) and that
** the lists do not give one person (السيسي, العبادي) but in his country
** (HOME: المالكي): a whole tribe's name, so it joins a person known by
** that surname only when the lists name him, and its entity takes no full
** name later (surname_only_entity). */
static int article_nisba_person(const res_ment *m){
  const char *zKey = m->pM->zKey;
  if( m->pM->eKind!=MARSAD_ENTITY_PERSON || strchr(zKey, ' ') || !ment_article(m)
   || !nisba_key(zKey, strlen(zKey)) ) return 0;
  const marsad_gaz_key *g = m->pGaz;
  return !(g && g->iEntity>=0 && !(g->fClass & (MARSAD_GAZ_ADJ|MARSAD_GAZ_HOME))
           && marsad_gaz_entity_at(g->iEntity)->eKind==MARSAD_ENTITY_PERSON);
}

/* True when article pA names the country of gazetteer id zHome (ISO code),
** by its name or an adjective (العراق، العراقية). */
static int article_names_country(const marsad_analysis *pA, const char *zHome){
  for(int i=0; i<pA->nMention; i++){
    const marsad_mention *o = &pA->aMention[i];
    if( o->eKind!=MARSAD_ENTITY_PLACE || o->zKey==0 ) continue;
    const marsad_gaz_key *g = marsad_gaz_lookup(o->zKey, strlen(o->zKey));
    if( g && g->iEntity>=0 && strcmp(marsad_gaz_entity_at(g->iEntity)->zId, zHome)==0 ) return 1;
  }
  return 0;
}

/* Resolves mention m to entity e, which its article's context names (a
** place: place_in_article, country_in_list; the article's outlet): a new
** variant with the reason in p->reason unless its key names e already (a
** variant, or a spelling joined so before). */
static int context_join(marsad_resolver *p, int e, const res_ment *m){
  const char *zKey = m->pM->zKey;
  const char *zc = kind_key(p, m->pM->eKind, zKey, strlen(zKey));
  if( zc==0 ) return MARSAD_NOMEM;
  int bKnown = 0;
  for(km_iter it=km_first(&p->mCtx, zc, p->b.n); it.i>=0 && !bKnown; km_next(&p->mCtx, &it)){
    bKnown = it.iVal==e;
  }
  for(km_iter it=km_first(&p->mKey, zc, p->b.n); it.i>=0 && !bKnown; km_next(&p->mKey, &it)){
    bKnown = p->aVar[it.iVal].e==e;
  }
  if( bKnown ){
    m->pM->iEntity = p->aEnt[e].iId;
    return MARSAD_OK;
  }
  return add_variant(p, e, m);
}

/* A new entity of mention m's kind, named by its text (ment_display):
** its index, or -1 with *pRc set (NOMEM or the store's failure). */
static int new_entity(marsad_resolver *p, const res_ment *m, int *pRc){
  char *zName = ment_display(m);
  long long iId = p->nEnt+1;
  int e = -1, rc = zName ? MARSAD_OK : MARSAD_NOMEM;
  if( rc==MARSAD_OK && p->store.xEntity ){
    rc = p->store.xEntity(p->store.pCtx, m->pM->eKind, zName, 0, 0, &iId);
  }
  if( rc==MARSAD_OK && (e = add_entity(p, iId, m->pM->eKind, zName, -1))<0 ) rc = MARSAD_NOMEM;
  marsad_free(zName);
  *pRc = rc;
  return e;
}

/* True when mention m is a person named by one word that ends the names
** of two or more people of the lists (بوش: Jeb Bush, George W. Bush and
** George H. W. Bush): like a tribe's name (family_name), it is the one its
** article names in full, else its own entity, never a variant one of them
** takes for every article. *pRc: NOMEM. */
static int shared_surname(marsad_resolver *p, const res_ment *m, int *pRc){
  const char *zKey = m->pM->zKey;
  if( m->pM->eKind!=MARSAD_ENTITY_PERSON || strchr(zKey, ' ') ) return 0;
  if( !p->bGazSur && (*pRc = build_gaz_surnames(p))!=MARSAD_OK ) return 0;
  int iFirst = -1;
  for(km_iter it=km_first(&p->mGazSur, zKey, strlen(zKey)); it.i>=0; km_next(&p->mGazSur, &it)){
    if( iFirst>=0 && it.iVal!=iFirst ) return 1;
    iFirst = it.iVal;
  }
  return 0;
}

/* Resolves mention m, a family name alone that is a relative adjective
** with the article (article_nisba_person) or that several listed people
** bear (shared_surname): the person its article names in
** full with it, else the one person known by it when the lists name him,
** else the entity of that family name alone (الغامدي: a tribe's, never a
** variant another man took in an article that named him in full), else a
** new one. */
static int family_name(marsad_resolver *p, marsad_analysis *pA, const res_ment *m){
  const char *zKey = m->pM->zKey;
  int e = surname_in_article(p, pA, zKey);
  marsad_buf_reset(&p->reason);
  if( e>=0 ){
    marsad_buf_printf(&p->reason, "surname of %s, named in full in the same article", p->aEnt[e].zName);
    return join_by_surname(p, e, m);
  }
  const marsad_gaz_key *g = m->pGaz;
  if( g && (g->fClass & MARSAD_GAZ_HOME) && g->iEntity>=0 ){
    const marsad_gaz_entity *ge = marsad_gaz_entity_at(g->iEntity);
    int rc = MARSAD_OK;
    if( article_names_country(pA, ge->zHome) ){
      e = gaz_entity(p, g->iEntity, &rc);
      if( e<0 ) return rc;
      marsad_buf_printf(&p->reason, "family name of %s (%s), in an article naming his country (%s)",
                        ge->zLabel, ge->zName, ge->zHome);
      return join_by_surname(p, e, m);
    }
  }
  e = g && (g->fClass & MARSAD_GAZ_HOME) ? -1 : surname_unique(p, zKey, 1);
  if( e>=0 && p->aEnt[e].iGaz>=0 ){
    marsad_buf_printf(&p->reason, "surname of %s, the only person known by it", p->aEnt[e].zName);
    return join_by_surname(p, e, m);
  }
  const char *zk = kind_key(p, MARSAD_ENTITY_PERSON, zKey, strlen(zKey));
  if( zk==0 ) return MARSAD_NOMEM;
  for(km_iter it=km_first(&p->mKey, zk, p->b.n); it.i>=0; km_next(&p->mKey, &it)){
    int eTribe = p->aVar[it.iVal].e;
    if( p->aEnt[eTribe].nNameWords==1 && p->aEnt[eTribe].iGaz<0 ){
      m->pM->iEntity = p->aEnt[eTribe].iId;
      return MARSAD_OK;
    }
  }
  int rc = MARSAD_OK;
  e = new_entity(p, m, &rc);
  marsad_buf_puts(&p->reason, "first seen (a family name alone)");
  return rc==MARSAD_OK ? add_variant(p, e, m) : rc;
}

/* True when mention m names a generic body the lists know (class
** generic: قوات الأمن, any country's security forces), no one entity. */
static int generic_body(const res_ment *m){
  const marsad_gaz_key *g = m->pGaz;
  return g && (g->fClass & MARSAD_GAZ_GENERIC);
}

/* Sets p->pOutlet and p->iOutletGaz for the article of pA: the outlet of
** data/outlets.tsv it comes from, and the gazetteer entity of the
** organisation behind it (looked up once per outlet). */
static void article_outlet(marsad_resolver *p, const marsad_analysis *pA){
  const marsad_gaz_outlet *o = marsad_gaz_outlet_find(pA->art.zOutlet);
  p->pOutlet = o;
  p->iOutletGaz = -1;
  if( o==0 ) return;
  for(int i=0; i<p->nOutlet; i++){
    if( p->apOutlet[i]==o ){
      p->iOutletGaz = p->aOutletGaz[i];
      return;
    }
  }
  int g = marsad_gaz_find_id(o->zOrg);
  if( g>=0 && marsad_gaz_entity_at(g)->eKind!=MARSAD_ENTITY_ORG ) g = -1;
  if( p->nOutlet<RES_MAX_OUTLET ){
    p->apOutlet[p->nOutlet] = o;
    p->aOutletGaz[p->nOutlet++] = g;
  }
  p->iOutletGaz = g;
}

/* True when organisation mention m of pA is its article's outlet by
** name: the outlet's own name (quoted, the recogniser made it an
** organisation; or read as one), not followed at once by another name
** (الجزيرة الإماراتي, the club: an adjective of a place). */
static int outlet_mention(const marsad_resolver *p, const marsad_analysis *pA, const res_ment *m){
  const marsad_mention *pM = m->pM;
  if( p->iOutletGaz<0 || pM->eKind!=MARSAD_ENTITY_ORG || strcmp(pM->zKey, p->pOutlet->zKey)!=0 ){
    return 0;
  }
  const marsad_mention *pNext = pM+1;
  return pNext>=pA->aMention+pA->nMention || pNext->eField!=pM->eField || pNext->iStart>pM->iEnd+1;
}

/* Resolves one mention. */
static int resolve_one(marsad_resolver *p, marsad_analysis *pA, const res_ment *m){
  marsad_mention *pM = m->pM;
  const char *zKey = pM->zKey;
  if( outlet_mention(p, pA, m) ){
    int rc = MARSAD_OK, e = gaz_entity(p, p->iOutletGaz, &rc);
    if( e<0 ) return rc;             /* the outlet's own name in its own article */
    marsad_buf_reset(&p->reason);
    marsad_buf_printf(&p->reason, "the name outlet %s calls itself by, in its own article",
                      p->pOutlet->zOutlet);
    return context_join(p, e, m);
  }
  if( generic_body(m) ){
    pM->iEntity = 0;                            /* recognised, no entity */
    return MARSAD_OK;
  }
  int eCurated = curated_kind(m);
  if( eCurated ) pM->eKind = eCurated;
  int eKind = pM->eKind, rc = MARSAD_OK, e = -1;
  if( eKind==MARSAD_ENTITY_PLACE && (e = country_in_list(p, pA, m, &rc))>=0 ){
    const marsad_gaz_entity *ge = marsad_gaz_entity_at(e);
    e = gaz_entity(p, e, &rc);
    if( e<0 ) return rc;
    marsad_buf_reset(&p->reason);
    marsad_buf_printf(&p->reason, "short name of %s (%s), named among countries", ge->zLabel, ge->zName);
    return context_join(p, e, m);
  }
  if( rc ) return rc;
  if( eKind==MARSAD_ENTITY_PLACE && (e = place_in_article(p, pA, zKey, &rc))>=0 ){
    marsad_buf_reset(&p->reason);
    marsad_buf_printf(&p->reason, "short name of %s, named so in the same article", p->aEnt[e].zName);
    return context_join(p, e, m);
  }
  if( rc ) return rc;
  if( common_word_person(m) ) return word_as_surname(p, pA, m);
  if( article_nisba_person(m) || shared_surname(p, m, &rc) ) return family_name(p, pA, m);
  if( rc ) return rc;
  const char *zk = kind_key(p, eKind, zKey, m->nKey);
  if( zk==0 ) return MARSAD_NOMEM;
  int bSame = 0;
  int v = find_key(p, zk, zKey, m->nKey, 0, &bSame);
  const char *zJoined = 0;
  if( v<0 && eKind==MARSAD_ENTITY_PERSON && (zJoined = abd_joined(p, zKey))!=0 ){
    zk = kind_key(p, eKind, zJoined, strlen(zJoined));   /* عبد العزيز = عبدالعزيز */
    if( zk==0 ) return MARSAD_NOMEM;
    v = find_key(p, zk, zKey, m->nKey, 1, &bSame);
  }
  if( v>=0 && bSame ){   /* 1. a known variant */
    pM->iEntity = p->aEnt[p->aVar[v].e].iId;
    return MARSAD_OK;
  }
  marsad_buf_reset(&p->reason);
  if( v>=0 ){           /* a known name with عبد written apart from the next word or not */
    marsad_buf_printf(&p->reason, "spelling: %s ~ %s (عبد written with the next word or apart)",
                      zKey, p->aVar[v].zKey);
    return add_variant(p, p->aVar[v].e, m);
  }
  const marsad_gaz_key *g = m->pGaz;
  if( g && g->iEntity>=0 && marsad_gaz_entity_at(g->iEntity)->eKind==eKind
   && !(g->fClass & MARSAD_GAZ_HOME) && !(ment_article(m) && (g->fClass & MARSAD_GAZ_ARTNO)) ){
    const marsad_gaz_entity *ge = marsad_gaz_entity_at(g->iEntity);
    e = gaz_entity(p, g->iEntity, &rc);          /* 2. the gazetteer */
    marsad_buf_printf(&p->reason, "gazetteer %s: %s of %s (%s)", ge->zId,
        (g->fClass & MARSAD_GAZ_ADJ) ? "adjective" : "a name", ge->zLabel, ge->zName);
  }
  if( e<0 && rc==MARSAD_OK && eKind==MARSAD_ENTITY_PERSON && (e = lineage_free(p, zKey, &rc))>=0 ){
    marsad_buf_printf(&p->reason, "%s with its lineage", p->aEnt[e].zName);
  }
  if( e<0 && rc==MARSAD_OK && eKind==MARSAD_ENTITY_ORG && (e = nisba_spelling_entity(p, zKey, &rc))>=0 ){
    marsad_buf_printf(&p->reason, "%s, with another spelling of its adjective", p->aEnt[e].zName);
  }
  if( e<0 && rc==MARSAD_OK && eKind==MARSAD_ENTITY_ORG && (e = headless_entity(p, zKey, &rc))>=0 ){
    marsad_buf_printf(&p->reason, "%s, with or without a head noun (نادي، فريق، شركة)", p->aEnt[e].zName);
  }
  if( e<0 && rc==MARSAD_OK && eKind==MARSAD_ENTITY_PERSON ){
    e = surname_in_article(p, pA, zKey);        /* 3. a surname */
    if( e>=0 ){
      marsad_buf_printf(&p->reason, "surname of %s, named in full in the same article", p->aEnt[e].zName);
    }else if( (e = surname_unique(p, zKey, m->nText>4 && memcmp(m->zText, "\xD8\xA7\xD9\x84", 4)==0))>=0
           && !(article_word_person(m) && p->aEnt[e].iGaz<0) ){
      marsad_buf_printf(&p->reason, "surname of %s, the only person known by it", p->aEnt[e].zName);
    }else{
      e = -1;
    }
  }
  if( e<0 && rc==MARSAD_OK && (eKind==MARSAD_ENTITY_PERSON || eKind==MARSAD_ENTITY_PLACE) ){
    int f = fuzzy_find(p, &p->mSkel, 0, eKind, zKey);   /* 4. a spelling */
    if( f>=0 ){
      e = p->aVar[f].e;
      marsad_buf_printf(&p->reason, "spelling: %s ~ %s", zKey, p->aVar[f].zKey);
    }else{
      if( !p->bGazSkel ) rc = build_gaz_skeletons(p);
      f = rc==MARSAD_OK ? fuzzy_find(p, &p->mGazSkel, 1, eKind, zKey) : -1;
      if( f>=0 ){
        e = gaz_entity(p, marsad_gaz_key_at(f)->iEntity, &rc);
        marsad_buf_printf(&p->reason, "spelling: %s ~ %s (gazetteer %s)", zKey,
            marsad_gaz_key_at(f)->zKey, marsad_gaz_entity_at(marsad_gaz_key_at(f)->iEntity)->zId);
      }
    }
  }
  if( e<0 && rc==MARSAD_OK && eKind==MARSAD_ENTITY_PERSON && (e = lineage_entity(p, zKey))>=0 ){
    marsad_buf_printf(&p->reason, "a shorter form of %s, the only name known that starts so", p->aEnt[e].zName);
  }
  if( e<0 && rc==MARSAD_OK && eKind==MARSAD_ENTITY_PERSON && strchr(zKey, ' ') ){
    e = surname_only_entity(p, zKey);            /* 5. the full name of a surname */
    if( e>=0 ){
      marsad_buf_printf(&p->reason, "full name of %s, known before by that surname alone", p->aEnt[e].zName);
    }
  }
  if( e<0 && rc==MARSAD_OK && eKind==MARSAD_ENTITY_PERSON && (e = fuller_entity(p, pA, zKey))>=0 ){
    marsad_buf_printf(&p->reason, "a fuller name of %s, known before by that shorter name alone"
                      " and named so in the same article", p->aEnt[e].zName);
  }
  if( e<0 && rc==MARSAD_OK && article_word_person(m) ){
    pM->iEntity = 0;                            /* an epithet or a word: no one */
    return MARSAD_OK;
  }
  if( e<0 && rc==MARSAD_OK ){                   /* a new entity */
    e = new_entity(p, m, &rc);
    marsad_buf_puts(&p->reason, "first seen");
  }
  if( rc==MARSAD_OK ) rc = add_variant(p, e, m);
  return rc;
}

/* The text of mention pM of article pArt, whose key has nKey bytes. */
static res_ment ment_of(const marsad_article *pArt, marsad_mention *pM, size_t nKey){
  res_ment m;
  const char *z = pM->eField==MARSAD_FIELD_TITLE ? pArt->zTitle : pArt->zBody;
  size_t n = pM->eField==MARSAD_FIELD_TITLE ? pArt->nTitle : pArt->nBody;
  m.pM = pM;
  m.nKey = nKey;
  m.pGaz = marsad_gaz_lookup(pM->zKey, m.nKey);
  m.zText = z ? z+pM->iStart : "";
  m.nText = (z && pM->iEnd<=n && pM->iStart<=pM->iEnd) ? pM->iEnd-pM->iStart : 0;
  m.bLamLam = m.nText>0 && pM->iStart>=4 && memcmp(m.zText-4, "\xD9\x84\xD9\x84", 4)==0
           && !(m.nText>=4 && memcmp(m.zText, "\xD8\xA7\xD9\x84", 4)==0);
  return m;
}

/* True when person key zKey is a surname with the name particle before
** it (فان جال، بن لادن: two words, the first a particle of the lists), which
** is resolved as a surname alone is. */
static int particle_surname(const char *zKey){
  const char *zSp = strchr(zKey, ' ');
  if( zSp==0 || strchr(zSp+1, ' ') ) return 0;
  const marsad_gaz_key *g = marsad_gaz_lookup(zKey, (size_t)(zSp-zKey));
  return g && (g->fClass & MARSAD_GAZ_PARTICLE);
}

int marsad_resolver_resolve(marsad_resolver *p, marsad_analysis *pA){
  int rc = MARSAD_OK;
  if( pA->nMention>p->nKeyLenAlloc ){
    size_t *aNew = marsad_array_grow(p->aKeyLen, &p->nKeyLenAlloc, pA->nMention, sizeof(size_t), 64);
    if( aNew==0 ) return MARSAD_NOMEM;
    p->aKeyLen = aNew;
  }
  for(int i=0; i<pA->nMention; i++){
    p->aKeyLen[i] = pA->aMention[i].zKey ? strlen(pA->aMention[i].zKey) : 0;
  }
  rc = article_places(p, pA);
  article_outlet(p, pA);
  /* full names first, so that surnames (with their particle) find them */
  for(int bPass=0; rc==MARSAD_OK && bPass<2; bPass++){
    for(int i=0; rc==MARSAD_OK && i<pA->nMention; i++){
      marsad_mention *pM = &pA->aMention[i];
      if( pM->zKey==0 || pM->zKey[0]==0 ) continue;
      int bFull = pM->eKind!=MARSAD_ENTITY_PERSON
               || (strchr(pM->zKey, ' ')!=0 && !particle_surname(pM->zKey));
      if( bFull==(bPass==0) ){
        res_ment m = ment_of(&pA->art, pM, p->aKeyLen[i]);
        rc = resolve_one(p, pA, &m);
      }
    }
  }
  if( rc==MARSAD_OK ) rc = merge_short_forms(p, pA);
  return rc;
}
