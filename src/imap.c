/*
** imap.c: integer-keyed hash map with linear probing (see imap.h).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "imap.h"

/* The eight bytes at a as a little-endian number. */
static inline uint64_t load_le64(const unsigned char *a){
  uint64_t w;
  memcpy(&w, a, sizeof w);
#if __BYTE_ORDER__==__ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  return w;
}

/* The four bytes at a as a little-endian number. */
static inline uint32_t load_le32(const unsigned char *a){
  uint32_t w;
  memcpy(&w, a, sizeof w);
#if __BYTE_ORDER__==__ORDER_BIG_ENDIAN__
  w = __builtin_bswap32(w);
#endif
  return w;
}

uint64_t marsad_hash64(const void *p, size_t n){
  const unsigned char *a = p;
  uint64_t h = 0xcbf29ce484222325ULL ^ n;
  size_t i = 0;
  for(; i+8<=n; i+=8){              /* eight bytes at a time, little-endian */
    h = (h ^ load_le64(a+i)) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  /* the r bytes left, little-endian, read with loads that may overlap (a
  ** byte read twice lands at the same place) instead of one at a time */
  size_t r = n - i;
  uint64_t w = 0;
  if( r>0 && n>=8 ){
    w = load_le64(a+n-8) >> (8*(8-r));
  }else if( r>=4 ){
    w = load_le32(a) | ((uint64_t)load_le32(a+r-4) << (8*(r-4)));
  }else if( r>0 ){
    w = a[0] | ((uint64_t)a[r/2] << (8*(r/2))) | ((uint64_t)a[r-1] << (8*(r-1)));
  }
  return marsad_mix64(h ^ w);
}

/* The home slot of iKey in a table of nSlot slots. */
static size_t imap_home(uint64_t iKey, size_t nSlot){
  return (size_t)(marsad_mix64(iKey) & (nSlot-1));
}

void *marsad_imap_get(const marsad_imap *p, uint64_t iKey){
  if( p->nSlot==0 ) return 0;
  for(size_t i=imap_home(iKey, p->nSlot); p->a[i].pVal; i=(i+1)&(p->nSlot-1)){
    if( p->a[i].iKey==iKey ) return p->a[i].pVal;
  }
  return 0;
}

/* Rehashes into a table of nNew slots. MARSAD_OK or MARSAD_NOMEM. */
static int imap_resize(marsad_imap *p, size_t nNew){
  marsad_imap_slot *aNew = marsad_malloc(sizeof(*aNew)*nNew);
  if( aNew==0 ) return MARSAD_NOMEM;
  memset(aNew, 0, sizeof(*aNew)*nNew);
  for(size_t k=0; k<p->nSlot; k++){
    if( p->a[k].pVal==0 ) continue;
    size_t i = imap_home(p->a[k].iKey, nNew);
    while( aNew[i].pVal ) i = (i+1)&(nNew-1);
    aNew[i] = p->a[k];
  }
  marsad_free(p->a);
  p->a = aNew;
  p->nSlot = nNew;
  return MARSAD_OK;
}

int marsad_imap_put(marsad_imap *p, uint64_t iKey, void *pVal){
  if( (p->nUsed+1)*4 > p->nSlot*3 ){
    int rc = imap_resize(p, p->nSlot ? p->nSlot*2 : 16);
    if( rc ) return rc;
  }
  size_t i = imap_home(iKey, p->nSlot);
  for(; p->a[i].pVal; i=(i+1)&(p->nSlot-1)){
    if( p->a[i].iKey==iKey ){ p->a[i].pVal = pVal; return MARSAD_OK; }
  }
  p->a[i].iKey = iKey;
  p->a[i].pVal = pVal;
  p->nUsed++;
  return MARSAD_OK;
}

void *marsad_imap_del(marsad_imap *p, uint64_t iKey){
  if( p->nSlot==0 ) return 0;
  size_t mask = p->nSlot-1;
  size_t i = imap_home(iKey, p->nSlot);
  while( p->a[i].pVal && p->a[i].iKey!=iKey ) i = (i+1)&mask;
  void *pOld = p->a[i].pVal;
  if( pOld==0 ) return 0;
  /* Backward shift: move later entries of the run into the hole when their
  ** home slot does not lie cyclically in (hole, their position]. */
  size_t j = i;
  for(;;){
    j = (j+1)&mask;
    if( p->a[j].pVal==0 ) break;
    size_t h = imap_home(p->a[j].iKey, p->nSlot);
    int bStays = (i<=j) ? (i<h && h<=j) : (i<h || h<=j);
    if( bStays ) continue;
    p->a[i] = p->a[j];
    i = j;
  }
  p->a[i].pVal = 0;
  p->a[i].iKey = 0;
  p->nUsed--;
  return pOld;
}

void marsad_imap_free(marsad_imap *p){
  marsad_free(p->a);
  p->a = 0;
  p->nSlot = p->nUsed = 0;
}
