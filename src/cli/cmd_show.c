/*
** cmd_show.c: `marsad show ID [--raw]`: one article with its metadata, its
** story and the entities named in it, and its body; --raw adds the raw
** input and the lines dropped as site chrome.
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
/* Prints the story of article zId and the entities named in it, in the
** order they first appear: each by its first mention's words, its id and
** how many times it is named. Prints nothing when the query fails. */
static void print_found(marsad_db *pDb, const char *zId){
  char *zJson = 0;
  if( marsad_article_facts_json(pDb, zId, &zJson)!=MARSAD_OK ) return;
  json_t *pFacts = json_loads(zJson, 0, 0);
  marsad_free(zJson);
  if( json_is_string(json_object_get(pFacts, "story")) ){
    printf("%-10s %s\n", "story:", cli_json_str(pFacts, "story", ""));
  }
  json_t *pMentions = json_object_get(pFacts, "mentions");
  size_t i, k, nShown = 0;
  json_t *pM, *pN;
  json_array_foreach(pMentions, i, pM){
    const char *zEnt = cli_json_str(pM, "entity", 0);
    int bSeen = 0, n = 0;
    if( zEnt==0 ) continue;
    json_array_foreach(pMentions, k, pN){
      const char *z = cli_json_str(pN, "entity", "");
      if( strcmp(z, zEnt)==0 ){ if( k<i ) bSeen = 1; n++; }
    }
    if( bSeen ) continue;
    printf("%s%s %s", nShown++ ? "، " : "entities:  ", cli_json_str(pM, "text", ""), zEnt);
    if( n>1 ) printf(" ×%d", n);
  }
  if( nShown ) fputc('\n', stdout);
  json_decref(pFacts);
}

static int print_article(cli *pCli, json_t *pObj, void *pCtx){
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
  print_found(pCtx, cli_json_str(pObj, "id", ""));
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
      "Shows one article: where it came from, its story and the entities\n"
      "named in it (each with its id and how often), then its title and\n"
      "text. ID is its id as `marsad list` prints it, or a unique prefix of\n"
      "it.", azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg!=1 ) return cli_usage_error(pCli, "give exactly one article id");
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_article_json(pDb, azArg[0], bRaw ? MARSAD_QUERY_RAW : 0, &zJson);
  return cli_answer(pCli, pDb, lrc, zJson, print_article, pDb);
}

const cli_command cli_cmd_show = {
  "show", "show one article (--raw: with its raw input)", run_show
};
