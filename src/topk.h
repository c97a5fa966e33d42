/*
** topk.h: the best few of an array, kept in order at its front in one
** pass (the clusterer's candidate stories, the stories' salient terms).
** Inline, so that the comparison is inlined where it is known.
*/
#ifndef MARSAD_TOPK_H
#define MARSAD_TOPK_H

#include <string.h>

/* Moves the nMax best elements of a[0..n) (elements of sz bytes; best
** first in cmp's order, earlier elements first among equals) to a[0..k),
** in order, the others after them in some order; returns k = min(n, nMax).
** One pass keeps the best so far sorted at the front, so that most
** elements cost one comparison with the worst of them. pTmp: room for one
** element. */
static inline int marsad_top_front(void *a, int n, size_t sz, int nMax,
                                   int (*cmp)(const void*, const void*), void *pTmp){
  char *p = a;
  int k = 0;                               /* p[0..k): the best so far, in order */
  for(int j=0; j<n && nMax>0; j++){
    if( k==nMax && cmp(p+sz*(size_t)j, p+sz*(size_t)(k-1))>=0 ) continue;
    memcpy(pTmp, p+sz*(size_t)j, sz);
    if( k<nMax ){                          /* room left: the front grows by one */
      memcpy(p+sz*(size_t)j, p+sz*(size_t)k, sz);
      k++;
    }else{                                 /* else its worst goes back in j's place */
      memcpy(p+sz*(size_t)j, p+sz*(size_t)(k-1), sz);
    }
    int i = k-1;
    while( i>0 && cmp(pTmp, p+sz*(size_t)(i-1))<0 ){
      memcpy(p+sz*(size_t)i, p+sz*(size_t)(i-1), sz);
      i--;
    }
    memcpy(p+sz*(size_t)i, pTmp, sz);
  }
  return k;
}

#endif
