/*
** alloc.c: the single allocation path of libmarsad, with thread-local fault
** injection for tests (see alloc.h).
*/
#define _DEFAULT_SOURCE          /* madvise (glibc), for marsad_table_new */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "marsad.h"
#include "alloc.h"

/* Allocations left before an injected failure; negative when off. */
static _Thread_local long nFailCountdown = -1;

/* True when fault injection says this allocation must fail. */
static int alloc_should_fail(void){
  if( nFailCountdown<0 ) return 0;
  if( nFailCountdown==0 ) return 1;
  nFailCountdown--;
  return 0;
}

void marsad_alloc_fail_after(long n){
  nFailCountdown = n;
}

void *marsad_malloc(size_t n){
  if( alloc_should_fail() ) return 0;
  return malloc(n ? n : 1);
}

void *marsad_realloc(void *p, size_t n){
  if( alloc_should_fail() ) return 0;
  return realloc(p, n ? n : 1);
}

void *marsad_array_grow(void *p, int *pnAlloc, int nWant, size_t szElem, int nFirst){
  int nNew = *pnAlloc>0 ? *pnAlloc : nFirst;
  while( nNew<nWant ){
    if( nNew>INT_MAX/2 ) return 0;
    nNew *= 2;
  }
  if( (size_t)nNew>SIZE_MAX/szElem ) return 0;
  void *pNew = marsad_realloc(p, szElem*(size_t)nNew);
  if( pNew ) *pnAlloc = nNew;
  return pNew;
}

char *marsad_strndup(const char *p, size_t n){
  char *z = marsad_malloc(n+1);
  if( z==0 ) return 0;
  if( n ) memcpy(z, p, n);
  z[n] = 0;
  return z;
}

char *marsad_strdup(const char *z){
  return z ? marsad_strndup(z, strlen(z)) : 0;
}

void marsad_free(void *p){
  free(p);
}

#define TABLE_ALIGN ((size_t)2 << 20)  /* a huge page of x86-64 and arm64 */

void *marsad_table_new(size_t n){
  size_t nRound = (n + TABLE_ALIGN-1) & ~(TABLE_ALIGN-1);
  if( n==0 || nRound<n || nRound>SIZE_MAX-2*TABLE_ALIGN ) return 0;
  char *pRaw = marsad_malloc(nRound + TABLE_ALIGN + sizeof(void*));
  if( pRaw==0 ) return 0;
  uintptr_t u = ((uintptr_t)(pRaw + sizeof(void*)) + TABLE_ALIGN-1) & ~(uintptr_t)(TABLE_ALIGN-1);
  char *p = (char*)u;
  memcpy(p - sizeof(void*), &pRaw, sizeof pRaw);
#ifdef MADV_HUGEPAGE
  madvise(p, nRound, MADV_HUGEPAGE);   /* a hint: without huge pages it still works */
#endif
  memset(p, 0, n);
  return p;
}

void marsad_table_free(void *p){
  if( p==0 ) return;
  void *pRaw;
  memcpy(&pRaw, (char*)p - sizeof(void*), sizeof pRaw);
  free(pRaw);
}
