/*
** alloc.h: the one allocator of libmarsad. Every allocation goes through
** these functions so that tests can make the Nth one fail (fault injection)
** and check that each path returns MARSAD_NOMEM cleanly, leaking nothing.
*/
#ifndef MARSAD_ALLOC_H
#define MARSAD_ALLOC_H
#include <stddef.h>

/* malloc(n); NULL when out of memory or when fault injection says so. */
void *marsad_malloc(size_t n);

/* realloc(p, n); NULL on failure, in which case p is left untouched. */
void *marsad_realloc(void *p, size_t n);

/* Array p of *pnAlloc elements of szElem bytes grown, by doubling from
** nFirst when empty, to hold at least nWant > *pnAlloc: the array moved
** (its elements kept), *pnAlloc set to its new size. NULL when out of
** memory or when the size overflows, p and *pnAlloc then left as they are. */
void *marsad_array_grow(void *p, int *pnAlloc, int nWant, size_t szElem, int nFirst);

/* A NUL-terminated copy of p[0..n), owned by the caller; NULL on failure. */
char *marsad_strndup(const char *p, size_t n);

/* marsad_strndup(z, strlen(z)); NULL in gives NULL out. */
char *marsad_strdup(const char *z);

/* A table of n zero bytes for lookups spread all over it (megabytes: a
** hash table kept from one article to the next), aligned to 2 MB and, on
** Linux, asking the kernel for huge pages (madvise MADV_HUGEPAGE): a
** lookup then seldom misses the TLB as well as the cache. Freed with
** marsad_table_free (not marsad_free). NULL when out of memory. */
void *marsad_table_new(size_t n);

/* Frees a table of marsad_table_new. NULL is fine. */
void marsad_table_free(void *p);

/* Test hook: make the allocation after the next n succeed ones fail, in this
** thread (n < 0 turns injection off). Returns nothing; thread-local state. */
void marsad_alloc_fail_after(long n);

#endif
