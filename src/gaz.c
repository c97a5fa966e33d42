/*
** gaz.c: lookups in the generated gazetteer (see gaz.h).
*/
#include <string.h>
#include "gaz.h"

/* FNV-1a over p[0..n), as tools/gen_gazetteer.py computes it. */
static uint32_t gaz_hash(const char *p, size_t n){
  uint32_t h = 0x811C9DC5u;
  for(size_t i=0; i<n; i++){
    h ^= (unsigned char)p[i];
    h *= 0x01000193u;
  }
  return h;
}

const marsad_gaz_key *marsad_gaz_lookup(const char *p, size_t n){
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

int marsad_gaz_find_id(const char *zId){
  for(int i=0; i<marsad_gaz_nentities; i++){
    if( strcmp(marsad_gaz_entities[i].zId, zId)==0 ) return i;
  }
  return -1;
}
