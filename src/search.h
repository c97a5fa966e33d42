/*
** search.h: full-text search over the articles (marsad_search_json in
** marsad.h), and its parts that tests and the fuzz target reach directly:
** the query language and its translation into FTS5 MATCH expressions.
**
** The query language (users never write FTS5 syntax):
**   word          any form of the word: looked up by its stem
**   =word         exactly this form (normalized), no stemming
**   "a b c"       the words in this order (each by its stem; =a inside is exact)
**   word*         words beginning so (after proclitics like ال)
**   a OR b        either; OR binds the terms right beside it
**   -word -"a b"  exclude articles with the word or phrase
** Terms are all required; when fewer articles hold them all than were
** asked for, articles holding only some follow, ranked below. Plain words
** on the stopword list (data/search_stopwords.txt) are dropped. « » and
** “ ” quote like ". Parentheses, ^, { }, NEAR and the words AND / NOT are
** FTS5 syntax, not ours, and make the query bad (MARSAD_MISUSE).
*/
#ifndef MARSAD_SEARCH_H
#define MARSAD_SEARCH_H
#include <stddef.h>
#include "module.h"

/* A query translated into FTS5 MATCH expressions. */
typedef struct marsad_search_expr {
  char *zAll;      /* articles holding every term (and none excluded) */
  char *zSome;     /* articles holding any term (those holding all are
                      found first and passed over); NULL when the
                      query has a single term */
  char **azClause; /* each AND clause (a term, or terms joined by OR) */
  int nTerm;       /* clauses: terms kept */
  char *zNot;      /* " NOT term" for each exclusion ("" when none) */
  int nStop;       /* stopwords dropped */
} marsad_search_expr;

/* Translates the query p[0..n) (with MARSAD_QUERY_EXACT in flags every word
** is exact) into *pExpr. MARSAD_OK; MARSAD_MISUSE with a plain English
** message in *pzErr (owned by the caller) for a bad query; MARSAD_NOMEM.
** On failure *pExpr is zeroed. */
int marsad_search_parse(const char *p, size_t n, unsigned flags,
                        marsad_search_expr *pExpr /* OUT */,
                        char **pzErr /* OUT */);

/* Writes into *pzOut (owned by the caller) the expression of articles that
** hold any of the clauses flagged in abKeep (all when NULL) and no excluded
** term. MARSAD_OK or MARSAD_NOMEM. */
int marsad_search_some(const marsad_search_expr *pExpr, const unsigned char *abKeep,
                       char **pzOut /* OUT */);

/* Frees what *pExpr owns and zeroes it. */
void marsad_search_expr_free(marsad_search_expr *pExpr);

/* True when the normalized key p[0..n) is a query stopword. Generated from
** data/search_stopwords.txt by tools/gen_stopwords.py. */
int marsad_search_is_stopword(const char *p, size_t n);

/* Before an ingestion into a store of fewer than SEARCH_OPTIMIZE_MIN
** articles (a first load): turns FTS5's automerge off, so that the
** segments the batches write (one each) are not merged a level at a time
** while it runs: if it stores SEARCH_OPTIMIZE_MIN or more, the end merges
** them all into one anyway (that merging was work thrown away: a pass over
** the index, docs/BENCHMARKS.md), else it leaves fewer than 10 segments
** that later ingestions merge as before. Searches from other handles
** meanwhile read up to FTS5's 'crisismerge' (64) segments. */
int marsad_search_before_ingest(marsad_db *pDb);

/* After an ingestion that stored nAdded articles (committed), or stopped:
** turns automerge back on if it is off, then merges the index into one
** segment when they are many (SEARCH_OPTIMIZE_MIN or more) and at least an
** eighth of the store, so that the segments a large ingestion leaves stop
** slowing queries; smaller runs leave merging to FTS5's automerge. A
** handle opened for writing also turns automerge back on (an ingestion
** killed before its end leaves it off). Best effort: a failure leaves the
** index correct, maybe unmerged, and is returned. */
int marsad_search_after_ingest(marsad_db *pDb, long nAdded);

/* The search module: keeps the index in step with the tokenizer. */
extern const marsad_module marsad_search_module;

#endif
