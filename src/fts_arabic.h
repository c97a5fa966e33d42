/*
** fts_arabic.h: the FTS5 tokenizer "arabic" that the search index uses.
**
** In documents, every word is indexed by its search stem (norm.h key, then
** stem), and also by its normalized surface key, marked with a leading '=',
** as a colocated token at the same position: always for words of Arabic
** letters, since other words may share their stem (كتاب is the stem of
** الكتاب too); for numbers and Latin words only when the key differs from
** the stem, which it never does with a stemmer (none stems into them); the
** query stopwords (في، من ...) whose key is their stem are left unmarked,
** to keep the index small, so =لكن also finds ولكن and لكنه (stem لكن).
** Token offsets are the word's byte offsets in the original text, so
** highlight() and snippet() mark the original spelling.
**
** In queries, a word is looked up by its stem; a word written right after
** an '=' (the query translator in search.c writes "=word" for exact terms)
** is looked up by its marked surface key wherever documents index one, so
** =كتاب finds كتاب and not الكتاب. Prefix queries look up stems beginning
** with the word less a leading definite article (ال وال بال ...).
**
** Arguments (tokenize='arabic [light|snowball|none]') choose the stemmer;
** the default is the one the search evaluation chose (docs/QUALITY.md).
*/
#ifndef MARSAD_FTS_ARABIC_H
#define MARSAD_FTS_ARABIC_H
#include <stddef.h>
#include <sqlite3.h>

/* The byte that marks a surface-key token in the index and an exact word in
** a query. Keys are made of letters and digits, so it never starts one. */
#define MARSAD_FTS_EXACT_MARK '='

struct marsad_analysis;

/* Documents whose tokens are known before FTS5 asks for them: the search
** module adds the title and body of each article it will index, from the
** tokens the analysis modules share (analysis.h), and the tokenizer (with
** its default stemmer) hands FTS5 the same tokens it would make itself
** without tokenizing again. A document is recognised by its whole text,
** compared byte for byte, so a document the list holds can only ever give
** the tokens of that very text. */
typedef struct marsad_fts_docs marsad_fts_docs;

/* Registers the tokenizer "arabic" on connection db (needed on every
** connection, before the search table is created or used). *ppDocs, when
** ppDocs is not NULL, gets the connection's document list, owned by the
** connection (freed when it closes). MARSAD_OK, NOMEM, or MARSAD_DBERROR
** when the connection has no FTS5. */
int marsad_fts_register(sqlite3 *db, marsad_fts_docs **ppDocs);

/* Adds field eField (MARSAD_FIELD_*) of pA's article to the list. A field
** with a word longer than the index keeps is left out (the tokenizer then
** tokenizes it). MARSAD_OK or NOMEM. */
int marsad_fts_docs_add(marsad_fts_docs *p, const struct marsad_analysis *pA, int eField);

/* Forgets every document of the list. */
void marsad_fts_docs_clear(marsad_fts_docs *p);

/* Writes the version of the default tokenizer's output into zOut (room for
** nOut bytes, at least 32): a format number and a checksum of the tokens
** of a probe text, so that any change to normalization, stemming or the
** tokenizer itself gives a new version and the index gets rebuilt.
** MARSAD_OK or MARSAD_NOMEM. */
int marsad_fts_version(char *zOut, size_t nOut);

#endif
