/*
** fts_arabic.h: the FTS5 tokenizer "arabic" that the search index uses.
**
** In documents, a word is indexed by one token when its stem (norm.h key,
** then stem) is its normalized key (قال، كتاب، numbers, Latin words, every
** word when the index does not stem): that stem. A word whose stem differs
** from its key (الكتاب، والمعلمون) is indexed by two tokens at the same
** position: its stem marked with a trailing '~' (كتاب~), and its key marked
** with a leading '=' (=الكتاب), colocated.
** Token offsets are the word's byte offsets in the original text, so
** highlight() and snippet() mark the original spelling.
**
** In queries, a word is looked up by its stem and its stem marked '~' as
** synonyms (FTS5 merges their positions), which finds every form. A word
** written right after an '=' (the query translator in search.c writes
** "=word" for exact terms) is looked up by its marked key when its stem
** differs from its key, else by its unmarked stem, which only words whose
** key it is carry: =كتاب finds كتاب and not الكتاب, =من finds من and not
** ومن. A word right after a '^' is looked up by its unmarked stem alone,
** right after a '~' by its marked stem alone: search.c writes a query word
** as the two phrases ("^word" OR "~word"), which FTS5 matches from their
** doclists alone, skipping rows (synonyms are read position by position),
** and the ranking function marsad_bm25 (fts_bm25.c) scores each such pair
** as the one term it stands for. Prefix queries look up the tokens
** beginning with the word less a leading definite article (ال وال بال ...),
** stems marked or not.
**
** So exact search costs an index token only for the words whose spelling
** differs from their stem (about half of news text's words), and a plain
** query word two term lookups.
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

/* The byte after the stem in the token of a word whose key differs from its
** stem, and before a query word looked up by that token alone. Keys and
** stems are made of letters and digits, so it never ends one. */
#define MARSAD_FTS_CHANGED_MARK '~'

/* The byte before a query word looked up by its unmarked stem alone. */
#define MARSAD_FTS_STEM_MARK '^'

struct marsad_analysis;

/* Documents whose tokens are known before FTS5 asks for them: the search
** module adds the title and body of each article it will index, with the
** tokens the analysis modules share (analysis.h), and hands FTS5 those
** copies of the texts at the batch's end; the tokenizer (with
** its default stemmer) hands FTS5 the same tokens it would make itself
** without tokenizing again. A document is recognised by its whole text,
** compared byte for byte, so a document the list holds can only ever give
** the tokens of that very text. */
typedef struct marsad_fts_docs marsad_fts_docs;

/* Registers the tokenizer "arabic" and the ranking function marsad_bm25 on
** connection db (needed on every connection, before the search table is
** created or used). *ppDocs, when
** ppDocs is not NULL, gets the connection's document list, owned by the
** connection (freed when it closes). MARSAD_OK, NOMEM, or MARSAD_DBERROR
** when the connection has no FTS5. */
int marsad_fts_register(sqlite3 *db, marsad_fts_docs **ppDocs);

/* Adds field eField (MARSAD_FIELD_*) of pA's article to the list: a copy
** of its text, and its tokens, unless it has a word longer than the index
** keeps (the tokenizer then tokenizes that text itself). *piDoc gets the
** document's number in the list (marsad_fts_docs_text), or -1 for an empty
** field, which is not added (FTS5 asks for no tokens of it). MARSAD_OK or
** NOMEM. */
int marsad_fts_docs_add(marsad_fts_docs *p, const struct marsad_analysis *pA, int eField,
                        int *piDoc /* OUT */);

/* The copy of the text of document iDoc of the list (a number
** marsad_fts_docs_add gave), its length in *pnText; owned by the list,
** valid until it changes. */
const char *marsad_fts_docs_text(const marsad_fts_docs *p, int iDoc, size_t *pnText);

/* Forgets every document of the list. */
void marsad_fts_docs_clear(marsad_fts_docs *p);

/* Writes the version of the default tokenizer's output into zOut (room for
** nOut bytes, at least 32): a format number and a checksum of the tokens
** of a probe text, so that any change to normalization, stemming or the
** tokenizer itself gives a new version and the index gets rebuilt.
** MARSAD_OK or MARSAD_NOMEM. */
int marsad_fts_version(char *zOut, size_t nOut);

/* Registers the FTS5 ranking function marsad_bm25 (fts_bm25.c) with pApi.
** SQLite's result code. */
int marsad_fts_bm25_register(fts5_api *pApi);

#endif
