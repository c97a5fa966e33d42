/*
** analysis.c: ownership of an article's findings (see analysis.h).
*/
#include <string.h>
#include "marsad.h"
#include "alloc.h"
#include "analysis.h"

int marsad_analysis_add_mention(marsad_analysis *p, const marsad_mention *pM){
  if( p->nMention>=p->nMentionAlloc ){
    int nNew = p->nMentionAlloc ? p->nMentionAlloc*2 : 16;
    marsad_mention *aNew = marsad_realloc(p->aMention, sizeof(*aNew)*(size_t)nNew);
    if( aNew==0 ){ marsad_free(pM->zKey); return MARSAD_NOMEM; }
    p->aMention = aNew;
    p->nMentionAlloc = nNew;
  }
  p->aMention[p->nMention++] = *pM;
  return MARSAD_OK;
}

void marsad_analysis_clear(marsad_analysis *p){
  for(int i=0; i<p->nMention; i++) marsad_free(p->aMention[i].zKey);
  marsad_free(p->aMention);
  if( p->pFacts && p->xFactsFree ) p->xFactsFree(p->pFacts);
  p->aMention = 0;
  p->nMention = p->nMentionAlloc = 0;
  p->pFacts = 0;
  p->xFactsFree = 0;
}
