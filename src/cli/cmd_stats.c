/*
** cmd_stats.c: `marsad stats`: what the database holds.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints "label value" for an integer member. */
static void print_count(json_t *pObj, const char *zLabel, const char *zKey){
  printf("%-14s %lld\n", zLabel, (long long)json_integer_value(json_object_get(pObj, zKey)));
}

/* Prints a stats answer as text. */
static int print_stats(cli *pCli, json_t *pObj, void *pCtx){
  (void)pCtx;
  print_count(pObj, "articles", "articles");
  print_count(pObj, "exact copies", "copies");
  print_count(pObj, "not Arabic", "not_arabic");
  print_count(pObj, "undated", "undated");
  print_count(pObj, "outlets", "outlets");
  printf("%-14s %s .. %s\n", "dates", cli_json_str(pObj, "first", "-"), cli_json_str(pObj, "last", "-"));
  print_count(pObj, "body bytes", "body_bytes");
  print_count(pObj, "entities", "entities");
  print_count(pObj, "mentions", "mentions");
  print_count(pObj, "stories", "stories");
  size_t i;
  json_t *p;
  json_array_foreach(json_object_get(pObj, "by_outlet"), i, p){
    printf("  %7lld  %s\n", (long long)json_integer_value(json_object_get(p, "articles")),
           cli_json_str(p, "outlet", "(no outlet)"));
  }
  (void)pCli;
  return CLI_OK;
}

/* `marsad stats`. */
static int run_stats(cli *pCli, int argc, char **argv){
  const cli_opt aOpt[] = { {0, 0, 0, 0, 0} };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad stats",
      "Counts what the database holds: articles, copies, outlets, dates,\n"
      "entities and their mentions, stories; then the articles of each outlet.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg ) return cli_usage_error(pCli, "unexpected argument %s", azArg[0]);
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_stats_json(pDb, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_stats, 0);
}

const cli_command cli_cmd_stats = {
  "stats", "count what the database holds", run_stats
};
