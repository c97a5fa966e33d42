/*
** stem.h: the light stemmer used for search keys and for matching words
** across articles. It takes a normalized key (norm.h) and strips proclitics
** (و ف ب ك ل ال لل وال بال كال فال) and common suffixes, keeping at least a
** three-letter stem.
*/
#ifndef MARSAD_STEM_H
#define MARSAD_STEM_H
#include <stddef.h>

typedef struct marsad_stemmer marsad_stemmer;

/* Creates a stemmer; *ppOut is NULL on failure. MARSAD_OK or NOMEM. */
int marsad_stemmer_new(marsad_stemmer **ppOut /* OUT */);

/* Frees the stemmer. NULL is fine. */
void marsad_stemmer_free(marsad_stemmer *p);

/* Stems the key p[0..n). Returns a pointer to the stem (owned by the stemmer,
** valid until its next call) and sets *pnOut. Non-Arabic keys come back as
** they are. Returns NULL only when out of memory. */
const char *marsad_stem(marsad_stemmer *pStem, const char *p, size_t n,
                        size_t *pnOut /* OUT */);

#endif
