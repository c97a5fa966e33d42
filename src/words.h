/*
** words.h: a text as the fact extractors see it: its tokens (words,
** numbers, punctuation) in order, each with its span in the text, its
** matching key, the keys it has with proclitics removed (وقال → قال,
** بمقتل → مقتل, للقتال → القتال), the number it spells in digits, and the
** sentence it belongs to. Built once per text; the extractors (dates.h,
** numbers.h, figures.h, statements.h) read it.
*/
#ifndef MARSAD_WORDS_H
#define MARSAD_WORDS_H
#include <stddef.h>
#include <string.h>
#include "marsad.h"
#include "norm.h"

/* Which key of a word. */
#define MARSAD_KEY_FULL   0   /* the whole word */
#define MARSAD_KEY_CONJ   1   /* without a leading و or ف */
#define MARSAD_KEY_PREP   2   /* without و/ف and then ب ل ك (لل → ال) */

typedef struct marsad_word {
  size_t iStart;       /* byte span in the text */
  size_t iEnd;
  int eKind;           /* MARSAD_TOKEN_* */
  int iSent;           /* index of its sentence */
  size_t aKey[3];      /* offset in zArena of each key (MARSAD_KEY_*) */
  unsigned anKey[3];   /* bytes of each key; 0 when the word has no such form */
  int bNum;            /* a number in digits: dNum holds its value */
  double dNum;         /* value of a digit number (1,000 and ١٬٠٠٠ = 1000) */
  int nDigits;         /* digits before any decimal point, for numbers */
  unsigned aLex[3];    /* per key: bits of the word lists with an entry
                          starting with it (lexicon.h, marsad_lex_bits) */
} marsad_word;

/* A word's kind in its gate (marsad_words.aGate), above the bits of the
** word lists (lexicon.h: fewer than 29 lists). */
#define MARSAD_WORD_NUM    0x80000000u  /* a number in digits (bNum) */
#define MARSAD_WORD_ARABIC 0x40000000u  /* eKind MARSAD_TOKEN_ARABIC */
#define MARSAD_WORD_PUNCT  0x20000000u  /* eKind MARSAD_TOKEN_PUNCT */
#define MARSAD_WORD_LISTS  0x1FFFFFFFu  /* the lists' bits (aLex) */

typedef struct marsad_words {
  const char *p;       /* the text (borrowed) */
  size_t n;            /* its length */
  marsad_word *a;      /* the tokens */
  unsigned *aGate;     /* per word: the lists' bits of all its keys
                       ** (aLex[0] | aLex[1] | aLex[2]) and its kind
                       ** (MARSAD_WORD_*): what the extractors' scans test
                       ** at every word, four bytes a word where the words
                       ** are 88 (a scan reads the words it stops at only) */
  int nWord;
  int nWordAlloc;
  char *zArena;        /* the keys, each NUL-terminated */
  size_t nArena;
  size_t nArenaAlloc;
  int *aSent;          /* aSent[i]: first word of sentence i; aSent[nSent] = nWord */
  int nSent;
  int nSentAlloc;
  marsad_norm norm;    /* scratch for normalizing tokens */
} marsad_words;

#define MARSAD_WORDS_INIT {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, MARSAD_NORM_INIT}

/* Builds the words of p[0..n) into *pW (reusing its memory; p must outlive
** pW's use). MARSAD_OK or MARSAD_NOMEM (pW is then empty but valid). */
int marsad_words_build(const char *p, size_t n, marsad_words *pW);

struct marsad_analysis;

/* marsad_words_build of the body of pA's article, from the tokens pA
** shares between the modules (analysis.h): the same words. */
int marsad_words_build_body(const struct marsad_analysis *pA, marsad_words *pW);

/* Frees what *pW owns and resets it to MARSAD_WORDS_INIT. NULL is fine. */
void marsad_words_free(marsad_words *pW);

/* Key eKey (MARSAD_KEY_*) of word i, with *pn its length; NULL (and 0)
** when the word has no such form. */
static inline const char *marsad_word_key(const marsad_words *pW, int i, int eKey, size_t *pn){
  const marsad_word *w = &pW->a[i];   /* inline: the extractors ask at almost every word */
  if( eKey!=MARSAD_KEY_FULL && w->anKey[eKey]==0 ){ *pn = 0; return 0; }
  *pn = w->anKey[eKey];
  return pW->zArena + w->aKey[eKey];
}

/* True when word i's full key is the NUL-terminated string z. */
static inline int marsad_word_is(const marsad_words *pW, int i, const char *z){
  size_t n;                  /* inline: z is mostly a literal, its length folded */
  if( i<0 || i>=pW->nWord ) return 0;
  const char *k = marsad_word_key(pW, i, MARSAD_KEY_FULL, &n);
  return strlen(z)==n && memcmp(k, z, n)==0;
}

/* marsad_word_punct_in of a word that is punctuation. */
int marsad_word_punct_among(const marsad_words *pW, int i, const char *zSet);

/* True when word i is punctuation whose text starts with one of the
** characters of the NUL-terminated UTF-8 string zSet. Inline: the
** extractors ask it at almost every word, and most words are no
** punctuation. */
static inline int marsad_word_punct_in(const marsad_words *pW, int i, const char *zSet){
  if( i<0 || i>=pW->nWord || pW->a[i].eKind!=MARSAD_TOKEN_PUNCT ) return 0;
  return marsad_word_punct_among(pW, i, zSet);
}

/* Index of the first word whose span starts at or after byte iByte. */
int marsad_words_at(const marsad_words *pW, size_t iByte);

#endif
