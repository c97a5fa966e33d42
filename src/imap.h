/*
** imap.h: a hash map from 64-bit integer keys to pointer values, with open
** addressing, linear probing and backward-shift deletion (no tombstones), so
** that it stays small and fast under a long stream of inserts and deletes.
** The clusterer uses it for its vocabulary, its stories and its copy index.
** The map never owns the values.
*/
#ifndef MARSAD_IMAP_H
#define MARSAD_IMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct marsad_imap_slot {
  uint64_t iKey;     /* the key */
  void *pVal;        /* its value; NULL marks an empty slot */
} marsad_imap_slot;

typedef struct marsad_imap {
  marsad_imap_slot *a;   /* nSlot slots, a power of two (or NULL when empty) */
  size_t nSlot;          /* capacity */
  size_t nUsed;          /* entries held */
} marsad_imap;

#define MARSAD_IMAP_INIT {0, 0, 0}

/* The value of iKey, or NULL. */
void *marsad_imap_get(const marsad_imap *p, uint64_t iKey);

/* Sets iKey to pVal (not NULL), replacing any value it had. MARSAD_OK or
** MARSAD_NOMEM (the map is then unchanged). */
int marsad_imap_put(marsad_imap *p, uint64_t iKey, void *pVal);

/* Removes iKey and returns its value (NULL when absent). */
void *marsad_imap_del(marsad_imap *p, uint64_t iKey);

/* Frees the slots (not the values) and returns the map to MARSAD_IMAP_INIT. */
void marsad_imap_free(marsad_imap *p);

/* A well-mixed 64-bit hash of p[0..n): eight bytes at a time, then a
** finalizer. The same bytes give the same hash on every machine. */
uint64_t marsad_hash64(const void *p, size_t n);

/* Mixes a 64-bit integer into a well-distributed 64-bit hash (inline: the
** clusterer mixes every word of every article into its shingles). */
static inline uint64_t marsad_mix64(uint64_t x){
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/* Asks the processor to bring the slot where a lookup of iKey starts into
** its cache, so that a lookup soon after does not wait for memory (a large
** map's slots are rarely cached). Changes nothing. */
static inline void marsad_imap_prefetch(const marsad_imap *p, uint64_t iKey){
  if( p->nSlot ) __builtin_prefetch(&p->a[marsad_mix64(iKey) & (p->nSlot-1)]);
}

#endif
