/*
** test_hash64.c: marsad_hash64 (imap.h) keeps its values: stored data
** depends on them (the stories' shingles and MinHash bins in
** article_story.vec, the facts' generated first-word table). Known values,
** and every length from 0 to 40 against the definition read byte by byte
** (eight-byte words little-endian, then the bytes left as one number).
*/
#include <stdint.h>
#include <string.h>
#include "harness.h"
#include "imap.h"

/* marsad_hash64 as defined, one byte at a time. */
static uint64_t reference(const unsigned char *a, size_t n){
  uint64_t h = 0xcbf29ce484222325ULL ^ n;
  size_t i = 0;
  for(; i+8<=n; i+=8){
    uint64_t w = 0;
    for(int k=7; k>=0; k--) w = (w<<8) | a[i+k];
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  uint64_t w = 0;
  for(size_t k=n; k>i; k--) w = (w<<8) | a[k-1];
  return marsad_mix64(h ^ w);
}

/* Values computed when the hash was first defined. */
static void test_known_values(void){
  static const struct { const char *z; uint64_t h; } a[] = {
    {"", 0xefd01f60ba992926ULL},
    {"a", 0xf68e253bd811da3eULL},
    {"abc", 0x6e0a2e143f93958fULL},
    {"abcdefg", 0xf09dde38c81b1d3dULL},
    {"abcdefgh", 0xe44983d296128d68ULL},
    {"\xd9\x82\xd8\xa7\xd9\x84", 0x556ce3cffabc6b64ULL},                     /* قال */
    {"\xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1", 0xd58b08ac77455741ULL}, /* الوزير */
  };
  for(size_t i=0; i<sizeof a/sizeof a[0]; i++){
    CHECK(marsad_hash64(a[i].z, strlen(a[i].z))==a[i].h);
  }
}

/* Every length and offset (unaligned reads) agrees with the definition. */
static void test_lengths(void){
  unsigned char buf[64];
  uint32_t x = 12345;
  for(int t=0; t<200; t++){
    for(size_t k=0; k<sizeof buf; k++){
      x = x*1103515245u + 12345u;
      buf[k] = (unsigned char)(x>>16);
    }
    for(size_t off=0; off<4; off++){
      for(size_t n=0; n<=40; n++){
        CHECK(marsad_hash64(buf+off, n)==reference(buf+off, n));
      }
    }
  }
}

int main(void){
  RUN(test_known_values);
  RUN(test_lengths);
  return DONE();
}
