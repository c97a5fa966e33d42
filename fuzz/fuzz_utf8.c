/*
** fuzz_utf8.c: libFuzzer target for the UTF-8 decoder and repair (utf8.h).
** Decoding walks the whole input without reading past it (the sanitizers
** watch), the repaired copy is valid UTF-8, keeps the valid bytes and counts
** as many replacements as the decoder found.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "marsad.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  size_t i = 0, nBad = 0, nLen;
  int bBad;
  while( i<nData ){
    uint32_t cp = marsad_utf8_decode(aData+i, nData-i, &nLen, &bBad);
    if( nLen<1 || nLen>4 || i+nLen>nData ) abort();
    if( bBad && (cp!=MARSAD_UTF8_REPLACEMENT || nLen!=1) ) abort();
    if( !bBad ){
      unsigned char a[4];
      if( marsad_utf8_encode(cp, a)!=nLen || memcmp(a, aData+i, nLen)!=0 ) abort();
    }
    nBad += (size_t)bBad;
    i += nLen;
  }
  if( marsad_utf8_count_invalid((const char*)aData, nData)!=nBad ) abort();
  char *z = 0;
  size_t n = 0, nRepl = 0;
  if( marsad_utf8_sanitize((const char*)aData, nData, &z, &n, &nRepl)!=MARSAD_OK ) return 0;
  if( nRepl!=nBad || marsad_utf8_count_invalid(z, n)!=0 || strlen(z)>n ) abort();
  if( n!=nData + 2*nBad ) abort();      /* each bad byte became 3 bytes */
  marsad_free(z);
  return 0;
}
