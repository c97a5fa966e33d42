/*
** cmd_stories.c: `marsad stories`: the stories as a front page, each by its
** lead event (its largest within the dates asked), largest first: id,
** dates, article and outlet counts and headline of the lead event, then the
** whole story's size when it holds other events, and its top entities.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints the stories of a marsad_stories_json answer as a table;
** CLI_PARTIAL (after a message) when there are none. */
static int print_stories(cli *pCli, json_t *pArr, void *pCtx){
  size_t i;
  json_t *pRow;
  if( json_array_size(pArr)==0 ){
    fprintf(stderr, "marsad stories: no story matches\n");
    return CLI_PARTIAL;
  }
  json_array_foreach(pArr, i, pRow){
    json_t *pLead = json_object_get(pRow, "lead");
    const char *zFirst = cli_json_str(pLead, "first", "-");
    const char *zLast = cli_json_str(pLead, "last", "-");
    printf("%-7s %s", cli_json_str(pRow, "id", ""), zFirst);
    if( strcmp(zFirst, zLast)!=0 && strlen(zLast)>5 ) printf("..%s", zLast+5);
    else fputs("       ", stdout);
    long long nOutlets = json_integer_value(json_object_get(pLead, "n_outlets"));
    printf("  %4lld art %3lld %-7s  ",
           (long long)json_integer_value(json_object_get(pLead, "n_articles")),
           nOutlets, nOutlets==1 ? "outlet" : "outlets");
    cli_print_cut(cli_json_str(pLead, "title", ""), 90, 0);
    long long nCopies = json_integer_value(json_object_get(pLead, "n_copies"));
    if( nCopies ) printf("  (%lld cop%s)", nCopies, nCopies==1 ? "y" : "ies");
    fputc('\n', stdout);
    long long nEvents = json_integer_value(json_object_get(pRow, "n_events"));
    if( nEvents>1 ){
      const char *zSFirst = cli_json_str(pRow, "first", "-"), *zSLast = cli_json_str(pRow, "last", "-");
      printf("%18s story of %lld articles, %lld events, %s%s%s\n", "",
             (long long)json_integer_value(json_object_get(pRow, "n_articles")), nEvents,
             zSFirst, strcmp(zSFirst, zSLast)!=0 ? ".." : "", strcmp(zSFirst, zSLast)!=0 ? zSLast : "");
    }
    cli_print_entity_names(json_object_get(pRow, "entities"), 0, "                   ");
  }
  (void)pCli; (void)pCtx;
  return CLI_OK;
}

/* `marsad stories`. */
static int run_stories(cli *pCli, int argc, char **argv){
  marsad_query q;
  int bLatest = 0;
  memset(&q, 0, sizeof q);
  const cli_opt aOpt[] = {
    {"--latest", 0, &bLatest, 0, "latest first (by last date) instead of largest first"},
    {"--since", &q.zSince, 0, 0, "only stories with articles on or after this day"},
    {"--until", &q.zUntil, 0, 0, "only stories with articles on or before this day"},
    {"--min-articles", 0, 0, &q.nMinArticles, "only stories of at least N articles"},
    {"--limit", 0, 0, &q.nLimit, "at most N stories (default 50)"},
    {"--offset", 0, 0, &q.nOffset, "skip the first N"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad stories [OPTIONS]",
      "Lists the stories the articles were grouped into as they were ingested, as a\n"
      "front page: each story by its lead event (the articles telling one development\n"
      "within a day or two), its largest within --since/--until (--latest: its latest),\n"
      "largest first (--latest: latest first): id, dates, articles (copies included),\n"
      "outlets and headline of the event, then the whole story's size when it threads\n"
      "several events, and the entities named in most of its articles. `marsad story ID`\n"
      "shows one.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg ) return cli_usage_error(pCli, "unexpected argument %s", azArg[0]);
  if( bLatest ) q.flags |= MARSAD_QUERY_LATEST;
  if( q.nMinArticles<0 || q.nLimit<0 || q.nOffset<0 ){
    return cli_usage_error(pCli, "numbers must not be negative");
  }
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_stories_json(pDb, &q, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_stories, 0);
}

const cli_command cli_cmd_stories = {
  "stories", "list stories (articles grouped by event), largest first", run_stories
};
