/*
** alloc.c: the single allocation path of libmarsad, with thread-local fault
** injection for tests (see alloc.h).
*/
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
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
