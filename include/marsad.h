/*
** marsad.h: the public interface of libmarsad, an engine that turns Arabic
** news articles into tracked stories: articles grouped by event, the
** entities in them, who said what, and the figures they report, all kept in
** one SQLite file and searchable with Arabic-aware full-text search.
**
** Conventions (they hold for every function below):
**   - Every function returns an int result code (MARSAD_OK on success) unless
**     it says otherwise; marsad_errstr() names a code, marsad_errmsg() gives
**     the message of the last failure on a database handle.
**   - Text travels as (pointer, length) pairs of UTF-8 bytes and is never
**     assumed to be NUL-terminated unless the parameter is named z*.
**   - Output parameters are marked OUT. A function that returns memory through
**     one says who owns it; memory returned as "owned by the caller" is freed
**     with marsad_free(). Destructors accept NULL.
**   - The library never exits, aborts or prints: it returns a code and a
**     message, and reports per-input problems through callbacks.
**   - All byte offsets point into the stored article text (title or body).
*/
#ifndef MARSAD_H
#define MARSAD_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
# define MARSAD_API __attribute__((visibility("default")))
#else
# define MARSAD_API
#endif

/* Result codes. */
#define MARSAD_OK        0   /* success */
#define MARSAD_ERROR     1   /* generic failure; see marsad_errmsg() */
#define MARSAD_NOMEM     2   /* out of memory */
#define MARSAD_IO        3   /* a file could not be read or written */
#define MARSAD_FORMAT    4   /* input is malformed (bad JSON, not text, ...) */
#define MARSAD_NOTFOUND  5   /* no such article, story, entity, ... */
#define MARSAD_MISUSE    6   /* bad arguments, or a query that cannot be run */
#define MARSAD_DBERROR   7   /* the database failed or is not a marsad file */
#define MARSAD_SKIP      8   /* an input was deliberately not stored (empty, ...) */

/* Library version, as "MAJOR.MINOR.PATCH". Static storage. */
MARSAD_API const char *marsad_version(void);

/* English name of result code rc. Static storage; never NULL. */
MARSAD_API const char *marsad_errstr(int rc);

/* Frees memory the library returned as "owned by the caller". NULL is fine. */
MARSAD_API void marsad_free(void *p);

/* ------------------------------------------------------------------------
** Text core: tokens, keys and stems. Usable without a database.
*/

/* Token kinds. */
#define MARSAD_TOKEN_ARABIC  1   /* a word in Arabic script */
#define MARSAD_TOKEN_LATIN   2   /* a word in Latin (or other alphabetic) script */
#define MARSAD_TOKEN_NUMBER  3   /* digits in any script, with , . ٫ ٬ separators */
#define MARSAD_TOKEN_PUNCT   4   /* punctuation, one character a token */

/* One token as passed to a marsad_token_fn. All pointers are valid only
** during the callback. */
typedef struct marsad_token {
  int eKind;            /* MARSAD_TOKEN_* */
  size_t iStart;        /* byte offset of the token in the text */
  size_t iEnd;          /* byte offset one past its end */
  const char *pKey;     /* normalized matching key (see marsad_normalize) */
  size_t nKey;          /* bytes in pKey */
  const char *pStem;    /* search stem of the key (equals the key if unstemmed) */
  size_t nStem;         /* bytes in pStem */
} marsad_token;

/* Called once per token, in text order. Return non-zero to stop: the
** tokenizer then returns that value. */
typedef int (*marsad_token_fn)(void *pCtx, const marsad_token *pToken);

/* Flags for marsad_tokenize. */
#define MARSAD_TOKENIZE_PUNCT  0x01   /* also report punctuation tokens */

/* Splits pText[0..nText) into tokens and calls xToken for each. Invalid
** UTF-8 never stops it (it counts as a separator). Returns MARSAD_OK, the
** callback's non-zero value, or MARSAD_NOMEM. */
MARSAD_API int marsad_tokenize(const char *pText, size_t nText, unsigned flags,
                               marsad_token_fn xToken, void *pCtx);

/* Normalizes pText into a matching key: presentation forms folded, harakat,
** superscript alef, tatweel and zero-width/bidi controls removed, alef forms
** to ا, ى to ي, ة to ه, ؤ to و, ئ to ي, Arabic-Indic and Persian digits to
** ASCII, no-break space to space, Latin lower-cased. On success *pzOut is a
** NUL-terminated string owned by the caller (marsad_free) and *pnOut its
** length. */
MARSAD_API int marsad_normalize(const char *pText, size_t nText,
                                char **pzOut /* OUT */, size_t *pnOut /* OUT */);

/* ------------------------------------------------------------------------
** The database handle.
*/
typedef struct marsad_db marsad_db;

/* Flags for marsad_open. */
#define MARSAD_OPEN_READONLY  0x01   /* never write; the file must exist */
#define MARSAD_OPEN_UPGRADE   0x02   /* with READONLY: update an older database first */

/* Opens (creating and migrating when needed) the marsad database at zPath.
** *ppDb is always set: to the new handle, or to NULL on failure. On failure
** with a handle-less error, *pzErr (if pzErr is not NULL) receives a message
** owned by the caller. A read-only handle cannot update a database an older
** marsad wrote (a schema migration missing: the open fails; a search index
** built by another tokenizer: searches fail); with MARSAD_OPEN_UPGRADE too,
** such a database is first updated by one writable open (which needs write
** access to the file; the open fails saying so without it), then opened
** read-only. */
MARSAD_API int marsad_open(const char *zPath, unsigned flags,
                           marsad_db **ppDb /* OUT */, char **pzErr /* OUT */);

/* Closes the handle and frees everything it owns. NULL is fine. */
MARSAD_API void marsad_close(marsad_db *pDb);

/* Message of the last failed call on pDb. Owned by the handle, valid until
** the next call on it. Never NULL. */
MARSAD_API const char *marsad_errmsg(const marsad_db *pDb);

/* ------------------------------------------------------------------------
** Ingestion.
*/

/* Input formats. MARSAD_FORMAT_AUTO picks by file extension. */
#define MARSAD_INPUT_AUTO   0
#define MARSAD_INPUT_TEXT   1   /* .txt: first non-empty line is the title */
#define MARSAD_INPUT_HTML   2   /* .html .htm */
#define MARSAD_INPUT_JSONL  3   /* .jsonl: one article object a line */
#define MARSAD_INPUT_FEED   4   /* .rss .atom .xml: RSS 2.0 or Atom */

/* Running counts of one ingestion. */
typedef struct marsad_ingest_stats {
  long nRead;        /* articles read from the input */
  long nAdded;       /* articles stored for the first time */
  long nExisting;    /* articles already in the database (idempotent rerun) */
  long nSkipped;     /* inputs refused: bad lines, bad files, empty articles */
  long nNotArabic;   /* stored articles flagged as not Arabic */
  long nCopies;      /* stored articles whose body exactly copies another's */
  long nBadUtf8;     /* invalid UTF-8 sequences replaced by U+FFFD */
  double nBytes;     /* input bytes consumed */
  long nFilled;      /* of nExisting: stored copies given the date or URL
                     ** they lacked (ids unchanged) */
  long nRepeated;    /* of nExisting: stored during this same ingestion
                     ** (the input holds the article twice) */
} marsad_ingest_stats;

/* Reports one input that was skipped or repaired: zSource is the file (or
** "-"), iLine its 1-based line (0 when the whole file), zMsg the reason. */
typedef void (*marsad_report_fn)(void *pCtx, const char *zSource, long iLine,
                                 const char *zMsg);

/* Called now and then during an ingestion with the counts so far. */
typedef void (*marsad_progress_fn)(void *pCtx, const marsad_ingest_stats *pStats);

/* Articles an ingestion stores in one transaction unless told otherwise.
** Each batch is committed atomically: a killed ingestion keeps every batch
** committed before, and the articles of a batch become visible to other
** connections (searches, the server) when it commits. Larger batches cost
** less CPU a article (fewer flushes of the search index, fewer rewrites of
** the same index pages) and take more memory. */
#define MARSAD_INGEST_BATCH 2000

typedef struct marsad_ingest_opts {
  int eFormat;                  /* MARSAD_INPUT_*; AUTO by extension */
  marsad_report_fn xReport;     /* may be NULL */
  marsad_progress_fn xProgress; /* may be NULL */
  void *pCtx;                   /* passed to both callbacks */
  int nBatch;                   /* articles a transaction; 0 (or less):
                                ** MARSAD_INGEST_BATCH */
} marsad_ingest_opts;

/* Ingests the file or directory (recursively, by extension) at zPath, or
** standard input when zPath is "-" (JSON Lines unless eFormat says
** otherwise). Bad files and lines are reported, counted in nSkipped and
** passed over; everything else is stored. Adds to *pStats (which the caller
** zeroes). Returns MARSAD_OK even when inputs were skipped; an error code
** only when the database itself failed, in which case nothing of the
** current batch is committed and earlier batches stay. */
MARSAD_API int marsad_ingest_path(marsad_db *pDb, const char *zPath,
                                  const marsad_ingest_opts *pOpts,
                                  marsad_ingest_stats *pStats /* IN/OUT */);

/* Ingests one in-memory input of format eFormat (not AUTO) named zSource. */
MARSAD_API int marsad_ingest_buffer(marsad_db *pDb, const char *zSource,
                                    const char *pData, size_t nData,
                                    const marsad_ingest_opts *pOpts,
                                    marsad_ingest_stats *pStats /* IN/OUT */);

/* ------------------------------------------------------------------------
** Queries. Every query writes its answer as JSON text into *pzJson, owned by
** the caller (marsad_free). docs/API.md documents the shape of each answer;
** the command line and the HTTP server print or serve it as it is.
*/

/* Common filters. Zero/NULL fields mean "no filter". */
typedef struct marsad_query {
  const char *zText;     /* search query, or a name to look up */
  const char *zOutlet;   /* only articles of this outlet */
  const char *zSince;    /* only dates on or after YYYY-MM-DD */
  const char *zUntil;    /* only dates on or before YYYY-MM-DD */
  const char *zStory;    /* only within this story id */
  const char *zKind;     /* entity kind, figure "counts", statement stance */
  const char *zSpeaker;  /* statements by this speaker */
  long nMinArticles;     /* stories with at least this many articles */
  long nLimit;           /* at most this many results (0: the default) */
  long nOffset;          /* skip this many results */
  unsigned flags;        /* MARSAD_QUERY_* */
} marsad_query;

#define MARSAD_QUERY_RAW     0x01   /* article: include the raw input */
#define MARSAD_QUERY_EXACT   0x02   /* search: no stemming */
#define MARSAD_QUERY_WHY     0x04   /* story/entity: include the evidence */
#define MARSAD_QUERY_LATEST  0x08   /* stories: latest first instead of largest first */

/* Articles by date: [{id, input, published, outlet, title}, ...]. */
MARSAD_API int marsad_articles_json(marsad_db *pDb, const marsad_query *pQ,
                                    char **pzJson /* OUT */);

/* One article by id (a unique prefix of the id is enough), with its body
** and, with MARSAD_QUERY_RAW, the raw input and the dropped lines.
** MARSAD_NOTFOUND when there is none. */
MARSAD_API int marsad_article_json(marsad_db *pDb, const char *zId, unsigned flags,
                                   char **pzJson /* OUT */);

/* Database statistics: counts of articles, outlets, copies, ..., entities,
** their mentions and stories (docs/API.md, /api/stats). */
MARSAD_API int marsad_stats_json(marsad_db *pDb, char **pzJson /* OUT */);

/* ------------------------------------------------------------------------
** HTTP server: the JSON API and the web page over a database, read-only
** (docs/API.md). The library never installs signal handlers: the program
** that starts a server decides when to call marsad_server_stop().
*/
typedef struct marsad_server marsad_server;

/* Server settings. Zero fields take the default shown. */
typedef struct marsad_server_opts {
  const char *zHost;      /* address to listen on ("127.0.0.1"); a numeric
                          ** IPv4 or IPv6 address, or "localhost" */
  int iPort;              /* TCP port (8080); -1 picks any free port, see
                          ** marsad_server_port() */
  int nThreads;           /* worker threads, each with its own read-only
                          ** database handle (4) */
  unsigned nTimeout;      /* seconds a connection may sit idle (15) */
  unsigned nMaxConn;      /* connections at once; more are refused (256) */
  size_t nConnMemory;     /* bytes per connection for the request line and
                          ** headers (16384): larger requests get 414/431 */
} marsad_server_opts;

/* Checks that the marsad database zDbPath opens read-only, then starts
** serving it in background threads and returns at once. *ppServer is
** always set: to the server (stop it with marsad_server_stop) or to NULL on
** failure, when *pzErr (if pzErr is not NULL) receives a message owned by
** the caller. MARSAD_MISUSE for bad options or an address that cannot be
** bound, MARSAD_DBERROR when the database cannot be opened. */
MARSAD_API int marsad_server_start(const char *zDbPath,
                                   const marsad_server_opts *pOpts,
                                   marsad_server **ppServer /* OUT */,
                                   char **pzErr /* OUT */);

/* The TCP port the server listens on (useful after iPort -1). */
MARSAD_API int marsad_server_port(const marsad_server *pServer);

/* Stops accepting connections, lets requests in progress finish (waiting at
** most a few seconds), stops the threads and frees everything. NULL is
** fine. Call it from one thread, once. */
MARSAD_API void marsad_server_stop(marsad_server *pServer);

/* ------------------------------------------------------------------------
** Search: Arabic full-text search over titles and bodies.
*/

/* Searches the articles for pQ->zText in marsad's query language (README.md, marsad search:
** plain words in any form; "exact phrases"; a OR b; -word;
** prefix*; =word, or MARSAD_QUERY_EXACT for the whole query, skips
** stemming), filtered by zOutlet, zSince, zUntil and zStory, paged by nLimit
** (default 20, at most 1000) and nOffset. Articles holding every term come
** first, then those holding some, each group best first by BM25 with
** titles weighted above bodies. The answer is a JSON array of hits
** {id, input, title, outlet, published, score, snippet}: score is higher
** for better matches; snippet is HTML-escaped body text with <mark>...</mark>
** around the matched words. A bad query (unbalanced quotes, nothing but
** stopwords, FTS5 syntax) gives MARSAD_MISUSE with a plain message in
** marsad_errmsg(). */
MARSAD_API int marsad_search_json(marsad_db *pDb, const marsad_query *pQ,
                                  char **pzJson /* OUT */);

/* ------------------------------------------------------------------------
** Stories: articles grouped by event as they are ingested, exact and near
** copies folded under the earliest article of their group, every decision
** kept with its evidence (docs/API.md; the method in docs/ARCHITECTURE.md).
*/

/* Stories by number of articles, then latest first:
** [{id ("s12"), title, first, last, n_articles, n_copies, n_outlets,
** outlets, top_terms, n_events, lead, entities (the 5 named in most of its
** articles, as marsad_entities_json gives them)}, ...]. Filters of pQ used: zSince/zUntil (stories
** whose date range meets [since, until]), nMinArticles, nLimit, nOffset. */
MARSAD_API int marsad_stories_json(marsad_db *pDb, const marsad_query *pQ,
                                   char **pzJson /* OUT */);

/* One story by id ("s12" or "12"): its summary (with its 8 top entities)
** and its articles by date,
** each {id, published, outlet, title, score, copies: [articles that copy
** it, with their resemblance]}. With MARSAD_QUERY_WHY each article carries
** its evidence: why it joined (the rule, the score and its parts, the best
** matching article, the shared terms). MARSAD_NOTFOUND when there is none. */
MARSAD_API int marsad_story_json(marsad_db *pDb, const char *zId, unsigned flags,
                                 char **pzJson /* OUT */);

/* Forgets every story and clusters all stored articles again, in the order
** they were stored, which gives the same stories as their ingestion did.
** nWindow is the window in days (0: keep the current one, 30 by default).
** Runs in batches, each its own transaction; xProgress (may be NULL) gets
** the count of articles done in nRead. */
MARSAD_API int marsad_recluster(marsad_db *pDb, int nWindow,
                                marsad_progress_fn xProgress, void *pCtx);

/* Recognises the entities and reads the facts (dates, figures, statements)
** of every stored article again, in the order they were stored, with the
** lists and model this process has now (after marsad_entities_data_dir, or
** a newer marsad), replacing what was found before: entity ids are given
** anew. Entities and facts change in one transaction, so an interrupted
** run leaves the old ones whole; then the stories are grouped again as by
** marsad_recluster (they weigh shared entities). xProgress (may be NULL)
** gets the count of articles done in nRead. Needs a writable handle. */
MARSAD_API int marsad_reanalyze(marsad_db *pDb, marsad_progress_fn xProgress,
                                void *pCtx);

/* Similarity of two articles as the clusterer sees them, without a
** database. A model holds the document frequencies that weigh the words:
** add to it the articles of the collection at hand (marsad_simmodel_add);
** an empty model weighs all words alike. */
typedef struct marsad_simmodel marsad_simmodel;

/* Creates an empty model; *ppOut is NULL on failure. */
MARSAD_API int marsad_simmodel_new(marsad_simmodel **ppOut /* OUT */);

/* Frees a model. NULL is fine. */
MARSAD_API void marsad_simmodel_free(marsad_simmodel *p);

/* Counts one article's words into the model. */
MARSAD_API int marsad_simmodel_add(marsad_simmodel *p, const char *pTitle, size_t nTitle,
                                   const char *pBody, size_t nBody);

/* The similarity in [0,1] of articles 1 and 2 under model p (NULL: an empty
** model) into *pr: the score the clusterer compares with
** marsad_story_threshold(p) before the date decay. */
MARSAD_API int marsad_similarity(marsad_simmodel *p,
                                 const char *pTitle1, size_t nTitle1,
                                 const char *pBody1, size_t nBody1,
                                 const char *pTitle2, size_t nTitle2,
                                 const char *pBody2, size_t nBody2,
                                 double *pr /* OUT */);

/* The similarity at which the clusterer lets an article join a story when
** as many articles have been counted as in model p (NULL: none). It rises
** from 0.21 to 0.25 as the count grows (halfway at 1,000): with few articles
** counted, word weights are less informative and related articles score
** lower. */
MARSAD_API double marsad_story_threshold(const marsad_simmodel *p);

/* The similarity at which an article joins an event of its story (the
** articles on one development within a day or two) under model p (NULL:
** none): the story threshold plus 0.18. */
MARSAD_API double marsad_event_threshold(const marsad_simmodel *p);

/* ------------------------------------------------------------------------
** Facts: dates, numbers, figures and statements (docs/EXPORT.md describes
** every field). Offsets are byte offsets into the article's body.
*/

/* Analyses the articles of one in-memory input without a database: each is
** read by the reader of eFormat (MARSAD_INPUT_AUTO: by zSource's extension;
** "-" means JSON Lines), cleaned as ingestion cleans it, its names
** recognised and its dates, figures and statements found. zToday
** (YYYY-MM-DD, may be NULL) is the day of the analysis, which only serves
** to fix the year of a date written with its weekday when the article has
** no publication date. As ingestion does, each bad part of the input (a
** line that is not an article, an article with no text) is reported to
** xReport (may be NULL) with its line, counted in *pnSkipped (may be NULL)
** and passed over; flaws the reader got past are reported, not counted.
** *pzJson receives a JSON array of article records (the export's article
** shape, plus "published_from_text" and "numbers"; each mention's entity
** null and its "kind" added), owned by the caller. MARSAD_FORMAT
** when the input as a whole is unreadable (the records read so far are
** still returned), MARSAD_MISUSE for an unknown format. */
MARSAD_API int marsad_analyze_buffer(const char *zSource, const char *pData, size_t nData,
                                     int eFormat, const char *zToday,
                                     marsad_report_fn xReport, void *pCtx,
                                     long *pnSkipped /* OUT */,
                                     char **pzJson /* OUT */);

/* Statements stored in the database, by date: [{article, outlet,
** published, speaker ("e<id>" or null), speaker_text, cue, lemma, stance,
** content, date, text, start, end}, ...]. Filters: zKind (a stance),
** zSpeaker (words of the speaker's name, in any spelling the normalizer
** folds, or of its entity's English name: Erdogan; or an entity id "e7"), zStory ("s12"), zOutlet, zSince, zUntil
** (on the statement's day), nLimit, nOffset. */
MARSAD_API int marsad_statements_json(marsad_db *pDb, const marsad_query *pQ,
                                      char **pzJson /* OUT */);

/* Figures stored in the database, as timelines: ordered by what they count,
** then by the day reported: [{article, outlet, published, value, max,
** approx, vague, counts, who, total, reported_by, reported_by_text, date,
** text, start, end}, ...]. Filters: zKind (what is counted: "killed", ...),
** zSpeaker (who reported it), zStory, zOutlet, zSince, zUntil, nLimit,
** nOffset. */
MARSAD_API int marsad_figures_json(marsad_db *pDb, const marsad_query *pQ,
                                   char **pzJson /* OUT */);

/* The facts found in one article, named by its full id, as the export's
** article record holds them (docs/EXPORT.md): {id, story (or null),
** mentions, figures, statements, dates}, every span a byte range of the
** stored title (mentions with field "title") or body; for the web page's
** highlighted article. MARSAD_NOTFOUND when there is no such article. */
MARSAD_API int marsad_article_facts_json(marsad_db *pDb, const char *zId,
                                         char **pzJson /* OUT */);

/* Export formats. */
#define MARSAD_EXPORT_JSONL           1  /* the whole database (docs/EXPORT.md) */
#define MARSAD_EXPORT_CSV_FIGURES     2  /* the figures, one CSV row each */
#define MARSAD_EXPORT_CSV_STATEMENTS  3  /* the statements, one CSV row each */

/* Writes the database to pOut in format eFormat: JSON Lines records of
** type article (with its mentions, figures, statements and dates), entity
** and story, or a CSV table. MARSAD_IO when pOut cannot be written. */
MARSAD_API int marsad_export(marsad_db *pDb, int eFormat, FILE *pOut);

/* ------------------------------------------------------------------------
** Entities: people, places and organisations, every spelling of one merged
** into one entity (docs/API.md has the shape of each answer).
*/

/* Recognises the people, places and organisations of a title pTitle[0..nTitle)
** and a body pBody[0..nBody) (either may be NULL or empty) without a
** database. *pzJson (owned by the caller) receives an array, title first,
** then body, in text order: [{field: "title"|"body", start, end (byte
** offsets into that field), text, kind: person|place|org|other, key (the
** normalized name), how: gazetteer|adjective|pattern|surname, gazetteer (the
** gazetteer id, when it has one)}]. MARSAD_MISUSE when the title or the
** body is not valid UTF-8 (marsad_ingest_* repair it; repair it first). */
MARSAD_API int marsad_names_json(const char *pTitle, size_t nTitle,
                                 const char *pBody, size_t nBody, unsigned flags,
                                 char **pzJson /* OUT */);

/* Flags of marsad_names_json. */
#define MARSAD_NAMES_RULES  0x01   /* the rules alone, without the statistical model */

/* Entities by the number of articles that mention them: [{id ("e<N>"), kind,
** name (Arabic display name), name_en (from the gazetteer, or null),
** gazetteer (its id, or null), articles, mentions}]. Filters: zKind (person,
** place, org, other; MARSAD_MISUSE for another word), zStory (only mentions
** in articles of that story; MARSAD_NOTFOUND when there are no stories),
** zText (a part of the name, the English name or a spelling, normalized),
** zSince/zUntil/zOutlet (of the articles),
** nLimit (default 50, at most 1000), nOffset. */
MARSAD_API int marsad_entities_json(marsad_db *pDb, const marsad_query *pQ,
                                    char **pzJson /* OUT */);

/* One entity, named by its id ("e7"), or by a short English form in
** capitals or small letters (its gazetteer id: US, UN; the initials of its
** English name: UK, UAE), or by any of its spellings
** (normalized: أردوغان = اردوغان) or its English name, or words of them
** (Obama, سلمان; the most mentioned of the entities these name), or, when
** none, such a name copied from a text with the proclitics of its first word
** (وبشار الأسد, لأردوغان, للسعودية): {id, kind, name, name_en,
** gazetteer, articles, mentions, variants: [{text, key, mentions}],
** spellings: [{text, mentions}] (a name written after لل, ل and the
** article, with its article: للولايات المتحدة gives الولايات المتحدة; the
** mentions keep their exact bytes), dates: [{date, articles, mentions}],
** stories: [{id, title, articles}] (when stories exist), latest: the 20
** latest [{id, published, outlet, title, mentions: [{field, start, end,
** text}]}]}. With MARSAD_QUERY_WHY each variant also has reason (why it was
** merged into the entity) and first_article. An id of an entity merged
** into another during ingestion names the one it joined, which then has
** merged_from: {id, reason}. MARSAD_NOTFOUND when no entity has that
** name. */
MARSAD_API int marsad_entity_json(marsad_db *pDb, const char *zName, unsigned flags,
                                  char **pzJson /* OUT */);

/* Reads the curated lists of the entity recogniser (entities_*.tsv,
** ner_*.tsv and the optional outlets.tsv, in the format of the source
** tree's data/ directory) from the directory zDir and uses them, for the
** whole process, instead of the copies compiled in (without outlets.tsv,
** no outlet names itself); the names drawn from Debian's catalogs
** (iso-codes countries, GeoNames cities) stay. zDir NULL goes back to the compiled
** lists. Call it before recognising or ingesting anything, never while
** another thread does. On failure the lists in force stay and *pzErr
** (when pzErr is not NULL; the caller frees it with marsad_free) says
** why: MARSAD_ERROR (a bad line, named as FILE:LINE, or a file that cannot
** be read), MARSAD_NOTFOUND (zDir holds no such files) or MARSAD_NOMEM. */
MARSAD_API int marsad_entities_data_dir(const char *zDir, char **pzErr /* OUT */);

#ifdef __cplusplus
}
#endif
#endif /* MARSAD_H */
