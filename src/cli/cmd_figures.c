/*
** cmd_figures.c: `marsad figures [--story ID --counts KIND]`: the figures as
** timelines of what was known when: for each kind of count, by the day it
** was reported, the value with its hedge, what is counted, who reported it,
** the outlet and the evidence.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* More figures than this, printed with no filter, come with a hint. */
#define FIGURES_HINT 200

/* Prints the figures as timelines, one per kind of count; pCtx is the
** query, for a hint on narrowing a long unfiltered listing. */
static int print_figures(cli *pCli, json_t *pArr, void *pCtx){
  const marsad_query *q = pCtx;
  size_t i;
  json_t *p;
  const char *zLast = "";
  json_array_foreach(pArr, i, p){
    const char *zCounts = cli_json_str(p, "counts", "");
    if( strcmp(zCounts, zLast)!=0 ) printf("%s%s:\n", i ? "\n" : "", zCounts);
    zLast = zCounts;
    cli_print_figure(p);
  }
  if( json_array_size(pArr)==0 ){
    fprintf(stderr, "marsad %s: none found\n", pCli->zCmd);
    return CLI_PARTIAL;
  }
  if( json_array_size(pArr)>FIGURES_HINT && !q->zStory && !q->zSince && !q->zUntil
   && !q->zSpeaker && !q->zOutlet && q->nLimit==0 ){
    fprintf(stderr, "marsad %s: %zu figures; narrow them with --story, --counts, "
            "--since/--until, --by or --limit\n", pCli->zCmd, json_array_size(pArr));
  }
  return CLI_OK;
}

/* `marsad figures`. */
static int run_figures(cli *pCli, int argc, char **argv){
  marsad_query q;
  memset(&q, 0, sizeof q);
  const cli_opt aOpt[] = {
    {"--story", &q.zStory, 0, 0, "only in this story (s12)"},
    {"--counts", &q.zKind, 0, 0, "only this kind of count (see above)"},
    {"--by", &q.zSpeaker, 0, 0, "only those reported by this source (words of its name or English name, or e7)"},
    {"--outlet", &q.zOutlet, 0, 0, "only from this outlet"},
    {"--since", &q.zSince, 0, 0, "only reported on or after this day"},
    {"--until", &q.zUntil, 0, 0, "only reported on or before this day"},
    {"--limit", 0, 0, &q.nLimit, "at most N figures"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt,
      "marsad figures [--story ID] [--counts KIND] [--by SOURCE] [...]",
      "Lists the figures (numbers of killed, wounded, fighters ...) as\n"
      "timelines: for each kind, by the day reported, with the hedge (>= at\n"
      "least, <= at most, ~ about), what is counted, who reported it, the\n"
      "outlet and the words it comes from. (total) marks a running total.\n"
      "Kinds: killed, wounded, missing, wounded_or_missing, kidnapped,\n"
      "arrested, fighters, bodies, returned, displaced, personnel, other.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg!=0 ) return cli_usage_error(pCli, "unexpected argument '%s'", azArg[0]);
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_figures_json(pDb, &q, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_figures, &q);
}

const cli_command cli_cmd_figures = {
  "figures", "figures (killed, wounded, fighters...) as timelines with source and date", run_figures
};
