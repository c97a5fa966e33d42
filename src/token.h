/*
** token.h: the tokenizer of the text core. It walks the original text once
** and reports words, numbers and punctuation with their byte spans in that
** text; the key and stem of each token are computed by the caller's choice
** (marsad_tokenize in marsad.h does both).
*/
#ifndef MARSAD_TOKEN_H
#define MARSAD_TOKEN_H
#include <stddef.h>

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

#endif
