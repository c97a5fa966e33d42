/*
** cmd_entity.c: `marsad entity NAME|ID [--why]`: one entity with its
** spellings, its mentions by date, its stories and latest articles; --why
** adds the reason each spelling was merged into it.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* The integer member zKey of pObj. */
static long long num(json_t *pObj, const char *zKey){
  return (long long)json_integer_value(json_object_get(pObj, zKey));
}

/* What print_entity needs besides the answer. */
typedef struct entity_ctx {
  int bWhy;             /* --why */
  marsad_db *pDb;       /* for the other entities the name fits */
  const char *zName;    /* the NAME|ID asked for */
} entity_ctx;

/* True when zWord occurs in zHay where a word of it starts (at its start,
** after a space, a hyphen or a parenthesis) and, with bWhole, ends. */
static int starts_a_word(const char *zHay, const char *zWord, int bWhole){
  size_t n = strlen(zWord);
  for(const char *z = zHay; n && (z = strstr(z, zWord))!=0; z++){
    if( (z==zHay || strchr(" -(", z[-1])) && (!bWhole || z[n]==0 || strchr(" -)", z[n])) ) return 1;
  }
  return 0;
}

/* True when the name or English name of entity record pE (normalized) has
** a word starting with key zKey, or zKey without its article as a word:
** the query's words begin a word of the name (Putin: not Cloud Computing;
** كيري: not البكيرية; الأسد: قوات الأسد, not اسدروال). */
static int names_it(json_t *pE, const char *zKey){
  const char *azName[2] = { cli_json_str(pE, "name", ""), cli_json_str(pE, "name_en", "") };
  const char *zBare = strncmp(zKey, "\xD8\xA7\xD9\x84", 4)==0 && strlen(zKey)>8 ? zKey+4 : zKey;
  int bYes = 0;
  for(int i=0; i<2 && !bYes; i++){
    char *zName = 0;
    size_t n = 0;
    if( marsad_normalize(azName[i], strlen(azName[i]), &zName, &n)!=MARSAD_OK ) return 1;
    bYes = starts_a_word(zName, zKey, 0) || starts_a_word(zName, zBare, 1);
    marsad_free(zName);
  }
  return bYes;
}

/* When zName is no id, prints the other entities (up to 5, by articles)
** whose name or English name has a word starting with it, besides zShown:
** the one shown is the most mentioned of those the name fits, maybe not the
** one meant. */
static void print_others(marsad_db *pDb, const char *zName, const char *zShown){
  marsad_query q;
  char *zJson = 0, *zKey = 0;
  size_t i, n = 0, nKey = 0;
  json_t *pE;
  if( zName[0]=='e' && zName[1] && strspn(zName+1, "0123456789")==strlen(zName+1) ) return;
  if( marsad_normalize(zName, strlen(zName), &zKey, &nKey)!=MARSAD_OK ) return;
  memset(&q, 0, sizeof q);
  q.zText = zName;
  q.nLimit = 50;
  json_t *pArr = 0;
  if( marsad_entities_json(pDb, &q, &zJson)==MARSAD_OK ) pArr = json_loads(zJson, 0, 0);
  marsad_free(zJson);
  json_array_foreach(pArr, i, pE){
    if( strcmp(cli_json_str(pE, "id", ""), zShown)==0 || n==5 || !names_it(pE, zKey) ) continue;
    printf("%s%s %s (%lld)", n++ ? "، " : "others by that name: ", cli_json_str(pE, "id", ""),
           cli_json_str(pE, "name", ""), num(pE, "articles"));
  }
  if( n ) printf("  (marsad entities --name '%s')\n", zName);
  json_decref(pArr);
  marsad_free(zKey);
}

/* Prints a marsad_entity_json answer for people. */
static int print_entity(cli *pCli, json_t *p, void *pCtx){
  const entity_ctx *pC = pCtx;
  int bWhy = pC->bWhy;
  size_t i;
  json_t *pRow;
  printf("%s  %s  %s", cli_json_str(p, "id", ""), cli_json_str(p, "kind", ""), cli_json_str(p, "name", ""));
  if( json_is_string(json_object_get(p, "name_en")) ) printf("  (%s)", cli_json_str(p, "name_en", ""));
  printf("\n%lld article%s, %lld mention%s", num(p, "articles"), num(p, "articles")==1 ? "" : "s",
         num(p, "mentions"), num(p, "mentions")==1 ? "" : "s");
  if( json_is_string(json_object_get(p, "gazetteer")) ) printf(", gazetteer %s", cli_json_str(p, "gazetteer", ""));
  fputc('\n', stdout);
  json_t *pMerged = json_object_get(p, "merged_from");
  if( pMerged ){
    printf("%s was merged here (%s)\n", cli_json_str(pMerged, "id", ""),
           cli_json_str(pMerged, "reason", ""));
  }
  print_others(pC->pDb, pC->zName, cli_json_str(p, "id", ""));
  printf("\nspellings:\n");
  json_array_foreach(json_object_get(p, "spellings"), i, pRow){
    printf("  %6lld  %s\n", num(pRow, "mentions"), cli_json_str(pRow, "text", ""));
  }
  if( bWhy ){
    printf("\nwhy each spelling belongs here (spelling [the key it is matched by], mentions"
           " of any spelling of that key: reason; the article it came in first):\n");
    json_array_foreach(json_object_get(p, "variants"), i, pRow){
      printf("  %s  [%s]  %lld: %s; %.12s\n", cli_json_str(pRow, "text", ""),
             cli_json_str(pRow, "key", ""), num(pRow, "mentions"), cli_json_str(pRow, "reason", ""),
             cli_json_str(pRow, "first_article", "-"));
    }
  }
  printf("\nby date:\n");
  json_array_foreach(json_object_get(p, "dates"), i, pRow){
    printf("  %-10s %5lld article%-2s %5lld mention%s\n", cli_json_str(pRow, "date", "undated"),
           num(pRow, "articles"), num(pRow, "articles")==1 ? "" : "s",
           num(pRow, "mentions"), num(pRow, "mentions")==1 ? "" : "s");
  }
  if( json_array_size(json_object_get(p, "stories"))>0 ){
    printf("\nstories:\n");
    json_array_foreach(json_object_get(p, "stories"), i, pRow){
      printf("  %-6s %4lld article%-2s ", cli_json_str(pRow, "id", ""), num(pRow, "articles"),
             num(pRow, "articles")==1 ? "" : "s");
      cli_print_cut(cli_json_str(pRow, "title", ""), 80, 0);
      fputc('\n', stdout);
    }
  }
  printf("\nlatest articles:\n");
  json_array_foreach(json_object_get(p, "latest"), i, pRow){
    printf("  %.12s  %-10s  ", cli_json_str(pRow, "id", ""), cli_json_str(pRow, "published", "-"));
    cli_print_cut(cli_json_str(pRow, "title", ""), 80, 0);
    fputc('\n', stdout);
  }
  (void)pCli;
  return CLI_OK;
}

/* `marsad entity`. */
static int run_entity(cli *pCli, int argc, char **argv){
  int bWhy = 0;
  const cli_opt aOpt[] = {
    {"--why", 0, &bWhy, 0, "show why each spelling was merged into the entity"},
    {0, 0, 0, 0, 0}
  };
  char *azArg[argc+1];
  int nArg = 0;
  int rc = cli_parse(pCli, argc, argv, aOpt, "marsad entity [--why] NAME|ID",
      "Shows one entity, named by its id (e7), any of its spellings (أردوغان,\n"
      "اردوغان, إردوغان are one), its English name, or words of these (Obama,\n"
      "سلمان: the most mentioned entity they name, the others named so listed\n"
      "below it), also as copied from a text with its clitics (لأردوغان): its\n"
      "spellings, mentions by date, stories and latest articles.",
      azArg, &nArg);
  if( rc>=0 ) return rc;
  if( nArg!=1 ) return cli_usage_error(pCli, "expected one NAME or ID");
  marsad_db *pDb = cli_open(pCli, 1);
  if( pDb==0 ) return CLI_FAIL;
  char *zJson = 0;
  int lrc = marsad_entity_json(pDb, azArg[0], bWhy ? MARSAD_QUERY_WHY : 0, &zJson);
  entity_ctx c = { bWhy, pDb, azArg[0] };
  return cli_answer(pCli, pDb, lrc, zJson, print_entity, &c);
}

const cli_command cli_cmd_entity = {
  "entity", "one entity: spellings (--why: the reasons), mentions by date, stories", run_entity
};
