/*
** norm.h: normalization of Arabic (and Latin) text into matching keys, with a
** map from every byte of the key back to the byte of the original text it
** came from, so that anything found in keys can be pointed at in the source.
** The foldings are listed in marsad.h (marsad_normalize); the character
** tables are generated from data/arabic_fold.tsv, whose header records why
** each folding was chosen (hamza carriers fold, lone hamza stays; no
** utf8proc STRIPMARK). Outside the Arabic tables, letters are lower-cased
** with utf8proc_tolower; ASCII takes a fast path.
**
** Design: one pass over the source, one table lookup per non-ASCII
** character, output and offset map written into buffers that are reused from
** call to call (no allocation once they are big enough), so that it can run
** on every word of large corpora. Invalid UTF-8 becomes U+FFFD in the key,
** one per bad byte, mapped to that byte.
*/
#ifndef MARSAD_NORM_H
#define MARSAD_NORM_H
#include <stddef.h>
#include <stdint.h>

typedef struct marsad_norm {
  char *z;          /* normalized key text, NUL-terminated */
  size_t n;         /* bytes in z */
  uint32_t *aOff;   /* aOff[i]: source offset of the character that gave z[i];
                       aOff[n] is the source length. Key bytes [i, j) come
                       from source bytes [aOff[i], aOff[j]), which covers the
                       dropped marks that follow the last letter */
  size_t nAlloc;    /* capacity of z and aOff */
} marsad_norm;

#define MARSAD_NORM_INIT {0, 0, 0, 0}

/* Normalizes p[0..n) into *pNorm (reusing its memory). Sources longer than
** UINT32_MAX bytes are refused with MARSAD_MISUSE. MARSAD_OK or NOMEM. */
int marsad_norm_run(const char *p, size_t n, marsad_norm *pNorm);

/* marsad_norm_run without the offset map: pNorm->z and n only (aOff is left
** as it was, meaningless until the next marsad_norm_run), for callers that
** need the key alone (line keys, cached words): a third fewer stores. */
int marsad_norm_key(const char *p, size_t n, marsad_norm *pNorm);

/* Frees what *pNorm owns and resets it to MARSAD_NORM_INIT. */
void marsad_norm_free(marsad_norm *pNorm);

/* Most code points one character folds into (ﷺ U+FDFA: صلي الله عليه وسلم). */
#define MARSAD_NORM_FOLD_MAX 18

/* The key folding of one code point: writes up to MARSAD_NORM_FOLD_MAX code
** points into aOut and returns how many (0 when the character is dropped).
** Characters without a folding come back as they are, lower-cased. */
int marsad_norm_fold(uint32_t cp, uint32_t aOut[MARSAD_NORM_FOLD_MAX]);

/* True when cp is a letter of the Arabic script, or a presentation form
** whose folding starts with one (ﻻ, ﷲ). Harakat, tatweel and digits are not
** letters. */
int marsad_is_arabic_letter(uint32_t cp);

#endif
