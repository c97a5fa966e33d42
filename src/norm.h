/*
** norm.h: normalization of Arabic (and Latin) text into matching keys, with a
** map from every byte of the key back to the byte of the original text it
** came from, so that anything found in keys can be pointed at in the source.
** The foldings are listed in marsad.h (marsad_normalize); the character
** tables are generated from data/arabic_fold.tsv.
*/
#ifndef MARSAD_NORM_H
#define MARSAD_NORM_H
#include <stddef.h>
#include <stdint.h>

typedef struct marsad_norm {
  char *z;          /* normalized key text, NUL-terminated */
  size_t n;         /* bytes in z */
  uint32_t *aOff;   /* aOff[i]: source offset of the character that gave z[i];
                       aOff[n] is the source length */
  size_t nAlloc;    /* capacity of z and aOff */
} marsad_norm;

#define MARSAD_NORM_INIT {0, 0, 0, 0}

/* Normalizes p[0..n) into *pNorm (reusing its memory). Sources longer than
** UINT32_MAX bytes are refused with MARSAD_MISUSE. MARSAD_OK or NOMEM. */
int marsad_norm_run(const char *p, size_t n, marsad_norm *pNorm);

/* Frees what *pNorm owns and resets it to MARSAD_NORM_INIT. */
void marsad_norm_free(marsad_norm *pNorm);

/* The key folding of one code point: writes up to 3 code points into aOut
** and returns how many (0 when the character is dropped). */
int marsad_norm_fold(uint32_t cp, uint32_t aOut[3]);

/* True when cp is a letter of the Arabic script (after folding). */
int marsad_is_arabic_letter(uint32_t cp);

#endif
