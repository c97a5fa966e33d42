/*
** cmd_show.c: `marsad show ID [--raw]`: one article with its metadata and
** body; --raw adds the raw input and the lines dropped as site chrome.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* Prints "label: value" when value is present. */
static void print_field(json_t *pObj, const char *zLabel, const char *zKey){
  json_t *p = json_object_get(pObj, zKey);
  if( json_is_string(p) ) printf("%-10s %s\n", zLabel, json_string_value(p));
  else if( json_is_integer(p) ) printf("%-10s %lld\n", zLabel, (long long)json_integer_value(p));
}

/* Prints an article answer as text. */
static int print_article(cli *pCli, json_t *pObj, void *pCtx){
  (void)pCtx;
  print_field(pObj, "id:", "id");
  print_field(pObj, "input:", "input");
  print_field(pObj, "source:", "source");
  print_field(pObj, "line:", "line");
  print_field(pObj, "outlet:", "outlet");
  print_field(pObj, "url:", "url");
  print_field(pObj, "published:", "published");
  print_field(pObj, "ingested:", "ingested");
  print_field(pObj, "copy of:", "copy_of");
  if( json_integer_value(json_object_get(pObj, "arabic"))==0 ) printf("%-10s %s\n", "language:", "not Arabic");
  json_t *pCopies = json_object_get(pObj, "copies");
  if( json_array_size(pCopies) ){
    size_t i; json_t *p;
    printf("%-10s", "copies:");
    json_array_foreach(pCopies, i, p) printf(" %s", json_string_value(p));
    fputc('\n', stdout);
  }
  printf("\n%s\n\n%s\n", cli_json_str(pObj, "title", ""), cli_json_str(pObj, "body", ""));
  if( json_is_string(json_object_get(pObj, "dropped")) ){
    printf("\n--- dropped as site chrome ---\n%s\n", cli_json_str(pObj, "dropped", ""));
    printf("\n--- raw input ---\n%s\n", cli_json_str(pObj, "raw", ""));
  }
  (void)pCli;
  return CLI_OK;
}

/* `marsad show`. */
static int run_show(cli *pCli, int argc, char **argv){
  int bRaw = 0;
  const cli_opt aOpt[] = {
    {"--raw", 0, &bRaw, 0, "also show the raw input and the lines dropped as chrome"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad show [--raw] ID",
      "Shows one article. ID is its id as `marsad list` prints it, or a\n"
      "unique prefix of it.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg!=1 ) return cli_usage_error(pCli, "give exactly one article id");
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_article_json(pDb, azArg[0], bRaw ? MARSAD_QUERY_RAW : 0, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_article, 0);
}

const cli_command cli_cmd_show = {
  "show", "show one article (--raw: with its raw input)", run_show
};
