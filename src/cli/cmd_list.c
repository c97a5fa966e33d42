/*
** cmd_list.c: `marsad list`: stored articles, newest first: id, date,
** outlet and title.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints the articles of a marsad_articles_json answer as a table;
** CLI_PARTIAL (after a message) when there are none. */
static int print_articles(cli *pCli, json_t *pArr, void *pCtx){
  (void)pCtx;
  size_t i;
  json_t *pRow;
  if( json_array_size(pArr)==0 ){
    fprintf(stderr, "marsad list: no article matches\n");
    return CLI_PARTIAL;
  }
  json_array_foreach(pArr, i, pRow){
    printf("%.12s  %-10s  ", cli_json_str(pRow, "id", ""), cli_json_str(pRow, "published", "-"));
    cli_print_cut(cli_json_str(pRow, "outlet", "-"), 18, 1);
    fputs("  ", stdout);
    cli_print_cut(cli_json_str(pRow, "title", ""), 90, 0);
    if( json_is_string(json_object_get(pRow, "copy_of")) ){
      printf("  (copy of %.12s)", cli_json_str(pRow, "copy_of", ""));
    }
    fputc('\n', stdout);
  }
  (void)pCli;
  return CLI_OK;
}

/* `marsad list`. */
static int run_list(cli *pCli, int argc, char **argv){
  marsad_query q;
  memset(&q, 0, sizeof q);
  const cli_opt aOpt[] = {
    {"--outlet", &q.zOutlet, 0, 0, "only this outlet"},
    {"--since", &q.zSince, 0, 0, "only articles dated on or after this day"},
    {"--until", &q.zUntil, 0, 0, "only articles dated on or before this day"},
    {"--limit", 0, 0, &q.nLimit, "at most N articles (default 50)"},
    {"--offset", 0, 0, &q.nOffset, "skip the first N"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad list [OPTIONS]",
      "Lists stored articles, newest first: id, date, outlet and title.\n"
      "Undated articles are placed by the day they were ingested.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg ) return cli_usage_error(pCli, "unexpected argument %s", azArg[0]);
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_articles_json(pDb, &q, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_articles, 0);
}

const cli_command cli_cmd_list = {
  "list", "list stored articles (id, date, outlet, title)", run_list
};
