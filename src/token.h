/*
** token.h: the tokenizer of the text core. It walks the original text once
** and reports words, numbers and punctuation with their byte spans in that
** text; the key and stem of each token are computed by the caller's choice
** (marsad_tokenize in marsad.h does both).
**
** The rules, in order of the first character of a token:
**   - an Arabic letter (or presentation form) starts an Arabic word, which
**     goes on through Arabic letters, harakat, tatweel and other marks, and
**     through ZWNJ/ZWJ/bidi controls when more of the word follows them.
**     Digits end it: "بـ2020" is the word "بـ" and the number "2020";
**   - a letter of another script starts a "Latin" word, which goes on
**     through letters of any non-Arabic script, marks, joiners and digits
**     (g20, mp3, covid19);
**   - a digit (ASCII, Arabic-Indic, Persian or any other decimal digit)
**     starts a number, which goes on through digits and single separators
**     between digits: decimal . ٫ (3.5 ١٢٫٥ 01.11.2020) and grouping , ٬
**     with 1-3 digits before and exactly 3 after (1,000 ١٬٠٠٠ 1,250,000;
**     the list 2354,2340 is two numbers); 01/11/2020 is three numbers and
**     two punctuation tokens;
**   - punctuation and symbols (، ؛ ؟ included) are one token a character;
**   - white space, controls, U+FFFD and invalid UTF-8 (one byte at a time)
**     separate tokens and are never reported.
** Spans are byte offsets into the original text, so they cover the harakat
** and tatweel that the key leaves out.
*/
#ifndef MARSAD_TOKEN_H
#define MARSAD_TOKEN_H
#include <stddef.h>
#include "marsad.h"

struct marsad_stemmer;

/* Version of the text core's output: bumped whenever the tokens, keys or
** stems of some input change (tokenizer rules, data/arabic_fold.tsv,
** data/stem_affixes.tsv, stemmer rules), so that indexes built on them
** (the FTS5 tokenizer) know to rebuild. 2: grouping separators need groups
** of three digits. */
#define MARSAD_TEXT_VERSION 2

/* One raw token: kind (MARSAD_TOKEN_*) and span in the source. */
typedef struct marsad_span_token {
  int eKind;
  size_t iStart;
  size_t iEnd;
} marsad_span_token;

/* Called once per token; return non-zero to stop (that value is returned). */
typedef int (*marsad_span_fn)(void *pCtx, const marsad_span_token *pTok);

/* Tokenizes p[0..n). Harakat, tatweel and zero-width joiners inside a word
** belong to the word. Punctuation is reported only when bPunct is set.
** Returns MARSAD_OK or the callback's value. Never allocates. */
int marsad_tokenize_spans(const char *p, size_t n, int bPunct,
                          marsad_span_fn xToken, void *pCtx);

/* marsad_tokenize (marsad.h) with a stemmer of the caller's choice (stem.h;
** NULL: a default light stemmer made for this call), for callers that
** tokenize many texts with one stemmer (the search tokenizer). */
int marsad_tokenize_stem(const char *pText, size_t nText, unsigned flags,
                         struct marsad_stemmer *pStem, marsad_token_fn xToken,
                         void *pCtx);

#endif
