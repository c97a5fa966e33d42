/*
** params.h: the parsing of an HTTP request target for the server: the path
** split from the query string, percent-decoding, and the query parameters of
** the API checked and turned into a marsad_query (the same filters the
** command line takes). Everything here is pure: no sockets, no database, so
** the fuzz target fuzz/fuzz_params.c drives it directly.
*/
#ifndef MARSAD_PARAMS_H
#define MARSAD_PARAMS_H
#include <stddef.h>
#include "marsad.h"

/* Parameters a route accepts, as bit flags (see params.c for their names). */
#define MARSAD_P_Q        0x0001   /* q: search text or a name */
#define MARSAD_P_OUTLET   0x0002   /* outlet */
#define MARSAD_P_SINCE    0x0004   /* since=YYYY-MM-DD */
#define MARSAD_P_UNTIL    0x0008   /* until=YYYY-MM-DD */
#define MARSAD_P_STORY    0x0010   /* story id */
#define MARSAD_P_KIND     0x0020   /* kind (entities) */
#define MARSAD_P_COUNTS   0x0040   /* counts (figures) */
#define MARSAD_P_STANCE   0x0080   /* stance (statements) */
#define MARSAD_P_SPEAKER  0x0100   /* speaker (statements) */
#define MARSAD_P_MIN      0x0200   /* min_articles (stories) */
#define MARSAD_P_PAGE     0x0400   /* limit and offset */
#define MARSAD_P_EXACT    0x0800   /* exact=1: search without stemming */
#define MARSAD_P_WHY      0x1000   /* why=1: include the evidence */
#define MARSAD_P_RAW      0x2000   /* raw=1: include the raw input */
#define MARSAD_P_BY       0x4000   /* by: who reported (figures) */
#define MARSAD_P_NAME     0x8000   /* name: a part of an entity's name */
#define MARSAD_P_LATEST   0x10000  /* latest=1: stories latest first */

/* Bounds on what a request may ask for. */
#define MARSAD_PARAMS_MAX_VALUE   1024     /* bytes of one decoded value */
#define MARSAD_PARAMS_MAX_LIMIT   500      /* largest limit= */
#define MARSAD_PARAMS_MAX_OFFSET  1000000  /* largest offset= */

/* A parsed query string. q holds pointers into zStore. */
typedef struct marsad_params {
  marsad_query q;        /* the filters, ready for a query function */
  char *zStore;          /* decoded keys and values; owned, see params_free */
  char zErr[160];        /* why parsing failed (for a 400 answer) */
} marsad_params;

/* Decodes percent-escapes in z[0..n) in place (and '+' as a space when
** bPlus), NUL-terminating the result. Returns its length, or -1 when an
** escape is malformed, decodes to NUL, or the result is not valid UTF-8. */
long marsad_params_decode(char *z, size_t n, int bPlus);

/* Parses the query string zQuery[0..nQuery) (without the '?') into *pP for
** a route accepting the parameters in mAllowed. Rejects unknown, repeated,
** malformed or out-of-range parameters. Empty values count as absent.
** MARSAD_OK; MARSAD_MISUSE with the reason in pP->zErr; MARSAD_NOMEM. *pP is
** always initialised: call marsad_params_free after any outcome. */
int marsad_params_parse(const char *zQuery, size_t nQuery, unsigned mAllowed,
                        marsad_params *pP /* OUT */);

/* Frees what marsad_params_parse allocated. */
void marsad_params_free(marsad_params *pP);

/* True when z is a calendar date written YYYY-MM-DD. */
int marsad_params_is_date(const char *z);

#endif
