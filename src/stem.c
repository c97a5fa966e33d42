/*
** stem.c: stems of normalized keys for search and matching (see stem.h),
** on top of Snowball's Arabic stemmer (libstemmer).
*/
#include <string.h>
#include <libstemmer.h>
#include "marsad.h"
#include "alloc.h"
#include "stem.h"

struct marsad_stemmer {
  struct sb_stemmer *pSnowball;   /* Snowball's Arabic stemmer */
};

int marsad_stemmer_new(marsad_stemmer **ppOut){
  marsad_stemmer *p = marsad_malloc(sizeof *p);
  *ppOut = 0;
  if( p==0 ) return MARSAD_NOMEM;
  p->pSnowball = sb_stemmer_new("arabic", "UTF_8");
  if( p->pSnowball==0 ){ marsad_free(p); return MARSAD_NOMEM; }
  *ppOut = p;
  return MARSAD_OK;
}

void marsad_stemmer_free(marsad_stemmer *p){
  if( p==0 ) return;
  sb_stemmer_delete(p->pSnowball);
  marsad_free(p);
}

const char *marsad_stem(marsad_stemmer *pStem, const char *p, size_t n,
                        size_t *pnOut){
  const sb_symbol *z = sb_stemmer_stem(pStem->pSnowball, (const sb_symbol*)p, (int)n);
  if( z==0 ){ *pnOut = 0; return 0; }
  *pnOut = (size_t)sb_stemmer_length(pStem->pSnowball);
  return (const char*)z;
}
