/*
** bytes16.h: sixteen bytes tested at once with GCC's vector extensions, for
** the byte loops of the text core (utf8.c, clean.c, sentence.c): a block of
** text is loaded beside the same block one byte on, so that each byte can be
** tested together with the byte after it.
*/
#ifndef MARSAD_BYTES16_H
#define MARSAD_BYTES16_H

#include <stdint.h>
#include <string.h>

/* Sixteen bytes, and sixteen lanes of a test (-1 where it holds, else 0). */
typedef unsigned char marsad_v16 __attribute__((vector_size(16)));
typedef signed char marsad_m16 __attribute__((vector_size(16)));

/* Loads a[0..16) into *pV and a[1..17), each byte's next byte, into *pNext.
** a[16] must be readable. */
static inline void marsad_v16_load_pair(const unsigned char *a, marsad_v16 *pV,
                                        marsad_v16 *pNext){
  memcpy(pV, a, sizeof *pV);
  memcpy(pNext, a+1, sizeof *pNext);
}

/* True when some lane of m is set. */
static inline int marsad_m16_any(marsad_m16 m){
  uint64_t lo, hi;
  memcpy(&lo, &m, sizeof lo);
  memcpy(&hi, (const char*)&m + sizeof lo, sizeof hi);
  return (lo|hi)!=0;
}

#endif
