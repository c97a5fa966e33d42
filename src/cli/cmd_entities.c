/*
** cmd_entities.c: `marsad entities`: the people, places and organisations
** of the database, most mentioned first (by number of articles), with their
** kind and counts.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

#define ENTITIES_MAX_LIMIT 1000   /* marsad_entities_json's largest nLimit */

/* Prints the entities of a marsad_entities_json answer as a table;
** CLI_PARTIAL (after a message) when there are none. */
static int print_entities(cli *pCli, json_t *pArr, void *pCtx){
  size_t i;
  json_t *pRow;
  if( json_array_size(pArr)==0 ){
    fprintf(stderr, "marsad entities: no entity matches\n");
    return CLI_PARTIAL;
  }
  printf("%-7s %-6s %6s %7s  %s\n", "id", "kind", "arts", "ments", "name");
  json_array_foreach(pArr, i, pRow){
    printf("%-7s %-6s %6lld %7lld  ", cli_json_str(pRow, "id", ""), cli_json_str(pRow, "kind", ""),
           (long long)json_integer_value(json_object_get(pRow, "articles")),
           (long long)json_integer_value(json_object_get(pRow, "mentions")));
    cli_print_cut(cli_json_str(pRow, "name", ""), 40, 0);
    if( json_is_string(json_object_get(pRow, "name_en")) ){
      printf("  (%s)", cli_json_str(pRow, "name_en", ""));
    }
    fputc('\n', stdout);
  }
  (void)pCli; (void)pCtx;
  return CLI_OK;
}

/* `marsad entities`. */
static int run_entities(cli *pCli, int argc, char **argv){
  marsad_query q;
  memset(&q, 0, sizeof q);
  q.nLimit = -1;                /* none given (0 given is told apart) */
  const cli_opt aOpt[] = {
    {"--kind", &q.zKind, 0, 0, "only person, place, org or other"},
    {"--story", &q.zStory, 0, 0, "only mentions in the articles of this story (s12)"},
    {"--name", &q.zText, 0, 0, "only entities whose name, English name or a spelling contains it (any hamza, ة/ه)"},
    {"--outlet", &q.zOutlet, 0, 0, "only mentions in articles of this outlet"},
    {"--since", &q.zSince, 0, 0, "only mentions in articles dated on or after this day"},
    {"--until", &q.zUntil, 0, 0, "only mentions in articles dated on or before this day"},
    {"--limit", 0, 0, &q.nLimit, "at most N entities (default 50, at most 1000)"},
    {"--offset", 0, 0, &q.nOffset, "skip the first N"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad entities [OPTIONS]",
      "Lists the people, places and organisations found in the articles, the\n"
      "most widely mentioned first: id, kind, articles, mentions, name (and the\n"
      "English name when the gazetteer knows it). `marsad entity ID` shows one.",
      azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg ) return cli_usage_error(pCli, "unexpected argument %s", azArg[0]);
  if( q.nLimit==0 || q.nLimit>ENTITIES_MAX_LIMIT ){   /* said, not silently changed */
    fprintf(stderr, "marsad entities: --limit %ld: showing %s %d (--limit takes 1 to %d; --offset for more)\n",
            q.nLimit, q.nLimit ? "at most" : "the default", q.nLimit ? ENTITIES_MAX_LIMIT : 50,
            ENTITIES_MAX_LIMIT);
  }
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_entities_json(pDb, &q, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_entities, 0);
}

const cli_command cli_cmd_entities = {
  "entities", "people, places and organisations, most mentioned first", run_entities
};
